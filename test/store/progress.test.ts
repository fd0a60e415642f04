import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFs, type StoreFs } from '../../src/store/file-system.js';
import {
  cleanAnswers,
  deleteProgress,
  loadProgress,
  saveProgress,
  toSaved,
} from '../../src/store/progress.js';
import { initialState } from '../../src/wizard/reducer.js';
import { stepIndex } from '../../src/wizard/steps.js';

const failure = (code: string) => Object.assign(new Error(`injected ${code}`), { code });
const dir = () => mkdtempSync(join(tmpdir(), 'topup-store-'));
const VALID = {
  program: 'openai-topup',
  schema: 1,
  step: 'amount',
  reached: 'auto-recharge',
  answers: { amount: '20' },
  locale: 'ko',
};

describe('the progress file', () => {
  it('saves the step and answers, and reads them back', async () => {
    const file = join(dir(), 'sub', 'progress.json');
    const state = {
      ...initialState('ko'),
      index: stepIndex('confirm'),
      reached: stepIndex('balance'),
      answers: { amount: '12.5', accountType: 'company' as const },
    };
    expect(await saveProgress(file, toSaved(state))).toEqual({ ok: true });
    expect(loadProgress(file)).toEqual({
      kind: 'found',
      progress: {
        program: 'openai-topup',
        schema: 1,
        step: 'confirm',
        reached: 'balance',
        answers: { amount: '12.5', accountType: 'company' },
        locale: 'ko',
      },
    });
  });

  it('writes only the listed fields, so a key in the state could never reach the disk', async () => {
    const file = join(dir(), 'progress.json');
    const state = {
      ...initialState('en'),
      apiKey: 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd',
    } as ReturnType<typeof initialState>;
    await saveProgress(file, toSaved(state));
    expect(readFileSync(file, 'utf8')).not.toContain('SENTINEL');
  });

  it('is none when missing', () => {
    expect(loadProgress(join(dir(), 'nope.json'))).toEqual({ kind: 'none' });
  });

  it.each([
    ['bad JSON', '{"program": "openai-topup", ', 'corrupt'],
    ['a JSON array', '[1, 2]', 'foreign'],
    ['a number', '42', 'corrupt'],
    ['another schema version', JSON.stringify({ ...VALID, schema: 2 }), 'foreign'],
    ["another program's file", JSON.stringify({ name: 'something-else', version: 3 }), 'foreign'],
    ['an unknown step', JSON.stringify({ ...VALID, step: 'checkout' }), 'corrupt'],
  ])('is %s → %s, never a crash', (_name, text, kind) => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, text);
    expect(loadProgress(file).kind).toBe(kind);
  });

  it.each([
    ['a folder', (file: string) => mkdirSync(file), 'folder'],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'fifo'],
    [
      'a symlink, even to a good file',
      (file: string) => symlinkSync(join(file, '..', 'real.json'), file),
      'symlink',
    ],
  ] as const)('is unusable when %s is at the path, and is never opened', (_name, make, what) => {
    const file = join(dir(), 'progress.json');
    writeFileSync(join(file, '..', 'real.json'), JSON.stringify(VALID));
    make(file);
    // A FIFO opened for reading would wait here for a writer, for ever.
    expect(loadProgress(file)).toEqual({ kind: 'unusable', what });
  });

  it('is unusable when a socket is at the path', async () => {
    const file = join(dir(), 'progress.json');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(file, resolve));
    try {
      expect(loadProgress(file)).toEqual({ kind: 'unusable', what: 'socket' });
    } finally {
      server.close();
    }
  });

  it('is none when a folder on the way is a file (nothing to read)', () => {
    const base = dir();
    writeFileSync(join(base, 'blocker'), 'x');
    expect(loadProgress(join(base, 'blocker', 'progress.json'))).toEqual({ kind: 'none' });
  });

  it('is corrupt when far larger than any progress file', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, `${JSON.stringify(VALID)}${' '.repeat(100_000)}`);
    expect(loadProgress(file)).toEqual({ kind: 'corrupt', reason: 'too large' });
  });

  it('keeps every answer that is still valid when one is not', () => {
    expect(
      cleanAnswers({
        accountType: 'company',
        amount: 'lots',
        autoRecharge: { enabled: true, threshold: '5', restoreTo: '3' },
      }),
    ).toEqual({
      accountType: 'company',
    });
    expect(cleanAnswers({ amount: '20', autoRecharge: { enabled: false }, extra: 'x' })).toEqual({
      amount: '20',
      autoRecharge: { enabled: false },
    });
    expect(cleanAnswers('nonsense')).toEqual({});
  });

  it('keeps the furthest step as written (the wizard places it on its guide: test/wizard/resume.test.ts)', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, JSON.stringify({ ...VALID, reached: 'welcome' }));
    expect(loadProgress(file)).toMatchObject({ progress: { step: 'amount', reached: 'welcome' } });
  });

  it('reports a folder it cannot write, without throwing', async () => {
    const base = dir();
    writeFileSync(join(base, 'blocker'), 'a file where a folder should be');
    const result = await saveProgress(
      join(base, 'blocker', 'openai-topup', 'progress.json'),
      toSaved(initialState('en')),
    );
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/ENOTDIR|EEXIST/);
  });

  it.each([
    ['a folder', (file: string) => mkdirSync(file), 'folder'],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'fifo'],
  ] as const)('never writes over %s, and leaves no temporary file', async (_name, make, what) => {
    const base = dir();
    const file = join(base, 'progress.json');
    make(file);
    expect(await saveProgress(file, toSaved(initialState('en')))).toEqual({
      ok: false,
      reason: what,
    });
    expect(readdirSync(base)).toEqual(['progress.json']);
    expect(deleteProgress(file)).toEqual({ ok: false, reason: what });
    expect(readdirSync(base)).toEqual(['progress.json']);
  });

  it.each([
    ['the disk is full', { write: async () => Promise.reject(failure('ENOSPC')) }, 'ENOSPC'],
    ['the rename fails', { rename: async () => Promise.reject(failure('EXDEV')) }, 'EXDEV'],
  ] as const)('removes its temporary file when %s, and keeps the old file', async (_name, broken, code) => {
    const base = dir();
    const file = join(base, 'progress.json');
    writeFileSync(file, JSON.stringify(VALID));
    const fs: StoreFs = { ...nodeFs, ...broken };
    expect(await saveProgress(file, toSaved(initialState('en')), fs)).toEqual({
      ok: false,
      reason: code,
    });
    expect(readdirSync(base)).toEqual(['progress.json']);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(VALID);
  });

  it('writes the file with mode 0600', async () => {
    const file = join(dir(), 'progress.json');
    await saveProgress(file, toSaved(initialState('en')));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(file, '..'))).toEqual(['progress.json']);
  });

  it('deletes, and a missing file is fine', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, JSON.stringify(VALID));
    expect(deleteProgress(file)).toEqual({ ok: true });
    expect(loadProgress(file)).toEqual({ kind: 'none' });
    expect(deleteProgress(file)).toEqual({ ok: true });
  });
});
