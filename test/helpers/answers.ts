import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
/**
 * Generated server answers for the property tests (fast-check): a status line, headers, a body (the API's
 * own shapes, made hostile, or anything at all), how the body is framed and compressed, how the bytes are
 * split in time, and where the connection drops. And the invariants every outcome must keep.
 */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { expect } from 'vitest';
import { OUTCOMES } from '../../src/api/outcomes.js';
import fixtures from '../../src/demo/fixtures/openai-api.json' with { type: 'json' };
import type { WireAnswer } from './answer-server.js';

/** The key every generated run uses: it may appear only masked. */
export const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
/** How the sentinel is shown. */
export const MASKED = 'sk-proj-…AbCd';

/** Every field of CLI.md's `check --json` object, in its order. */
export const JSON_FIELDS = [
  'schema',
  'ok',
  'kind',
  'exitCode',
  'model',
  'reply',
  'usage',
  'costUsd',
  'organization',
  'requestId',
  'latencyMs',
  'streamed',
  'rateLimits',
  'usageTier',
  'team',
  'error',
] as const;

/** Every exit code the table allows (usage errors are its 2). */
export const EXIT_CODES = new Set(Object.values(OUTCOMES).map((o) => o.exitCode));

/** A control character or a Unicode format character: none may reach the terminal (line breaks may). */
export const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}]/u;

