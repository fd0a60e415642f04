import { afterEach, describe, expect, it } from 'vitest';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { startDemoServer } from '../../src/demo/server.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { renderApp, sessionTo } from '../helpers/app.js';
import { KEYS, settle } from '../helpers/render.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** Writes keys with no pause between them, as a fast typist or a pasted sequence delivers them. */
async function burst(app: ReturnType<typeof renderApp>, ...keys: string[]) {
  await settle();
  for (const key of keys) app.stdin.write(key);
  await settle();
}

describe('keys that arrive together', () => {
  it('↓ then Enter on a choice chooses the option moved to', async () => {
    const index = stepIndex('account-type');
    const saved: unknown[] = [];
    const app = renderApp({
      state: { index, reached: index },
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Individual or company?');
    await burst(app, KEYS.down, KEYS.enter);
    await app.waitForText('7/14');
    await app.waitFor(() => saved.length > 0, 'a save');
    expect(saved.at(-1)).toEqual({ accountType: 'company' });
  });

  it('one Enter acts once, even when it changes the phase that would take the next key', async () => {
    const index = stepIndex('auto-recharge');
    const app = renderApp({ state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    await app.waitForText('Off (recommended)');
    await burst(app, KEYS.down, KEYS.enter);
    await app.waitForText('falls below: $5');
    expect(app.frame()).not.toContain('back up to');
    expect(app.frame()).toContain('9/14');
  });

  it('typed digits then Enter submit what was typed', async () => {
    const index = stepIndex('amount');
    const saved: unknown[] = [];
    const app = renderApp({
      state: { index, reached: index },
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('$10');
    await burst(app, KEYS.backspace, KEYS.backspace, '2', '5', KEYS.enter);
    await app.waitForText('9/14');
    await app.waitFor(
      () => saved.some((a) => (a as { amount?: string }).amount === '25'),
      'the amount saved',
    );
  });

  it('two Enters on the confirmation send one test call, not two', async () => {
    const server = await startDemoServer({ chunkDelayMs: 20 });
    const index = stepIndex('api-key');
    const app = renderApp({
      state: { index, reached: index },
      services: {
        suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
        openSession: sessionTo(server.baseUrl),
      },
    });
    unmount = () => app.instance.unmount();
    try {
      await app.waitForText('Use this key');
      await burst(app, KEYS.enter);
      await app.waitForText('Press Enter to send');
      await burst(app, KEYS.enter, KEYS.enter);
      await app.waitForText('replied:');
      expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
