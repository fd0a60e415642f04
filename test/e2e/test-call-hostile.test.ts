/**
 * The wizard's test call in a real terminal, against what a hostile server or environment holds: it ends
 * and says what happened, instead of spinning or swallowing the machine.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor, fill } from '../../src/content/content.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { configSavedAt } from '../helpers/cli.js';
import { cursorShown, PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const en = contentFor('en');
const start = ptyRuns(afterEach);
let server: DemoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The screen with its line breaks as spaces: a sentence may wrap anywhere. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');

/**
 * Resumed at the key step with OPENAI_API_KEY set (so that a build without the resume fix can run these
 * tests too), that key taken: the test-call screen, before or as it opens the session.
 */
async function toTheCall(baseUrl: string, env: NodeJS.ProcessEnv = {}, sttyAfter = false) {
  const run = start(['--base-url', baseUrl], {
    rows: 40,
    sttyAfter,
    env: { XDG_CONFIG_HOME: configSavedAt('api-key'), OPENAI_API_KEY: KEY, ...env },
  });
  await run.waitForText('Continue at step 12');
  run.write(PTY_KEYS.enter);
  await run.waitForText(en.steps['api-key'].useEnv);
  run.write(PTY_KEYS.enter);
  return run;
}

describe('the test call in the wizard', () => {
  it('an endless stream, as fast as it is read: ends at the 1 MB cap, not at the time limit', async () => {
    server = await startDemoServer({ scenario: 'endless-stream' });
    const run = await toTheCall(server.baseUrl, {}, true);
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
    const run = await toTheCall(server.baseUrl, { OPENAI_ORG_ID: 'org-\u001b]0;PWNED\u0007abc' });
    // The screen opens the session at once (the free models check): the setting is refused there.
    const sentence = fill(en.details.headerEnv, { variable: 'OPENAI_ORG_ID' });
    const screen = await run.waitFor((s) => flat(s).includes(sentence), 'the variable named');
    expect(screen).toContain(`✗ ${en.outcomes.usage.title}`);
    expect(server.requests).toEqual([]);
    expect(run.raw()).not.toContain('PWNED\u0007');
  });

  it('HTTPS_PROXY that is not a URL: the screen names the variable instead of spinning', async () => {
    const run = await toTheCall('https://api.openai.test/v1', { HTTPS_PROXY: 'not a url:hunter2@' });
    const sentence = fill(en.details.proxyEnv, { variable: 'HTTPS_PROXY' });
    const screen = await run.waitFor((s) => flat(s).includes(sentence), 'the proxy variable named');
    expect(screen).toContain(`✗ ${en.outcomes.usage.title}`);
    expect(screen).not.toContain(en.steps['test-call'].checkingKey);
    expect(run.raw()).not.toContain('hunter2');
  });
});
