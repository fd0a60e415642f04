import { describe, expect, it } from 'vitest';
import { teamFlow } from '../../src/team/flow.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';
import { flowIndex, PERSONAL_FLOW } from '../../src/wizard/flow.js';
import { resumeOn } from '../../src/wizard/resume.js';
import { VALID } from '../team/fixtures.js';

function team(file: unknown): TeamFile {
  const result = parseTeamFile(JSON.stringify(file));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.team;
}

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const at = (id: string) => flowIndex(PERSONAL_FLOW, id);

describe('where saved progress resumes', () => {
  it('is the saved step, with the furthest step never before it', () => {
    expect(
      resumeOn(PERSONAL_FLOW, { step: 'amount', reached: 'welcome', answers: {} }, undefined)?.resumeFrom,
    ).toEqual({
      index: at('amount'),
      reached: at('amount'),
      answers: {},
    });
    expect(
      resumeOn(PERSONAL_FLOW, { step: 'card', reached: 'balance', answers: {} }, undefined)?.resumeFrom,
    ).toMatchObject({
      index: at('card'),
      reached: at('balance'),
    });
  });

  it('stops at the api-key step without a key (the key is never saved), and goes past it with one', () => {
    const saved = { step: 'test-call', reached: 'test-call', answers: {} } as const;
    expect(resumeOn(PERSONAL_FLOW, saved, undefined)?.resumeFrom.index).toBe(at('api-key'));
    expect(resumeOn(PERSONAL_FLOW, saved, KEY)?.resumeFrom.index).toBe(at('test-call'));
  });

  it("places the step on a team's guide by id, not by number", () => {
    const flow = teamFlow(team(VALID));
    const place = resumeOn(
      flow,
      { step: 'choose-project', reached: 'choose-project', answers: {} },
      undefined,
    );
    expect(flow.steps[place?.resumeFrom.index ?? -1]?.id).toBe('choose-project');
    const own = resumeOn(flow, { step: 'team:vpn', reached: 'team:chat', answers: {} }, undefined);
    expect(flow.steps[own?.resumeFrom.index ?? -1]?.id).toBe('team:vpn');
    expect(flow.steps[own?.resumeFrom.reached ?? -1]?.id).toBe('team:chat');
  });

  it('offers nothing when the guide walked now has no such step', () => {
    const flow = teamFlow(team(VALID));
    expect(resumeOn(flow, { step: 'card', reached: 'card', answers: {} }, KEY)).toBeUndefined();
    expect(
      resumeOn(PERSONAL_FLOW, { step: 'team:vpn', reached: 'team:vpn', answers: {} }, KEY),
    ).toBeUndefined();
  });
});
