import { describe, expect, it } from 'vitest';
import {
  baseFlow,
  flowAnchors,
  TEAM_PAYER_STEP_IDS,
  TEAM_REPLACED_STEP_IDS,
  teamFlowStepIds,
  teamStepContent,
  teamStepsContent,
} from '../../src/team/flow.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';
import { PERSONAL_FLOW } from '../../src/wizard/flow.js';

const STEP_IDS = PERSONAL_FLOW.steps.map((step) => step.id);

import { MINIMAL, VALID } from './fixtures.js';

function team(file: unknown): TeamFile {
  const result = parseTeamFile(JSON.stringify(file));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.team;
}

describe('the flow a team file makes', () => {
  it('is the personal guide when each person pays and there are no extra steps', () => {
    expect(teamFlowStepIds(team(MINIMAL))).toEqual([...STEP_IDS]);
  });

  it('replaces billing … balance with joining the organization when the team pays', () => {
    expect(TEAM_REPLACED_STEP_IDS).toEqual([
      'billing',
      'add-payment',
      'account-type',
      'card',
      'amount',
      'auto-recharge',
      'confirm',
      'balance',
    ]);
    expect(baseFlow('team')).toEqual([
      'welcome',
      'login',
      'settings',
      ...TEAM_PAYER_STEP_IDS,
      'api-key',
      'test-call',
      'done',
    ]);
  });

  it('places each extra step after its step, in the order of the file, and chains steps placed after steps', () => {
    expect(teamFlowStepIds(team(VALID))).toEqual([
      'welcome',
      'login',
      'team:vpn',
      'team:chat',
      'settings',
      'accept-invite',
      'team:policy',
      'switch-organization',
      'choose-project',
      'api-key',
      'test-call',
      'done',
    ]);
  });

  it('keeps steps placed after the same step in the order of the file', () => {
    const file = {
      ...MINIMAL,
      steps: [
        { id: 'a', after: 'card', title: { en: 'A' } },
        { id: 'b', after: 'card', title: { en: 'B' } },
        { id: 'c', after: 'a', title: { en: 'C' } },
        { id: 'd', after: 'test-call', title: { en: 'D' } },
      ],
    };
    const ids = teamFlowStepIds(team(file));
    expect(ids.slice(ids.indexOf('card'), ids.indexOf('card') + 5)).toEqual([
      'card',
      'team:a',
      'team:c',
      'team:b',
      'amount',
    ]);
    expect(ids.slice(-3)).toEqual(['test-call', 'team:d', 'done']);
    expect(ids).toHaveLength(STEP_IDS.length + 4);
  });

  it('lets no step follow done', () => {
    expect(flowAnchors('self')).not.toContain('done');
    expect(flowAnchors('team')).not.toContain('done');
    expect(flowAnchors('team')).not.toContain('billing');
  });
});

describe("an extra step's content", () => {
  const [vpn, policy] = team(VALID).steps;

  it('is in the language asked for', () => {
    expect(vpn && teamStepContent(vpn, 'ko')).toEqual({
      id: 'team:vpn',
      title: 'VPN 연결하기',
      text: 'Open the VPN app and sign in.\nThen come back here.',
      labels: ['연결'],
      url: 'https://wiki.acme.test/vpn',
    });
  });

  it('falls back to the other language where the file has only one', () => {
    expect(policy && teamStepContent(policy, 'en')).toEqual({
      id: 'team:policy',
      title: '사용 규칙 읽기',
      text: undefined,
      labels: [],
      url: undefined,
    });
  });

  it('is found by flow id', () => {
    const content = teamStepsContent(team(VALID), 'en');
    expect([...content.keys()]).toEqual(['team:vpn', 'team:policy', 'team:chat']);
    expect(content.get('team:chat')?.title).toBe('Join the #llm channel');
  });
});
