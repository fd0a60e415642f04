import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freshConfigHome } from '../helpers/cli.js';
import { cursorShown, PTY_KEYS, ptyRuns, type spawnCli } from '../helpers/pty.js';

type Run = ReturnType<typeof spawnCli>;
const start = ptyRuns(afterEach);

/** Walks from the welcome screen through the test call to the finish. */
async function walk(run: Run, texts: { confirm: string; replied: string; done: string }) {
  for (let n = 1; n <= 12; n++) {
    await run.waitForText(`${n}/14`);
    run.write(PTY_KEYS.enter);
  }
  await run.waitForText(texts.confirm);
  run.write(PTY_KEYS.enter);
  await run.waitForText(texts.replied);
  run.write(PTY_KEYS.enter);
  await run.waitForText(texts.done);
  run.write(PTY_KEYS.enter);
}

describe('in a real terminal', () => {
  it.each([
    ['en', 80, { confirm: 'Press Enter to send', replied: 'replied:', done: '14/14 Done' }, 'All done.'],
    [
      'ko',
      80,
      { confirm: 'Enter를 누르면 테스트 호출을 보냅니다', replied: '의 답:', done: '14/14 완료' },
      '모두 끝났습니다.',
    ],
    ['ko', 40, { confirm: 'Enter를 누르면', replied: '의 답:', done: '14/14 완료' }, '모두 끝났습니다.'],
  ] as const)(
    'walks a --demo run in %s at %i columns through the test call to the end, and exits promptly',
    async (lang, cols, texts, farewell) => {
      // A 40-column split pane is usually tall; the last screens need more than 24 rows there.
      const run = start(['--demo', '--lang', lang], { cols, rows: cols === 40 ? 44 : 30 });
      await walk(run, texts);
      const exit = await run.waitForExit(5000);
      expect(exit.exitCode).toBe(0);
      expect(run.screen()).toContain(farewell);
      expect(cursorShown(run.raw())).toBe(true);
      expect(run.raw()).not.toContain('sk-proj-PRACTICE-not-a-real-key-0000000000000000000000demo');
    },
  );

  it('redraws when the terminal is resized in the middle of a screen', async () => {
    const run = start(['--lang', 'ko'], { cols: 80, rows: 30 });
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    run.write(PTY_KEYS.enter);
    run.write(PTY_KEYS.enter);
    await run.waitForText('4/14');
    run.resize(40, 30);
    const screen = await run.waitFor((s) => s.includes('ORGANIZATION │ Billing'), 'the narrow picture');
    expect(screen).toContain('4/14 결제');
  });

  it('keeps keys typed before the first frame', async () => {
    const run = start([]);
    run.write(PTY_KEYS.enter + PTY_KEYS.enter);
    await run.waitForText('3/14 Settings');
  });

  it.each([
    ['on a middle screen', false],
    ['during the test call', true],
  ])(
    'Ctrl+C %s: exit 130, terminal usable, and the next run offers to resume there',
    async (_name, duringCall) => {
      const config = (await import('../helpers/cli.js')).freshConfigHome();
      const env = { XDG_CONFIG_HOME: config };
      const run = start(['--demo'], { env, sttyAfter: true });
      const stopAt = duringCall ? 13 : 6;
      for (let n = 1; n < stopAt; n++) {
        await run.waitForText(`${n}/14`);
        run.write(PTY_KEYS.enter);
      }
      await run.waitForText(`${stopAt}/14`);
      if (duringCall) {
        await run.waitForText('Press Enter to send');
        run.write(PTY_KEYS.enter);
        await run.waitForText('Asking gpt-4o-mini');
      }
      run.write(PTY_KEYS.ctrlC);
      const after = await run.waitForText('EXIT=130');
      const { stty } = await run.afterExit();
      // The terminal is usable: cursor shown, echo and line editing back on.
      expect(cursorShown(run.raw())).toBe(true);
      expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
      expect(stty).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(after).toContain(`Interrupted. Progress saved at step ${stopAt}/14.`);
      const again = start(['--demo'], { env });
      await again.waitForText(`Continue at step ${stopAt}`);
    },
  );

  it('q at 40 columns with a team file: the command that continues stands whole on a line of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-q-'));
    copyFileSync(
      join(import.meta.dirname, '..', 'fixtures', 'openai-topup.team.json'),
      join(dir, 'team.json'),
    );
    const run = start(['--demo', '--team', 'team.json', '--lang', 'en'], {
      cols: 40,
      env: { XDG_CONFIG_HOME: freshConfigHome() },
      cwd: dir,
      sttyAfter: true,
    });
    await run.waitForText('1/');
    run.write('q');
    await run.waitForText('EXIT=0');
    const lines = run
      .screen()
      .split('\n')
      .map((line) => line.trimEnd());
    const at = lines.findIndex((line) => line.endsWith('continue, run:'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('openai-topup --demo --team "team.json"');
  });

  it.each([
    ['during start-up', 'Enter next'],
    ['on a screen', 'Log in'],
  ])('SIGTERM %s ends it with 143 and a usable terminal', async (_name, visible) => {
    const run = start([], { sttyAfter: true });
    await run.waitForText('1/14');
    if (visible === 'Log in') {
      run.write(PTY_KEYS.enter);
      await run.waitForText('2/14 Log in');
    }
    // The shell's child is the CLI: signal it through the shell's process group.
    const { execSync } = await import('node:child_process');
    execSync(`pkill -TERM -P ${run.child.pid} -f dist/openai-topup.cjs`);
    const { code, stty } = await run.afterExit();
    expect(code).toBe(143);
    expect(cursorShown(run.raw())).toBe(true);
    expect(stty).toMatch(/(^|\s)echo(\s|$)/m);
  });
});

describe('the key in a real run', () => {
  it('appears only masked on screen and never in the progress file', async () => {
    const { startDemoServer } = await import('../../src/demo/server.js');
    const { freshConfigHome } = await import('../helpers/cli.js');
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
    const server = await startDemoServer({ scenario: 'echo-key' });
    const config = freshConfigHome();
    try {
      const run = start(['--base-url', server.baseUrl], {
        env: { OPENAI_API_KEY: SENTINEL, XDG_CONFIG_HOME: config },
        rows: 40,
      });
      for (let n = 1; n <= 12; n++) {
        await run.waitForText(`${n}/14`);
        run.write(PTY_KEYS.enter);
      }
      await run.waitForText('The key was refused');
      expect(run.raw()).toContain('sk-proj-…AbCd');
      run.write('q');
      await run.waitForExit();
      const files = readdirSync(join(config, 'openai-topup')).map((name) =>
        readFileSync(join(config, 'openai-topup', name), 'utf8'),
      );
      expect(files.length).toBeGreaterThan(0);
      expect(run.raw() + files.join('\n')).not.toContain(SENTINEL);
    } finally {
      await server.close();
    }
  });
});
