/**
 * How the test call is made when a team file is in use: CLI.md's precedence as one pure decision, shared by
 * the wizard and `check`, so the two cannot send different things.
 *
 * - API root: `--base-url` > `OPENAI_BASE_URL` > the team file > api.openai.com. The key goes to a root the
 *   team file chose (not the user) only after a yes: `teamOrigin` names it.
 * - Model: `--model` > the team file > gpt-4o-mini. A model the file chose is asked for a few output tokens
 *   only: a file from a cloned repository must not be able to spend much of anyone's credit.
 * - Organization and project: the team file over `OPENAI_ORG_ID` / `OPENAI_PROJECT_ID`, each variable that
 *   differs named so the user can be told.
 */
import type { TeamExpectation } from '../api/explain.js';
import type { TeamReport } from '../api/report.js';
import { type CurlExtras, DEFAULT_BASE_URL } from '../api/request.js';
import { needsOriginConsent, originOf } from './origin.js';
import type { TeamFile } from './team-file.js';

/** The most output tokens the test call asks for when the model is the team file's choice. */
export const TEAM_MODEL_MAX_TOKENS = 64;

/** The default model of the test call (the guide's). */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** An environment variable a team file's value replaces. */
export type OverriddenVariable = 'OPENAI_ORG_ID' | 'OPENAI_PROJECT_ID';

/** What decides the call, from the command line and the environment. */
export type CallChoices = {
  /** `--base-url`, else `OPENAI_BASE_URL` (already checked), else undefined. */
  readonly baseUrl: string | undefined;
  readonly model: string;
  /** Whether `--model` was given (else `model` is the default). */
  readonly modelFromFlag: boolean;
  readonly env: NodeJS.ProcessEnv;
};

/** How the call is made. */
export type TeamCall = {
  readonly baseUrl: string;
  readonly model: string;
  /** Set when the model is the team file's choice. */
  readonly maxCompletionTokens?: number;
  readonly organization?: string;
  readonly project?: string;
  /** Variables set to another value than the team file's: the team file's is sent. */
  readonly overridden: readonly OverriddenVariable[];
  /** The origin the team file sends the key to, when that needs the user's yes (not api.openai.com). */
  readonly teamOrigin?: string;
  /** What the curl command shows besides the guide's request, as the call sends it. */
  readonly curl: CurlExtras;
};

/** The call's settings for these choices and this team file (or none). */
export function teamCall(choices: CallChoices, team: TeamFile | undefined): TeamCall {
  const env = choices.env;
  const fromTeamRoot = choices.baseUrl === undefined && team?.baseUrl !== undefined;
  const baseUrl = choices.baseUrl ?? team?.baseUrl ?? DEFAULT_BASE_URL;
  const teamModel = !choices.modelFromFlag && team?.model !== undefined;
  const model = teamModel && team?.model ? team.model : choices.model;
  const organization = team?.organization?.id ?? (env.OPENAI_ORG_ID || undefined);
  const project = team?.project?.id ?? (env.OPENAI_PROJECT_ID || undefined);
  const overridden: OverriddenVariable[] = [];
  if (team?.organization && env.OPENAI_ORG_ID && env.OPENAI_ORG_ID !== team.organization.id)
    overridden.push('OPENAI_ORG_ID');
  if (team?.project && env.OPENAI_PROJECT_ID && env.OPENAI_PROJECT_ID !== team.project.id)
    overridden.push('OPENAI_PROJECT_ID');
  const origin = fromTeamRoot && needsOriginConsent(baseUrl) ? originOf(baseUrl) : undefined;
  return {
    baseUrl,
    model,
    ...(teamModel ? { maxCompletionTokens: TEAM_MODEL_MAX_TOKENS } : {}),
    ...(organization ? { organization } : {}),
    ...(project ? { project } : {}),
    overridden,
    ...(origin ? { teamOrigin: origin } : {}),
    curl: {
      ...(team?.organization
        ? { organization: { value: team.organization.id } }
        : organization
          ? { organization: { variable: 'OPENAI_ORG_ID' } }
          : {}),
      ...(team?.project
        ? { project: { value: team.project.id } }
        : project
          ? { project: { variable: 'OPENAI_PROJECT_ID' } }
          : {}),
      ...(teamModel ? { maxTokens: TEAM_MODEL_MAX_TOKENS } : {}),
    },
  };
}

/** What a team file expects of the key, for the diagnoses and the success line. */
export function expectationOf(team: TeamFile): TeamExpectation {
  return {
    ...(team.organization ? { organization: team.organization } : {}),
    ...(team.project ? { project: team.project } : {}),
    ...(team.contact ? { contact: team.contact } : {}),
    teamPays: team.payer === 'team',
  };
}

/**
 * The `team` field of `check --json`: the ids the file expects and whether the call was accepted with them.
 * Accepted means the chat call succeeded with the team's headers sent (a file with neither id expects
 * nothing of the key, so any success is accepted).
 */
export function teamReport(team: TeamFile, succeeded: boolean): TeamReport {
  return {
    name: team.name,
    organization: team.organization?.id ?? null,
    project: team.project?.id ?? null,
    accepted: succeeded,
  };
}

/**
 * What goes beside the key in the `.env` and the done screen's shell lines: the team's project, and its API
 * root only when the test call goes there and the user said yes to sending the key there (every SDK that
 * reads them would send the key there from then on).
 */
export function keyNeighbours(
  team: TeamFile,
  call: { readonly baseUrl: string; readonly origin?: { readonly granted: () => boolean } },
): { readonly baseUrl?: string; readonly projectId?: string } {
  const rootAgreed =
    team.baseUrl !== undefined && call.baseUrl === team.baseUrl && (!call.origin || call.origin.granted());
  return {
    ...(rootAgreed && team.baseUrl ? { baseUrl: team.baseUrl } : {}),
    ...(team.project ? { projectId: team.project.id } : {}),
  };
}
