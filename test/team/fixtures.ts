/** Team files for the tests: a valid one to vary, and the invalid variations, one per problem. */
import type { TeamProblem } from '../../src/team/team-file.js';

/** A valid team file that uses every field. */
export const VALID = {
  $schema: 'https://unpkg.com/openai-topup/assets/team.schema.json',
  name: 'Acme Research',
  language: 'ko',
  payer: 'team',
  organization: { id: 'org-uOtiSEwvUnroadaOnJJquBEC', name: 'Acme' },
  project: { id: 'proj_AbCdEf0123456789abcdefGH', name: 'Onboarding' },
  model: 'gpt-4o-mini',
  baseUrl: 'https://llm-gateway.acme.test/v1',
  monthlyBudgetUsd: 25,
  contact: { name: 'Jane Kim', link: 'mailto:jane@acme.test' },
  steps: [
    {
      id: 'vpn',
      after: 'login',
      title: { en: 'Connect to the VPN', ko: 'VPN 연결하기' },
      text: { en: 'Open the VPN app and sign in.\nThen come back here.' },
      labels: { en: ['Connect'], ko: ['연결'] },
      url: 'https://wiki.acme.test/vpn',
    },
    { id: 'policy', after: 'accept-invite', title: { ko: '사용 규칙 읽기' } },
    { id: 'chat', after: 'vpn', title: { en: 'Join the #llm channel' } },
  ],
};

type Json = Record<string, unknown>;

/** A copy of VALID, changed by `edit`. */
export function variant(edit: (team: Json & typeof VALID) => void): Json {
  const team = structuredClone(VALID) as Json & typeof VALID;
  edit(team);
  return team;
}

/** The smallest valid file a team could write. */
export const MINIMAL = { name: 'Class 3', payer: 'self' };

/** One invalid file, the problem it must produce, and whether JSON Schema can see that problem at all. */
export type InvalidCase = {
  readonly name: string;
  readonly file: Json | string;
  readonly problem: Partial<TeamProblem> & { readonly kind: TeamProblem['kind'] };
  /** False where the rule is beyond JSON Schema (the parser is stricter there, never more lenient). */
  readonly schemaSees?: boolean;
};

const steps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, after: 'login', title: { en: `Step ${i}` } }));

