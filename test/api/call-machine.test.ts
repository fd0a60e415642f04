import { describe, expect, it } from 'vitest';
import {
  type CallEvent,
  type CallPolicy,
  type CallState,
  callReducer,
  creditWaitFor,
  DEFAULT_POLICY,
  initialCallState,
  retryDelayMs,
  type Transition,
} from '../../src/api/call-machine.js';
import type { Diagnosis } from '../../src/api/outcomes.js';
import type { ChatSuccess } from '../../src/api/session.js';

const WIZARD: CallPolicy = { ...DEFAULT_POLICY, timeoutMs: 60_000 };
const CHECK: CallPolicy = { ...DEFAULT_POLICY, confirmBeforeChat: false };

const fail = (kind: Diagnosis['kind'], extra: Partial<Diagnosis> = {}): Diagnosis => ({
  kind,
  status: null,
  code: null,
  serverMessage: null,
  ...extra,
});
const SUCCESS: ChatSuccess = {
  reply: 'haiku',
  model: 'gpt-4o-mini-2024-07-18',
  usage: null,
  costUsd: null,
  organization: 'user-abc',
  requestId: null,
  latencyMs: { firstToken: 1, total: 2 },
  streamed: true,
  rateLimits: null,
};
const modelsOk: CallEvent = {
  type: 'models-answered',
  answer: { ok: true, organization: 'user-abc', warning: null },
  elapsedMs: 100,
};
const chatOk: CallEvent = { type: 'chat-answered', answer: { ok: true, result: SUCCESS }, elapsedMs: 200 };
const chatFails = (diagnosis: Diagnosis, elapsedMs = 100): CallEvent => ({
  type: 'chat-answered',
  answer: { ok: false, diagnosis },
  elapsedMs,
});
const modelsFail = (diagnosis: Diagnosis, elapsedMs = 100): CallEvent => ({
  type: 'models-answered',
  answer: { ok: false, diagnosis },
  elapsedMs,
});

/** Runs events from the start; returns every transition. */
function run(policy: CallPolicy, events: readonly CallEvent[]): Transition[] {
  let state: CallState = initialCallState();
  const out: Transition[] = [];
  for (const event of events) {
    const transition = callReducer(state, event, policy);
    out.push(transition);
    state = transition.state;
  }
  return out;
}
const last = (transitions: Transition[]) => transitions.at(-1) as Transition;
const start: CallEvent = { type: 'start', hasKey: true };

