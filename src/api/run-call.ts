/**
 * The test call without a user interface: the shared machine driven to its end (`check`'s loop). Resolves
 * with the final state, or with the state at the moment `signal` aborted (a signal, Ctrl+C).
 */
import { createCallDriver } from './call-driver.js';
import type { CallPolicy, CallState } from './call-machine.js';
import type { Session } from './session.js';

/** What a run needs. */
export type RunCallOptions = {
  readonly policy: CallPolicy;
  readonly open: () => Promise<Session>;
  /** Every state on the way, with the one before it. */
  readonly onChange?: (state: CallState, previous: CallState) => void;
  readonly signal?: AbortSignal;
};

/** Runs the call to its end; the session is closed before this resolves. */
export async function runCall(options: RunCallOptions): Promise<{ state: CallState; aborted: boolean }> {
  let finish: (state: CallState) => void = () => undefined;
  const ended = new Promise<CallState>((resolve) => {
    finish = resolve;
  });
  let previous: CallState | undefined;
  const driver = createCallDriver({
    policy: options.policy,
    open: options.open,
    onChange: (state) => {
      if (previous) options.onChange?.(state, previous);
      previous = state;
    },
    onDone: (state) => finish(state),
  });
  previous = driver.state();
  const onAbort = () => finish(driver.state());
  options.signal?.addEventListener('abort', onAbort, { once: true });
  driver.send({ type: 'start', hasKey: true });
  const state = await ended;
  options.signal?.removeEventListener('abort', onAbort);
  await driver.stop();
  return { state, aborted: options.signal?.aborted ?? false };
}
