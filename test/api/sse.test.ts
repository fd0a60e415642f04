import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSseParser } from '../../src/api/sse.js';

// A stream as the API sends it, with the things that make splitting hard: CRLF, a comment, a multi-line
// event, Korean and an emoji (multi-byte UTF-8), an event field, and the final [DONE].
const SAMPLE = [
  ': keep-alive\r\n',
  'data: {"choices":[{"delta":{"content":"재귀는"}}]}\r\n\r\n',
  'event: message\n',
  'data: {"choices":[{"delta":{"content":" 🙂 itself"}}]}\n\n',
  'data: line one\ndata: line two\n\n',
  'data:no-space\r\r',
  'data: [DONE]\n\n',
].join('');
const EXPECTED = [
  '{"choices":[{"delta":{"content":"재귀는"}}]}',
  '{"choices":[{"delta":{"content":" 🙂 itself"}}]}',
  'line one\nline two',
  'no-space',
  '[DONE]',
];
const BYTES = Buffer.from(SAMPLE, 'utf8');

/** Feeds the stream in the given pieces (cut at these byte offsets) and collects every event. */
function parseIn(cuts: readonly number[]): string[] {
  const parser = createSseParser();
  const out: string[] = [];
  let from = 0;
  for (const cut of [...cuts, BYTES.length]) {
    out.push(...parser.push(BYTES.subarray(from, cut)));
    from = cut;
  }
  out.push(...parser.end());
  return out;
}

describe('the SSE parser', () => {
  it('reads the sample in one piece', () => {
    expect(parseIn([])).toEqual(EXPECTED);
  });

  it('gives the same events however the bytes are split in two', () => {
    for (let cut = 0; cut <= BYTES.length; cut++) expect(parseIn([cut]), `cut at ${cut}`).toEqual(EXPECTED);
  });

  it('gives the same events byte by byte', () => {
    expect(parseIn(Array.from({ length: BYTES.length }, (_, i) => i))).toEqual(EXPECTED);
  });

  it('gives the same events for any split into many pieces', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: BYTES.length }), { maxLength: 30 }), (cuts) => {
        expect(parseIn([...cuts].sort((a, b) => a - b))).toEqual(EXPECTED);
      }),
      { seed: 9, numRuns: 500 },
    );
  });

  it('keeps an event left without its blank line when the stream ends', () => {
    const parser = createSseParser();
    expect(parser.push('data: [DONE]')).toEqual([]);
    expect(parser.end()).toEqual(['[DONE]']);
  });

  it('ignores fields other than data, and events with no data', () => {
    const parser = createSseParser();
    expect(parser.push('id: 1\nretry: 10\nevent: ping\n\ndata\n\n')).toEqual(['']);
  });
});
