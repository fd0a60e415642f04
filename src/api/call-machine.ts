/**
 * The test call as a pure state machine, shared by the wizard (through a hook) and `check` (through a loop):
 * events in (started, an answer, a piece of the reply, a timer, a key), the new state and commands out
 * (send this request, start or stop a timer, abort, done). No timers, no I/O, no clock: what time has passed
 * arrives with the events. One retry policy and one credit-wait policy, here and nowhere else.
 */

import { type Diagnosis, isRetryable, TIMEOUT_DETAILS } from './outcomes.js';
import type { ChatAnswer, ChatSuccess, ModelsAnswer } from './session.js';

/** How the call behaves; the wizard and `check` differ only here. */
export type CallPolicy = {
  /** The limit for one run: both requests and their automatic retries. `r` and each credit-wait try start afresh. */
  readonly timeoutMs: number;
  /** Automatic retries per request (CLI.md: at most twice). */
  readonly maxRetries: number;
  /** The wizard waits for Enter between the models check and the chat call; `check` does not. */
  readonly confirmBeforeChat: boolean;
  /** Waiting for credit: try every intervalMs, at most maxTries times; `auto` starts it without a key. */
  readonly creditWait: { readonly intervalMs: number; readonly maxTries: number; readonly auto: boolean };
};

/** CLI.md's retry rules and the wizard's credit wait. */
export const DEFAULT_POLICY: CallPolicy = {
  timeoutMs: 60_000,
  maxRetries: 2,
  confirmBeforeChat: true,
  creditWait: { intervalMs: 30_000, maxTries: 20, auto: false },
};

/** Which request a phase is about. */
export type Stage = 'models' | 'chat';

/** Where the call is. */
export type Phase =
  | 'no-key'
  | 'models'
  | 'confirm'
  | 'chat'
  | 'retry-wait'
  | 'credit-wait'
  | 'success'
  | 'failed'
  | 'cancelled';

/** The whole state: what the screen and the summary show. */
export type CallState = {
  readonly phase: Phase;
  /** The request the current phase is about. */
  readonly stage: Stage;
  readonly organization: string | null;
  /** The key may not list models, but the chat call went on. */
  readonly modelsWarning: boolean;
  /** The reply so far (already safe to show). */
  readonly reply: string;
  /** Whether the next chat call streams: false once the API refused streaming for an unverified organization. */
  readonly stream: boolean;
  readonly streamRefused: boolean;
  /** Automatic retries used for the current request. */
  readonly retries: number;
  /** Time spent in this run (requests and retry waits). */
  readonly spentMs: number;
  /** The failure being retried, and the wait before the retry (retry-wait). */
  readonly retrying: { readonly diagnosis: Diagnosis; readonly delayMs: number } | null;
  /** Credit-wait tries so far, and the seconds to the next one. */
  readonly creditTries: number;
  readonly secondsLeft: number;
  readonly result: ChatSuccess | null;
  readonly failure: Diagnosis | null;
  /** The credit wait ended without credit. */
  readonly gaveUp: boolean;
};

/** What can happen. */
export type CallEvent =
  | { readonly type: 'start'; readonly hasKey: boolean }
  | { readonly type: 'session-failed'; readonly diagnosis: Diagnosis }
  | { readonly type: 'models-answered'; readonly answer: ModelsAnswer; readonly elapsedMs: number }
  | { readonly type: 'reply'; readonly text: string }
  | { readonly type: 'chat-answered'; readonly answer: ChatAnswer; readonly elapsedMs: number }
  | { readonly type: 'timer'; readonly name: TimerName }
  /** Enter on the confirmation or after a cancel: send the chat call. */
  | { readonly type: 'confirm' }
  /** `r`: try again, a new run with a fresh time limit. */
  | { readonly type: 'retry' }
  /** `w`: wait for credit. */
  | { readonly type: 'wait' }
  /** Esc: stop what is running. */
  | { readonly type: 'cancel' };

/** The machine's timers. */
export type TimerName = 'retry' | 'credit-tick';

/** What the driver must do. */
export type CallCommand =
  | { readonly type: 'models'; readonly timeoutMs: number }
  | { readonly type: 'chat'; readonly timeoutMs: number; readonly stream: boolean }
  | { readonly type: 'abort' }
  | { readonly type: 'start-timer'; readonly name: TimerName; readonly ms: number }
  | { readonly type: 'stop-timer'; readonly name: TimerName }
  /** The call reached an end (success or a failure no retry may fix): `check` stops here. */
  | { readonly type: 'done' };

