import { describe, expect, it } from 'vitest';
import { diagnoseHttp, kindOf, retryAfterMs } from '../../src/api/diagnose.js';
import fixtures from '../../src/demo/fixtures/openai-api.json' with { type: 'json' };

type Fixture = { status: number; body: unknown; headers: Record<string, string> };

// Every error body of the shared fixtures, and the kind CLI.md gives it.
const EXPECTED: Record<string, string> = {
  invalid_api_key: 'invalid-key',
  missing_api_key: 'invalid-key',
  insufficient_quota: 'no-credit',
  credit_balance_exhausted: 'no-credit',
  rate_limit: 'rate-limit',
  rate_limit_rpd_free_tier: 'rate-limit',
  request_too_large: 'api',
  model_not_found: 'model',
  project_model_forbidden: 'model',
  unsupported_region: 'region',
  invalid_json_body: 'api',
  missing_model_param: 'api',
  invalid_url: 'api',
  server_error: 'server',
  server_overloaded: 'server',
  mismatched_organization: 'organization',
  no_organization: 'organization',
  missing_scopes: 'missing-scope',
  billing_hard_limit_reached: 'no-credit',
  access_terminated: 'access-terminated',
  account_deactivated: 'account-deactivated',
  // On its own an API error; the test call answers it by asking again without streaming.
  stream_requires_verification: 'api',
};

describe('kindOf', () => {
  const errorFixtures = Object.entries(fixtures).filter(
    ([name, value]) => name !== '_meta' && (value as Fixture).status >= 400,
  ) as Array<[string, Fixture]>;

  it('covers every error fixture', () => {
    expect(errorFixtures.map(([name]) => name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(errorFixtures)('%s → its kind', (name, fixture) => {
    expect(kindOf(fixture.status, fixture.body)).toBe(EXPECTED[name]);
  });

  it('treats any 5xx as a server failure, whatever its body', () => {
    expect(kindOf(502, undefined)).toBe('server');
    expect(kindOf(503, '<html>')).toBe('server');
  });

  it('treats spend-limit codes as no credit', () => {
    for (const code of [
      'organization_spend_limit_exceeded',
      'project_spend_limit_exceeded',
      'organization_usage_limit_exceeded',
    ]) {
      expect(kindOf(429, { error: { type: 'insufficient_quota', code, message: '' } })).toBe('no-credit');
    }
  });
});

describe('diagnoseHttp', () => {
  it('masks a key the server echoes and removes control sequences', () => {
    const key = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
    const diagnosis = diagnoseHttp(
      401,
      { error: { message: `Bad key ${key}\u001b[2J`, code: 'invalid_api_key' } },
      {},
      [key],
    );
    expect(diagnosis.serverMessage).toBe('Bad key sk-proj-…AbCd');
  });

  it('keeps the request id', () => {
    expect(diagnoseHttp(500, undefined, { 'x-request-id': 'req_1' }, []).requestId).toBe('req_1');
  });
});

describe('retryAfterMs', () => {
  it.each([
    [{ 'retry-after-ms': '250' }, '', 250],
    [{ 'retry-after': '2' }, '', 2000],
    [{}, 'Please try again in 1.574s. Visit', 1574],
    [{}, 'Please try again in 7m12s. Visit', 432_000],
    [{}, 'Please try again in 20ms.', 20],
    [{}, 'no hint', undefined],
  ])('reads %j %j', (headers, message, expected) => {
    expect(retryAfterMs(headers, message)).toBe(expected);
  });
});
