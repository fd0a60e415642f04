import { describe, expect, it } from 'vitest';
import type { RateLimits } from '../../src/api/edge.js';
import { rateLimitLine, TIER_TABLE, tierLine, usageTierOf } from '../../src/api/rate-limits.js';
import { contentFor } from '../../src/content/content.js';

const limits = (requests: number, tokens: number): RateLimits => ({
  requests: { limit: requests, remaining: requests - 1, resetMs: 120 },
  tokens: { limit: tokens, remaining: tokens - 46, resetMs: 13 },
});

describe('the usage tier', () => {
  it.each([
    [limits(500, 200_000), '1'],
    [limits(10_000, 200_000), '1'],
    [limits(3, 40_000), 'free'],
    [limits(200, 60_000), 'free'],
    [limits(5_000, 2_000_000), '2'],
    [limits(5_000, 4_000_000), '3'],
    [limits(10_000, 10_000_000), '4'],
    [limits(30_000, 150_000_000), '5'],
  ] as const)('%j → tier %s', (given, tier) => {
    expect(usageTierOf('gpt-4o-mini-2024-07-18', given)).toBe(tier);
  });

  it('says nothing where the limits match no row (a project can set lower ones) or the model has no table', () => {
    expect(usageTierOf('gpt-4o-mini', limits(100, 50_000))).toBeNull();
    expect(usageTierOf('o3', limits(500, 200_000))).toBeNull();
    expect(usageTierOf('gpt-4o-mini', null)).toBeNull();
    expect(usageTierOf('gpt-4o-mini', { requests: null, tokens: limits(1, 200_000).tokens })).toBeNull();
    expect(tierLine('gpt-4o-mini', limits(100, 50_000), contentFor('en'))).toBeNull();
  });

  it('names the tier, the date of the table, the authority, and what raises it', () => {
    const line = tierLine('gpt-4o-mini', limits(500, 200_000), contentFor('en')) ?? '';
    expect(line).toContain('usage tier 1');
    expect(line).toContain(TIER_TABLE.asOf);
    expect(line).toContain('Limits page');
    expect(line).toContain('Tier 2 comes with $50 paid');
    expect(tierLine('gpt-4o-mini', limits(3, 40_000), contentFor('ko'))).toContain('무료 등급');
  });
});

describe('the rate-limit line', () => {
  it('says a minute or a day where the table tells which limit the header reports', () => {
    expect(rateLimitLine('gpt-4o-mini', limits(500, 200_000), contentFor('en'), 'en')).toBe(
      'Rate limits now: 499 of 500 requests a minute left; 199,954 of 200,000 tokens a minute left.',
    );
    expect(rateLimitLine('gpt-4o-mini', limits(10_000, 200_000), contentFor('en'), 'en')).toContain(
      '9,999 of 10,000 requests a day left',
    );
    expect(rateLimitLine('o3', limits(10_000, 200_000), contentFor('ko'), 'ko')).toBe(
      '현재 요청 한도: 요청 10,000회 중 9,999회 남음, 분당 토큰 200,000개 중 199,954개 남음.',
    );
  });

  it('is left out when the server sent no limits', () => {
    expect(rateLimitLine('gpt-4o-mini', null, contentFor('en'), 'en')).toBeNull();
  });
});
