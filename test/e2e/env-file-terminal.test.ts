/**
 * The `.env` offer in the built CLI, in a real pseudo-terminal, as a user meets it: started in their project
 * folder (a git repository) with their key in OPENAI_API_KEY and, here, OPENAI_BASE_URL pointing at a practice
 * server (practice mode itself never writes its practice key). `e` on the done screen lists the files, `y`
 * writes them: the `.env` with mode 0600 and the key, the `.gitignore` with `.env`; nothing the terminal
 * received holds the key, only its mask.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { maskKey } from '../../src/text/secrets.js';
import { PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const FAKE_KEY = 'sk-proj-FAKEenvTERMINAL0000000000000000000000000000000000WxYz';
const start = ptyRuns(afterEach);
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
});
afterAll(async () => {
  await server.close();
});

describe('the .env offer in a real terminal', () => {
  it('writes .env (0600, the key) and .gitignore in the folder it was started from, showing only the mask', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'topup-env-pty-')));
    execFileSync('git', ['init', '-q', dir]);
    const run = start(['--lang', 'en'], {
      cols: 80,
      rows: 30,
      cwd: dir,
      env: { OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: FAKE_KEY },
    });
    for (let n = 1; n <= 12; n++) {
      await run.waitForText(`${n}/14`);
      run.write(PTY_KEYS.enter);
    }
    await run.waitForText('Press Enter to send');
    run.write(PTY_KEYS.enter);
    await run.waitForText('replied:');
    run.write(PTY_KEYS.enter);
    await run.waitForText('e save key to .env');

    run.write('e');
    const plan = await run.waitForText('These files will be written:');
    expect(plan).toContain(`${join(dir, '.gitignore')}:`);
    expect(plan).toContain(`${join(dir, '.env')}:`);
    expect(plan).toContain(maskKey(FAKE_KEY));
    run.write('y');
    await run.waitForText(`Created ${join(dir, '.env')}`);

    const env = join(dir, '.env');
    expect(statSync(env).mode & 0o777).toBe(0o600);
    expect(readFileSync(env, 'utf8')).toBe(`OPENAI_API_KEY=${FAKE_KEY}\n`);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('.env\n');
    expect(execFileSync('git', ['-C', dir, 'check-ignore', '.env'], { encoding: 'utf8' }).trim()).toBe(
      '.env',
    );

    run.write(PTY_KEYS.enter);
    expect((await run.waitForExit()).exitCode).toBe(0);
    expect(run.raw()).toContain(maskKey(FAKE_KEY));
    expect(run.raw()).not.toContain(FAKE_KEY);
    expect(run.raw()).not.toContain(FAKE_KEY.slice(8, -4));
  });
});
