/**
 * The end of a check as data: the JSON object of `check --json` (CLI.md, schema 1) and the explanation
 * behind a failure. Built from the machine's final state, so `check`, `--json` and the wizard agree. Pure.
 */
import type { Content } from '../content/content.js';
import type { CallState } from './call-machine.js';
import type { RateLimits, Usage } from './edge.js';
import { type ExplainContext, type Explanation, explain, jsonMessage } from './explain.js';
import { type Diagnosis, type FailureKind, OUTCOMES, type OutcomeKind } from './outcomes.js';
import { type UsageTier, usageTierOf } from './rate-limits.js';

/** The team part of the report: what the team file expects and whether the call was accepted with it. */
export type TeamReport = {
  readonly name: string;
  readonly organization: string | null;
  readonly project: string | null;
  readonly accepted: boolean;
};

/** The JSON object `check --json` prints (schema 1): every field always present. */
export type CheckReport = {
  readonly schema: 1;
  readonly ok: boolean;
  readonly kind: OutcomeKind;
  readonly exitCode: number;
  readonly model: string | null;
  readonly reply: string | null;
  readonly usage: Usage | null;
  readonly costUsd: number | null;
  readonly organization: string | null;
  readonly requestId: string | null;
  readonly latencyMs: { readonly firstToken: number | null; readonly total: number } | null;
  readonly streamed: boolean | null;
  readonly rateLimits: RateLimits | null;
  readonly usageTier: UsageTier | null;
  readonly team: TeamReport | null;
  readonly error: {
    readonly kind: FailureKind;
    readonly status: number | null;
    readonly code: string | null;
    readonly message: string;
    readonly step: string | null;
    readonly retryable: boolean;
  } | null;
};

/** A report, and for failures the explanation behind it (for the readable summary). */
export type CheckResult = {
  readonly report: CheckReport;
  readonly explanation: Explanation | null;
  /** The API refused to stream until the organization is verified, and the reply came unstreamed (not in the JSON). */
  readonly streamRefused?: boolean;
};

/** A report with every field in CLI.md's order, nothing known yet. */
const EMPTY: CheckReport = {
  schema: 1,
  ok: false,
  kind: 'interrupted',
  exitCode: 130,
  model: null,
  reply: null,
  usage: null,
  costUsd: null,
  organization: null,
  requestId: null,
  latencyMs: null,
  streamed: null,
  rateLimits: null,
  usageTier: null,
  team: null,
  error: null,
};

/** The report of a failure. */
export function failureResult(
  diagnosis: Diagnosis,
  content: Content,
  model: string,
  extra: { organization?: string | null; team?: TeamReport | null; context?: ExplainContext } = {},
): CheckResult {
  const explanation = explain(diagnosis, content, model, extra.context);
  const outcome = OUTCOMES[diagnosis.kind];
  return {
    explanation,
    report: {
      ...EMPTY,
      ok: false,
      kind: diagnosis.kind,
      exitCode: outcome.exitCode,
      organization: extra.organization ?? null,
      requestId: diagnosis.requestId ?? null,
      team: extra.team ?? null,
      error: {
        kind: diagnosis.kind,
        status: diagnosis.status,
        code: diagnosis.code,
        message: jsonMessage(explanation, content),
        step: outcome.step,
        retryable: outcome.retry === 'auto',
      },
    },
  };
}

/** A diagnosis made before anything was sent (no key, a key that fails the local checks, …). */
export function localDiagnosis(kind: FailureKind, message?: string): Diagnosis {
  return {
    kind,
    status: null,
    code: null,
    serverMessage: null,
    ...(message ? { detail: 'unexpected', detailVars: { message } } : {}),
  };
}

/** The report of the machine's final state. */
export function resultOf(
  state: CallState,
  /** The guide's text, read only for a failure: a success says nothing in words. */
  text: () => Content,
  model: string,
  team: TeamReport | null = null,
  context: ExplainContext = {},
): CheckResult {
  if (state.phase === 'success' && state.result) {
    const result = state.result;
    return {
      explanation: null,
      streamRefused: state.streamRefused,
      report: {
        ...EMPTY,
        ok: true,
        kind: 'ok',
        exitCode: 0,
        model: result.model,
        reply: result.reply,
        usage: result.usage,
        costUsd: result.costUsd,
        organization: result.organization ?? state.organization,
        requestId: result.requestId,
        latencyMs: result.latencyMs,
        streamed: result.streamed,
        rateLimits: result.rateLimits,
        usageTier: usageTierOf(result.model, result.rateLimits),
        team,
        error: null,
      },
    };
  }
  const diagnosis =
    state.phase === 'no-key'
      ? localDiagnosis('no-key')
      : state.phase === 'failed' && state.failure
        ? state.failure
        : localDiagnosis('interrupted');
  return failureResult(diagnosis, text(), model, { organization: state.organization, team, context });
}
