import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { renderApp, sessionTo } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({});
});
afterAll(() => server.close());

function start(options: Parameters<typeof renderApp>[0] = {}) {
  const app = renderApp({ columns: 80, rows: 24, ...options });
  unmount = () => app.instance.unmount();
  return app;
}

describe('walking the wizard with keys', () => {
  it('goes forward through all 14 screens with Enter, through a live test call, and finishes', async () => {
    let cleared = false;
    const app = start({
      services: {
        suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
        openSession: sessionTo(server.baseUrl),
        clearProgress: () => {
          cleared = true;
        },
      },
    });
    const expected = [
      '1/14 Welcome',
      '2/14 Log in',
      '3/14 Settings',
      '4/14 Billing',
      '5/14 Payment details',
      '6/14 Individual or company',
      '7/14 Card',
      '8/14 Initial credit',
      '9/14 Automatic recharge',
      '10/14 Confirm',
      '11/14 Balance',
      '12/14 API key',
      '13/14 Test call',
      '14/14 Done',
    ];
    for (const title of expected.slice(0, 12)) {
      await app.waitForText(title);
      await app.press(KEYS.enter);
    }
    // The test call checks the key first (free), then asks before spending.
    await app.waitForText('Organization: user-abcdefghijklmnopqrstuvwx');
    await app.waitForText('Press Enter to send the test call');
    await app.press(KEYS.enter);
    await app.waitForText('gpt-4o-mini-2024-07-18 replied');
    expect(app.frame()).toContain('until the base case.');
    expect(app.frame()).toContain('27 tokens in, 19 out');
    expect(app.frame()).toContain('9,999 of 10,000 requests a day left');
    expect(app.frame()).toContain('usage tier 1');
    await app.press(KEYS.enter);
    await app.waitForText('14/14 Done');
    await app.press(KEYS.enter);
    await app.waitFor(() => app.exit() !== undefined, 'the exit');
    expect(app.exit()?.code).toBe(0);
    expect(cleared).toBe(true);
  });

  it('goes back with Esc, ← and Backspace, and not past the first screen', async () => {
    const app = start({ state: { index: 4, reached: 4 } });
    await app.waitForText('5/14');
    await app.press(KEYS.escape);
    await app.waitForText('4/14');
    await app.press(KEYS.left);
    await app.waitForText('3/14');
    await app.press(KEYS.backspace);
    await app.waitForText('2/14');
    await app.press(KEYS.escape, KEYS.escape);
    await app.waitForText('1/14');
    expect(app.frame()).not.toContain('← back');
  });

  it('jumps with a digit to a step already reached, and not beyond', async () => {
    const app = start({ state: { index: 5, reached: 5 } });
    await app.waitForText('6/14');
    await app.press('9');
    expect(app.frame()).toContain('6/14');
    await app.press('3');
    await app.waitForText('3/14 Settings');
    await app.press('6');
    await app.waitForText('6/14');
  });

  it('switches language with l and keeps the place', async () => {
    const app = start({ state: { index: 3, reached: 3 } });
    await app.waitForText('4/14 Billing');
    await app.press('l');
    await app.waitForText('4/14 결제');
    expect(app.frame()).toContain('Organization → Billing으로 가기');
    await app.press('l');
    await app.waitForText('4/14 Billing');
  });

  it('quits with q, exit 0, progress saved', async () => {
    const app = start({ state: { index: 2, reached: 2 } });
    await app.waitForText('3/14');
    await app.press('q');
    await app.waitFor(() => app.exit() !== undefined, 'the exit');
    expect(app.exit()).toEqual({
      code: 0,
      message: 'Progress saved at step 3/14. To continue, run: openai-topup',
    });
  });

  it('in practice mode, q names the command that continues there (practice progress is kept apart)', async () => {
    const app = start({ state: { index: 2, reached: 2 }, services: { practice: true } });
    await app.waitForText('3/14');
    await app.press('q');
    await app.waitFor(() => app.exit() !== undefined, 'the exit');
    expect(app.exit()?.message).toBe('Progress saved at step 3/14. To continue, run: openai-topup --demo');
  });

  it('q and Ctrl+C name the command that continues, with the flags that change the call', async () => {
    const command = "openai-topup --base-url 'http://127.0.0.1:9/v1' --model gpt-4.1-mini --timeout 5";
    const quit = start({ state: { index: 2, reached: 2 }, services: { continueCommand: command } });
    await quit.waitForText('3/14');
    await quit.press('q');
    await quit.waitFor(() => quit.exit() !== undefined, 'the exit');
    expect(quit.exit()?.message).toBe(`Progress saved at step 3/14. To continue, run: ${command}`);
    quit.instance.unmount();
    const stop = start({ state: { index: 2, reached: 2 }, services: { continueCommand: command } });
    await stop.waitForText('3/14');
    await stop.press('\u0003');
    await stop.waitFor(() => stop.exit() !== undefined, 'the exit');
    expect(stop.exit()).toEqual({
      code: 130,
      message: `Interrupted. Progress saved at step 3/14. To continue, run: ${command}`,
    });
  });

  it('drops a notice when the language changes: it was written in the other one', async () => {
    const app = start({
      state: { index: 1, reached: 1 },
      services: { openUrl: async () => 'Opened the page.' },
    });
    await app.waitForText('2/14');
    await app.press('o');
    await app.waitForText('Opened the page.');
    await app.press('l');
    const frame = await app.waitForText('2/14 로그인');
    expect(frame).not.toContain('Opened the page.');
  });

  it('exits 130 on Ctrl+C, also inside a text field', async () => {
    const app = start({ state: { index: stepIndex('amount'), reached: stepIndex('amount') } });
    await app.waitForText('8/14');
    await app.press(KEYS.ctrlC);
    await app.waitFor(() => app.exit() !== undefined, 'the exit');
    expect(app.exit()?.code).toBe(130);
  });

  it('opens help with ? and closes it with Esc', async () => {
    const app = start({ state: { index: 1, reached: 1 } });
    await app.waitForText('2/14');
    await app.press('?');
    await app.waitForText('switch language');
    await app.press(KEYS.escape);
    await app.waitForText('2/14 Log in');
  });

  it('opens the step list with s and jumps to a reached step with Enter', async () => {
    const app = start({ state: { index: 4, reached: 6 } });
    await app.waitForText('5/14');
    await app.press('s');
    await app.waitForText('All steps');
    expect(app.frame()).toContain('● 5. Payment details');
    expect(app.frame()).toContain('✓ 7. Card');
    expect(app.frame()).toContain('○ 8. Initial credit');
    await app.press(KEYS.up, KEYS.up, KEYS.enter);
    await app.waitForText('3/14 Settings');
  });
});

