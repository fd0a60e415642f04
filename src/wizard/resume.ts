/** Where saved progress resumes on the guide this run walks. Pure. */
import { type Flow, type FlowStepId, flowIndex } from './flow.js';
import type { Answers, WizardState } from './reducer.js';

/** What a progress file holds of a place in the guide. */
export type SavedPlace = {
  readonly step: FlowStepId;
  readonly reached: FlowStepId;
  readonly answers: Answers;
};

/**
 * The place to offer: the saved step on this guide, never past the api-key step without a key (the key is
 * never saved), and the furthest step reached never before it. Undefined when this guide has no such step
 * (progress saved on another team's guide, or on the personal one).
 */
export function resumeOn(
  flow: Flow,
  saved: SavedPlace,
  hasKey: boolean,
): Pick<WizardState, 'index' | 'reached' | 'answers'> | undefined {
  let index = flowIndex(flow, saved.step);
  if (index < 0) return undefined;
  const keyStep = flowIndex(flow, 'api-key');
  if (!hasKey && keyStep >= 0 && index > keyStep) index = keyStep;
  return { index, reached: Math.max(index, flowIndex(flow, saved.reached)), answers: saved.answers };
}
