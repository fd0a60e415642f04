import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  count,
  durationMs,
  modelName,
  organizationName,
  REPLY_CAP,
  readApiError,
  readCompletion,
  readHeaders,
  readStreamEvent,
  requestId,
  usage,
} from '../../src/api/edge.js';

const KEY = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}]/u;

describe('values from the server', () => {
  it.each([
    [27, 27],
    ['27', 27],
    [0, 0],
    [-1, null],
    [1.5, null],
    [Number.POSITIVE_INFINITY, null],
    [Number.NaN, null],
    ['1e3', null],
    ['27\u001b[31m', null],
    [2 ** 60, null],
    [null, null],
  ])('count(%j) → %j', (value, expected) => {
    expect(count(value)).toBe(expected);
  });

  it.each([
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini-2024-07-18'],
    ['ft:gpt-4o-mini:acme:custom:abc123', 'ft:gpt-4o-mini:acme:custom:abc123'],
    ['gpt\u001b]0;pwned\u0007-4o', null],
    ['gpt-4o\u202Eevil', null],
    ['has space', null],
    ['', null],
    [42, null],
    ['x'.repeat(129), null],
  ])('modelName(%j) → %j', (value, expected) => {
    expect(modelName(value)).toBe(expected);
  });

  it.each([
    ['req_68d38d004084ba9aca8a2061d626de9f', 'req_68d38d004084ba9aca8a2061d626de9f'],
    ['req_\u009b2J', null],
    ['request-1', null],
    ['req_zz', null],
  ])('requestId(%j) → %j', (value, expected) => {
    expect(requestId(value)).toBe(expected);
  });

  it.each([
    ['user-abcdefghijklmnopqrstuvwx', 'user-abcdefghijklmnopqrstuvwx'],
    ['org-uOtiSEwvUnroadaOnJJquBEC', 'org-uOtiSEwvUnroadaOnJJquBEC'],
    ['studiosity', 'studiosity'],
    ['Acme Corp', 'Acme Corp'],
    ['org\u009b2J', null],
    ['org\u001b]52;c;ZXZpbA==\u0007', null],
    ['\u202Eorg', null],
  ])('organizationName(%j) → %j', (value, expected) => {
    expect(organizationName(value)).toBe(expected);
  });

  it('takes usage only when its counts are counts', () => {
    expect(usage({ prompt_tokens: 27, completion_tokens: 19, total_tokens: 46 })).toEqual({
      prompt_tokens: 27,
      completion_tokens: 19,
      total_tokens: 46,
    });
    expect(usage({ prompt_tokens: 27, completion_tokens: 19 })).toMatchObject({ total_tokens: 46 });
    expect(usage({ prompt_tokens: '27\u001b[2J', completion_tokens: 19, total_tokens: 46 })).toBeNull();
    expect(usage({ prompt_tokens: -1, completion_tokens: 19, total_tokens: 46 })).toBeNull();
    expect(usage({ prompt_tokens: 1, completion_tokens: 2, total_tokens: 'x' })).toBeNull();
    expect(usage('many')).toBeNull();
  });

  it.each([
    ['120ms', 120],
    ['1s', 1000],
    ['8.64s', 8640],
    ['6m0s', 360_000],
    ['14h29m11.04s', 52_151_040],
    ['', null],
    ['soon', null],
    ['5x', null],
    ['999h', null],
  ])('durationMs(%j) → %j', (value, expected) => {
    expect(durationMs(value)).toBe(expected);
  });
});

describe('readHeaders', () => {
  it('reads the rate limits of a real answer', () => {
    const headers = readHeaders({
      'x-ratelimit-limit-requests': '10000',
      'x-ratelimit-limit-tokens': '200000',
      'x-ratelimit-remaining-requests': '9999',
      'x-ratelimit-remaining-tokens': '199576',
      'x-ratelimit-reset-requests': '8.64s',
      'x-ratelimit-reset-tokens': '126ms',
      'x-request-id': 'req_68d38d004084ba9aca8a2061d626de9f',
      'openai-organization': 'user-abcdefghijklmnopqrstuvwx',
    });
    expect(headers.rateLimits).toEqual({
      requests: { limit: 10000, remaining: 9999, resetMs: 8640 },
      tokens: { limit: 200000, remaining: 199576, resetMs: 126 },
    });
    expect(headers.requestId).toBe('req_68d38d004084ba9aca8a2061d626de9f');
  });

  it('leaves out what was not sent, and what is not a number', () => {
    expect(readHeaders({}).rateLimits).toBeNull();
    expect(readHeaders({ 'x-ratelimit-limit-tokens': '200000' }).rateLimits).toEqual({
      requests: null,
      tokens: { limit: 200000, remaining: null, resetMs: null },
    });
    expect(readHeaders({ 'x-ratelimit-limit-requests': '-5' }).rateLimits).toBeNull();
  });

  it('believes a wait of at most a day', () => {
    expect(readHeaders({ 'retry-after': '999999' }).retryAfterMs).toBe(86_400_000);
    expect(readHeaders({ 'retry-after': 'later' }).retryAfterMs).toBeNull();
  });
});

