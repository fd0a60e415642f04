/** Where saved progress resumes on the guide this run walks, and with which key. Pure. */
import { type Flow, type FlowStepId, flowIndex } from './flow.js';
import type { Answers, WizardState } from './reducer.js';

/** What a progress file holds of a place in the guide. */
export type SavedPlace = {
  readonly step: FlowStepId;
  readonly reached: FlowStepId;
  readonly answers: Answers;
};

export type ResumePoint = {
  readonly resumeFrom: Pick<WizardState, 'index' | 'reached' | 'answers'>;
  /** The key to go on with past the api-key step (in memory only), when it passed the local checks. */
  readonly initialKey: string | undefined;
};

/**
 * The place to offer: the saved step on this guide, and the furthest step reached never before it. The key
 * is never saved: past the api-key step the run goes on with `key` (OPENAI_API_KEY or the practice key, once
 * it passed the local checks a typed key passes: usableKey), and without one resumes at the api-key step.
 * Undefined when this guide has no such step (progress saved on another team's guide, or on the personal one).
 */
export function resumeOn(flow: Flow, saved: SavedPlace, key: string | undefined): ResumePoint | undefined {
  let index = flowIndex(flow, saved.step);
  if (index < 0) return undefined;
  const keyStep = flowIndex(flow, 'api-key');
  const pastKey = keyStep >= 0 && index > keyStep;
  if (pastKey && key === undefined) index = keyStep;
  return {
    resumeFrom: { index, reached: Math.max(index, flowIndex(flow, saved.reached)), answers: saved.answers },
    initialKey: pastKey ? key : undefined,
  };
}
