import { describe, expect, it } from 'vitest';
import { diagnose, kindOf, waitFromMessage } from '../../src/api/diagnose.js';
import { readApiError, readHeaders } from '../../src/api/edge.js';
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
  billing_hard_limit_reached: 'spend-limit',
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
    expect(kindOf(fixture.status, readApiError(fixture.body))).toBe(EXPECTED[name]);
  });

  it('treats any 5xx as a server failure, whatever its body', () => {
    expect(kindOf(502, null)).toBe('server');
    expect(kindOf(503, readApiError('<html>'))).toBe('server');
  });

  it('tells a reached budget or limit (spend-limit) from missing credit (no-credit)', () => {
    for (const code of [
      'organization_spend_limit_exceeded',
      'project_spend_limit_exceeded',
      'organization_usage_limit_exceeded',
    ]) {
      const error = readApiError({ error: { type: 'insufficient_quota', code, message: '' } });
      expect(kindOf(429, error)).toBe('spend-limit');
    }
    const exhausted = readApiError({
      error: { type: 'insufficient_quota', code: 'credit_balance_exhausted' },
    });
    expect(kindOf(429, exhausted)).toBe('no-credit');
  });

  it('names an organization that must be verified, but not the stream refusal (that one is asked again)', () => {
    const verify = readApiError({
      error: { message: 'Your organization must be verified to use the model `o3`.', code: null },
    });
    expect(kindOf(403, verify)).toBe('verification');
    const stream = readApiError(fixtures.stream_requires_verification.body);
    expect(kindOf(400, stream)).toBe('api');
    expect(diagnose(400, stream, readHeaders({})).streamRefused).toBe(true);
  });
});

describe('diagnose', () => {
  it('masks a key the server echoes and removes control sequences', () => {
    const key = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
    const error = readApiError({ error: { message: `Bad key ${key}\u001b[2J`, code: 'invalid_api_key' } }, [
      key,
    ]);
    expect(diagnose(401, error, readHeaders({})).serverMessage).toBe('Bad key sk-proj-…AbCd');
  });

  it('keeps a request id of the right shape, and only that', () => {
    const id = 'req_0123456789abcdef0123456789abcdef';
    expect(diagnose(500, null, readHeaders({ 'x-request-id': id })).requestId).toBe(id);
    expect(diagnose(500, null, readHeaders({ 'x-request-id': 'req_1\u009b2J' })).requestId).toBeNull();
  });

  it('takes the wait from retry-after, else from the message', () => {
    const error = readApiError({
      error: { message: 'Please try again in 1.574s.', code: 'rate_limit_exceeded' },
    });
    expect(diagnose(429, error, readHeaders({ 'retry-after': '2' })).retryAfterMs).toBe(2000);
    expect(diagnose(429, error, readHeaders({})).retryAfterMs).toBe(1574);
  });
});

describe('the wait a server asks for', () => {
  it.each([
    [{ 'retry-after-ms': '250' }, '', 250],
    [{ 'retry-after': '2' }, '', 2000],
    [{}, 'Please try again in 1.574s. Visit', 1574],
    [{}, 'Please try again in 7m12s. Visit', 432_000],
    [{}, 'Please try again in 20ms.', 20],
    [{}, 'no hint', undefined],
  ])('reads %j %j', (headers, message, expected) => {
    expect(readHeaders(headers).retryAfterMs ?? waitFromMessage(message)).toBe(expected);
  });
});
