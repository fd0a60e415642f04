import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cleanAnswers,
  deleteProgress,
  loadProgress,
  saveProgress,
  toSaved,
} from '../../src/store/progress.js';
import { initialState } from '../../src/wizard/reducer.js';
import { STEP_IDS, stepIndex } from '../../src/wizard/steps.js';

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
    expect(await saveProgress(file, toSaved(state, STEP_IDS))).toEqual({ ok: true });
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
    await saveProgress(file, toSaved(state, STEP_IDS));
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

  it('is corrupt when unreadable (a folder where the file should be)', () => {
    const file = join(dir(), 'progress.json');
    mkdirSync(file);
    expect(loadProgress(file)).toEqual({ kind: 'corrupt', reason: 'EISDIR' });
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

  it('never reaches past the saved step', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, JSON.stringify({ ...VALID, reached: 'welcome' }));
    expect(loadProgress(file)).toMatchObject({ progress: { step: 'amount', reached: 'amount' } });
  });

  it('reports a folder it cannot write, without throwing', async () => {
    const base = dir();
    writeFileSync(join(base, 'blocker'), 'a file where a folder should be');
    const result = await saveProgress(
      join(base, 'blocker', 'openai-topup', 'progress.json'),
      toSaved(initialState('en'), STEP_IDS),
    );
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(/ENOTDIR|EEXIST/);
  });

  it('deletes, and a missing file is fine', () => {
    const file = join(dir(), 'progress.json');
    writeFileSync(file, JSON.stringify(VALID));
    expect(deleteProgress(file)).toEqual({ ok: true });
    expect(loadProgress(file)).toEqual({ kind: 'none' });
    expect(deleteProgress(file)).toEqual({ ok: true });
  });
});