describe('the test-call machine', () => {
  it('without a key, ends at once', () => {
    expect(last(run(WIZARD, [{ type: 'start', hasKey: false }]))).toEqual({
      state: expect.objectContaining({ phase: 'no-key' }),
      commands: [{ type: 'done' }],
    });
  });

  it('checks the models first, with the whole time limit', () => {
    expect(last(run(WIZARD, [start])).commands).toEqual([{ type: 'models', timeoutMs: 60_000 }]);
  });

  it('in the wizard, waits for Enter between the models check and the chat call', () => {
    const steps = run(WIZARD, [start, modelsOk]);
    expect(last(steps).state).toMatchObject({ phase: 'confirm', organization: 'user-abc' });
    expect(last(steps).commands).toEqual([]);
    const sent = last(run(WIZARD, [start, modelsOk, { type: 'confirm' }]));
    expect(sent.commands).toEqual([{ type: 'chat', timeoutMs: 59_900, stream: true }]);
  });

  it('in check, goes on to the chat call and ends with the reply', () => {
    const steps = run(CHECK, [start, modelsOk, chatOk]);
    expect(steps[1]?.commands).toEqual([{ type: 'chat', timeoutMs: 59_900, stream: true }]);
    expect(last(steps)).toEqual({
      state: expect.objectContaining({ phase: 'success', result: SUCCESS }),
      commands: [{ type: 'done' }],
    });
  });

  it('shows the reply as it streams', () => {
    const steps = run(CHECK, [start, modelsOk, { type: 'reply', text: 'A func' }]);
    expect(last(steps).state.reply).toBe('A func');
  });

  it.each([
    ['server', fail('server'), 500],
    ['network', fail('network', { detail: 'reset' }), 500],
    ['bad-response', fail('bad-response', { detail: 'cutOff' }), 500],
    ['rate-limit', fail('rate-limit'), 2000],
    ['rate-limit with retry-after', fail('rate-limit', { retryAfterMs: 300 }), 300],
  ])('retries %s after a wait (%s ms), at most twice', (_name, diagnosis, delay) => {
    const steps = run(CHECK, [start, modelsOk, chatFails(diagnosis)]);
    expect(last(steps)).toEqual({
      state: expect.objectContaining({ phase: 'retry-wait', retries: 1 }),
      commands: [{ type: 'start-timer', name: 'retry', ms: delay }],
    });
    const again = run(CHECK, [
      start,
      modelsOk,
      chatFails(diagnosis),
      { type: 'timer', name: 'retry' },
      chatFails(diagnosis),
      { type: 'timer', name: 'retry' },
      chatFails(diagnosis),
    ]);
    expect(again[3]?.commands[0]).toMatchObject({ type: 'chat' });
    expect(last(again)).toEqual({
      state: expect.objectContaining({ phase: 'failed', failure: diagnosis }),
      commands: [{ type: 'done' }],
    });
  });

  it.each(['invalid-key', 'no-credit', 'spend-limit', 'model', 'region', 'api'] as const)(
    'never retries %s on its own',
    (kind) => {
      expect(last(run(CHECK, [start, modelsOk, chatFails(fail(kind))]))).toEqual({
        state: expect.objectContaining({ phase: 'failed' }),
        commands: [{ type: 'done' }],
      });
    },
  );

  it('does not retry when the wait would pass the time limit', () => {
    const policy = { ...CHECK, timeoutMs: 1000 };
    const steps = run(policy, [start, modelsOk, chatFails(fail('rate-limit', { retryAfterMs: 950 }))]);
    expect(last(steps).state.phase).toBe('failed');
  });

  it('does not retry a timeout, and names the whole limit in it', () => {
    const steps = run({ ...CHECK, timeoutMs: 5000 }, [
      start,
      modelsFail(fail('network', { detail: 'timeout' })),
    ]);
    expect(last(steps).state).toMatchObject({
      phase: 'failed',
      failure: { detail: 'timeout', detailVars: { seconds: 5 } },
    });
  });

  it.each([
    ['timeout', 5],
    ['headersTimeout', 5],
    ['bodyTimeout', 5],
    ['connectTimeout', undefined],
    ['refused', undefined],
  ] as const)(
    'a failure with detail %s names the limit (%s s), for the words on giving it longer',
    (detail, seconds) => {
      const steps = run({ ...CHECK, timeoutMs: 5000, maxRetries: 0 }, [
        start,
        modelsFail(fail('network', { detail })),
      ]);
      expect(last(steps).state.failure?.detailVars?.seconds).toBe(seconds);
    },
  );

  it('spends one time limit on both requests and the waits between retries', () => {
    const steps = run({ ...CHECK, timeoutMs: 10_000 }, [
      start,
      modelsFail(fail('server'), 1000),
      { type: 'timer', name: 'retry' },
      modelsOk,
    ]);
    expect(steps[2]?.commands).toEqual([{ type: 'models', timeoutMs: 8500 }]);
    expect(last(steps).commands).toEqual([{ type: 'chat', timeoutMs: 8400, stream: true }]);
  });

  it('r after a failure is a new request with a fresh time limit', () => {
    const policy = { ...WIZARD, timeoutMs: 5000 };
    const steps = run(policy, [
      start,
      modelsOk,
      { type: 'confirm' },
      chatFails(fail('network', { detail: 'timeout' }), 4900),
      { type: 'retry' },
    ]);
    expect(last(steps)).toEqual({
      state: expect.objectContaining({ phase: 'chat', spentMs: 0, retries: 0, failure: null }),
      commands: [{ type: 'chat', timeoutMs: 5000, stream: true }],
    });
  });

  it('a failed models check is tried again with r', () => {
    const steps = run(WIZARD, [start, modelsFail(fail('invalid-key')), { type: 'retry' }]);
    expect(last(steps).commands).toEqual([{ type: 'models', timeoutMs: 60_000 }]);
  });

  describe('streaming refused until the organization is verified', () => {
    const refused = fail('api', { status: 400, code: 'unsupported_value', streamRefused: true });

    it('asks once more without streaming, and notes why', () => {
      const steps = run(CHECK, [start, modelsOk, chatFails(refused)]);
      expect(last(steps)).toEqual({
        state: expect.objectContaining({ phase: 'chat', stream: false, streamRefused: true }),
        commands: [{ type: 'chat', timeoutMs: 59_800, stream: false }],
      });
      expect(last(run(CHECK, [start, modelsOk, chatFails(refused), chatOk])).state.phase).toBe('success');
    });

    it('ends with verification when the model needs it even unstreamed', () => {
      const steps = run(CHECK, [start, modelsOk, chatFails(refused), chatFails(fail('verification'))]);
      expect(last(steps).state).toMatchObject({ phase: 'failed', failure: { kind: 'verification' } });
    });
  });

  describe('waiting for credit', () => {
    const noCredit = fail('no-credit', { status: 429 });
    const wizard: CallPolicy = { ...WIZARD, creditWait: { intervalMs: 2000, maxTries: 2, auto: false } };

    it('waits only when asked (w), counting down, then tries with a fresh time limit', () => {
      const failed = run(wizard, [start, modelsOk, { type: 'confirm' }, chatFails(noCredit)]);
      expect(last(failed).state.phase).toBe('failed');
      const waiting = run(wizard, [
        start,
        modelsOk,
        { type: 'confirm' },
        chatFails(noCredit),
        { type: 'wait' },
      ]);
      expect(last(waiting)).toEqual({
        state: expect.objectContaining({ phase: 'credit-wait', secondsLeft: 2, creditTries: 1 }),
        commands: [{ type: 'start-timer', name: 'credit-tick', ms: 1000 }],
      });
      const tried = run(wizard, [
        start,
        modelsOk,
        { type: 'confirm' },
        chatFails(noCredit),
        { type: 'wait' },
        { type: 'timer', name: 'credit-tick' },
        { type: 'timer', name: 'credit-tick' },
      ]);
      expect(tried.at(-2)?.state.secondsLeft).toBe(1);
      expect(last(tried).commands).toEqual([{ type: 'chat', timeoutMs: 60_000, stream: true }]);
    });

    it('gives up after the last try, and says so', () => {
      const steps = run(wizard, [
        start,
        modelsOk,
        { type: 'confirm' },
        chatFails(noCredit),
        { type: 'wait' },
        { type: 'timer', name: 'credit-tick' },
        { type: 'timer', name: 'credit-tick' },
        chatFails(noCredit),
        { type: 'timer', name: 'credit-tick' },
        { type: 'timer', name: 'credit-tick' },
        chatFails(noCredit),
      ]);
      expect(last(steps).state).toMatchObject({ phase: 'failed', gaveUp: true, creditTries: 2 });
    });

    it('in check with --wait-for-credit, waits without being asked', () => {
      const policy = { ...CHECK, creditWait: creditWaitFor(1) };
      expect(policy.creditWait).toEqual({ intervalMs: 30_000, maxTries: 2, auto: true });
      expect(last(run(policy, [start, modelsOk, chatFails(noCredit)])).state.phase).toBe('credit-wait');
    });

    it('Esc stops waiting and shows the failure again', () => {
      const steps = run(wizard, [
        start,
        modelsOk,
        { type: 'confirm' },
        chatFails(noCredit),
        { type: 'wait' },
        { type: 'cancel' },
      ]);
      expect(last(steps)).toEqual({
        state: expect.objectContaining({ phase: 'failed', failure: noCredit }),
        commands: [{ type: 'stop-timer', name: 'credit-tick' }],
      });
    });

    it('w does nothing on other failures', () => {
      const steps = run(wizard, [start, modelsFail(fail('invalid-key')), { type: 'wait' }]);
      expect(last(steps)).toEqual({ state: steps.at(-2)?.state, commands: [] });
    });
  });

  describe('Esc', () => {
    it('cancels a request in flight, and late answers are ignored', () => {
      const steps = run(WIZARD, [start, { type: 'cancel' }]);
      expect(last(steps)).toEqual({
        state: expect.objectContaining({ phase: 'cancelled', stage: 'models' }),
        commands: [{ type: 'abort' }],
      });
      const late = run(WIZARD, [start, { type: 'cancel' }, modelsOk]);
      expect(last(late).state.phase).toBe('cancelled');
    });

    it('cancels a retry that is waiting', () => {
      const steps = run(CHECK, [start, modelsFail(fail('server')), { type: 'cancel' }]);
      expect(last(steps).commands).toEqual([{ type: 'stop-timer', name: 'retry' }]);
    });

    it('Enter after a cancel sends again', () => {
      const steps = run(WIZARD, [
        start,
        modelsOk,
        { type: 'confirm' },
        { type: 'cancel' },
        { type: 'confirm' },
      ]);
      expect(last(steps).commands).toEqual([{ type: 'chat', timeoutMs: 60_000, stream: true }]);
    });
  });

  it('a session that cannot open is a failure of its own', () => {
    const diagnosis = fail('usage', { detail: 'proxyEnv', detailVars: { variable: 'HTTPS_PROXY' } });
    expect(last(run(CHECK, [start, { type: 'session-failed', diagnosis }])).state).toMatchObject({
      phase: 'failed',
      failure: diagnosis,
    });
  });
});

describe('retryDelayMs', () => {
  it('takes what the server asked, else backs off', () => {
    expect(retryDelayMs(fail('server', { retryAfterMs: 1234 }), 1)).toBe(1234);
    expect(retryDelayMs(fail('server'), 1)).toBe(500);
    expect(retryDelayMs(fail('server'), 2)).toBe(1000);
    expect(retryDelayMs(fail('rate-limit'), 2)).toBe(4000);
  });
});
