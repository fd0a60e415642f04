/**
 * The check without a user interface: local key checks, the models check, the chat call, the wait for
 * credit. Takes what it needs and returns the JSON object of CLI.md; printing is the caller's.
 */
import { type Content, contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { type Explanation, explain, jsonMessage } from './explain.js';
import { checkKey } from './key-check.js';
import { type Diagnosis, OUTCOMES, type OutcomeKind } from './outcomes.js';
import { type CallConfig, type CallEvent, type ChatSuccess, openSession } from './test-call.js';

/** The JSON object `check --json` prints (schema 1): every field always present. */
export type CheckReport = {
  schema: 1;
  ok: boolean;
  kind: OutcomeKind;
  exitCode: number;
  model: string | null;
  reply: string | null;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  costUsd: number | null;
  organization: string | null;
  requestId: string | null;
  latencyMs: { firstToken: number | null; total: number } | null;
  error: {
    kind: OutcomeKind;
    status: number | null;
    code: string | null;
    message: string;
    step: string | null;
    retryable: boolean;
  } | null;
};

/** Progress worth telling a person while the check runs (stderr in summary mode). */
export type CheckProgress =
  | { readonly type: 'retry'; readonly diagnosis: Diagnosis; readonly delayMs: number }
  | {
      readonly type: 'waiting-for-credit';
      readonly delayMs: number;
      readonly attempt: number;
      readonly max: number;
    }
  | { readonly type: 'models-warning' };

/** What a check needs. */
export type CheckInput = Omit<CallConfig, 'key'> & {
  readonly key: string | undefined;
  readonly locale: Locale;
  /** --wait-for-credit, in minutes. */
  readonly waitForCreditMinutes?: number;
  /** How often to try while waiting for credit (30 s; tests shorten it). */
  readonly creditPollMs?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: CheckProgress) => void;
  readonly onEvent?: (event: CallEvent) => void;
};

/** A report, and for failures the explanation behind it (for the readable summary). */
export type CheckResult = { readonly report: CheckReport; readonly explanation: Explanation | null };

/** The report of a failure. */
export function failureReport(
  diagnosis: Diagnosis,
  content: Content,
  model: string,
  organization: string | null = null,
): CheckResult {
  const explanation = explain(diagnosis, content, model);
  const outcome = OUTCOMES[diagnosis.kind];
  const report: CheckReport = {
    schema: 1,
    ok: false,
    kind: diagnosis.kind,
    exitCode: outcome.exitCode,
    model: null,
    reply: null,
    usage: null,
    costUsd: null,
    organization,
    requestId: diagnosis.requestId ?? null,
    latencyMs: null,
    error: {
      kind: diagnosis.kind,
      status: diagnosis.status,
      code: diagnosis.code,
      message: jsonMessage(explanation, content),
      step: outcome.step,
      retryable: outcome.retry === 'auto',
    },
  };
  return { report, explanation };
}

function successReport(result: ChatSuccess, organization: string | null): CheckResult {
  const report: CheckReport = {
    schema: 1,
    ok: true,
    kind: 'ok',
    exitCode: 0,
    model: result.model,
    reply: result.reply,
    usage: result.usage
      ? {
          prompt_tokens: result.usage.prompt_tokens,
          completion_tokens: result.usage.completion_tokens,
          total_tokens: result.usage.total_tokens,
        }
      : null,
    costUsd: result.costUsd,
    organization: result.organization ?? organization,
    requestId: result.requestId,
    latencyMs: result.latencyMs,
    error: null,
  };
  return { report, explanation: null };
}

function localDiagnosis(kind: 'no-key' | 'key-format', detail?: string): Diagnosis {
  return {
    kind,
    status: null,
    code: null,
    serverMessage: null,
    ...(detail ? { detail: 'unexpected', detailVars: { message: detail } } : {}),
  };
}

/** Runs the whole check and returns its report. */
export async function performCheck(input: CheckInput): Promise<CheckResult> {
  const content = contentFor(input.locale);
  if (input.key === undefined || input.key.trim() === '') {
    return failureReport(localDiagnosis('no-key'), content, input.model);
  }
  const checked = checkKey(input.key);
  if (!checked.ok) {
    const detail = fill(content.keyCheck[checked.problem], {
      service: checked.service ?? '',
      length: checked.length,
    });
    return failureReport(localDiagnosis('key-format', detail), content, input.model);
  }
  const pollMs = input.creditPollMs ?? 30_000;
  const waitUntil = input.waitForCreditMinutes ? Date.now() + input.waitForCreditMinutes * 60_000 : 0;
  const maxTries = input.waitForCreditMinutes
    ? Math.max(1, Math.floor((input.waitForCreditMinutes * 60_000) / pollMs))
    : 0;
  for (let attempt = 1; ; attempt++) {
    const session = openSession({ ...input, key: checked.key });
    try {
      const onEvent = (event: CallEvent) => {
        if (event.type === 'retry')
          input.onProgress?.({ type: 'retry', diagnosis: event.diagnosis, delayMs: event.delayMs });
        input.onEvent?.(event);
      };
      const models = await session.checkModels(input.signal, onEvent);
      if (!models.ok) return failureReport(models.diagnosis, content, input.model);
      if (models.warning) input.onProgress?.({ type: 'models-warning' });
      const chat = await session.chat(input.signal, onEvent);
      if (chat.ok) return successReport(chat, models.organization);
      // No credit yet: only waiting helps, and only when asked to wait (never retried as a rate limit).
      const waiting =
        chat.diagnosis.kind === 'no-credit' && Date.now() + pollMs <= waitUntil && !input.signal?.aborted;
      if (!waiting) return failureReport(chat.diagnosis, content, input.model, models.organization);
      input.onProgress?.({ type: 'waiting-for-credit', delayMs: pollMs, attempt, max: maxTries });
    } finally {
      await session.close();
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, pollMs);
      input.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    if (input.signal?.aborted) {
      return failureReport(
        { kind: 'interrupted', status: null, code: null, serverMessage: null },
        content,
        input.model,
      );
    }
  }
}
