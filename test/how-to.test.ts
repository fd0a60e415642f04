/**
 * The README's "How to" lists, held to the code: every path they name exists, and what each list adds is
 * complete for every step, language and outcome there is today (so the next one added is held to it too).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, type OutcomeKind } from '../src/api/outcomes.js';
import { printGuide } from '../src/commands/print.js';
import { contentFor } from '../src/content/content.js';
import { LOCALES } from '../src/content/locale.js';
import { SCENARIOS } from '../src/demo/scenario-names.js';
import { teamFlow } from '../src/team/flow.js';
import { parseTeamFile } from '../src/team/team-file.js';
import { STEPS } from '../src/wizard/steps.js';
import { FAULT_ROWS } from './fault-matrix.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const HOW_TO = README.slice(README.indexOf('## How to:'), README.indexOf('## Where things are'));

describe('the README’s how-to lists', () => {
  it('are there', () => {
    expect(HOW_TO).toContain('**Add a step.**');
    expect(HOW_TO).toContain('**Add an outcome.**');
    expect(HOW_TO).toContain('**Add a language.**');
  });

  it('name only paths that exist', () => {
    const paths = [...HOW_TO.matchAll(/`((?:src|assets|test)\/[^`\s]+)`/g)].map((m) => m[1] ?? '');
    expect(paths.length).toBeGreaterThan(8);
    // A placeholder (`<id>`, `<code>`) stands for any file of that folder: the folder must exist.
    const missing = paths
      .map((path) => (path.includes('<') ? path.slice(0, path.lastIndexOf('/')) : path))
      .filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });
});

describe('every step is complete', () => {
  it.each(STEPS.map((step) => [step.id, step] as const))('%s: words in every language', (id) => {
    for (const locale of LOCALES) {
      const words = contentFor(locale).steps[id];
      expect(words.name, `${locale} ${id}`).not.toBe('');
      expect(words.title, `${locale} ${id}`).not.toBe('');
    }
  });

  it.each(STEPS.filter((step) => step.wireframe).map((step) => [step.id, step] as const))(
    '%s: its picture at both widths',
    (_id, step) => {
      for (const suffix of ['', '.narrow'])
        expect(existsSync(join(ROOT, 'assets/wireframes', `${step.wireframe?.name}${suffix}.txt`))).toBe(
          true,
        );
    },
  );

  it('is printed by --print in the guide that has it, in every language', () => {
    const team = parseTeamFile(
      JSON.stringify({ name: 'T', payer: 'team', organization: { id: `org-${'a'.repeat(24)}` } }),
    );
    if (!team.ok) throw new Error('the team file should be valid');
    for (const locale of LOCALES) {
      const personal = printGuide(locale, { ascii: false });
      const paid = printGuide(locale, { ascii: false, team: { path: 'team.json', file: team.team } });
      const flow = teamFlow(team.team);
      for (const step of STEPS) {
        const title = contentFor(locale).steps[step.id].title.replace(/\{\w+\}.*$/, '');
        const printed = step.payer === 'team' ? paid : personal;
        expect(printed, `${locale} ${step.id}`).toContain(title.replace(/`/g, '"'));
        if (step.payer === 'team') expect(flow.steps.map((s) => s.id)).toContain(step.id);
      }
    }
  });
});

describe('every outcome is complete', () => {
  const kinds = Object.keys(OUTCOMES) as OutcomeKind[];
  // Made before anything is sent, or by the user: no fault to produce them with.
  const LOCAL: readonly OutcomeKind[] = ['ok', 'usage', 'no-key', 'key-format', 'interrupted'];

  it.each(kinds.filter((kind) => kind !== 'ok' && kind !== 'usage'))(
    '%s: words in every language',
    (kind) => {
      for (const locale of LOCALES) {
        const words = contentFor(locale).outcomes[kind as Exclude<OutcomeKind, 'ok' | 'usage'>];
        expect(words.title, `${locale} ${kind}`).not.toBe('');
        expect(words.meaning, `${locale} ${kind}`).not.toBe('');
        expect(words.action, `${locale} ${kind}`).not.toBe('');
      }
    },
  );

  it('each has a row in the README’s outcome table', () => {
    const table = README.slice(
      README.indexOf('### Exit codes and outcomes'),
      README.indexOf('### `check --json`'),
    );
    for (const kind of kinds) expect(table, kind).toContain(`\`${kind}\``);
  });

  it('each the API or the network can cause is produced by the fault matrix', () => {
    const produced = new Set(FAULT_ROWS.map((row) => row.kind));
    expect(kinds.filter((kind) => !LOCAL.includes(kind) && !produced.has(kind))).toEqual([]);
  });

  it('each practice scenario is described in every language', () => {
    for (const locale of LOCALES)
      for (const scenario of SCENARIOS)
        expect(contentFor(locale).serve.scenarios[scenario], scenario).toBeTruthy();
  });
});