/** One invalid file per kind of problem (and a few kinds twice, where the rule has two sides). */
export const INVALID: readonly InvalidCase[] = [
  {
    name: 'a wrong type',
    file: variant((t) => Object.assign(t, { name: 5 })),
    problem: { kind: 'type', path: ['name'], expected: 'string', found: 'number' },
  },
  {
    name: 'steps that are not a list',
    file: variant((t) => Object.assign(t, { steps: {} })),
    problem: { kind: 'type', path: ['steps'], expected: 'array', found: 'object' },
  },
  {
    name: 'a root that is not an object',
    file: '[1, 2]',
    problem: { kind: 'type', path: [], expected: 'object', found: 'array' },
  },
  {
    name: 'a missing name',
    file: variant((t) => Object.assign(t, { name: undefined })),
    problem: { kind: 'missing', path: ['name'] },
  },
  {
    name: 'a paying team without an organization',
    file: variant((t) => Object.assign(t, { organization: undefined })),
    problem: { kind: 'missing', path: ['organization'], because: 'team-payer' },
  },
  {
    name: 'a misspelt field',
    file: variant((t) => Object.assign(t, { organisation: t.organization })),
    problem: { kind: 'unknownField', path: ['organisation'], suggestion: 'organization' },
  },
  {
    name: 'an unknown field in a step',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { colour: 'red' })),
    problem: { kind: 'unknownField', path: ['steps', 0, 'colour'] },
  },
  {
    name: 'a language the guide is not written in',
    file: variant((t) => Object.assign(t, { language: 'fr' })),
    problem: { kind: 'choice', path: ['language'], value: 'fr', allowed: ['en', 'ko'] },
  },
  {
    name: 'an unknown payer',
    file: variant((t) => Object.assign(t, { payer: 'company' })),
    problem: { kind: 'choice', path: ['payer'], value: 'company' },
  },
  {
    name: 'an organization id of the wrong shape',
    file: variant((t) => Object.assign(t.organization, { id: 'org_uOtiSEwvUnroadaOnJJquBEC' })),
    problem: { kind: 'shape', path: ['organization', 'id'], shape: 'organization' },
  },
  {
    name: 'a project id of the wrong shape',
    file: variant((t) => Object.assign(t.project, { id: 'proj-AbCdEf' })),
    problem: { kind: 'shape', path: ['project', 'id'], shape: 'project' },
  },
  {
    name: 'a model name with a space',
    file: variant((t) => Object.assign(t, { model: 'gpt 4o' })),
    problem: { kind: 'shape', path: ['model'], shape: 'model' },
  },
  {
    name: 'a step id with other characters',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { id: 'v p n' })),
    problem: { kind: 'shape', path: ['steps', 0, 'id'], shape: 'stepId' },
  },
  {
    name: 'a step after a step that does not exist',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { after: 'logn' })),
    problem: { kind: 'unknownStep', path: ['steps', 0, 'after'], value: 'logn' },
    schemaSees: false,
  },
  {
    name: 'a step after a billing step the paying team does not get',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { after: 'billing' })),
    problem: { kind: 'unknownStep', path: ['steps', 0, 'after'], value: 'billing' },
    schemaSees: false,
  },
  {
    name: 'a step after the last step',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { after: 'done' })),
    problem: { kind: 'unknownStep', path: ['steps', 0, 'after'], value: 'done' },
    schemaSees: false,
  },
  {
    name: 'a step after an extra step listed below it',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { after: 'chat' })),
    problem: { kind: 'stepOrder', path: ['steps', 0, 'after'], value: 'chat' },
    schemaSees: false,
  },
  {
    name: 'two steps with one id',
    file: variant((t) => Object.assign(t.steps[2] ?? {}, { id: 'vpn' })),
    problem: { kind: 'duplicateStep', path: ['steps', 2, 'id'], value: 'vpn', inGuide: false },
    schemaSees: false,
  },
  {
    name: "an extra step with a guide step's id",
    file: variant((t) => Object.assign(t.steps[1] ?? {}, { id: 'api-key' })),
    problem: { kind: 'duplicateStep', path: ['steps', 1, 'id'], value: 'api-key', inGuide: true },
    schemaSees: false,
  },
  {
    name: 'a key given twice',
    file: `{"name": "Acme", "payer": "self",\n "name": "Other"}`,
    problem: { kind: 'duplicateKey', path: ['name'], line: 2 },
    schemaSees: false,
  },
  {
    name: 'too many steps',
    file: variant((t) => Object.assign(t, { steps: steps(11) })),
    problem: { kind: 'tooMany', path: ['steps'], count: 11, max: 10 },
  },
  {
    name: 'too many labels',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { labels: { en: Array(11).fill('Connect') } })),
    problem: { kind: 'tooMany', path: ['steps', 0, 'labels', 'en'], count: 11, max: 10 },
  },
  {
    name: 'a text over 1,000 characters',
    file: variant((t) => Object.assign(t.steps[0]?.title ?? {}, { ko: '가'.repeat(1001) })),
    problem: { kind: 'tooLong', path: ['steps', 0, 'title', 'ko'], length: 1001, max: 1000 },
  },
  {
    name: 'a step id over 40 characters',
    file: variant((t) => Object.assign(t.steps[2] ?? {}, { id: 'a'.repeat(41) })),
    problem: { kind: 'tooLong', path: ['steps', 2, 'id'], length: 41, max: 40 },
  },
  {
    name: 'an empty title',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { title: {} })),
    problem: { kind: 'empty', path: ['steps', 0, 'title'] },
  },
  {
    name: 'a blank name',
    file: variant((t) => Object.assign(t, { name: '  ' })),
    problem: { kind: 'empty', path: ['name'] },
  },
  {
    name: 'a name that is only escape sequences',
    file: variant((t) => Object.assign(t, { name: '\u001b[2J\u200b' })),
    problem: { kind: 'empty', path: ['name'] },
    schemaSees: false,
  },
  {
    name: 'a step URL that is not https',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { url: 'http://wiki.acme.test/vpn' })),
    problem: { kind: 'urlScheme', path: ['steps', 0, 'url'], rule: 'https' },
  },
  {
    name: 'a step URL that runs script',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { url: 'javascript:alert(1)' })),
    problem: { kind: 'urlScheme', path: ['steps', 0, 'url'], rule: 'https' },
  },
  {
    name: 'a step URL that does not parse',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { url: 'https://[wiki' })),
    problem: { kind: 'notUrl', path: ['steps', 0, 'url'] },
    schemaSees: false,
  },
  {
    name: 'a step URL with a right-to-left override',
    file: variant((t) => Object.assign(t.steps[0] ?? {}, { url: 'https://wiki.acme.test/\u202Egpj.exe' })),
    problem: { kind: 'urlCharacters', path: ['steps', 0, 'url'] },
  },
  {
    name: 'a contact link that is neither https nor mailto',
    file: variant((t) => Object.assign(t.contact, { link: 'tel:+8210' })),
    problem: { kind: 'urlScheme', path: ['contact', 'link'], rule: 'https-or-mailto' },
  },
  {
    name: 'a base URL of another scheme',
    file: variant((t) => Object.assign(t, { baseUrl: 'ftp://llm-gateway.acme.test/v1' })),
    problem: { kind: 'urlScheme', path: ['baseUrl'], rule: 'base-url' },
  },
  {
    name: 'a base URL in clear text to another machine',
    file: variant((t) => Object.assign(t, { baseUrl: 'http://llm-gateway.acme.test/v1' })),
    problem: { kind: 'clearText', path: ['baseUrl'], host: 'llm-gateway.acme.test' },
  },
  {
    name: 'a base URL that only starts like this machine',
    file: variant((t) => Object.assign(t, { baseUrl: 'http://localhost.acme.test/v1' })),
    problem: { kind: 'clearText', path: ['baseUrl'], host: 'localhost.acme.test' },
  },
  {
    name: 'a base URL that hides another host behind a user name',
    file: variant((t) => Object.assign(t, { baseUrl: 'http://localhost:80@evil.test/v1' })),
    problem: { kind: 'clearText', path: ['baseUrl'], host: 'evil.test' },
    schemaSees: false,
  },
  {
    name: 'a base URL that leads with api.openai.com as a user name before another host',
    file: variant((t) =>
      Object.assign(t, { baseUrl: 'https://api.openai.com%2Fv1@llm-gateway.acme.test/v1' }),
    ),
    problem: { kind: 'urlUserinfo', path: ['baseUrl'] },
    schemaSees: false,
  },
  {
    name: 'a step page that leads with the platform as a user name before another host',
    file: variant((t) =>
      Object.assign(t.steps[0] ?? {}, { url: 'https://platform.openai.com@phish.acme.test/login' }),
    ),
    problem: { kind: 'urlUserinfo', path: ['steps', 0, 'url'] },
    schemaSees: false,
  },
  {
    name: 'an https contact link with a user name and password',
    file: variant((t) => Object.assign(t.contact, { link: 'https://jane:secret@chat.acme.test/llm' })),
    problem: { kind: 'urlUserinfo', path: ['contact', 'link'] },
    schemaSees: false,
  },
  {
    name: 'a budget of zero',
    file: variant((t) => Object.assign(t, { monthlyBudgetUsd: 0 })),
    problem: { kind: 'range', path: ['monthlyBudgetUsd'], value: 0 },
  },
  {
    name: 'a budget beyond the cap',
    file: variant((t) => Object.assign(t, { monthlyBudgetUsd: 2_000_000 })),
    problem: { kind: 'range', path: ['monthlyBudgetUsd'], value: 2_000_000, max: 1_000_000 },
  },
  {
    name: 'a budget as text',
    file: variant((t) => Object.assign(t, { monthlyBudgetUsd: '20' })),
    problem: { kind: 'type', path: ['monthlyBudgetUsd'], expected: 'number', found: 'string' },
  },
  {
    name: 'an organization when each person pays',
    file: variant((t) => Object.assign(t, { payer: 'self', project: undefined })),
    problem: { kind: 'notWithSelf', path: ['organization'] },
  },
];