/** A state and the commands that come with it. */
export type Transition = { readonly state: CallState; readonly commands: readonly CallCommand[] };

/** The state before anything happened. */
export function initialCallState(): CallState {
  return {
    phase: 'models',
    stage: 'models',
    organization: null,
    modelsWarning: false,
    reply: '',
    stream: true,
    streamRefused: false,
    retries: 0,
    spentMs: 0,
    retrying: null,
    creditTries: 0,
    secondsLeft: 0,
    result: null,
    failure: null,
    gaveUp: false,
  };
}

/** The wait before automatic retry number `retry` (1-based): what the server asked, else a growing backoff. */
export function retryDelayMs(diagnosis: Diagnosis, retry: number): number {
  if (diagnosis.retryAfterMs !== undefined) return diagnosis.retryAfterMs;
  const base = diagnosis.kind === 'rate-limit' ? 2000 : 500;
  return base * 2 ** (retry - 1);
}

/** The credit-wait policy of `check --wait-for-credit MINUTES`: a try every 30 s within the minutes. */
export function creditWaitFor(minutes: number | undefined, intervalMs = 30_000): CallPolicy['creditWait'] {
  if (!minutes) return { intervalMs, maxTries: 0, auto: false };
  return { intervalMs, maxTries: Math.max(1, Math.floor((minutes * 60_000) / intervalMs)), auto: true };
}

const ticks = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Time left in this run. */
function remaining(state: CallState, policy: CallPolicy): number {
  return Math.max(0, Math.ceil(policy.timeoutMs - state.spentMs));
}

/** A timeout's sentence names the whole limit, not what was left of it (and how to give it longer). */
function withSeconds(diagnosis: Diagnosis, policy: CallPolicy): Diagnosis {
  return diagnosis.detail !== undefined && TIMEOUT_DETAILS.has(diagnosis.detail)
    ? { ...diagnosis, detailVars: { ...diagnosis.detailVars, seconds: Math.round(policy.timeoutMs / 1000) } }
    : diagnosis;
}

function send(state: CallState, stage: Stage, policy: CallPolicy): Transition {
  const next: CallState = { ...state, phase: stage, stage, retrying: null, failure: null, gaveUp: false };
  const timeoutMs = remaining(next, policy);
  return {
    state: stage === 'chat' ? { ...next, reply: '' } : next,
    commands: [
      stage === 'models' ? { type: 'models', timeoutMs } : { type: 'chat', timeoutMs, stream: state.stream },
    ],
  };
}

/** A new run: a fresh time limit and fresh retries. */
function freshRun(state: CallState): CallState {
  return { ...state, spentMs: 0, retries: 0 };
}

function fail(state: CallState, diagnosis: Diagnosis, policy: CallPolicy, gaveUp = false): Transition {
  return {
    state: { ...state, phase: 'failed', failure: withSeconds(diagnosis, policy), retrying: null, gaveUp },
    commands: [{ type: 'done' }],
  };
}

function startCreditWait(state: CallState, policy: CallPolicy, diagnosis: Diagnosis | null): Transition {
  const tries = state.creditTries + 1;
  return {
    state: {
      ...state,
      phase: 'credit-wait',
      failure: diagnosis,
      stage: 'chat',
      creditTries: tries,
      secondsLeft: ticks(policy.creditWait.intervalMs),
    },
    commands: [
      { type: 'start-timer', name: 'credit-tick', ms: Math.min(1000, policy.creditWait.intervalMs) },
    ],
  };
}

/** What a failed request leads to: a retry, the credit wait, or the end. */
function afterFailure(state: CallState, diagnosis: Diagnosis, policy: CallPolicy): Transition {
  if (diagnosis.kind === 'no-credit' && state.stage === 'chat') {
    const waiting = state.creditTries > 0 || policy.creditWait.auto;
    if (waiting && state.creditTries < policy.creditWait.maxTries)
      return startCreditWait(state, policy, diagnosis);
    return fail(state, diagnosis, policy, waiting);
  }
  const retry = state.retries + 1;
  const delayMs = retryDelayMs(diagnosis, retry);
  const retryable =
    isRetryable(diagnosis.kind) &&
    diagnosis.detail !== 'timeout' &&
    retry <= policy.maxRetries &&
    state.spentMs + delayMs < policy.timeoutMs;
  if (!retryable) return fail(state, diagnosis, policy);
  return {
    state: { ...state, phase: 'retry-wait', retries: retry, retrying: { diagnosis, delayMs } },
    commands: [{ type: 'start-timer', name: 'retry', ms: delayMs }],
  };
}

