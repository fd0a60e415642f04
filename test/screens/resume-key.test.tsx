/** Resuming past the api-key step: the key is never saved, so it comes from the environment or is asked for. */
import { afterEach, describe, expect, it } from 'vitest';
import { usableKey } from '../../src/api/key-check.js';
import { contentFor } from '../../src/content/content.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { PERSONAL_FLOW } from '../../src/wizard/flow.js';
import { resumeOn } from '../../src/wizard/resume.js';
import { type StepId, stepIndex } from '../../src/wizard/steps.js';
import { renderApp, sessionTo } from '../helpers/app.js';
import { configSavedAt } from '../helpers/cli.js';
import { PTY_KEYS, ptyRuns } from '../helpers/pty.js';
import { KEYS } from '../helpers/render.js';

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const en = contentFor('en');
const saved = (step: StepId) => ({ step, reached: step, answers: { amount: '25' } });

describe('resumeOn with a key', () => {
  it.each([
    ['test-call', KEY, 'test-call', KEY],
    ['done', KEY, 'done', KEY],
    ['test-call', `  "${KEY}"\n`, 'test-call', KEY],
    ['test-call', undefined, 'api-key', undefined],
    ['test-call', '', 'api-key', undefined],
    ['test-call', `ghp_${'FAKE'.repeat(9)}`, 'api-key', undefined],
    ['test-call', 'sk-proj-cut', 'api-key', undefined],
    ['api-key', KEY, 'api-key', undefined],
    ['amount', KEY, 'amount', undefined],
  ] as const)('saved at %s with OPENAI_API_KEY %j: resumes at %s', (step, key, at, initialKey) => {
    const point = resumeOn(PERSONAL_FLOW, saved(step), usableKey(key));
    if (!point) throw new Error('no place');
    expect(point.resumeFrom.index).toBe(stepIndex(at));
    expect(point.resumeFrom.reached).toBe(Math.max(stepIndex(at), stepIndex(step)));
    expect(point.resumeFrom.answers).toEqual({ amount: '25' });
    expect(point.initialKey).toBe(initialKey);
  });
});

let server: DemoServer | undefined;
let unmount: (() => void) | undefined;
afterEach(async () => {
  unmount?.();
  await server?.close();
  server = undefined;
});

describe('the wizard resumed at the test call', () => {
  const at = stepIndex('test-call');
  it('with the key it was given: checks the key, and the call can be sent', async () => {
    server = await startDemoServer({});
    const app = renderApp({
      rows: 40,
      resumeFrom: { index: at, reached: at, answers: {} },
      initialKey: KEY,
      services: { openSession: sessionTo(server.baseUrl) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Continue at step 13');
    await app.press(KEYS.enter);
    const frame = await app.waitForText(en.steps['test-call'].confirm);
    expect(frame).not.toContain(en.steps['test-call'].noKey);
    await app.press(KEYS.enter);
    await app.waitForText('replied:');
    expect(server.requests.map((r) => r.maskedKey)).toEqual(['sk-proj-…WXYZ', 'sk-proj-…WXYZ']);
  });
});

const start = ptyRuns(afterEach);

describe('openai-topup resumed at the test call, in a terminal', () => {
  it('with OPENAI_API_KEY set: uses it, and does not say there is no key', async () => {
    server = await startDemoServer({});
    const run = start(['--base-url', server.baseUrl], {
      rows: 40,
      env: { XDG_CONFIG_HOME: configSavedAt('test-call'), OPENAI_API_KEY: KEY },
    });
    await run.waitForText('Continue at step 13');
    run.write(PTY_KEYS.enter);
    const screen = await run.waitForText('Press Enter to send');
    expect(screen).toContain('13/14');
    expect(screen).not.toContain('There is no key yet');
    run.write(PTY_KEYS.enter);
    await run.waitForText('replied:');
    expect(run.raw()).not.toContain(KEY);
  });

  it.each([
    ['without OPENAI_API_KEY', {}],
    ["with another service's key in OPENAI_API_KEY", { OPENAI_API_KEY: `ghp_${'FAKE'.repeat(9)}` }],
  ])('%s: lands on the api-key step', async (_name, env) => {
    const run = start([], { rows: 40, env: { XDG_CONFIG_HOME: configSavedAt('test-call'), ...env } });
    await run.waitForText('Continue at step 12');
    run.write(PTY_KEYS.enter);
    await run.waitForText('12/14');
  });
});
