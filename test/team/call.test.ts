import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL } from '../../src/api/request.js';
import {
  expectationOf,
  keyNeighbours,
  TEAM_MODEL_MAX_TOKENS,
  teamCall,
  teamReport,
} from '../../src/team/call.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';
import { MINIMAL, VALID, variant } from './fixtures.js';

function team(file: unknown): TeamFile {
  const result = parseTeamFile(JSON.stringify(file));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.team;
}

const choices = (over: Partial<Parameters<typeof teamCall>[0]> = {}) => ({
  baseUrl: undefined,
  model: 'gpt-4o-mini',
  modelFromFlag: false,
  env: {},
  ...over,
});

describe('the test call a team file makes (CLI.md, Precedence)', () => {
  it('is the guide’s call without a team file: default root and model, the environment’s headers', () => {
    const call = teamCall(
      choices({ env: { OPENAI_ORG_ID: 'org-env', OPENAI_PROJECT_ID: 'proj_env' } }),
      undefined,
    );
    expect(call).toEqual({
      baseUrl: DEFAULT_BASE_URL,
      model: 'gpt-4o-mini',
      organization: 'org-env',
      project: 'proj_env',
      overridden: [],
      // The curl shows the variables, not their values: nothing from the environment is printed.
      curl: { organization: { variable: 'OPENAI_ORG_ID' }, project: { variable: 'OPENAI_PROJECT_ID' } },
    });
  });

  it('shows the team file’s ids in the curl, and the cap when the model is the file’s', () => {
    const call = teamCall(choices({ env: { OPENAI_ORG_ID: 'org-env' } }), team(VALID));
    expect(call.curl).toEqual({
      organization: { value: VALID.organization.id },
      project: { value: VALID.project.id },
      maxTokens: 64,
    });
    expect(teamCall(choices({ modelFromFlag: true }), team(VALID)).curl.maxTokens).toBeUndefined();
  });

  it('takes the API root from --base-url or OPENAI_BASE_URL over the file, and the file over the default', () => {
    const file = team(VALID);
    expect(teamCall(choices(), file).baseUrl).toBe('https://llm-gateway.acme.test/v1');
    expect(teamCall(choices({ baseUrl: 'http://127.0.0.1:9/v1' }), file).baseUrl).toBe(
      'http://127.0.0.1:9/v1',
    );
    expect(teamCall(choices(), team(MINIMAL)).baseUrl).toBe(DEFAULT_BASE_URL);
  });

  it('asks for a yes only where the file, not the user, chose another origin; named with its port', () => {
    expect(teamCall(choices(), team(VALID)).teamOrigin).toBe('https://llm-gateway.acme.test:443');
    expect(teamCall(choices({ baseUrl: 'https://mine.test/v1' }), team(VALID)).teamOrigin).toBeUndefined();
    const openai = team(variant((t) => Object.assign(t, { baseUrl: 'https://api.openai.com/v1/' })));
    expect(teamCall(choices(), openai).teamOrigin).toBeUndefined();
  });

  it('names a non-ASCII host as punycode, as the key would travel', () => {
    const file = team(variant((t) => Object.assign(t, { baseUrl: 'https://bücher.test/v1' })));
    expect(teamCall(choices(), file).teamOrigin).toBe('https://xn--bcher-kva.test:443');
  });

  it('takes the model from --model over the file, and caps the reply only for the file’s choice', () => {
    const file = team(variant((t) => Object.assign(t, { model: 'o3-pro' })));
    expect(teamCall(choices(), file)).toMatchObject({
      model: 'o3-pro',
      maxCompletionTokens: TEAM_MODEL_MAX_TOKENS,
    });
    const flagged = teamCall(choices({ model: 'gpt-4.1-nano', modelFromFlag: true }), file);
    expect(flagged.model).toBe('gpt-4.1-nano');
    expect(flagged.maxCompletionTokens).toBeUndefined();
    expect(teamCall(choices(), team(MINIMAL)).maxCompletionTokens).toBeUndefined();
  });

  it('sends the file’s organization and project over the environment’s, naming each variable that differs', () => {
    const env = { OPENAI_ORG_ID: 'org-other', OPENAI_PROJECT_ID: 'proj_AbCdEf0123456789abcdefGH' };
    const call = teamCall(choices({ env }), team(VALID));
    expect(call).toMatchObject({
      organization: 'org-uOtiSEwvUnroadaOnJJquBEC',
      project: 'proj_AbCdEf0123456789abcdefGH',
      overridden: ['OPENAI_ORG_ID'],
    });
    // A file without a project leaves the environment's in place.
    const orgOnly = team(variant((t) => Object.assign(t, { project: undefined })));
    expect(teamCall(choices({ env: { OPENAI_PROJECT_ID: 'proj_env' } }), orgOnly).project).toBe('proj_env');
  });
});

describe('what the team expects, for diagnoses and check --json', () => {
  it('says whose organization and project, whom to ask, and who pays', () => {
    expect(expectationOf(team(VALID))).toEqual({
      organization: { id: 'org-uOtiSEwvUnroadaOnJJquBEC', name: 'Acme' },
      project: { id: 'proj_AbCdEf0123456789abcdefGH', name: 'Onboarding' },
      contact: { name: 'Jane Kim', link: 'mailto:jane@acme.test' },
      teamPays: true,
    });
    expect(expectationOf(team(MINIMAL))).toEqual({ teamPays: false });
  });

  it('reports the ids (null where the file has none) and whether the call was accepted', () => {
    expect(teamReport(team(VALID), true)).toEqual({
      name: 'Acme Research',
      organization: 'org-uOtiSEwvUnroadaOnJJquBEC',
      project: 'proj_AbCdEf0123456789abcdefGH',
      accepted: true,
    });
    expect(teamReport(team(MINIMAL), false)).toEqual({
      name: 'Class 3',
      organization: null,
      project: null,
      accepted: false,
    });
  });
});

describe('what goes beside the key (the .env and the done screen’s lines)', () => {
  const file = team(VALID);
  const root = VALID.baseUrl;
  it.each([
    ['the call goes to the file’s root, agreed', { baseUrl: root, origin: { granted: () => true } }, true],
    [
      'the call goes to the file’s root, not agreed yet',
      { baseUrl: root, origin: { granted: () => false } },
      false,
    ],
    ['the user’s own root replaced it', { baseUrl: 'http://127.0.0.1:9/v1' }, false],
  ])('%s: the root %s', (_name, call, withRoot) => {
    const beside = keyNeighbours(file, call);
    expect(beside.projectId).toBe(VALID.project.id);
    expect(beside.baseUrl).toBe(withRoot ? root : undefined);
  });
});