/** The machine. Pure: the same state, event and policy give the same transition. */
export function callReducer(state: CallState, event: CallEvent, policy: CallPolicy): Transition {
  const stay: Transition = { state, commands: [] };
  switch (event.type) {
    case 'start':
      if (!event.hasKey) return { state: { ...state, phase: 'no-key' }, commands: [{ type: 'done' }] };
      return send(freshRun(initialCallState()), 'models', policy);

    case 'session-failed':
      return fail(state, event.diagnosis, policy);

    case 'models-answered': {
      if (state.phase !== 'models') return stay;
      const spent = { ...state, spentMs: state.spentMs + event.elapsedMs };
      if (!event.answer.ok) return afterFailure(spent, event.answer.diagnosis, policy);
      const answered: CallState = {
        ...spent,
        organization: event.answer.organization,
        modelsWarning: event.answer.warning !== null,
        retries: 0,
      };
      if (policy.confirmBeforeChat) return { state: { ...answered, phase: 'confirm' }, commands: [] };
      return send(answered, 'chat', policy);
    }

    case 'reply':
      return state.phase === 'chat' ? { state: { ...state, reply: event.text }, commands: [] } : stay;

    case 'chat-answered': {
      if (state.phase !== 'chat') return stay;
      const spent = { ...state, spentMs: state.spentMs + event.elapsedMs };
      if (event.answer.ok) {
        return {
          state: {
            ...spent,
            phase: 'success',
            result: event.answer.result,
            reply: event.answer.result.reply,
          },
          commands: [{ type: 'done' }],
        };
      }
      const { diagnosis } = event.answer;
      // Streaming refused until the organization is verified: the same request once more, unstreamed.
      if (diagnosis.streamRefused && state.stream) {
        return send({ ...spent, stream: false, streamRefused: true }, 'chat', policy);
      }
      if (diagnosis.streamRefused) return fail(spent, { ...diagnosis, kind: 'verification' }, policy);
      return afterFailure(spent, diagnosis, policy);
    }

    case 'timer':
      if (event.name === 'retry' && state.phase === 'retry-wait') {
        const waited = state.retrying?.delayMs ?? 0;
        return send({ ...state, spentMs: state.spentMs + waited }, state.stage, policy);
      }
      if (event.name === 'credit-tick' && state.phase === 'credit-wait') {
        const left = state.secondsLeft - 1;
        if (left > 0) {
          return {
            state: { ...state, secondsLeft: left },
            commands: [{ type: 'start-timer', name: 'credit-tick', ms: 1000 }],
          };
        }
        // Each try is a check of its own, with a fresh time limit.
        return send(freshRun({ ...state, secondsLeft: 0 }), 'chat', policy);
      }
      return stay;

    case 'confirm':
      if (state.phase === 'confirm') return send(state, 'chat', policy);
      if (state.phase === 'cancelled') return send(freshRun(state), state.stage, policy);
      return stay;

    case 'retry':
      if (state.phase !== 'failed' && state.phase !== 'cancelled') return stay;
      return send(freshRun({ ...state, creditTries: 0 }), state.stage, policy);

    case 'wait':
      if (state.phase !== 'failed' || state.failure?.kind !== 'no-credit') return stay;
      return startCreditWait(freshRun({ ...state, creditTries: 0 }), policy, state.failure);

    case 'cancel':
      if (state.phase === 'models' || state.phase === 'chat')
        return { state: { ...state, phase: 'cancelled' }, commands: [{ type: 'abort' }] };
      if (state.phase === 'retry-wait')
        return {
          state: { ...state, phase: 'cancelled', retrying: null },
          commands: [{ type: 'stop-timer', name: 'retry' }],
        };
      if (state.phase === 'credit-wait') {
        const diagnosis: Diagnosis = state.failure ?? {
          kind: 'no-credit',
          status: 429,
          code: null,
          serverMessage: null,
        };
        return {
          state: { ...state, phase: 'failed', failure: diagnosis, gaveUp: false },
          commands: [{ type: 'stop-timer', name: 'credit-tick' }],
        };
      }
      return stay;
  }
}
