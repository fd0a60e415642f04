import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../assets/team.schema.json' with { type: 'json' };
import { allAnchors } from '../../src/team/flow.js';
import { starterTeamFile } from '../../src/team/starter.js';
import { parseTeamFile, TEAM_FIELDS, TEAM_LIMITS, TEAM_PATTERNS } from '../../src/team/team-file.js';
import { INVALID, MINIMAL, VALID, variant } from './fixtures.js';

const ajv = new Ajv2020({ allErrors: true });
// Ajv's default strict mode refuses unknown keywords and ignored formats, so a typo in the schema fails here.
const validate = ajv.compile(schema);

const text = (file: unknown) => (typeof file === 'string' ? file : JSON.stringify(file, null, 2));
const schemaAccepts = (file: unknown) => validate(JSON.parse(text(file)));

const VALID_CORPUS: readonly [string, unknown][] = [
  ['every field', VALID],
  ['the smallest file', MINIMAL],
  [
    'a paying team with only its organization',
    { name: 'Acme', payer: 'team', organization: { id: 'org-abc123' } },
  ],
  ['a gateway on this machine', variant((t) => Object.assign(t, { baseUrl: 'http://127.0.0.1:4000/v1' }))],
  ['IPv6 loopback', variant((t) => Object.assign(t, { baseUrl: 'http://[::1]:4000/v1' }))],
  ['an https contact', variant((t) => Object.assign(t.contact, { link: 'https://chat.acme.test/llm' }))],
  ['a budget with cents', variant((t) => Object.assign(t, { monthlyBudgetUsd: 12.5 }))],
  [
    'a title of exactly 1,000 characters',
    variant((t) => Object.assign(t.steps[0]?.title ?? {}, { en: 'a'.repeat(1000) })),
  ],
  [
    'ten steps',
    variant((t) =>
      Object.assign(t, {
        steps: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, after: 'welcome', title: { en: 'x' } })),
      }),
    ),
  ],
  ['a model with a colon', variant((t) => Object.assign(t, { model: 'ft:gpt-4o-mini:acme::abc123' }))],
  [
    'a title cleaned of a bidi override (a warning, not a problem)',
    variant((t) => Object.assign(t.steps[0]?.title ?? {}, { en: 'VPN\u202E' })),
  ],
];

describe('assets/team.schema.json', () => {
  it('is a valid draft 2020-12 schema (ajv compiles it in its default strict mode)', () => {
    expect(typeof validate).toBe('function');
  });

  it.each(VALID_CORPUS)('and the parser both accept %s', (_name, file) => {
    expect(parseTeamFile(text(file)).ok).toBe(true);
    expect(schemaAccepts(file), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each(INVALID.filter((c) => c.schemaSees !== false))('and the parser both refuse $name', ({ file }) => {
    expect(parseTeamFile(text(file)).ok).toBe(false);
    expect(schemaAccepts(file)).toBe(false);
  });

  it.each(INVALID.filter((c) => c.schemaSees === false))(
    'cannot see, where the parser refuses, $name (the parser is stricter, never more lenient)',
    ({ file }) => {
      expect(parseTeamFile(text(file)).ok).toBe(false);
      expect(schemaAccepts(file)).toBe(true);
    },
  );

  it('accepts the starter file that team init writes, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      expect(schemaAccepts(starterTeamFile(lang)), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('holds the same patterns as the parser', () => {
    const defs = schema.$defs;
    const root = schema.properties;
    expect({
      organizationId: defs.organization.properties.id.pattern,
      projectId: defs.project.properties.id.pattern,
      stepId: defs.step.properties.id.pattern,
      model: root.model.pattern,
      text: defs.text.pattern,
      httpsUrl: defs.step.properties.url.pattern,
      contactLink: defs.contact.properties.link.pattern,
      baseUrl: root.baseUrl.pattern,
    }).toEqual(TEAM_PATTERNS);
    expect(defs.step.properties.after.pattern).toBe(TEAM_PATTERNS.stepId);
  });

  it('holds the same caps as the parser', () => {
    expect(schema.properties.steps.maxItems).toBe(TEAM_LIMITS.steps);
    expect(schema.$defs.localizedList.properties.en.maxItems).toBe(TEAM_LIMITS.labels);
    expect(schema.$defs.text.maxLength).toBe(TEAM_LIMITS.text);
    expect(schema.$defs.step.properties.id.maxLength).toBe(TEAM_LIMITS.stepId);
    expect(schema.properties.monthlyBudgetUsd.maximum).toBe(TEAM_LIMITS.budgetUsd);
    // Every string has a cap: walk the schema.
    const uncapped: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.type === 'string' && record.maxLength === undefined) uncapped.push(path);
      for (const [key, value] of Object.entries(record)) walk(value, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(uncapped).toEqual([]);
  });

  it('holds the same fields as the parser', () => {
    expect(Object.keys(schema.properties)).toEqual(TEAM_FIELDS.root);
    expect(Object.keys(schema.$defs.organization.properties)).toEqual(TEAM_FIELDS.identity);
    expect(Object.keys(schema.$defs.project.properties)).toEqual(TEAM_FIELDS.identity);
    expect(Object.keys(schema.$defs.contact.properties)).toEqual(TEAM_FIELDS.contact);
    expect(Object.keys(schema.$defs.step.properties)).toEqual(TEAM_FIELDS.step);
    expect(Object.keys(schema.$defs.localizedText.properties)).toEqual(TEAM_FIELDS.localized);
  });

  it("offers the guide's step ids for `after`, derived from the wizard's steps", () => {
    expect([...schema.$defs.step.properties.after.examples].sort()).toEqual([...allAnchors()].sort());
  });

  it('is published with the package (named in package.json files; test/package.test.ts packs it)', async () => {
    const pkg = await import('../../package.json', { with: { type: 'json' } });
    expect(pkg.default.files).toContain('assets/team.schema.json');
  });
});
