/**
 * The guide a run walks: the personal guide, or the one a team file makes (src/team/flow.ts builds it), as
 * data. Steps come from STEPS; a team file's own steps carry their words with them. Pure.
 */
import { type Content, fill, type Vars } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { STEPS, type Step, type StepId } from './steps.js';

/** A team file's own step: its words (already cleaned) in each language it gives, and its https page. */
export type TeamGuideStep = {
  readonly id: `team:${string}`;
  readonly kind: 'team-guide';
  readonly url?: string;
  readonly text: Readonly<
    Record<Locale, { readonly title: string; readonly text?: string; readonly labels: readonly string[] }>
  >;
};

/** A step of a run's guide. */
export type FlowStep = Step | TeamGuideStep;

/** The id of any step of a guide: as saved in the progress file and named in `error.step`. */
export type FlowStepId = StepId | TeamGuideStep['id'];

/** A run's guide: its steps in order, and the values of the team's words in its sentences. */
export type Flow = {
  readonly steps: readonly FlowStep[];
  /** `{team}`, `{organization}`, `{organizationId}`, `{project}`, `{contact}` where a team file says them. */
  readonly vars: Vars;
};

/** The personal guide's steps: every step but the ones that stand in for billing where a team pays. */
export const PERSONAL_STEPS: readonly Step[] = STEPS.filter((step) => step.payer !== 'team');

/** The personal guide. */
export const PERSONAL_FLOW: Flow = { steps: PERSONAL_STEPS, vars: {} };

/** A step's words, ready to show. */
export type StepText = {
  readonly name: string;
  readonly title: string;
  readonly body: readonly string[];
  /** The longer explanation: on screen where it fits, else behind Tab. */
  readonly more: readonly string[];
  /** The platform's labels to look for, as the platform spells them. */
  readonly labels: readonly string[];
};

/** Whether a step is a team file's own. */
export function isTeamStep(step: FlowStep): step is TeamGuideStep {
  return step.kind === 'team-guide';
}

/** A step's words in the content's language, the team's values filled in (as values, never as templates). */
export function stepText(step: FlowStep, content: Content, vars: Vars = {}): StepText {
  if (isTeamStep(step)) {
    const own = step.text[content.meta.locale as Locale];
    return {
      name: own.title,
      title: own.title,
      body: own.text ? [own.text] : [],
      more: [],
      labels: own.labels,
    };
  }
  // Where the team pays, a few shared steps say so in words of their own (`team.payerSteps`).
  const own = content.steps[step.id];
  const payerWords: Partial<Record<string, Partial<typeof own & { more: readonly string[] }>>> =
    vars.payer === 'team' ? content.team.payerSteps : {};
  const text = { ...own, ...payerWords[step.id] };
  const more = 'more' in text ? (text.more as readonly string[]) : [];
  // What a team file leaves out (a project, someone to ask), the guide's own words stand in for.
  const all = { project: content.team.fallback.project, contact: content.team.fallback.contact, ...vars };
  const filled = (sentence: string) => fill(sentence, all);
  return {
    name: filled(text.name),
    title: filled(text.title),
    body: text.body.map(filled),
    more: more.map(filled),
    labels: step.labels,
  };
}

/** The position of a step in a guide, or -1. */
export function flowIndex(flow: Flow, id: string): number {
  return flow.steps.findIndex((step) => step.id === id);
}

/** The step at a position, clamped (the reducer keeps positions in range). */
export function flowStepAt(flow: Flow, index: number): FlowStep {
  const step = flow.steps[Math.min(Math.max(index, 0), flow.steps.length - 1)];
  if (!step) throw new Error('an empty guide');
  return step;
}

/** Whether a string could be a step id of some guide (for progress files). */
export function isFlowStepId(value: unknown): value is FlowStepId {
  return (
    typeof value === 'string' &&
    (STEPS.some((step) => step.id === value) || /^team:[A-Za-z0-9-]{1,40}$/.test(value))
  );
}