describe('a key echoed in a field that names something', () => {
  // A server (or a relay) may put the key anywhere; a name holding it is no name, with or without the key known.
  it.each([[[KEY]], [[]]])('is refused in every name field (secrets %j)', (secrets) => {
    expect(modelName(KEY, secrets)).toBeNull();
    expect(organizationName(KEY, secrets)).toBeNull();
    expect(readHeaders({ 'openai-organization': KEY }, Date.now(), secrets).organization).toBeNull();
    const error = readApiError({ error: { message: 'no', type: KEY, code: KEY, param: KEY } }, secrets);
    expect(error).toMatchObject({ type: null, code: null, param: null });
    const completion = readCompletion(
      { model: KEY, choices: [{ message: { role: 'assistant', content: 'hi' } }] },
      secrets,
    );
    expect(completion?.model).toBeNull();
    const event = readStreamEvent(
      JSON.stringify({ model: KEY, choices: [{ delta: { content: 'x' } }] }),
      secrets,
    );
    expect(JSON.stringify(event)).not.toContain(KEY);
  });

  it('still takes ordinary names', () => {
    expect(modelName('gpt-4o-mini-2024-07-18', [KEY])).toBe('gpt-4o-mini-2024-07-18');
    expect(organizationName('user-abc123', [KEY])).toBe('user-abc123');
  });
});

describe('bodies', () => {
  it('reads an error envelope, masking the key and dropping control sequences', () => {
    const error = readApiError(
      {
        error: { message: `Bad key ${KEY}\u001b[2J`, type: 'invalid_request_error', code: 'invalid_api_key' },
      },
      [KEY],
    );
    expect(error).toEqual({
      message: 'Bad key sk-proj-…AbCd',
      type: 'invalid_request_error',
      code: 'invalid_api_key',
      param: null,
    });
    expect(readApiError({ error: { code: 'bad code\u009b' } })?.code).toBeNull();
    expect(readApiError('<html>')).toBeNull();
  });

  it('reads a completion, keeping the reply multi-line but safe, and capped', () => {
    const completion = readCompletion({
      model: 'gpt-4o-mini-2024-07-18',
      choices: [{ message: { content: 'a\u001b]52;c;ZXZpbA==\u0007\nb' } }],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(completion).toEqual({
      text: 'a\nb',
      model: 'gpt-4o-mini-2024-07-18',
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    const long = readCompletion({ choices: [{ message: { content: 'x'.repeat(REPLY_CAP * 2) } }] });
    expect([...(long?.text ?? '')].length).toBe(REPLY_CAP);
    expect(readCompletion({ choices: [] })).toBeNull();
  });

  it('reads stream events', () => {
    expect(readStreamEvent('[DONE]')).toEqual({ kind: 'done' });
    expect(readStreamEvent('{"choices": [')).toEqual({ kind: 'not-json' });
    expect(readStreamEvent('{"error": {"message": "boom", "type": "server_error"}}')).toMatchObject({
      kind: 'error',
      error: { message: 'boom' },
    });
    expect(
      readStreamEvent(
        '{"model": "gpt\\u001b[31m", "choices": [{"delta": {"content": "hi"}}], "usage": null}',
      ),
    ).toEqual({ kind: 'chunk', text: 'hi', model: null, usage: null });
  });
});

describe('for any answer', () => {
  const anything = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.boolean(),
  );

  it('nothing unsafe comes out of the headers, and every number is a non-negative finite one', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom(
            'x-request-id',
            'openai-organization',
            'content-type',
            'retry-after',
            'retry-after-ms',
            'x-ratelimit-limit-requests',
            'x-ratelimit-remaining-tokens',
            'x-ratelimit-reset-requests',
          ),
          fc.string({ unit: 'binary', maxLength: 40 }),
        ),
        (raw) => {
          const headers = readHeaders(raw);
          for (const value of [headers.requestId, headers.organization]) {
            if (value !== null) expect(value).not.toMatch(UNSAFE);
          }
          const numbers = [
            headers.retryAfterMs,
            headers.rateLimits?.requests?.limit,
            headers.rateLimits?.requests?.resetMs,
            headers.rateLimits?.tokens?.remaining,
          ];
          for (const value of numbers) {
            if (value !== null && value !== undefined) {
              expect(Number.isFinite(value)).toBe(true);
              expect(value).toBeGreaterThanOrEqual(0);
            }
          }
        },
      ),
      { seed: 11, numRuns: 1000 },
    );
  });

  it('nothing unsafe comes out of a body', () => {
    fc.assert(
      fc.property(anything, anything, anything, (message, model, content) => {
        const error = readApiError({ error: { message, code: model, type: content } });
        for (const value of Object.values(error ?? {})) if (value !== null) expect(value).not.toMatch(UNSAFE);
        const completion = readCompletion({
          model,
          choices: [{ message: { content } }],
          usage: { prompt_tokens: message },
        });
        if (completion) {
          expect(completion.text.replace(/\n/g, '')).not.toMatch(UNSAFE);
          expect(completion.usage).toBeNull();
        }
      }),
      { seed: 12, numRuns: 1000 },
    );
  });
});
