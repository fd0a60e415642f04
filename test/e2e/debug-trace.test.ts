/** `--debug` in the wizard: the trace goes to a file the screen names, never under Ink's frame. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);

describe('--debug in the wizard', () => {
  it('writes the masked trace of a --demo test call to a private file it names, not to the screen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-trace-'));
    const run = start(['--demo', '--debug'], { env: { TMPDIR: dir }, rows: 40 });
    const first = await run.waitForText('1/14');
    const [name] = readdirSync(dir).filter((file) => file.startsWith('openai-topup-debug-'));
    expect(name).toBeDefined();
    const path = join(dir, name ?? '');
    // The first screen names the file (the path may wrap; it has no spaces to break at).
    expect(first.replace(/\n/g, '')).toContain(path);
    for (let n = 1; n <= 12; n++) {
      await run.waitForText(`${n}/14`);
      run.write(PTY_KEYS.enter);
    }
    await run.waitForText('Press Enter to send');
    run.write(PTY_KEYS.enter);
    await run.waitForText('replied:');
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);

    const trace = readFileSync(path, 'utf8');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(trace).toMatch(/→ POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions/);
    expect(trace).toContain('→ authorization: Bearer sk-proj-…');
    expect(trace).toMatch(/← 200 after \d+ ms/);
    expect(trace).not.toContain(PRACTICE_KEY);
    // Nothing of the trace reached the terminal; its path did, once more on the way out.
    expect(run.raw()).not.toContain('authorization: Bearer');
    expect(run.raw()).not.toMatch(/← 200 after/);
    expect(run.screen().replace(/\n/g, '')).toContain(`The --debug trace is in ${path}.`);
  });

  it('a temporary folder whose name holds escape sequences: the path is shown, the sequences are not', async () => {
    // TMPDIR is the environment's: a title, a clipboard write and a screen clear in a folder's name.
    const dir = join(
      mkdtempSync(join(tmpdir(), 'topup-trace-')),
      'a\u001b]0;PWNED\u0007b\u001b]52;c;eA==\u0007c\u001b[2Jd',
    );
    mkdirSync(dir);
    const run = start(['--demo', '--debug'], { env: { TMPDIR: dir }, rows: 40 });
    const first = await run.waitForText('1/14');
    expect(readdirSync(dir).some((file) => file.startsWith('openai-topup-debug-'))).toBe(true);
    expect(first.replace(/\n/g, '')).toContain('abcd/openai-topup-debug-');
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
    expect(run.raw()).not.toContain('\u001b]0;PWNED');
    expect(run.raw()).not.toContain('\u001b]52;');
    expect(run.raw()).not.toContain('\u001b[2J');
  });
});
