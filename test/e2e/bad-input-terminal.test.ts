import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PERSONAL_STEPS as STEPS } from '../../src/wizard/flow.js';
import { freshConfigHome } from '../helpers/cli.js';
import { cursorShown, PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);

describe('Ctrl+C on every screen', () => {
  it.each(STEPS.map((step, index) => ({ id: step.id, n: index + 1 })))(
    'step $n ($id): exit 130, cursor and echo back, progress kept',
    async ({ n }) => {
      const run = start(['--demo'], { sttyAfter: true, rows: 40 });
      for (let i = 1; i < n; i++) {
        await run.waitForText(`${i}/14`);
        if (i === 13) {
          await run.waitForText('Press Enter to send');
          run.write(PTY_KEYS.enter);
          await run.waitForText('replied:');
        }
        run.write(PTY_KEYS.enter);
      }
      await run.waitForText(`${n}/14`);
      run.write(PTY_KEYS.ctrlC);
      const { code, stty: after } = await run.afterExit();
      expect(code).toBe(130);
      expect(after).toMatch(/(^|\s)echo(\s|$)/m);
      expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
      expect(cursorShown(run.raw())).toBe(true);
      expect(run.screen()).toContain(`Progress saved at step ${n}/14`);
    },
  );
});

describe('a terminal smaller than 40×15', () => {
  it('asks to enlarge it, and the guide appears when it grows', async () => {
    const run = start([], { cols: 36, rows: 12 });
    await run.waitForText('This terminal is 36×12');
    run.resize(80, 24);
    await run.waitForText('1/14 Welcome');
  });

  it('q quits there: exit 0, progress kept, the terminal given back', async () => {
    const run = start([], { cols: 36, rows: 12, sttyAfter: true });
    await run.waitForText('This terminal is 36×12');
    run.write('q');
    const { code, stty: after } = await run.afterExit();
    expect(code).toBe(0);
    expect(after).toMatch(/(^|\s)echo(\s|$)/m);
    expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
    expect(cursorShown(run.raw())).toBe(true);
    expect(run.raw()).toContain('Progress saved at step 1/14');
  });
});

describe('progress files that cannot be used', () => {
  const cases: Array<[string, (dir: string) => void, string]> = [
    [
      'bad JSON',
      (dir) => writeFileSync(join(dir, 'progress.json'), '{"program": "openai-'),
      'could not be read (not JSON)',
    ],
    [
      'another schema',
      (dir) =>
        writeFileSync(
          join(dir, 'progress.json'),
          JSON.stringify({ program: 'openai-topup', schema: 9, step: 'card' }),
        ),
      'another program or version',
    ],
    [
      "another program's file",
      (dir) => writeFileSync(join(dir, 'progress.json'), JSON.stringify({ editor: 'vim' })),
      'another program or version',
    ],
    [
      // Never opened and never written: no save can follow with a notice of its own to replace this one.
      'unreadable (a folder in its place)',
      (dir) => mkdirSync(join(dir, 'progress.json')),
      'The progress file is a folder, not a regular file',
    ],
    [
      // Opening a FIFO to read it would wait for a writer for ever, before the first frame.
      'a FIFO in its place',
      (dir) => execFileSync('mkfifo', [join(dir, 'progress.json')]),
      'The progress file is a FIFO, not a regular file',
    ],
  ];
  it.each(cases)('%s: a one-line note, the guide starts, nothing crashes', async (_name, prepare, note) => {
    const config = freshConfigHome();
    const dir = join(config, 'openai-topup');
    mkdirSync(dir, { recursive: true });
    prepare(dir);
    const run = start([], { env: { XDG_CONFIG_HOME: config } });
    const screen = await run.waitForText(note);
    expect(screen).toContain('1/14 Welcome');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14');
  });

  it.each([
    [
      'a FIFO',
      (file: string) => execFileSync('mkfifo', [file]),
      'FIFO',
      (file: string) => lstatSync(file).isFIFO(),
    ],
    [
      'a folder',
      (file: string) => mkdirSync(file),
      'folder',
      (file: string) => lstatSync(file).isDirectory(),
    ],
  ] as const)(
    '%s at the progress path: drawn, said, left alone, and q quits unsaved',
    async (_name, make, what, still) => {
      const config = freshConfigHome();
      const dir = join(config, 'openai-topup');
      mkdirSync(dir, { recursive: true });
      make(join(dir, 'progress.json'));
      const run = start([], { env: { XDG_CONFIG_HOME: config }, sttyAfter: true });
      const screen = await run.waitForText(`The progress file is a ${what}, not a regular file`);
      expect(screen).toContain('1/14 Welcome');
      run.write('q');
      await run.waitForText('Progress was not saved');
      await run.waitForText('EXIT=0');
      expect(still(join(dir, 'progress.json'))).toBe(true);
      expect(readdirSync(dir)).toEqual(['progress.json']);
    },
  );

  it('a config folder that cannot be written: the guide works and says it cannot be resumed', async () => {
    const config = freshConfigHome();
    // A file where the config folder would go: nothing can be created under it, even as root.
    writeFileSync(join(config, 'openai-topup'), 'not a folder');
    const run = start([], { env: { XDG_CONFIG_HOME: config }, sttyAfter: true });
    // The first save, as the guide opens, finds the folder unusable and says so once.
    const first = await run.waitForText('Progress cannot be saved');
    expect(first).toContain('1/14 Welcome');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('3/14');
    run.write('q');
    await run.waitForText('Progress was not saved');
    await run.waitForText('EXIT=0');
  });
});
