/**
 * The response edge: every value the server sends (status, headers, JSON bodies, stream events) becomes a
 * typed, validated value here, or null. Numbers are finite and non-negative (integers where the API means
 * counts); strings have no control or format characters and a length cap; ids have their known shapes.
 * Nothing from the server reaches a screen, a summary or the JSON except through this module. Pure.
 */

import { cleanText } from '../text/sanitize.js';
import { maskSecrets } from '../text/secrets.js';

/** Token counts, with the API's field names. */
export type Usage = {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
};

/** One of the two rate limits the API reports. */
export type RateLimit = {
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly resetMs: number | null;
};

/** The `x-ratelimit-*` headers of an answer; a part the server did not send is null. */
export type RateLimits = { readonly requests: RateLimit | null; readonly tokens: RateLimit | null };

/** OpenAI's `{"error": {...}}` envelope, validated. */
export type ApiError = {
  readonly message: string | null;
  readonly type: string | null;
  readonly code: string | null;
  readonly param: string | null;
};

/** What the headers of any answer say. */
export type AnswerHeaders = {
  readonly requestId: string | null;
  readonly organization: string | null;
  readonly contentType: string;
  readonly contentEncoding: string;
  readonly rateLimits: RateLimits | null;
  /** How long the server asked us to wait (retry-after-ms, retry-after), in ms. */
  readonly retryAfterMs: number | null;
};

/** A chat completion's content, validated. */
export type Completion = {
  readonly text: string;
  readonly model: string | null;
  readonly usage: Usage | null;
};

/** One event of a streamed completion. */
export type StreamEvent =
  | { readonly kind: 'done' }
  | { readonly kind: 'error'; readonly error: ApiError }
  | {
      readonly kind: 'chunk';
      readonly text: string;
      readonly model: string | null;
      readonly usage: Usage | null;
    }
  | { readonly kind: 'not-json' };

/** The longest reply text kept: a haiku is about 100 characters; a chatty model's answer fits too. */
export const REPLY_CAP = 8000;
/** The longest server message kept. */
const MESSAGE_CAP = 600;
/** A wait the server may ask for, at most (longer is not believed): one day. */
const MAX_WAIT_MS = 24 * 60 * 60 * 1000;

/** A count: a non-negative safe integer, else null. */
export function count(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

/** A one-line string from the server, cleaned and capped; null when nothing is left. */
export function text(value: unknown, maxLength: number, secrets: readonly string[] = []): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = maskSecrets(cleanText(value, { maxLength }), secrets).trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Whether a value the server sent as a name holds a key (the user's, or anything shaped like one): a server
 * may echo the key in any field, so a name that masking would change is no name.
 */
function holdsSecret(value: string, secrets: readonly string[]): boolean {
  return maskSecrets(value, secrets) !== value;
}

/** A model name: letters, digits, `.`, `-`, `_`, `:`, and no key; else null. */
export function modelName(value: unknown, secrets: readonly string[] = []): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) && !holdsSecret(value, secrets)
    ? value
    : null;
}

/** A request id: `req_` and hex; else null. */
export function requestId(value: unknown): string | null {
  return typeof value === 'string' && /^req_[0-9a-fA-F]{8,64}$/.test(value) ? value : null;
}

/**
 * The `openai-organization` header: an organization's name (a slug, as named orgs show), `user-…` for a
 * personal one, or `org-…`. Letters, digits, spaces and `._-` only; else null.
 */
export function organizationName(value: unknown, secrets: readonly string[] = []): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,127}$/u.test(trimmed) && !holdsSecret(trimmed, secrets)
    ? trimmed
    : null;
}

/** An API error code or type: lower-case words, and no key; else null. */
function codeName(value: unknown, secrets: readonly string[]): string | null {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(value) && !holdsSecret(value, secrets)
    ? value
    : null;
}

/** Token usage with all three counts valid (the total derived when only it is missing), else null. */
export function usage(value: unknown): Usage | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const prompt = count(record.prompt_tokens);
  const completion = count(record.completion_tokens);
  if (prompt === null || completion === null) return null;
  const total = record.total_tokens === undefined ? prompt + completion : count(record.total_tokens);
  return total === null
    ? null
    : { prompt_tokens: prompt, completion_tokens: completion, total_tokens: total };
}

