/**
 * The README's example team file can never drift: it is the file the golden screens walk
 * (test/fixtures/openai-topup.team.json), the parser and assets/team.schema.json both accept it without a
 * warning, and the `team` field the README shows for it is what `check --json` reports when it is accepted.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../assets/team.schema.json' with { type: 'json' };
import { teamReport } from '../../src/team/call.js';
import { teamFlowStepIds } from '../../src/team/flow.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const FIXTURE = readFileSync(new URL('../fixtures/openai-topup.team.json', import.meta.url), 'utf8');
const HEADING = '## Team onboarding: a team file';

/** The README's team section: from its heading to the next section of the same level. */
function teamSection(): string {
  const start = README.indexOf(`\n${HEADING}\n`);
  expect(start, `the README has a section "${HEADING}"`).toBeGreaterThanOrEqual(0);
  const end = README.indexOf('\n## ', start + HEADING.length);
  return README.slice(start, end < 0 ? undefined : end);
}

/** The fenced ```json blocks of a text, in order. */
function jsonBlocks(text: string): string[] {
  return [...text.matchAll(/\n```json\n([\s\S]*?)\n```\n/g)].map((match) => match[1] ?? '');
}

/** The README's example file, parsed; fails the test with every problem when it is not valid. */
function exampleTeam(): TeamFile {
  const parsed = parseTeamFile(jsonBlocks(teamSection())[0] ?? '');
  if (!parsed.ok) throw new Error(`the README's example team file: ${JSON.stringify(parsed.problems)}`);
  expect(parsed.warnings).toEqual([]);
  return parsed.team;
}

describe("the README's example team file", () => {
  it('is the file the golden screens walk, byte for byte', () => {
    expect(`${jsonBlocks(teamSection())[0]}\n`).toBe(FIXTURE);
  });

  it('is valid for the parser, without a warning', () => {
    const team = exampleTeam();
    expect(team.payer).toBe('team');
    expect(team.organization?.id).toMatch(/^org-[A-Za-z0-9]{24}$/);
    expect(team.project?.id).toMatch(/^proj_[A-Za-z0-9]{24}$/);
    expect(team.contact?.link).toMatch(/^mailto:[^@]+@[a-z.-]+\.test$/);
    expect(team.steps.map((step) => new URL(step.url ?? '').hostname)).toEqual([
      expect.stringMatching(/\.test$/),
    ]);
  });

  it('is valid for assets/team.schema.json', () => {
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const valid = validate(JSON.parse(jsonBlocks(teamSection())[0] ?? ''));
    expect(valid, JSON.stringify(validate.errors)).toBe(true);
  });

  it('has the number of steps the README says its guide has', () => {
    expect(teamSection()).toContain(`the example's guide has ${teamFlowStepIds(exampleTeam()).length} steps`);
  });

  it('comes with the `team` field that check --json reports when the call is accepted', () => {
    const shown = jsonBlocks(teamSection()).map((block) => JSON.parse(block) as Record<string, unknown>);
    const withTeam = shown.find((block) => 'team' in block && Object.keys(block).length === 1);
    expect(withTeam?.team).toEqual(teamReport(exampleTeam(), true));
  });
});
