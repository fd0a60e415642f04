/**
 * The test-call screen's keys as data: for each state, which keys act, what each does, and the hint that
 * names it. The screen draws its hints from this list and runs its keys from the same list, so a hint never
 * names a key that does nothing and no key acts without a hint. Pure.
 */
import type { CallEvent, CallState } from '../api/call-machine.js';
import { type Content, fill } from '../content/content.js';
import type { StepId } from '../wizard/steps.js';

/** What a key does. */
export type TestCallAction =
  | { readonly type: 'event'; readonly event: CallEvent }
  | { readonly type: 'go-to'; readonly step: StepId }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'copy' };

/**
 * The intents the screen routes through this list. `open` is among them with no binding yet: this step has
 * no page of its own, so `o` does nothing here rather than saying so (a failure lists its own pages).
 */
export type BindingIntent = 'next' | 'back' | 'retry' | 'wait' | 'copy' | 'open';

/** A key that acts here: the intent it comes as, the key and words of its hint, and the action. */
export type Binding = {
  /** The intents (src/hooks/key-intent.ts) that trigger it: one hint may name two keys (`Enter, r`). */
  readonly intents: readonly BindingIntent[];
  readonly key: string;
  readonly label: string;
  readonly action: TestCallAction;
};

/** Where a failure sends the user: a step other than this one, with its number and name. */
export type FixStep = { readonly id: StepId; readonly number: number; readonly name: string } | null;

/** Whether the call is under way: jumping away and the step list wait for it (a language switch need not). */
export function isBusy(state: CallState): boolean {
  return state.phase === 'models' || state.phase === 'chat' || state.phase === 'retry-wait';
}

/** The keys that act in this state. `fix` is the failure's step to go back to, if any. */
export function testCallBindings(state: CallState, fix: FixStep, content: Content): Binding[] {
  const h = content.ui.hints;
  const copy: Binding = { intents: ['copy'], key: 'c', label: h.copy, action: { type: 'copy' } };
  const back: Binding = { intents: ['back'], key: '←', label: h.back, action: { type: 'back' } };
  const cancel = (label: string): Binding => ({
    intents: ['back'],
    key: 'Esc',
    label,
    action: { type: 'event', event: { type: 'cancel' } },
  });
  const retry: Binding = {
    intents: ['retry'],
    key: 'r',
    label: h.retry,
    action: { type: 'event', event: { type: 'retry' } },
  };
  switch (state.phase) {
    case 'no-key':
      return [
        {
          intents: ['next'],
          key: 'Enter',
          label: fill(h.fix, { n: fix?.number ?? '', name: fix?.name ?? '' }),
          action: { type: 'go-to', step: fix?.id ?? 'api-key' },
        },
        back,
      ];
    case 'models':
    case 'chat':
    case 'retry-wait':
      return [cancel(h.cancel)];
    case 'credit-wait':
      return [cancel(h.stopWaiting)];
    case 'confirm':
      return [
        {
          intents: ['next'],
          key: 'Enter',
          label: h.send,
          action: { type: 'event', event: { type: 'confirm' } },
        },
        back,
        copy,
      ];
    case 'cancelled':
      return [
        {
          intents: ['next', 'retry'],
          key: 'Enter, r',
          label: h.sendAgain,
          action: { type: 'event', event: { type: 'confirm' } },
        },
        back,
        copy,
      ];
    case 'success':
      return [{ intents: ['next'], key: 'Enter', label: h.next, action: { type: 'next' } }, back, copy];
    case 'failed': {
      const bindings: Binding[] = fix
        ? [
            {
              intents: ['next'],
              key: 'Enter',
              label: fill(h.fix, { n: fix.number, name: fix.name }),
              action: { type: 'go-to', step: fix.id },
            },
            retry,
          ]
        : [{ ...retry, intents: ['next', 'retry'], key: 'Enter, r' }];
      if (state.failure?.kind === 'no-credit')
        bindings.push({
          intents: ['wait'],
          key: 'w',
          label: h.wait,
          action: { type: 'event', event: { type: 'wait' } },
        });
      bindings.push(back, copy);
      return bindings;
    }
  }
}
