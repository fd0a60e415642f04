/**
 * The guide a team file makes: which steps, in which order, and the team's own steps in one language. Pure;
 * derived from the wizard's step list, so the two cannot drift.
 */
import type { Vars } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import type { Flow, FlowStep, TeamGuideStep } from '../wizard/flow.js';
import { STEPS, type StepId } from '../wizard/steps.js';
import type { LocalizedList, LocalizedText, Payer, TeamFile, TeamStep } from './team-file.js';

/** The steps that replace billing … balance when the team pays (STEPS marks them `payer: 'team'`). */
export const TEAM_PAYER_STEP_IDS: readonly StepId[] = STEPS.filter((step) => step.payer === 'team').map(
  (step) => step.id,
);
/** One of the team-payer steps. */
export type TeamPayerStepId = StepId;
/** The id of a team file's own step in the flow: its id behind `team:`. */
export type TeamExtraStepId = `team:${string}`;
/** Any step of a team's flow. */
export type FlowStepId = StepId | TeamExtraStepId;

/** The personal steps a paying team skips: billing through balance (STEPS marks them `payer: 'self'`). */
export const TEAM_REPLACED_STEP_IDS: readonly StepId[] = STEPS.filter((step) => step.payer === 'self').map(
  (step) => step.id,
);

/** The guide's own steps for a payer, before any extra step: for a team, its steps where billing … balance were. */
export function baseFlow(payer: Payer): readonly StepId[] {
  const shared = (step: (typeof STEPS)[number]) => step.payer === undefined;
  if (payer === 'self') return STEPS.filter((step) => step.payer !== 'team').map((step) => step.id);
  const first = STEPS.findIndex((step) => step.payer === 'self');
  return [
    ...STEPS.slice(0, first).filter(shared),
    ...TEAM_PAYER_STEP_IDS.map((id) => STEPS.find((step) => step.id === id)).flatMap((step) =>
      step ? [step] : [],
    ),
    ...STEPS.slice(first).filter(shared),
  ].map((step) => step.id);
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

/** A team file's own step as a step of the guide: its words in both languages (one falls back to the other). */
export function teamGuideStep(step: TeamStep): TeamGuideStep {
  // A backtick in the team's words would read as one of the guide's label marks: it becomes a quote.
  const plainQuotes = (text: string) => text.replace(/`/g, "'");
  const words = (lang: Locale) => {
    const own = teamStepContent(step, lang);
    return {
      title: plainQuotes(own.title),
      ...(own.text ? { text: plainQuotes(own.text) } : {}),
      labels: own.labels.map(plainQuotes),
    };
  };
  return {
    id: extraStepId(step.id),
    kind: 'team-guide',
    ...(step.url ? { url: step.url } : {}),
    text: { en: words('en'), ko: words('ko') },
  };
}

/** The guide a team file makes, with the values of the team's words (what the file leaves out, the guide's words fill). */
export function teamFlow(team: TeamFile): Flow {
  const byId = new Map<string, FlowStep>(STEPS.map((step) => [step.id, step]));
  for (const step of team.steps) byId.set(extraStepId(step.id), teamGuideStep(step));
  const steps = teamFlowStepIds(team).flatMap((id) => {
    const step = byId.get(id);
    return step ? [step] : [];
  });
  const project = team.project?.name ?? team.project?.id;
  const vars: Vars = {
    // Not a word of any sentence: tells stepText which guide's words a shared step takes.
    payer: team.payer,
    team: team.name,
    organization: team.organization?.name ?? team.organization?.id ?? '',
    organizationId: team.organization?.id ?? '',
    ...(project ? { project } : {}),
    ...(team.contact ? { contact: team.contact.name } : {}),
  };
  return { steps, vars };
}
