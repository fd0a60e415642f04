/** Turns a validated HTTP error answer into an outcome kind and a diagnosis, following CLI.md's table. Pure. */
import type { AnswerHeaders, ApiError, RateLimits } from './edge.js';
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

/**
 * The organization or project sent with the call, or the key's own, is not one the key may use.
 * `mismatched_project` is the project header's counterpart by analogy: no real answer with it has been seen.
 */
const ORGANIZATION_CODES = new Set([
  'mismatched_organization',
  'no_organization',
  'invalid_organization',
  'mismatched_project',
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
  // A project budget has been seen with the code insufficient_quota too: its message names it.
  if (SPEND_LIMIT_CODES.has(code) || /enforced spend limit/i.test(message)) return 'spend-limit';
  if (NO_CREDIT_CODES.has(code) || type === 'insufficient_quota') return 'no-credit';
  if (code === 'access_terminated' || type === 'access_terminated') return 'access-terminated';
  if (code === 'unsupported_country_region_territory') return 'region';
  if (/organization must be verified/i.test(message) && !isStreamRefusal(status, error))
    return 'verification';
  if (code === 'model_not_found') return 'model';
  if (status === 401) {
    if (code === 'account_deactivated') return 'account-deactivated';
    if (ORGANIZATION_CODES.has(code)) return 'organization';
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

/**
 * The wait the rate-limit headers imply: the reset of the limit that is used up, else the longer of the two
 * resets. Undefined when the headers say nothing useful.
 */
export function waitFromLimits(limits: RateLimits | null): number | undefined {
  const parts = [limits?.requests, limits?.tokens].filter((part) => part?.resetMs != null);
  const spent = parts.filter((part) => part?.remaining === 0);
  const resets = (spent.length > 0 ? spent : parts).map((part) => part?.resetMs ?? 0);
  const longest = Math.max(0, ...resets);
  return longest > 0 ? longest : undefined;
}

/** A diagnosis of an HTTP error answer, from its validated parts. */
export function diagnose(status: number, error: ApiError | null, headers: AnswerHeaders): Diagnosis {
  const kind = kindOf(status, error);
  // What the server asks first (retry-after), then what its message says, then what its limits imply.
  const wait =
    headers.retryAfterMs ??
    waitFromMessage(error?.message ?? '') ??
    (kind === 'rate-limit' ? waitFromLimits(headers.rateLimits) : undefined);
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
