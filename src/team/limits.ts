/**
 * The team file's name and caps, apart from its parser (team-file.ts): finding the file, which the first
 * screen does in every folder, needs only these.
 */

/** The file's name, looked for in the current folder and the repository's root. */
export const TEAM_FILE_NAME = 'openai-topup.team.json';

/** The caps on a team file. */
export const TEAM_LIMITS = {
  /** Bytes in the whole file. */
  fileBytes: 64 * 1024,
  /** Extra steps. */
  steps: 10,
  /** Labels per step and language. */
  labels: 10,
  /** Characters (code points) in any string. */
  text: 1000,
  /** Characters in an extra step's id (it becomes part of the step ids in progress files). */
  stepId: 40,
  /** The suggested monthly budget, in USD. */
  budgetUsd: 1_000_000,
} as const;
