import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../src/api/call-machine.js';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import type { ScenarioName } from '../../src/demo/scenario-names.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { detectShell, keepKeyLine } from '../../src/text/shell.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { type AppOptions, renderApp, sessionTo } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

const FAKE = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const servers = new Map<ScenarioName, DemoServer>();
beforeAll(async () => {
  for (const scenario of ['success', 'slow', 'no-credit-then-ok'] as const) {
    servers.set(
      scenario,
      await startDemoServer({ scenario, creditAfter: 2, chunkDelayMs: scenario === 'success' ? 0 : 0 }),
    );
  }
});
afterAll(async () => {
  for (const server of servers.values()) await server.close();
});

function atKey(options: AppOptions = {}) {
  const index = stepIndex('api-key');
  const app = renderApp({ columns: 80, rows: 40, state: { index, reached: index }, ...options });
  unmount = () => app.instance.unmount();
  return app;
}

function session(scenario: ScenarioName) {
  return sessionTo(servers.get(scenario)?.baseUrl ?? '');
}

describe('the api-key screen', () => {
  it('offers the key from OPENAI_API_KEY, masked', async () => {
    const app = atKey({ services: { suggestedKey: { key: FAKE, source: 'env' } } });
    await app.waitForText('OPENAI_API_KEY is set: sk-proj-…6789');
    expect(app.frame()).not.toContain(FAKE);
    expect(app.frame()).toContain('Use this key');
    expect(app.frame()).toContain('Paste another key');
  });

  it('shows the length and masked ends of what is typed, never the key', async () => {
    const app = atKey();
    await app.waitForText('nothing yet');
    await app.press(FAKE.slice(0, 20), FAKE.slice(20));
    await app.waitForText(`${FAKE.length} characters: sk-proj-…6789`);
    expect(app.stdout.frames.join('')).not.toContain(FAKE.slice(8, 30));
  });

  it('counts one character in the singular', async () => {
    const app = atKey();
    await app.waitForText('nothing yet');
    await app.press('s');
    await app.waitForText('1 character:');
    expect(app.frame()).not.toContain('1 characters');
  });

  it('shows the post’s own export line, pasted whole, as the key in it', async () => {
    const app = atKey();
    await app.waitForText('nothing yet');
    await app.press(`export OPENAI_API_KEY=${FAKE}`);
    await app.waitForText(`${FAKE.length} characters: sk-proj-…6789`);
  });

  it('back from the test call, Enter on the empty field goes on with the key already taken', async () => {
    const app = atKey({ services: { openSession: session('success') } });
    await app.waitForText('nothing yet');
    await app.press(FAKE, KEYS.enter);
    await app.waitForText('13/14');
    await app.press(KEYS.left);
    await app.waitForText('Key in use: sk-proj-…6789. Enter keeps it');
    await app.press(KEYS.enter);
    const frame = await app.waitForText('13/14');
    expect(frame).not.toContain('There is no key yet');
  });

  it('ends up holding exactly the key when a paste arrives in pieces with bracketed-paste markers', async () => {
    let accepted: string | undefined;
    const app = atKey({
      services: {
        openSession: async (key) => {
          accepted = key;
          return await session('success')(key);
        },
      },
    });
    await app.waitForText('nothing yet');
    await app.press('[200~', `${FAKE.slice(0, 50)}`, `${FAKE.slice(50)}\r\n`, '[201~');
    await app.waitForText(`${FAKE.length} characters`);
    await app.press(KEYS.enter);
    await app.waitForText('13/14');
    await app.waitFor(() => accepted !== undefined, 'the session to open');
    expect(accepted).toBe(FAKE);
  });

  it.each([
    ['', 'No key yet'],
    ['https://platform.openai.com/api-keys', 'web address'],
    [`sk-ant-api03-${'FAKE'.repeat(20)}`, 'key for Anthropic (it starts with sk-ant-)'],
    [`AIza${'FAKE'.repeat(9)}`, 'key for Google'],
    [`ghp_${'FAKE'.repeat(9)}`, 'key for GitHub'],
    ['xoxb-0000-FAKEFAKE', 'key for Slack'],
    [`sk-admin-${'FAKE'.repeat(30)}`, 'admin key'],
    ['sk-proj-FAKE', 'cut off'],
  ])('refuses %j before any call, saying why', async (typed, message) => {
    const app = atKey();
    await app.waitForText('nothing yet');
    if (typed) await app.press(typed);
    await app.press(KEYS.enter);
    await app.waitForText(message);
    expect(app.frame()).toContain('12/14');
  });

  it('types q, s and l into the field', async () => {
    const app = atKey();
    await app.waitForText('nothing yet');
    await app.press('q', 's', 'l');
    await app.waitForText('3 characters');
    expect(app.exit()).toBeUndefined();
  });

  it('names the most common cause, says a key you have works, and links the API keys page', async () => {
    const app = atKey();
    const frame = await app.waitForText('12/14');
    expect(frame.replace(/\s+/g, ' ')).toContain(
      'a key from another organization than the one with the credit',
    );
    expect(frame.replace(/\s+/g, ' ')).toContain('one you already have');
    // Credit belongs to the organization: the project is not where the credit is.
    expect(frame.replace(/\s+/g, ' ')).not.toContain('organization and project that holds the credit');
    expect(frame.split('\n')).toContain('https://platform.openai.com/api-keys');
  });
});

