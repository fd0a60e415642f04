/**
 * The guide a team file makes: which steps, in which order, and the team's own steps in one language. Pure;
 * derived from the wizard's step list, so the two cannot drift.
 */
import type { Locale } from '../content/locale.js';
import { STEP_IDS, type StepId } from '../wizard/steps.js';
import type { LocalizedList, LocalizedText, Payer, TeamFile, TeamStep } from './team-file.js';

/** The steps that replace billing … balance when the team pays. */
export const TEAM_PAYER_STEP_IDS = ['accept-invite', 'switch-organization', 'choose-project'] as const;
/** One of the team-payer steps. */
export type TeamPayerStepId = (typeof TEAM_PAYER_STEP_IDS)[number];
/** The id of a team file's own step in the flow: its id behind `team:`. */
export type TeamExtraStepId = `team:${string}`;
/** Any step of a team's flow. */
export type FlowStepId = StepId | TeamPayerStepId | TeamExtraStepId;

/** The personal steps a paying team skips: billing through balance, as in STEP_IDS. */
export const TEAM_REPLACED_STEP_IDS: readonly StepId[] = STEP_IDS.slice(
  STEP_IDS.indexOf('billing'),
  STEP_IDS.indexOf('balance') + 1,
);

/** The guide's own steps for a payer, before any extra step. */
export function baseFlow(payer: Payer): readonly (StepId | TeamPayerStepId)[] {
  if (payer === 'self') return STEP_IDS;
  const first = STEP_IDS.indexOf('billing');
  const last = STEP_IDS.indexOf('balance');
  return [...STEP_IDS.slice(0, first), ...TEAM_PAYER_STEP_IDS, ...STEP_IDS.slice(last + 1)];
}

/** The steps an extra step may follow: every step of the payer's flow but the last (nothing follows done). */
export function flowAnchors(payer: Payer): readonly string[] {
  return baseFlow(payer).slice(0, -1);
}

/** Every id an extra step's `after` may name from the guide itself, for any payer (the schema's examples). */
export function allAnchors(): readonly string[] {
  return [...new Set([...flowAnchors('self'), ...flowAnchors('team')])];
}

/** The flow's id of an extra step. */
export function extraStepId(id: string): TeamExtraStepId {
  return `team:${id}`;
}

/**
 * The steps of a validated team file's guide, in order. An extra step comes right after the step its `after`
 * names, and after the extra steps that an earlier entry of the file already placed there (with theirs).
 */
export function teamFlowStepIds(team: TeamFile): FlowStepId[] {
  const children = new Map<string, TeamStep[]>();
  for (const step of team.steps) children.set(step.after, [...(children.get(step.after) ?? []), step]);
  const out: FlowStepId[] = [];
  const place = (id: string, flowId: FlowStepId) => {
    out.push(flowId);
    for (const child of children.get(id) ?? []) place(child.id, extraStepId(child.id));
  };
  for (const id of baseFlow(team.payer)) place(id, id);
  return out;
}

/** A team's own step, in one language. */
export type TeamStepContent = {
  readonly id: TeamExtraStepId;
  readonly title: string;
  readonly text: string | undefined;
  readonly labels: readonly string[];
  readonly url: string | undefined;
};

/** A text in the language asked for, else in the other one the file gives. */
export function localized(value: LocalizedText, lang: Locale): string {
  return (lang === 'ko' ? (value.ko ?? value.en) : (value.en ?? value.ko)) ?? '';
}

function localizedList(value: LocalizedList | undefined, lang: Locale): readonly string[] {
  if (!value) return [];
  return (lang === 'ko' ? (value.ko ?? value.en) : (value.en ?? value.ko)) ?? [];
}

/** One extra step's content in a language, falling back to the other language where the file has only that. */
export function teamStepContent(step: TeamStep, lang: Locale): TeamStepContent {
  return {
    id: extraStepId(step.id),
    title: localized(step.title, lang),
    text: step.text ? localized(step.text, lang) : undefined,
    labels: localizedList(step.labels, lang),
    url: step.url,
  };
}

/** Every extra step's content in a language, by flow id. */
export function teamStepsContent(
  team: TeamFile,
  lang: Locale,
): ReadonlyMap<TeamExtraStepId, TeamStepContent> {
  return new Map(team.steps.map((step) => [extraStepId(step.id), teamStepContent(step, lang)]));
}