describe('the browser key', () => {
  it('o opens the step page and shows what happened; the URL stays on screen', async () => {
    const opened: string[] = [];
    const app = start({
      state: { index: 3, reached: 3 },
      services: {
        openUrl: async (url) => {
          opened.push(url);
          return 'Not opening a browser over SSH: copy the address below into a browser on your own computer.';
        },
      },
    });
    await app.waitForText('4/14');
    await app.press('o');
    await app.waitForText('Not opening a browser over SSH');
    expect(opened).toEqual(['https://platform.openai.com/settings/organization/billing/overview']);
    expect(app.frame().split('\n')).toContain(
      'https://platform.openai.com/settings/organization/billing/overview',
    );
  });
});

describe('the account-type screen', () => {
  it('records Company when chosen with ↓ and Enter', async () => {
    const saved: unknown[] = [];
    const index = stepIndex('account-type');
    const app = start({
      state: { index, reached: index },
      services: { saveProgress: async (state) => void saved.push(state.answers) },
    });
    await app.waitForText('Choose Individual or Company');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitForText('7/14 Card');
    expect(saved.at(-1)).toEqual({ accountType: 'company' });
  });
});

describe('the amount screen', () => {
  const index = stepIndex('amount');
  const open = (answers = {}) => start({ state: { index, reached: index, answers } });

  it('is prefilled with 10 and Enter takes it', async () => {
    const saved: unknown[] = [];
    const app = start({
      state: { index, reached: index },
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    await app.waitForText('$10');
    expect(app.frame()).toMatch(/pays for about 650,000 calls/);
    await app.press(KEYS.enter);
    await app.waitForText('9/14');
    expect(saved.at(-1)).toEqual({ amount: '10' });
  });

  it.each([
    ['', 'Type an amount'],
    ['abc', 'Use digits'],
    ['-5', 'cannot be negative'],
    ['4', 'smallest purchase is $5'],
    ['10.505', 'at most two decimals'],
  ])('refuses %j with a clear message and stays', async (typed, message) => {
    const app = open();
    await app.waitForText('$10');
    await app.press(KEYS.backspace, KEYS.backspace);
    for (const char of typed) await app.press(char);
    await app.press(KEYS.enter);
    await app.waitForText(message);
    expect(app.frame()).toContain('8/14');
  });

  it('warns above $100 but accepts the amount', async () => {
    const app = open();
    await app.waitForText('$10');
    await app.press('0', '0');
    await app.waitForText('Above $100');
    expect(app.frame()).toContain('trust tier');
    await app.press(KEYS.enter);
    await app.waitForText('9/14');
  });

  it('takes full-width digits from a Korean input method', async () => {
    const app = start({ locale: 'ko', state: { index, reached: index } });
    await app.waitForText('$10');
    await app.press(KEYS.backspace, KEYS.backspace, '２', '０');
    await app.waitForText('20달러면');
    await app.press(KEYS.enter);
    await app.waitForText('9/14');
  });

  it('types q and l into the field instead of quitting or switching language', async () => {
    const app = open();
    await app.waitForText('$10');
    await app.press('q', 'l');
    await app.waitForText('10ql');
    expect(app.exit()).toBeUndefined();
  });

  it('leaves the field with Esc and goes back', async () => {
    const app = open();
    await app.waitForText('8/14');
    await app.press(KEYS.escape);
    await app.waitForText('7/14');
  });
});

describe('the auto-recharge screen', () => {
  const index = stepIndex('auto-recharge');

  it('recommends off, and Enter records it off', async () => {
    const saved: unknown[] = [];
    const app = start({
      state: { index, reached: index },
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    await app.waitForText('Turn it off (recommended)');
    const frame = app.frame().replace(/\s+/g, ' ');
    // Newer than the post, and said so with its source and date: on by default, with a monthly reload limit.
    expect(frame).toContain("Newer than the post (OpenAI's help centre, checked 2026-11-28)");
    expect(frame).toContain('on by default during setup');
    expect(frame).toContain('optionally a monthly reload limit');
    await app.press(KEYS.enter);
    await app.waitForText('10/14');
    expect(saved.at(-1)).toEqual({ autoRecharge: { enabled: false } });
  });

  it('kept on: asks for the threshold and the balance to restore, warns, and records them', async () => {
    const saved: unknown[] = [];
    const app = start({
      state: { index, reached: index },
      services: { saveProgress: async (s) => void saved.push(s.answers) },
    });
    await app.waitForText('Turn it off (recommended)');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitForText('Recharge when the balance falls below: $5');
    expect(app.frame()).toContain('Money can go out unnoticed');
    await app.press(KEYS.enter);
    await app.waitForText('Bring the balance back up to: $10');
    await app.press(KEYS.backspace, KEYS.backspace, '4');
    await app.press(KEYS.enter);
    await app.waitForText('smallest purchase is $5');
    await app.press(KEYS.backspace, '2', '0', KEYS.enter);
    await app.waitForText('10/14');
    expect(saved.at(-1)).toEqual({ autoRecharge: { enabled: true, threshold: '5', restoreTo: '20' } });
  });

  it('refuses a balance to restore that is not above the threshold', async () => {
    const app = start({ state: { index, reached: index } });
    await app.waitForText('Turn it off (recommended)');
    await app.press(KEYS.down, KEYS.enter);
    await app.waitForText('falls below: $5');
    await app.press(KEYS.backspace, '2', '0', KEYS.enter);
    await app.waitForText('back up to');
    await app.press(KEYS.enter);
    await app.waitForText('must be higher than the threshold ($20)');
  });
});
