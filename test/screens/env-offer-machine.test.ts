import { describe, expect, it } from 'vitest';
import { contentFor, fill } from '../../src/content/content.js';
import {
  answerOf,
  OFFER_CLOSED,
  type OfferAction,
  type OfferState,
  offerReducer,
  outcomeLines,
  planLines,
  replaceLines,
} from '../../src/screens/env-offer.js';
import type { ApplyResult, EnvPlan } from '../../src/store/env-file.js';

const plan = (replaces: EnvPlan['replaces'] = []): EnvPlan => ({
  kind: 'plan',
  dir: '/work/app',
  envPath: '/work/app/.env',
  envExists: replaces.length > 0,
  writes: ['/work/app/.gitignore', '/work/app/.env'],
  names: ['OPENAI_API_KEY'],
  replaces,
  adds: replaces.length > 0 ? [] : ['OPENAI_API_KEY'],
  existingKey: replaces.length > 0,
  keyLines: replaces.length > 0 ? 2 : 0,
  gitignore: { path: '/work/app/.gitignore', exists: false },
  repository: '/work/app',
  maskedKey: 'sk-proj-…AbCd',
});
const refused: ApplyResult = { kind: 'refused', reason: 'envFolder', path: '/work/app/.env' };
const written: ApplyResult = {
  kind: 'written',
  envPath: '/work/app/.env',
  created: true,
  names: ['OPENAI_API_KEY'],
  replaced: [],
  added: ['OPENAI_API_KEY'],
  modeChanged: false,
  gitignore: { path: '/work/app/.gitignore', created: true },
  written: ['/work/app/.gitignore', '/work/app/.env'],
  maskedKey: 'sk-proj-…AbCd',
};

const run = (actions: readonly OfferAction[], from: OfferState = OFFER_CLOSED) =>
  actions.reduce(offerReducer, from);

describe('answerOf: only one key event that is exactly y is yes', () => {
  it.each([
    ['y', {}, { type: 'confirm' }],
    ['Y', { shift: true }, { type: 'decline', hangul: false }],
    ['yy', {}, { type: 'decline', hangul: false }],
    ['yes', {}, { type: 'decline', hangul: false }],
    ['y\n', {}, { type: 'decline', hangul: false }],
    ['y', { ctrl: true }, { type: 'decline', hangul: false }],
    ['y', { meta: true }, { type: 'decline', hangul: false }],
    ['\r', { return: true }, { type: 'decline', hangul: false }],
    ['', { escape: true }, { type: 'decline', hangul: false }],
    ['ㅛ', {}, { type: 'decline', hangul: true }],
    ['', { tab: true }, undefined],
  ] as const)('%j %j → %j', (input, key, answer) => {
    expect(answerOf(input, key)).toEqual(answer);
  });
});

describe('offerReducer', () => {
  it('opens into planning, or straight to why not', () => {
    expect(run([{ type: 'open', can: 'yes' }])).toEqual({ phase: 'planning', request: 1 });
    expect(run([{ type: 'open', can: 'practice' }])).toEqual({
      phase: 'closed',
      request: 0,
      outcome: { kind: 'practice' },
    });
    expect(run([{ type: 'open', can: 'no-key' }])).toMatchObject({ outcome: { kind: 'no-key' } });
  });

  it('asks once without an existing key line, twice with one; no at the second asks the writer without the yes', () => {
    const once = run([
      { type: 'open', can: 'yes' },
      { type: 'planned', request: 1, result: plan() },
      { type: 'confirm' },
    ]);
    expect(once).toMatchObject({ phase: 'applying', replace: false });
    const asked = run([
      { type: 'open', can: 'yes' },
      { type: 'planned', request: 1, result: plan(['OPENAI_API_KEY']) },
      { type: 'confirm' },
    ]);
    expect(asked.phase).toBe('ask-replace');
    expect(run([{ type: 'confirm' }], asked)).toMatchObject({ phase: 'applying', replace: true });
    expect(run([{ type: 'decline', hangul: false }], asked)).toMatchObject({
      phase: 'applying',
      replace: false,
    });
  });

  it('cancels on no, and on any answer before the list is shown', () => {
    const planning = run([{ type: 'open', can: 'yes' }]);
    for (const action of [{ type: 'confirm' }, { type: 'decline', hangul: false }] as const) {
      expect(run([action], planning)).toMatchObject({ phase: 'closed', outcome: { kind: 'cancelled' } });
    }
    const asking = run([{ type: 'planned', request: 1, result: plan() }], planning);
    expect(run([{ type: 'decline', hangul: true }], asking)).toEqual({
      phase: 'closed',
      request: 1,
      outcome: { kind: 'cancelled', hangul: true },
    });
  });

  it('ignores answers that belong to an earlier request, and keys while writing', () => {
    const first = run([
      { type: 'open', can: 'yes' },
      { type: 'decline', hangul: false },
    ]);
    const second = run([{ type: 'open', can: 'yes' }], first);
    expect(second).toEqual({ phase: 'planning', request: 2 });
    expect(run([{ type: 'planned', request: 1, result: plan() }], second)).toBe(second);
    const applying = run([{ type: 'planned', request: 2, result: plan() }, { type: 'confirm' }], second);
    expect(run([{ type: 'confirm' }], applying)).toBe(applying);
    expect(run([{ type: 'decline', hangul: false }], applying)).toBe(applying);
    expect(run([{ type: 'open', can: 'yes' }], applying)).toBe(applying);
    expect(run([{ type: 'applied', request: 1, result: written }], applying)).toBe(applying);
    expect(run([{ type: 'applied', request: 2, result: written }], applying)).toEqual({
      phase: 'closed',
      request: 2,
      outcome: written,
    });
  });

  it('shows a refusal from planning without asking', () => {
    expect(
      run([
        { type: 'open', can: 'yes' },
        { type: 'planned', request: 1, result: refused },
      ]),
    ).toEqual({
      phase: 'closed',
      request: 1,
      outcome: refused,
    });
  });
});

describe('what stays on screen', () => {
  const en = contentFor('en');

  it('keeps the heading and every file of a plan, and every file written', () => {
    const lines = planLines(plan(), en);
    expect(lines.lines.slice(0, lines.must).join('\n')).toContain('/work/app/.gitignore');
    expect(lines.lines.slice(0, lines.must).join('\n')).toContain('/work/app/.env');
    const done = outcomeLines(written, en, 12);
    expect(done.must).toBe(2);
    expect(done.lines.slice(0, 2).join('\n')).toContain('/work/app/.gitignore');
    expect(done.lines.slice(0, 2).join('\n')).toContain('/work/app/.env');
    expect(outcomeLines(refused, en, 12)).toMatchObject({ must: 1, tone: 'warning' });
  });

  it('asks the second question with the plan sentence about the existing line', () => {
    const lines = replaceLines(plan(['OPENAI_API_KEY']), en);
    expect(lines.lines[0]).toContain('/work/app/.env');
    expect(lines.lines[1]).toBe(fill(en.envFile.plan.replace, { names: 'OPENAI_API_KEY' }));
    expect(lines.lines[2]).toBe(fill(en.envFile.plan.keyLines, { count: 2 }));
  });

  it('says ㅛ is not y, in both languages', () => {
    for (const locale of ['en', 'ko'] as const) {
      const content = contentFor(locale);
      expect(outcomeLines({ kind: 'cancelled', hangul: true }, content, 12).lines).toEqual([
        content.envFile.screen.cancelledHangul,
      ]);
      expect(content.envFile.screen.cancelledHangul).toContain('ㅛ');
    }
  });
});