/** Ink's own sequences in a frame (colour, links, the cursor shown again at the end): anything else came from outside. */
export const INK_SEQUENCES =
  /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b\[\?25[hl]/g;

/** Checks that no text holds the sentinel key, or any 12 characters of what its mask hides. */
export function expectNoKey(...texts: string[]): void {
  const text = texts.join('\n');
  const hidden = SENTINEL.slice(8, -4);
  for (let i = 0; i + 12 <= hidden.length; i++) expect(text).not.toContain(hidden.slice(i, i + 12));
}

/** Checks a `check --json` object: every field, an outcome of the table, nothing unsafe, the key masked. */
export function expectReport(report: Record<string, unknown>): void {
  expect(Object.keys(report)).toEqual([...JSON_FIELDS]);
  const kind = report.kind as keyof typeof OUTCOMES;
  expect(Object.keys(OUTCOMES)).toContain(kind);
  expect(report.exitCode).toBe(OUTCOMES[kind].exitCode);
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  walk(report);
  for (const value of strings) expect(value).not.toMatch(UNSAFE);
  expectNoKey(...strings);
}

const fixture = (name: keyof typeof fixtures) =>
  fixtures[name] as unknown as { status: number; headers: Record<string, string>; body: unknown };
const ERROR_FIXTURES = (Object.keys(fixtures) as Array<keyof typeof fixtures>).filter((name) => {
  const body = (fixtures[name] as { body?: unknown }).body;
  return typeof body === 'object' && body !== null && 'error' in body;
});

/** Text a hostile server puts anywhere: control sequences, the key it was sent, format characters. */
export const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '\u001b[2J',
        '\u001b[31m',
        '\u001b]52;c;ZXZpbA==\u0007',
        '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007',
        '\u001b]0;title',
        '\u001b',
        '\u009b31m',
        '\u009d0;t\u009c',
        '\r',
        '\n',
        '\t',
        '\u0000',
        '\u007f',
        '\u202e',
        '\u200b',
        '\ufeff',
        '\u2028',
        SENTINEL,
        `Bearer ${SENTINEL}`,
        SENTINEL.slice(0, 30),
        '가나다 ',
        '🙂',
        '"',
        '\\',
        'data: ',
        '[DONE]',
      ),
      fc.string({ unit: 'binary', maxLength: 8 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const number = fc.oneof(
  fc.nat({ max: 100 }),
  fc.constantFrom(-1, 1.5, 1e308, Number.MAX_SAFE_INTEGER + 2, '27', '27\u001b[2J', null, {}, []),
);
const usage = fc.oneof(
  fc.constant({ prompt_tokens: 27, completion_tokens: 19, total_tokens: 46 }),
  fc.record({ prompt_tokens: number, completion_tokens: number, total_tokens: number }),
  fc.constantFrom(null, 'none', 42),
);
const model = fc.oneof(fc.constantFrom('gpt-4o-mini-2024-07-18', 'gpt-4o-mini'), hostileText);

const completion = fc
  .record({ model, content: fc.oneof(hostileText, fc.constant('A haiku.')), usage })
  .map(({ model, content, usage }) =>
    JSON.stringify({
      ...(fixture('chat_completion_success').body as object),
      model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage,
    }),
  );

const apiError = fc
  .record({
    name: fc.constantFrom(...ERROR_FIXTURES),
    message: fc.option(hostileText, { nil: undefined }),
    code: fc.option(fc.oneof(hostileText, fc.constantFrom('insufficient_quota', 'rate_limit_exceeded')), {
      nil: undefined,
    }),
  })
  .map(({ name, message, code }) => {
    const error = (fixture(name).body as { error: Record<string, unknown> }).error;
    return JSON.stringify({
      error: {
        ...error,
        ...(message === undefined ? {} : { message }),
        ...(code === undefined ? {} : { code }),
      },
    });
  });

const streamEvent = fc.oneof(
  { weight: 5, arbitrary: hostileText.map((content) => ({ choices: [{ index: 0, delta: { content } }] })) },
  {
    weight: 1,
    arbitrary: model.map((model) => ({ model, choices: [{ index: 0, delta: { role: 'assistant' } }] })),
  },
  { weight: 1, arbitrary: usage.map((usage) => ({ choices: [], usage })) },
  { weight: 1, arbitrary: apiError.map((text) => JSON.parse(text)) },
  { weight: 1, arbitrary: fc.constantFrom('not json', '{"choices": [', '[]', 'null', '"text"') },
);
const stream = fc
  .record({
    events: fc.array(streamEvent, { maxLength: 8 }),
    done: fc.boolean(),
    separator: fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r\r'),
    comments: fc.boolean(),
  })
  .map(({ events, done, separator, comments }) =>
    [
      ...(comments ? [': keep-alive', 'event: message'] : []),
      ...events.map((event) => `data: ${typeof event === 'string' ? event : JSON.stringify(event)}`),
      ...(done ? ['data: [DONE]'] : []),
    ]
      .map((line) => `${line}${separator}`)
      .join(''),
  );

/** A body: the API's shapes made hostile, or anything at all. */
export const body = fc.oneof(
  { weight: 4, arbitrary: completion },
  { weight: 4, arbitrary: stream },
  { weight: 4, arbitrary: apiError },
  { weight: 1, arbitrary: fc.constant(JSON.stringify(fixture('models_list').body)) },
  { weight: 1, arbitrary: hostileText.map((text) => `<html><body><h1>${text}</h1></body></html>`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant(`{"padding":"${'x'.repeat(1_100_000)}"}`) },
);

const headerValue = (usual: readonly string[]) =>
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: hostileText });

/** The headers an answer may carry, each present or not. */
const headers = fc.record(
  {
    'content-type': headerValue([
      'application/json',
      'application/json; charset=utf-8',
      'text/event-stream',
      'text/event-stream; charset=utf-8',
      'text/html',
      'text/plain',
    ]),
    'x-request-id': headerValue(['req_0123456789abcdef0123456789abcdef']),
    'openai-organization': headerValue(['user-abcdefghijklmnopqrstuvwx']),
    'retry-after': headerValue(['0', '1', '-5', '1e9', 'soon', 'Wed, 21 Oct 2015 07:28:00 GMT']),
    'retry-after-ms': headerValue(['0', '250', '-1', '99999999999']),
    'x-ratelimit-limit-requests': headerValue(['500', '-1', '1e9', 'x']),
    'x-ratelimit-remaining-tokens': headerValue(['199954', '-3', 'NaN']),
    'x-ratelimit-reset-requests': headerValue(['120ms', '7m12s', '1h', 'never']),
  },
  { requiredKeys: [] },
);

/** What an answer is made of, before it becomes bytes. */
export type AnswerSpec = {
  readonly statusLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly framing: 'length' | 'wrong-length' | 'chunked' | 'bad-chunked' | 'close';
  readonly encoding: 'none' | 'gzip' | 'gzip-unencoded' | 'br' | 'deflate' | 'hostile';
  readonly pieces: readonly number[];
  readonly pausesMs: readonly number[];
  readonly end?: { readonly fraction: number; readonly how: 'close' | 'reset' | 'stall' };
};

const status = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(200, 200, 200, 101, 400, 401, 403, 404, 429, 500, 502, 503) },
  { weight: 2, arbitrary: fc.integer({ min: 100, max: 599 }) },
);
const statusLine = fc.oneof(
  { weight: 12, arbitrary: status.map((code) => `HTTP/1.1 ${code} Whatever`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('HTTP/1.1 2OO OK', 'ICY 200 OK', 'HTTP/1.0 200', 'HTTP/1.1 999 Odd', ''),
  },
);

/** A whole answer: generated. `stall` makes the client wait for its time limit: kept rare. */
export const answerSpec: fc.Arbitrary<AnswerSpec> = fc.record(
  {
    statusLine,
    headers,
    body,
    framing: fc.constantFrom('length', 'length', 'length', 'wrong-length', 'chunked', 'bad-chunked', 'close'),
    encoding: fc.constantFrom('none', 'none', 'none', 'gzip', 'gzip-unencoded', 'br', 'deflate', 'hostile'),
    pieces: fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 6 }),
    pausesMs: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 6 }),
    end: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      {
        weight: 3,
        arbitrary: fc.record({
          fraction: fc.double({ min: 0, max: 1, noNaN: true }),
          how: fc.constantFrom('close' as const, 'reset' as const),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          fraction: fc.double({ min: 0, max: 1, noNaN: true }),
          how: fc.constant('stall' as const),
        }),
      },
    ),
  },
  { requiredKeys: ['statusLine', 'headers', 'body', 'framing', 'encoding', 'pieces', 'pausesMs'] },
);