/** A Go-style duration as the rate-limit headers send it (`120ms`, `8.64s`, `6m0s`, `1h2m3.5s`), in ms. */
export function durationMs(value: unknown): number | null {
  if (typeof value !== 'string' || value.length > 40) return null;
  const units: Record<string, number> = {
    h: 3_600_000,
    m: 60_000,
    s: 1000,
    ms: 1,
    us: 0.001,
    µs: 0.001,
    ns: 1e-6,
  };
  const parts = [...value.trim().matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== value.trim()) return null;
  const total = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (units[unit ?? ''] ?? 0), 0);
  return Number.isFinite(total) && total <= MAX_WAIT_MS ? Math.round(total) : null;
}

/** Reads `retry-after-ms`, `retry-after` (seconds or an HTTP date), else null; capped at a day. */
function retryAfter(headers: Readonly<Record<string, string>>, now: number): number | null {
  const ms = headers['retry-after-ms'];
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.min(MAX_WAIT_MS, Number(ms));
  const after = headers['retry-after'];
  if (after === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(after.trim())) return Math.min(MAX_WAIT_MS, Number(after) * 1000);
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.min(MAX_WAIT_MS, Math.max(0, date - now)) : null;
}

function rateLimit(
  headers: Readonly<Record<string, string>>,
  which: 'requests' | 'tokens',
): RateLimit | null {
  const limit = count(headers[`x-ratelimit-limit-${which}`]);
  const remaining = count(headers[`x-ratelimit-remaining-${which}`]);
  const resetMs = durationMs(headers[`x-ratelimit-reset-${which}`]);
  return limit === null && remaining === null && resetMs === null ? null : { limit, remaining, resetMs };
}

/** The headers of an answer, validated. `headers` has lower-case names (the transport's form). */
export function readHeaders(
  headers: Readonly<Record<string, string>>,
  now = Date.now(),
  secrets: readonly string[] = [],
): AnswerHeaders {
  const requests = rateLimit(headers, 'requests');
  const tokens = rateLimit(headers, 'tokens');
  return {
    requestId: requestId(headers['x-request-id']),
    organization: organizationName(headers['openai-organization'], secrets),
    contentType: (headers['content-type'] ?? '').toLowerCase().slice(0, 200),
    contentEncoding: (headers['content-encoding'] ?? '').toLowerCase().trim().slice(0, 40),
    rateLimits: requests || tokens ? { requests, tokens } : null,
    retryAfterMs: retryAfter(headers, now),
  };
}

/** The error envelope of a body, validated; null when the body is not one. Keys in the message are masked. */
export function readApiError(body: unknown, secrets: readonly string[] = []): ApiError | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const record = error as Record<string, unknown>;
  return {
    message: text(record.message, MESSAGE_CAP, secrets),
    type: codeName(record.type, secrets),
    code: codeName(record.code, secrets),
    param: codeName(record.param, secrets),
  };
}

/** The reply of a non-streamed completion, or null when the body has none. */
export function readCompletion(body: unknown, secrets: readonly string[] = []): Completion | null {
  if (typeof body !== 'object' || body === null) return null;
  const record = body as { model?: unknown; choices?: unknown; usage?: unknown };
  const first = Array.isArray(record.choices) ? (record.choices[0] as unknown) : undefined;
  const message = (first as { message?: { content?: unknown } } | undefined)?.message;
  if (typeof message?.content !== 'string') return null;
  return {
    text: replyText(message.content, secrets),
    model: modelName(record.model, secrets),
    usage: usage(record.usage),
  };
}

/** Reply text: many lines allowed, no control sequences, keys masked, capped. */
export function replyText(value: string, secrets: readonly string[] = []): string {
  return maskSecrets(cleanText(value, { multiline: true, maxLength: REPLY_CAP }), secrets);
}

/** One `data:` payload of a stream. */
export function readStreamEvent(data: string, secrets: readonly string[] = []): StreamEvent {
  if (data.trim() === '[DONE]') return { kind: 'done' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { kind: 'not-json' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { kind: 'not-json' };
  const error = readApiError(parsed, secrets);
  if (error) return { kind: 'error', error };
  const record = parsed as { model?: unknown; usage?: unknown; choices?: unknown };
  const first = Array.isArray(record.choices) ? (record.choices[0] as unknown) : undefined;
  const delta = (first as { delta?: { content?: unknown } } | undefined)?.delta;
  // Pieces are not cleaned one by one (an escape sequence may be split between two); the whole reply is.
  return {
    kind: 'chunk',
    text: typeof delta?.content === 'string' ? delta.content : '',
    model: modelName(record.model, secrets),
    usage: usage(record.usage),
  };
}
