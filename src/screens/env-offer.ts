/**
 * The done screen's offer to keep the key in a `.env` file, as a pure machine: closed → planning → asked →
 * (asked again, when the file already sets the key) → applying → closed with an outcome. The screen runs the
 * plan and the write (store/env-file.ts) when the state asks for them, and reports back with `planned` and
 * `applied`; each carries the request it belongs to, so an answer to a cancelled request changes nothing.
 *
 * What counts as yes (answerOf): one key event that is exactly `y`, while a question is on screen. Keys
 * arrive one event at a time (system/key-reader.ts), a run of printable text as one event, so a burst
 * `yy`, a paste of `yes` or of a key, and `y` with a newline are one event that is not `y`: they answer no.
 * Enter, `Y`, Alt+y and every other key answer no; Tab answers nothing (it shows what did not fit).
 */
import type { Key } from 'ink';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import type { ApplyOptions, ApplyResult, EnvExtra, EnvPlan, PlanResult } from '../store/env-file.js';
import { envFileSentences } from '../store/env-file-text.js';

/** store/env-file.ts bound to one folder: plan() looks and changes nothing; apply() takes a plan exactly as returned. */
export type EnvFileService = {
  readonly plan: (key: string, extra?: EnvExtra) => Promise<PlanResult>;
  readonly apply: (plan: EnvPlan, options: ApplyOptions) => Promise<ApplyResult>;
};

/** How an offer ended, shown until the next one starts. */
export type OfferOutcome =
  | ApplyResult
  /** No yes: nothing was written. `hangul`: the answer was ㅛ, the y key with Korean input on. */
  | { readonly kind: 'cancelled'; readonly hangul: boolean }
  /** Practice mode: the practice key is not written anywhere. */
  | { readonly kind: 'practice' }
  /** The wizard holds no key in memory (resumed past the key step). */
  | { readonly kind: 'no-key' };

/** Where the offer is. `request` counts the offers made, so late answers to an old one are ignored. */
export type OfferState =
  | { readonly phase: 'closed'; readonly request: number; readonly outcome?: OfferOutcome }
  | { readonly phase: 'planning'; readonly request: number }
  | { readonly phase: 'ask'; readonly request: number; readonly plan: EnvPlan }
  /** The file already sets the key: replacing that line needs its own yes. */
  | { readonly phase: 'ask-replace'; readonly request: number; readonly plan: EnvPlan }
  | {
      readonly phase: 'applying';
      readonly request: number;
      readonly plan: EnvPlan;
      readonly replace: boolean;
    };

/** What can happen to the offer. */
export type OfferAction =
  /** `e` was pressed: whether a key can be written at all. */
  | { readonly type: 'open'; readonly can: 'yes' | 'practice' | 'no-key' }
  | { readonly type: 'planned'; readonly request: number; readonly result: PlanResult }
  | { readonly type: 'confirm' }
  | { readonly type: 'decline'; readonly hangul: boolean }
  | { readonly type: 'applied'; readonly request: number; readonly result: ApplyResult };

/** Nothing offered yet. */
export const OFFER_CLOSED: OfferState = { phase: 'closed', request: 0 };

const closed = (state: OfferState, outcome: OfferOutcome): OfferState => ({
  phase: 'closed',
  request: state.request,
  outcome,
});

/** The offer's next state. Pure. */
export function offerReducer(state: OfferState, action: OfferAction): OfferState {
  switch (action.type) {
    case 'open':
      if (state.phase !== 'closed') return state;
      if (action.can !== 'yes') return closed(state, { kind: action.can });
      return { phase: 'planning', request: state.request + 1 };
    case 'planned':
      if (state.phase !== 'planning' || action.request !== state.request) return state;
      return action.result.kind === 'plan'
        ? { phase: 'ask', request: state.request, plan: action.result }
        : closed(state, action.result);
    case 'confirm':
      if (state.phase === 'ask') {
        return state.plan.replaces.length > 0
          ? { phase: 'ask-replace', request: state.request, plan: state.plan }
          : { phase: 'applying', request: state.request, plan: state.plan, replace: false };
      }
      if (state.phase === 'ask-replace')
        return { phase: 'applying', request: state.request, plan: state.plan, replace: true };
      // A y before the list is on screen is not a yes to it.
      if (state.phase === 'planning') return closed(state, { kind: 'cancelled', hangul: false });
      return state;
    case 'decline':
      if (state.phase === 'planning' || state.phase === 'ask')
        return closed(state, { kind: 'cancelled', hangul: action.hangul });
      // No to replacing: the writer is asked without the yes, and answers that the line was kept.
      if (state.phase === 'ask-replace')
        return { phase: 'applying', request: state.request, plan: state.plan, replace: false };
      return state;
    case 'applied':
      if (state.phase !== 'applying' || action.request !== state.request) return state;
      return closed(state, action.result);
  }
}

/** What a key means while the offer is asking: yes, no, or nothing (Tab: it shows what did not fit). */
export type Answer = { readonly type: 'confirm' } | { readonly type: 'decline'; readonly hangul: boolean };

/** The answer a key event gives (see the module comment for what counts as yes). */
export function answerOf(input: string, key: Partial<Key>): Answer | undefined {
  if (key.tab) return undefined;
  if (input === 'y' && !key.ctrl && !key.meta) return { type: 'confirm' };
  // ㅛ is what the y key types with Korean (two-set) input on: say so instead of a bare "cancelled".
  return { type: 'decline', hangul: input === 'ㅛ' };
}

/** Sentences to show, how many of the first must stay on screen, and their colour. */
export type OfferLines = {
  readonly lines: readonly string[];
  /** The first `must` lines never move behind Tab (the files, with their full paths). */
  readonly must: number;
  readonly tone?: 'done' | 'warning';
};

/** What the screen shows for an outcome, in the user's language. `keyStep` is the API-key step's number. */
export function outcomeLines(outcome: OfferOutcome, content: Content, keyStep: number): OfferLines {
  const text = content.envFile.screen;
  switch (outcome.kind) {
    case 'cancelled':
      return { lines: [outcome.hangul ? text.cancelledHangul : text.cancelled], must: 1 };
    case 'practice':
      return { lines: [text.practice], must: 1 };
    case 'no-key':
      return { lines: [fill(text.noKey, { n: keyStep })], must: 1 };
    case 'written': {
      const lines = envFileSentences(outcome, content);
      return { lines, must: outcome.written.length, tone: 'done' };
    }
    case 'kept':
      return { lines: envFileSentences(outcome, content), must: 1 };
    case 'refused': {
      const lines = envFileSentences(outcome, content);
      return { lines, must: lines.length, tone: 'warning' };
    }
  }
}

/** What the screen shows for a plan: the heading and each file written stay; the rest may move behind Tab. */
export function planLines(plan: EnvPlan, content: Content): OfferLines {
  return { lines: envFileSentences(plan, content), must: 1 + plan.writes.length };
}

/** The second question's sentences: the file, and what happens to the line it already has. */
export function replaceLines(plan: EnvPlan, content: Content): OfferLines {
  const all = envFileSentences(plan, content);
  const file = all[plan.writes.length] ?? plan.envPath;
  const replace = fill(content.envFile.plan.replace, { names: plan.replaces.join(', ') });
  const more = plan.keyLines > 1 ? [fill(content.envFile.plan.keyLines, { count: plan.keyLines })] : [];
  return { lines: [file, replace, ...more], must: 2 };
}
