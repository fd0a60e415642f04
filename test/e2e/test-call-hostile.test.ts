/**
 * The wizard's test call in a real terminal, against what a hostile server or environment holds: it ends
 * and says what happened, instead of spinning or swallowing the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor, fill } from '../../src/content/content.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import type { StepId } from '../../src/wizard/steps.js';
import { freshConfigHome } from '../helpers/cli.js';
import { cursorShown, PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const en = contentFor('en');
const start = ptyRuns(afterEach);
let server: DemoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A config folder holding progress saved at a step. */
function configSavedAt(step: StepId): string {
  const config = freshConfigHome();
  mkdirSync(join(config, 'openai-topup'));
  writeFileSync(
    join(config, 'openai-topup', 'progress.json'),
    JSON.stringify({ program: 'openai-topup', schema: 1, step, reached: step, answers: {}, locale: 'en' }),
  );
  return config;
}

/** The screen with its line breaks as spaces: a sentence may wrap anywhere. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');

describe('the test call in the wizard', () => {
  it('an endless stream, as fast as it is read: ends at the 1 MB cap, not at the time limit', async () => {
    server = await startDemoServer({ scenario: 'endless-stream' });
    // Resumed at the key, so that a build without the resume fix can run this test too.
    const run = start(['--base-url', server.baseUrl], {
      rows: 40,
      sttyAfter: true,
      env: { XDG_CONFIG_HOME: configSavedAt('api-key'), OPENAI_API_KEY: KEY },
    });
    await run.waitForText('Continue at step 12');
    run.write(PTY_KEYS.enter);
    await run.waitForText(en.steps['api-key'].useEnv);
    run.write(PTY_KEYS.enter);
    await run.waitForText('Press Enter to send');
    run.write(PTY_KEYS.enter);
    // The time limit is 60 s: a wizard without the cap would still be reading when this bound runs out.
    const tooLarge = fill(en.details.tooLarge, { limit: '1 MB' });
    const screen = await run.waitFor((s) => flat(s).includes(tooLarge), 'the cap', 40_000);
    expect(screen).toContain(`✗ ${en.outcomes['bad-response'].title}`);
    run.write('q');
    await run.waitForText('EXIT=0');
    expect(cursorShown(run.raw())).toBe(true);
  }, 60_000);

  it('OPENAI_ORG_ID holding a title sequence: the screen names the variable, nothing is sent or shown raw', async () => {
    server = await startDemoServer();
    const run = start(['--base-url', server.baseUrl], {
      rows: 40,
      env: {
        XDG_CONFIG_HOME: configSavedAt('api-key'),
        OPENAI_API_KEY: KEY,
        OPENAI_ORG_ID: 'org-\u001b]0;PWNED\u0007abc',
      },
    });
    await run.waitForText('Continue at step 12');
    run.write(PTY_KEYS.enter);
    await run.waitForText(en.steps['api-key'].useEnv);
    run.write(PTY_KEYS.enter);
    // The screen opens the session at once (the free models check): the setting is refused there.
    const sentence = fill(en.details.headerEnv, { variable: 'OPENAI_ORG_ID' });
    const screen = await run.waitFor((s) => flat(s).includes(sentence), 'the variable named');
    expect(screen).toContain(`✗ ${en.outcomes.usage.title}`);
    expect(server.requests).toEqual([]);
    expect(run.raw()).not.toContain('PWNED\u0007');
  });

  it('HTTPS_PROXY that is not a URL: the screen names the variable instead of spinning', async () => {
    const run = start(['--base-url', 'https://api.openai.test/v1'], {
      rows: 40,
      env: {
        XDG_CONFIG_HOME: configSavedAt('api-key'),
        OPENAI_API_KEY: KEY,
        HTTPS_PROXY: 'not a url:hunter2@',
      },
    });
    await run.waitForText('Continue at step 12');
    run.write(PTY_KEYS.enter);
    await run.waitForText(en.steps['api-key'].useEnv);
    run.write(PTY_KEYS.enter);
    const sentence = fill(en.details.proxyEnv, { variable: 'HTTPS_PROXY' });
    const screen = await run.waitFor((s) => flat(s).includes(sentence), 'the proxy variable named');
    expect(screen).toContain(`✗ ${en.outcomes.usage.title}`);
    expect(screen).not.toContain(en.steps['test-call'].checkingKey);
    expect(run.raw()).not.toContain('hunter2');
  });
});
