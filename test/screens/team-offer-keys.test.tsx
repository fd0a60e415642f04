/**
 * The team file offer and keys that arrive together: the offer screen stays mounted until the wizard draws
 * again, so keys after the answer in the same burst still reach it. The answer is taken once: an Enter (no)
 * followed by `y` stays a no, and nothing is recorded as agreed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamInUse } from '../../src/app-services.js';
import { contentFor } from '../../src/content/content.js';
import { teamFlow } from '../../src/team/flow.js';
import { parseTeamFile, type TeamFile } from '../../src/team/team-file.js';
import { type Flow, flowStepAt, PERSONAL_FLOW, stepText } from '../../src/wizard/flow.js';
import { renderApp } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';
import { VALID } from '../team/fixtures.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function team(): TeamFile {
  const result = parseTeamFile(JSON.stringify({ ...VALID, language: 'en' }));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.team;
}

/** A step's title in English, as the screen draws it (labels without their marks). */
const stepTitle = (flow: Flow, index: number) =>
  stepText(flowStepAt(flow, index), contentFor('en'), flow.vars).title.replace(/`/g, '');

/** The wizard at the offer of a found team file; `accepted` collects what it records as agreed. */
async function atOffer() {
  const accepted: TeamInUse[] = [];
  const app = renderApp({
    columns: 80,
    rows: 40,
    teamOffer: { kind: 'ask', path: 'openai-topup.team.json', hash: 'a'.repeat(64), team: team() },
    services: { acceptTeam: (inUse) => accepted.push(inUse) },
  });
  unmount = () => app.instance.unmount();
  await app.waitForText('Use the team file of Acme Research?');
  return { app, accepted };
}

describe('the team file offer with keys in one burst', () => {
  it('shows the progress line of the guide in effect until the yes', async () => {
    const { app } = await atOffer();
    expect(app.frame().split('\n')[0]).toMatch(new RegExp(`^1/${PERSONAL_FLOW.steps.length} Welcome`));
  });

  it('Enter then y: still the personal guide, nothing agreed', async () => {
    const { app, accepted } = await atOffer();
    // Written back to back, before the wizard can draw again: as a burst from a terminal.
    app.stdin.write(KEYS.enter);
    app.stdin.write('y');
    const frame = await app.waitForText(`1/${PERSONAL_FLOW.steps.length} Welcome`);
    expect(frame).not.toContain('Team file in use');
    expect(accepted).toEqual([]);
  });

  it('another key then y: still the personal guide, nothing agreed', async () => {
    const { app, accepted } = await atOffer();
    app.stdin.write('n');
    app.stdin.write('y');
    await app.waitForText(`1/${PERSONAL_FLOW.steps.length} Welcome`);
    expect(accepted).toEqual([]);
  });

  it('y Enter Enter: the team’s guide, agreed once, and the two Enters move two steps on it', async () => {
    const { app, accepted } = await atOffer();
    app.stdin.write('y');
    app.stdin.write(KEYS.enter);
    app.stdin.write(KEYS.enter);
    const flow = teamFlow(team());
    const frame = await app.waitForText(`3/${flow.steps.length} `);
    expect(frame).toContain(stepTitle(flow, 2));
    expect(accepted.map((inUse) => inUse.hash)).toEqual(['a'.repeat(64)]);
  });

  it('Enter Enter: the personal guide, and the second Enter moves one step on it', async () => {
    const { app } = await atOffer();
    app.stdin.write(KEYS.enter);
    app.stdin.write(KEYS.enter);
    await app.waitForText(`2/${PERSONAL_FLOW.steps.length} `);
  });
});
