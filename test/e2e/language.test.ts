import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { baseEnv, freshConfigHome, runCli } from '../helpers/cli.js';
import { ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);

/** A config folder holding progress saved at `step`, in `locale`. */
function savedProgress(step: string, locale: 'en' | 'ko'): string {
  const home = freshConfigHome();
  mkdirSync(join(home, 'openai-topup'), { recursive: true });
  writeFileSync(
    join(home, 'openai-topup', 'progress.json'),
    JSON.stringify({ program: 'openai-topup', schema: 1, step, reached: step, answers: {}, locale }),
  );
  return home;
}

describe('the language', () => {
  it('comes back with saved progress, in a terminal set to another language', async () => {
    const run = start([], { env: { LANG: 'en_US.UTF-8', XDG_CONFIG_HOME: savedProgress('billing', 'ko') } });
    await run.waitForText(contentFor('ko').ui.resume.title);
  });

  it('gives way to --lang', async () => {
    const run = start(['--lang', 'en'], { env: { XDG_CONFIG_HOME: savedProgress('billing', 'ko') } });
    await run.waitForText(contentFor('en').ui.resume.title);
  });

  it('is the one --lang names in the last-resort error line too', async () => {
    // A stdout that fails with something other than a closed pipe (a full disk) is such an error.
    const result = await runCli(['--print', '--lang', 'ko'], {
      env: baseEnv({ LANG: 'en_US.UTF-8' }),
      stdoutTo: '/dev/full',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('openai-topup 내부에서 문제가 생겼습니다');
  });
});
