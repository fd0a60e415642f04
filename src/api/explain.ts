/** Words for a diagnosis, in the user's language: the same for the wizard, `check` and `--json`. Pure. */
import { type Content, fill, plain } from '../content/content.js';
import { PAGES, stepIndex } from '../wizard/steps.js';
import { type Diagnosis, type FailureKind, OUTCOMES, type OutcomeKind } from './outcomes.js';

/** A diagnosis ready to show. */
export type Explanation = {
  readonly kind: OutcomeKind;
  readonly title: string;
  readonly meaning: string;
  readonly action: string;
  /** Extra advice lines (other causes of no credit, the TLS certificate hint). */
  readonly notes: readonly string[];
  /** Pages that help, shown as bare URLs. */
  readonly links: readonly string[];
  /** Whether retrying helps: a sentence. */
  readonly retry: string;
  readonly serverMessage: string | null;
  /** The step that fixes it, with its number and name, or null. */
  readonly step: { readonly id: string; readonly number: number; readonly name: string } | null;
};

/** The pages each kind of failure points to. */
const LINKS: Partial<Record<FailureKind, readonly string[]>> = {
  'spend-limit': [PAGES.limits],
  verification: [PAGES.settings],
  'rate-limit': [PAGES.limits],
  model: [PAGES.limits],
};

/** Explains a diagnosis. `model` fills the model outcome's text. */
export function explain(diagnosis: Diagnosis, content: Content, model: string): Explanation {
  const text = content.outcomes[diagnosis.kind];
  const detail = diagnosis.detail
    ? fill(content.details[diagnosis.detail], { limit: '1 MB', ...diagnosis.detailVars })
    : '';
  const outcome = OUTCOMES[diagnosis.kind];
  const notes: string[] = [];
  if (diagnosis.kind === 'no-credit') {
    const noCredit = content.outcomes['no-credit'];
    notes.push(noCredit.causesTitle, ...noCredit.causes.map((cause) => `- ${cause}`));
  }
  if (diagnosis.kind === 'network' && diagnosis.detail === 'tls')
    notes.push(content.outcomes.network.tlsAdvice);
  const retry =
    outcome.retry === 'auto'
      ? content.diagnosis.retryHelps
      : outcome.retry === 'wait-for-credit'
        ? content.diagnosis.retryWaits
        : content.diagnosis.retryNoHelp;
  return {
    kind: diagnosis.kind,
    title: text.title,
    meaning: fill(text.meaning, { detail, model }),
    action: text.action,
    notes,
    links: LINKS[diagnosis.kind] ?? [],
    retry,
    serverMessage: diagnosis.serverMessage,
    step: outcome.step
      ? { id: outcome.step, number: stepIndex(outcome.step) + 1, name: content.steps[outcome.step].name }
      : null,
  };
}

/** The one-line message of `error.message` in `check --json`. */
export function jsonMessage(explanation: Explanation, content: Content): string {
  const server = explanation.serverMessage
    ? ` ${content.diagnosis.serverSaid} ${explanation.serverMessage}`
    : '';
  return plain(`${explanation.title}. ${explanation.meaning} ${explanation.action}${server}`);
}