describe('the test-call screen', () => {
  const start = (scenario: ScenarioName, extra: AppOptions['services'] = {}) => {
    const copied: string[] = [];
    const app = atKey({
      services: {
        suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
        openSession: session(scenario),
        copy: async (text, words) => {
          copied.push(text);
          return words.clipboard.osc52;
        },
        ...extra,
      },
    });
    return { app, copied };
  };

  it('shows the curl command with $OPENAI_API_KEY, unwrapped, and c copies it', async () => {
    const { app, copied } = start('success');
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    await app.waitForText('Press Enter to send');
    const frame = app.frame();
    expect(frame).toContain('Authorization: Bearer $OPENAI_API_KEY');
    expect(frame).toContain('"content": "Write a haiku that explains the concept of recursion."}]}\'');
    expect(frame).not.toContain(PRACTICE_KEY);
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
    await app.press('c');
    await app.waitForText('Sent to the clipboard');
    expect(copied[0]).toContain('curl -N');
    expect(copied[0]).not.toContain(PRACTICE_KEY);
  });

  it('Esc cancels a call in flight', async () => {
    const { app } = start('slow');
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    await app.waitForText('Press Enter to send');
    await app.press(KEYS.enter);
    await app.waitForText('Asking gpt-4o-mini');
    await app.press(KEYS.escape);
    await app.waitForText('Cancelled. Nothing more is sent.');
  });

  it('waits for credit with a visible countdown until it arrives', async () => {
    const { app } = start('no-credit-then-ok', {
      callPolicy: { ...DEFAULT_POLICY, creditWait: { intervalMs: 800, maxTries: 5, auto: false } },
    });
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    await app.waitForText('Press Enter to send');
    await app.press(KEYS.enter);
    await app.waitForText('No credit yet');
    expect(app.frame().replace(/\s+/g, ' ')).toContain(
      'a key from an organization without the credit: use a key from the organization that has it',
    );
    expect(app.frame()).toContain('Enter go to step 11: Balance');
    await app.press('w');
    await app.waitForText('Next try in 1 s (try 1 of 5)');
    // Two waits of 0.8 s and three calls: allow for a loaded machine.
    await app.waitForText('gpt-4o-mini-2024-07-18 replied', 15_000);
  });

  it('without a key, sends the user back to the key step', async () => {
    const index = stepIndex('test-call');
    const app = renderApp({ state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    await app.waitForText('There is no key yet');
    await app.press(KEYS.enter);
    await app.waitForText('12/14');
  });
});

describe('the done screen', () => {
  it.each([
    [{ SHELL: '/bin/bash' }, 'linux', 'bash', '~/.bashrc'],
    [{ SHELL: '/usr/bin/zsh' }, 'darwin', 'zsh', '~/.zshrc'],
    [{ SHELL: '/usr/local/bin/fish' }, 'linux', 'fish', 'config.fish'],
    [{ PSModulePath: 'C:\\a;C:\\b;C:\\c' }, 'win32', 'powershell', 'SetEnvironmentVariable'],
    [{ PSModulePath: 'C:\\a' }, 'win32', 'cmd', 'setx'],
  ] as const)('%j on %s → %s', (env, platform, shell, marker) => {
    const detected = detectShell(env, platform);
    expect(detected).toBe(shell);
    const keep = keepKeyLine(detected);
    expect(`${keep.file ?? ''} ${keep.line}`).toContain(marker);
    expect(keep.line).toContain('paste-key-here');
  });

  it('shows how to keep the key, out of history and git, how to revoke it and where limits are', async () => {
    const index = stepIndex('done');
    const app = renderApp({ rows: 30, state: { index, reached: index }, services: { shell: 'zsh' } });
    unmount = () => app.instance.unmount();
    const frame = (await app.waitForText('14/14')).replace(/\s+/g, ' ');
    expect(frame).toContain('Add this line to ~/.zshrc');
    expect(frame).toContain('export OPENAI_API_KEY="paste-key-here"');
    expect(frame).toContain('out of your shell history');
    // A leading space keeps a line out of history only with the right settings, and zsh has its own.
    expect(frame).toContain('only where HISTCONTROL includes ignorespace or ignoreboth');
    expect(frame).toContain('setopt HIST_IGNORE_SPACE');
    expect(frame).toContain('.gitignore');
    expect(frame).toContain('delete it on the API keys page');
    expect(frame).toContain('https://platform.openai.com/settings/organization/limits');
  });
});
