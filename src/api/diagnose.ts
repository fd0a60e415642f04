/** Turns a validated HTTP error answer into an outcome kind and a diagnosis, following CLI.md's table. Pure. */
import type { AnswerHeaders, ApiError } from './edge.js';
import type { Diagnosis, FailureKind } from './outcomes.js';

/** The account has no credit for the call: not yet, or used up. */
const NO_CREDIT_CODES = new Set(['insufficient_quota', 'credit_balance_exhausted']);
/** A budget or limit was reached: waiting for credit does not help, raising the limit does. */
const SPEND_LIMIT_CODES = new Set([
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  'billing_hard_limit_reached',
]);

/** Whether the API refused `stream: true` because the organization is not verified (it answers unstreamed). */
export function isStreamRefusal(status: number, error: ApiError | null): boolean {
  return status === 400 && error?.code === 'unsupported_value' && error.param === 'stream';
}

/** The outcome kind of an HTTP error answer (status ≥ 300). */
export function kindOf(status: number, error: ApiError | null): FailureKind {
  const code = error?.code ?? '';
  const type = error?.type ?? '';
  const message = error?.message ?? '';
  if (status >= 500) return 'server';
  if (SPEND_LIMIT_CODES.has(code)) return 'spend-limit';
  if (NO_CREDIT_CODES.has(code) || type === 'insufficient_quota') return 'no-credit';
  if (code === 'access_terminated' || type === 'access_terminated') return 'access-terminated';
  if (code === 'unsupported_country_region_territory') return 'region';
  if (/organization must be verified/i.test(message) && !isStreamRefusal(status, error))
    return 'verification';
  if (code === 'model_not_found') return 'model';
  if (status === 401) {
    if (code === 'account_deactivated') return 'account-deactivated';
    if (code === 'mismatched_organization' || code === 'no_organization' || code === 'invalid_organization') {
      return 'organization';
    }
    if (/missing scopes|insufficient permissions/i.test(message)) return 'missing-scope';
    return 'invalid-key';
  }
  if (status === 429) {
    // A single request larger than the limit will never pass, however long one waits.
    if (/^request too large/i.test(message)) return 'api';
    return 'rate-limit';
  }
  if (type === 'service_unavailable_error' || code === 'server_is_overloaded') return 'server';
  return 'api';
}

/** The wait a message names ("Please try again in 1.574s", "7m12s", "20ms"), in ms. */
export function waitFromMessage(message: string): number | undefined {
  const said = /try again in ([\d.]+ms\b|(?:\d+h)?(?:\d+m(?!s))?(?:[\d.]+s)?)/i.exec(message);
  if (!said?.[1]) return undefined;
  const text = said[1];
  if (text.endsWith('ms')) return Number.parseFloat(text);
  const h = /(\d+)h/.exec(text);
  const m = /(\d+)m(?!s)/.exec(text);
  const s = /([\d.]+)s/.exec(text);
  const total = (Number(h?.[1] ?? 0) * 3600 + Number(m?.[1] ?? 0) * 60 + Number(s?.[1] ?? 0)) * 1000;
  return Number.isFinite(total) && total > 0 ? total : undefined;
}

/** A diagnosis of an HTTP error answer, from its validated parts. */
export function diagnose(status: number, error: ApiError | null, headers: AnswerHeaders): Diagnosis {
  const kind = kindOf(status, error);
  const wait = headers.retryAfterMs ?? waitFromMessage(error?.message ?? '');
  return {
    kind,
    status,
    code: error?.code ?? error?.type ?? null,
    serverMessage: error?.message ?? null,
    ...(wait !== undefined ? { retryAfterMs: wait } : {}),
    ...(isStreamRefusal(status, error) ? { streamRefused: true } : {}),
    requestId: headers.requestId,
  };
}
