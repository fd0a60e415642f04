/**
 * The wizard with a team file: asked about first when found (only `y` says yes), every problem of a file that
 * cannot be used on one screen, the team's guide and welcome, the yes before the key goes to another origin,
 * the headers the test call sends and what the screen says when it is accepted. Both languages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallSetup, EnvFileService, TeamInUse } from '../../src/app-services.js';
import { contentFor } from '../../src/content/content.js';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import type { EnvExtra } from '../../src/store/env-file.js';
import { teamCall } from '../../src/team/call.js';
import { teamFlow } from '../../src/team/flow.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';
import { flowIndex } from '../../src/wizard/flow.js';
import { renderApp, sessionTo, testPolicy } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';
import { VALID, variant } from '../team/fixtures.js';

const ORG = VALID.organization.id;
const PROJECT = VALID.project.id;
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function team(file: unknown): TeamFile {
  const result = parseTeamFile(JSON.stringify(file));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.team;
}
const HASH = 'a'.repeat(64);
const inUse = (file: TeamFile): TeamInUse => ({ path: 'openai-topup.team.json', hash: HASH, file });

let owner: DemoServer;
let elsewhere: DemoServer;
beforeAll(async () => {
  owner = await startDemoServer({ keyOwner: { organization: ORG, project: PROJECT } });
  elsewhere = await startDemoServer({ scenario: 'wrong-organization' });
});
afterAll(async () => {
  await owner.close();
  await elsewhere.close();
});

describe('a team file that was found', () => {
  it.each(['en', 'ko'] as const)(
    'is asked about before anything else, with what it changes (%s)',
    async (locale) => {
      const file = team(VALID);
      const app = renderApp({
        locale,
        columns: 80,
        rows: 40,
        teamOffer: { kind: 'ask', path: 'openai-topup.team.json', hash: HASH, team: file },
      });
      unmount = () => app.instance.unmount();
      const frame = await app.waitForText(
        locale === 'en' ? 'Use the team file of Acme Research?' : 'Acme Research',
      );
      expect(frame).toContain(`(${ORG})`);
      expect(frame).toContain(locale === 'en' ? 'Only y says yes' : 'y를 눌러야만');
    },
  );

  it('is used after y: the team’s guide, in the file’s language, recorded as agreed', async () => {
    const accepted: TeamInUse[] = [];
    const file = team(VALID);
    const app = renderApp({
      columns: 80,
      rows: 40,
      teamOffer: { kind: 'ask', path: 'openai-topup.team.json', hash: HASH, team: file },
      services: { acceptTeam: (t) => accepted.push(t) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Use the team file of Acme Research?');
    await app.press('y');
    // VALID's language is Korean: the guide switches to it.
    const frame = await app.waitForText(`1/${teamFlow(file).steps.length}`);
    expect(frame).toContain('팀의 OpenAI 조직에 들어가고');
    expect(frame).toContain('사용 중인 팀 파일: openai-topup.team.json (Acme Research)');
    expect(accepted.map((t) => t.hash)).toEqual([HASH]);
  });

  it.each([
    ['Enter', KEYS.enter],
    ['n', 'n'],
    ['a burst that ends in y', `${KEYS.enter}y`],
  ])('is not used after %s: the personal guide', async (_name, keys) => {
    const accepted: TeamInUse[] = [];
    const app = renderApp({
      columns: 80,
      rows: 40,
      teamOffer: { kind: 'ask', path: 'openai-topup.team.json', hash: HASH, team: team(VALID) },
      services: { acceptTeam: (t) => accepted.push(t) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Use the team file of Acme Research?');
    await app.press(keys);
    await app.waitForText('/14 Welcome');
    expect(app.frame()).toContain('Top up your OpenAI API credit');
    expect(accepted).toEqual([]);
  });
});

describe('a team file that cannot be used', () => {
  it.each(['en', 'ko'] as const)(
    'lists every problem on one screen and goes on with the personal guide (%s)',
    async (locale) => {
      const parsed = parseTeamFile(
        JSON.stringify(variant((t) => Object.assign(t, { name: 5, payer: 'teams' }))),
      );
      if (parsed.ok) throw new Error('expected problems');
      const app = renderApp({
        locale,
        columns: 80,
        rows: 40,
        teamOffer: { kind: 'broken', path: 'openai-topup.team.json', problems: parsed.problems },
      });
      unmount = () => app.instance.unmount();
      const frame = await app.waitForText(
        locale === 'en' ? 'The team file cannot be used' : 'openai-topup.team.json',
      );
      expect(frame).toContain('name');
      expect(frame).toContain('payer');
      await app.press(KEYS.enter);
      await app.waitForText('1/14');
    },
  );
});

describe('the team’s guide', () => {
  it('says which file is in use on the welcome screen, and numbers the team’s steps', async () => {
    const file = team(variant((t) => Object.assign(t, { language: 'en' })));
    const flow = teamFlow(file);
    const app = renderApp({ columns: 80, rows: 40, state: { flow }, services: { team: inUse(file) } });
    unmount = () => app.instance.unmount();
    const frame = await app.waitForText(`1/${flow.steps.length} Welcome`);
    expect(frame).toContain('Team file in use: openai-topup.team.json (Acme Research).');
    expect(frame).toContain('Join your team');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitForText('Connect to the VPN');
  });
});

describe('a team step’s page', () => {
  it.each([40, 80])(
    'is shown with its real target even when a part of it is wider than the screen (%i columns)',
    async (columns) => {
      // One path segment of 150 characters: breaking only after a slash cannot fit it on a line.
      const url = `https://phish.acme.test/${'a'.repeat(150)}?next=1`;
      const file = team({
        name: 'Acme',
        payer: 'self',
        language: 'en',
        steps: [{ id: 'wiki', after: 'welcome', title: { en: 'Read the wiki' }, url }],
      });
      const flow = teamFlow(file);
      const index = flowIndex(flow, 'team:wiki');
      const app = renderApp({
        columns,
        rows: 40,
        state: { flow, index, reached: index },
        services: { team: inUse(file) },
      });
      unmount = () => app.instance.unmount();
      const frame = await app.waitForText('Read the wiki');
      // Every character of the address is on the screen, the host first.
      expect(frame).toContain('https://phish.acme.test/');
      expect(frame.replace(/\n/g, '')).toContain(url);
    },
  );
});

describe('the test call with a team file', () => {
  function atTestCall(file: TeamFile, baseUrl: string, extra: Record<string, unknown> = {}) {
    const flow = teamFlow(file);
    // The key step first (the key is never saved): Enter uses the suggested key, then the call runs.
    const index = flowIndex(flow, 'api-key');
    const sessions: string[] = [];
    const app = renderApp({
      columns: 80,
      rows: 40,
      state: { flow, index, reached: index },
      services: {
        team: inUse(file),
        suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
        callPolicy: testPolicy(),
        callFor: (t) => {
          const call = teamCall({ baseUrl, model: 'gpt-4o-mini', modelFromFlag: false, env: {} }, t?.file);
          return {
            baseUrl: call.baseUrl,
            model: call.model,
            overridden: call.overridden,
            curl: call.curl,
          };
        },
        openSession: async (key, t) => {
          sessions.push(key);
          const call = teamCall({ baseUrl, model: 'gpt-4o-mini', modelFromFlag: false, env: {} }, t?.file);
          return sessionTo(baseUrl, { organization: call.organization, project: call.project })(key);
        },
        ...extra,
      },
    });
    unmount = () => app.instance.unmount();
    return { app, sessions };
  }

  it('sends the team’s headers and says the call was accepted with them', async () => {
    const file = team(variant((t) => Object.assign(t, { language: 'en' })));
    const { app } = atTestCall(file, owner.baseUrl);
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    const frame = await app.waitForText('Accepted with the team');
    expect(frame).toContain("Accepted with the team's organization (Acme) and project (Onboarding).");
    const chat = owner.requests.filter((r) => r.path === '/v1/chat/completions').at(-1);
    expect(chat).toMatchObject({ organization: ORG, project: PROJECT, status: 200 });
  });

  it('shows, before sending, the organization and project the call goes with: in words and in the curl', async () => {
    const file = team(variant((t) => Object.assign(t, { language: 'en' })));
    const { app } = atTestCall(file, owner.baseUrl, { callPolicy: testPolicy({ confirmBeforeChat: true }) });
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    const frame = await app.waitForText(
      "The call is made in the team's organization (Acme) and project (Onboarding).",
    );
    expect(frame).toContain(`-H "OpenAI-Organization: ${ORG}" \\`);
    expect(frame).toContain(`-H "OpenAI-Project: ${PROJECT}" \\`);
    expect(frame).toContain('"max_completion_tokens": 64,');
  });

  it('names the team’s organization and contact when the key belongs elsewhere (ko)', async () => {
    const file = team(VALID);
    const { app } = atTestCall(file, elsewhere.baseUrl);
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    const frame = await app.waitForText('Jane Kim');
    expect(frame).toContain(`ID ${ORG}`);
    // The action points where the team says, not at "the organization that holds the credit".
    const words = contentFor('en');
    expect(frame.replace(/\s+/g, '')).toContain(words.team.diagnosis.action.replace(/\s+/g, ''));
    expect(frame.replace(/\s+/g, '')).not.toContain(words.outcomes.organization.action.replace(/\s+/g, ''));
  });

  it('sends nothing to another origin before y; Enter goes back; y sends and is remembered', async () => {
    const file = team(variant((t) => Object.assign(t, { language: 'en' })));
    const grants: string[] = [];
    const origin = {
      origin: 'https://llm-gateway.acme.test:443',
      granted: () => grants.length > 0,
      grant: () => void grants.push('yes'),
    };
    const sessions: string[] = [];
    const { app } = atTestCall(file, owner.baseUrl, {
      callFor: () => ({ baseUrl: owner.baseUrl, model: 'gpt-4o-mini', overridden: [], origin }),
      openSession: async (key: string) => {
        sessions.push(key);
        return sessionTo(owner.baseUrl)(key);
      },
    });
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    await app.waitForText('https://llm-gateway.acme.test:443');
    expect(app.frame()).toContain('Only y says yes');
    await app.press(KEYS.enter);
    await app.waitForText('Use this key');
    expect(sessions).toEqual([]);
    await app.press(KEYS.enter);
    await app.waitForText('https://llm-gateway.acme.test:443');
    await app.press('y');
    await app.waitForText('The key works');
    expect(grants).toEqual(['yes']);
    expect(sessions.length).toBe(1);
  });
});

describe("the team's API root in the .env", () => {
  /**
   * The done screen reached as a user can without ever saying yes to the team's origin: progress saved there
   * (a run before the team file was used), the key from the environment. `e` then plans the .env.
   */
  async function planAtDone(callFor: (t: TeamInUse | undefined) => CallSetup) {
    const file = team(variant((t) => Object.assign(t, { language: 'en' })));
    const flow = teamFlow(file);
    const extras: Array<EnvExtra | undefined> = [];
    const envFile: EnvFileService = {
      plan: async (_key, extra) => {
        extras.push(extra);
        return { kind: 'refused', reason: 'noFolder', path: '/nowhere', detail: 'ENOENT' };
      },
      apply: async () => ({ kind: 'refused', reason: 'noFolder', path: '/nowhere', detail: 'ENOENT' }),
    };
    const key = flowIndex(flow, 'api-key');
    const app = renderApp({
      columns: 80,
      rows: 40,
      state: { flow, index: key, reached: flowIndex(flow, 'done') },
      services: { team: inUse(file), suggestedKey: { key: PRACTICE_KEY, source: 'env' }, callFor, envFile },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    await app.waitForText(contentFor('en').steps['test-call'].title);
    // Back to the key, then the step list to the last step: the test call was never sent.
    await app.press(KEYS.left);
    await app.waitForText('Use this key');
    await app.press('s');
    await app.press(KEYS.down, KEYS.down, KEYS.enter);
    await app.waitForText(contentFor('en').envFile.screen.hint);
    await app.press('e');
    const deadline = Date.now() + 5000;
    while (extras.length === 0) {
      if (Date.now() > deadline) throw new Error('e planned nothing');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return extras[0];
  }
  const origin = (granted: boolean) => ({
    origin: 'https://llm-gateway.acme.test:443',
    granted: () => granted,
    grant: () => undefined,
  });
  const gateway = 'https://llm-gateway.acme.test/v1';

  it('is not written before the user said yes to sending the key there', async () => {
    const extra = await planAtDone(() => ({
      baseUrl: gateway,
      model: 'gpt-4o-mini',
      overridden: [],
      origin: origin(false),
    }));
    expect(extra?.baseUrl).toBeUndefined();
    expect(extra?.projectId).toBe(PROJECT);
  });

  it('is written once that yes was given', async () => {
    const extra = await planAtDone(() => ({
      baseUrl: gateway,
      model: 'gpt-4o-mini',
      overridden: [],
      origin: origin(true),
    }));
    expect(extra?.baseUrl).toBe(gateway);
  });
});
