/**
 * Rate limits and the usage tier they imply: the `x-ratelimit-*` headers of the chat call, compared with a
 * dated table of OpenAI's published limits. Where they match, the tier is named; where they do not (a project
 * can set lower limits), nothing is said about the tier. Pure.
 */
import { type Content, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import type { RateLimits } from './edge.js';

/** A usage tier as CLI.md's JSON names it. */
export type UsageTier = 'free' | '1' | '2' | '3' | '4' | '5';

type TierRow = {
  readonly tier: UsageTier;
  /** Requests a minute and, where one applies, a day: the header reports whichever binds. */
  readonly rpm: number;
  readonly rpd?: number;
  /** Tokens a minute (some reports differ: every value seen). */
  readonly tpm: readonly number[];
};

/**
 * gpt-4o-mini's published limits by tier (../shared/reference/openai-api.md, "Published limits for
 * gpt-4o-mini by usage tier": a 2024-11 Tier 1 table and 2025 summaries). They change: keep `asOf` true.
 */
export const TIER_TABLE = {
  // When OpenAI published these figures, not when they were copied: the reader judges how old they are.
  asOf: '2024–2025',
  model: 'gpt-4o-mini',
  rows: [
    { tier: 'free', rpm: 3, rpd: 200, tpm: [40_000, 60_000] },
    { tier: '1', rpm: 500, rpd: 10_000, tpm: [200_000] },
    { tier: '2', rpm: 5_000, tpm: [2_000_000] },
    { tier: '3', rpm: 5_000, tpm: [4_000_000] },
    { tier: '4', rpm: 10_000, tpm: [10_000_000] },
    { tier: '5', rpm: 30_000, tpm: [150_000_000] },
  ] satisfies readonly TierRow[],
} as const;

/** A dated snapshot (`gpt-4o-mini-2024-07-18`) counts as its model. */
function baseModel(model: string): string {
  return model.replace(/-\d{4}-\d{2}-\d{2}$/, '');
}

function matchingRow(model: string, limits: RateLimits | null): TierRow | undefined {
  const requests = limits?.requests?.limit;
  const tokens = limits?.tokens?.limit;
  if (baseModel(model) !== TIER_TABLE.model || requests == null || tokens == null) return undefined;
  return (TIER_TABLE.rows as readonly TierRow[]).find(
    (row) => row.tpm.includes(tokens) && (row.rpm === requests || row.rpd === requests),
  );
}

/** The usage tier the limits match in the table, or null. */
export function usageTierOf(model: string, limits: RateLimits | null): UsageTier | null {
  return matchingRow(model, limits)?.tier ?? null;
}

/** One sentence on the limits, in the user's language, or null when the server sent none. */
export function rateLimitLine(model: string, limits: RateLimits | null, content: Content, locale: Locale) {
  const words = content.rateLimits;
  const number = (value: number) => value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US');
  const row = matchingRow(model, limits);
  const parts: string[] = [];
  const requests = limits?.requests;
  if (requests?.limit != null && requests.remaining != null) {
    const window =
      row && requests.limit === row.rpm ? 'minute' : row && requests.limit === row.rpd ? 'day' : 'unknown';
    const template = {
      minute: words.requestsMinute,
      day: words.requestsDay,
      unknown: words.requests,
    }[window];
    parts.push(fill(template, { remaining: number(requests.remaining), limit: number(requests.limit) }));
  }
  const tokens = limits?.tokens;
  if (tokens?.limit != null && tokens.remaining != null) {
    parts.push(fill(words.tokens, { remaining: number(tokens.remaining), limit: number(tokens.limit) }));
  }
  return parts.length > 0 ? fill(words.line, { parts: parts.join(words.separator) }) : null;
}

/** What the tier is and what raises it, in one line, or null when the limits match no tier. */
export function tierLine(model: string, limits: RateLimits | null, content: Content): string | null {
  const tier = usageTierOf(model, limits);
  if (!tier) return null;
  const words = content.rateLimits;
  return fill(tier === 'free' ? words.tierFree : words.tier, {
    tier,
    model: TIER_TABLE.model,
    date: TIER_TABLE.asOf,
    next: words.next[tier],
  });
}