/** The models list, answered plainly: most runs get past GET /models to the chat call. */
export const modelsOk: AnswerSpec = {
  statusLine: 'HTTP/1.1 200 OK',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(fixture('models_list').body),
  framing: 'length',
  encoding: 'none',
  pieces: [],
  pausesMs: [],
};

/** Turns a spec into the bytes the server sends. */
export function toWire(spec: AnswerSpec): WireAnswer {
  let payload = Buffer.from(spec.body, 'utf8');
  const headers: Array<[string, string]> = Object.entries(spec.headers).map(([name, value]) => [
    name,
    // A line break inside a value would start a header of its own: hostile enough, and kept.
    value,
  ]);
  const encodings = {
    none: undefined,
    gzip: ['gzip', gzipSync],
    'gzip-unencoded': ['gzip', undefined],
    br: ['br', brotliCompressSync],
    deflate: ['deflate', deflateSync],
    hostile: ['gzip\u001b[2J', undefined],
  } as const;
  const encoding = encodings[spec.encoding];
  if (encoding) {
    headers.push(['content-encoding', encoding[0]]);
    if (encoding[1]) payload = Buffer.from(encoding[1](payload));
  }
  let framed = payload;
  if (spec.framing === 'length') headers.push(['content-length', String(payload.length)]);
  if (spec.framing === 'wrong-length') headers.push(['content-length', String(payload.length + 7)]);
  if (spec.framing === 'chunked' || spec.framing === 'bad-chunked') {
    headers.push(['transfer-encoding', 'chunked']);
    const parts: Buffer[] = [];
    for (let i = 0; i < payload.length; i += 97) {
      const part = payload.subarray(i, i + 97);
      // bad-chunked declares more than each chunk holds.
      const declared = spec.framing === 'chunked' ? part.length : part.length + 3;
      parts.push(Buffer.from(`${declared.toString(16)}\r\n`), part, Buffer.from('\r\n'));
    }
    parts.push(Buffer.from('0\r\n\r\n'));
    framed = Buffer.concat(parts);
  }
  if (spec.framing === 'close') headers.push(['connection', 'close']);
  const head = `${[spec.statusLine, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n')}\r\n\r\n`;
  const bytes = Buffer.concat([Buffer.from(head, 'utf8'), framed]);
  return {
    bytes,
    pieces: spec.pieces,
    pausesMs: spec.pausesMs,
    closeAfter: spec.framing === 'close',
    ...(spec.end ? { end: { at: Math.floor(spec.end.fraction * bytes.length), how: spec.end.how } } : {}),
  };
}

/** Every file under a folder, as text. */
export function filesUnder(dir: string): string {
  let out = '';
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out += statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path, 'utf8');
  }
  return out;
}
