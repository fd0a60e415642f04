import { afterEach, describe, expect, it } from 'vitest';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { startDemoServer } from '../../src/demo/server.js';
import { oneKeyPerRead } from '../../src/system/key-reader.js';
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
    await app.waitForText('Choose Individual or Company');
    await burst(app, KEYS.down, KEYS.enter);
    await app.waitForText('7/14');
    await app.waitFor(() => saved.length > 0, 'a save');
    expect(saved.at(-1)).toEqual({ accountType: 'company' });
  });

  it('one Enter acts once, even when it changes the phase that would take the next key', async () => {
    const index = stepIndex('auto-recharge');
    const app = renderApp({ state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    await app.waitForText('Turn it off (recommended)');
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

const FAKE = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
const PASTE = (text: string) => `\u001b[200~${text}\u001b[201~`;

/** The wizard with the keyboard the real one gets: every read split into keys (src/system/key-reader.ts). */
function wizardAt(step: Parameters<typeof stepIndex>[0], options: Parameters<typeof renderApp>[0] = {}) {
  const index = stepIndex(step);
  const app = renderApp({
    rows: 40,
    state: { index, reached: index },
    wrapStdin: (stdin) => oneKeyPerRead(stdin, { escapeMs: 5, pasteMs: 50 }),
    ...options,
  });
  unmount = () => app.instance.unmount();
  return app;
}

/** Writes everything as ONE read, as a terminal delivers keys typed fast, sent by tmux or pasted. */
async function oneRead(app: ReturnType<typeof renderApp>, data: string) {
  await settle();
  app.stdin.write(data);
  await settle();
}

describe('keys that arrive in one read', () => {
  it('Backspace Backspace 2 5 Enter on the amount turns $10 into $25 and goes on', async () => {
    const saved: unknown[] = [];
    const app = wizardAt('amount', { services: { saveProgress: async (s) => void saved.push(s.answers) } });
    await app.waitForText('$10');
    await oneRead(app, `${KEYS.backspace}${KEYS.backspace}25${KEYS.enter}`);
    await app.waitForText('9/14');
    await app.waitFor(() => saved.some((a) => (a as { amount?: string }).amount === '25'), 'the amount 25');
  });

  it('the same on the auto-recharge threshold', async () => {
    const app = wizardAt('auto-recharge');
    await app.waitForText('Turn it off (recommended)');
    await oneRead(app, `${KEYS.down}${KEYS.enter}`);
    await app.waitForText('falls below: $5');
    await oneRead(app, `${KEYS.backspace}25${KEYS.enter}`);
    await app.waitForText('back up to');
    expect(app.frame()).toContain('falls below: $25');
  });

  it('Enter Enter on a guide screen moves two steps', async () => {
    const app = wizardAt('login');
    await app.waitForText('2/14');
    await oneRead(app, `${KEYS.enter}${KEYS.enter}`);
    await app.waitForText('4/14');
  });

  it('↓ Enter on a choice chooses the second option', async () => {
    const saved: unknown[] = [];
    const app = wizardAt('account-type', {
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    await app.waitForText('Choose Individual or Company');
    await oneRead(app, `${KEYS.down}${KEYS.enter}`);
    await app.waitForText('7/14');
    await app.waitFor(() => saved.length > 0, 'a save');
    expect(saved.at(-1)).toEqual({ accountType: 'company' });
  });

  it('a key pasted with its newline, unbracketed, is filled in and submitted', async () => {
    let accepted: string | undefined;
    const app = wizardAt('api-key', {
      services: {
        openSession: async (key) => {
          accepted = key;
          throw new Error('not in this test');
        },
      },
    });
    await app.waitForText('nothing yet');
    await oneRead(app, `${FAKE}\n`);
    await app.waitForText('13/14');
    await app.waitFor(() => accepted !== undefined, 'the key to be used');
    expect(accepted).toBe(FAKE);
  });

  it('a bracketed paste holding a newline is filled in and not submitted; Enter then submits', async () => {
    const app = wizardAt('api-key');
    await app.waitForText('nothing yet');
    await oneRead(app, PASTE(`${FAKE}\n`));
    await app.waitForText(`${FAKE.length} characters`);
    expect(app.frame()).toContain('12/14');
    await oneRead(app, KEYS.enter);
    await app.waitForText('13/14');
  });

  it('seventy Backspaces in one read delete seventy characters', async () => {
    const app = wizardAt('api-key');
    await app.waitForText('nothing yet');
    await oneRead(app, PASTE(FAKE));
    await app.waitForText(`${FAKE.length} characters`);
    await oneRead(app, KEYS.backspace.repeat(70));
    await app.waitForText(`${FAKE.length - 70} characters`);
  });

  it('Ctrl+U clears the field', async () => {
    const app = wizardAt('amount');
    await app.waitForText('$10');
    await oneRead(app, `\u00153${KEYS.enter}`);
    await app.waitForText('The smallest purchase is $5.');
    expect(app.frame()).toContain('8/14');
  });
});
