/** Turns an HTTP answer into an outcome kind, following CLI.md's table. Pure. */

import { safeText } from '../text/secrets.js';
import type { Diagnosis, OutcomeKind } from './outcomes.js';

type ApiError = { message?: unknown; type?: unknown; code?: unknown };

/** Reads OpenAI's `{"error": {...}}` envelope out of a body, if it is one. */
export function apiErrorOf(body: unknown): ApiError | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const error = (body as { error?: unknown }).error;
  return typeof error === 'object' && error !== null ? (error as ApiError) : undefined;
}

const NO_CREDIT_CODES = new Set([
  'insufficient_quota',
  'credit_balance_exhausted',
  'organization_spend_limit_exceeded',
  'project_spend_limit_exceeded',
  'organization_usage_limit_exceeded',
  'billing_hard_limit_reached',
]);

/** The outcome kind of an HTTP error answer (status ≥ 300) with a parsed body (or undefined). */
export function kindOf(status: number, body: unknown): OutcomeKind {
  const error = apiErrorOf(body);
  const code = typeof error?.code === 'string' ? error.code : '';
  const type = typeof error?.type === 'string' ? error.type : '';
  const message = typeof error?.message === 'string' ? error.message : '';
  if (status >= 500) return 'server';
  if (NO_CREDIT_CODES.has(code) || type === 'insufficient_quota') return 'no-credit';
  if (code === 'access_terminated' || type === 'access_terminated') return 'access-terminated';
  if (code === 'unsupported_country_region_territory') return 'region';
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

/** Reads `retry-after-ms`, `retry-after` (seconds or a date), or "try again in 1.5s / 7m12s" in the message. */
export function retryAfterMs(
  headers: Readonly<Record<string, string | undefined>>,
  message = '',
  now = Date.now(),
): number | undefined {
  const ms = Number(headers['retry-after-ms']);
  if (headers['retry-after-ms'] && Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers['retry-after'];
  if (after) {
    const seconds = Number(after);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const said = /try again in ([\d.]+ms\b|(?:\d+h)?(?:\d+m(?!s))?(?:[\d.]+s)?)/i.exec(message);
  if (said?.[1]) {
    const text = said[1];
    if (text.endsWith('ms')) return Number.parseFloat(text);
    const h = /(\d+)h/.exec(text);
    const m = /(\d+)m(?!s)/.exec(text);
    const s = /([\d.]+)s/.exec(text);
    const total = (Number(h?.[1] ?? 0) * 3600 + Number(m?.[1] ?? 0) * 60 + Number(s?.[1] ?? 0)) * 1000;
    return total > 0 ? total : undefined;
  }
  return undefined;
}

/** A diagnosis for an HTTP error answer. `secrets` are masked wherever they appear in the server's text. */
export function diagnoseHttp(
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string | undefined>>,
  secrets: readonly string[],
): Diagnosis {
  const error = apiErrorOf(body);
  const message = typeof error?.message === 'string' ? error.message : null;
  const code =
    typeof error?.code === 'string' ? error.code : typeof error?.type === 'string' ? error.type : null;
  const kind = kindOf(status, body);
  return {
    kind: kind === 'ok' ? 'api' : kind,
    status,
    code,
    serverMessage: message === null ? null : safeText(message, secrets),
    retryAfterMs: retryAfterMs(headers, message ?? ''),
    requestId: headers['x-request-id'] ?? null,
  };
}
