import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, hasUnsafeCharacters } from '../../src/text/sanitize.js';

/** What must never reach the terminal from outside text. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\u2028\u2029]/u;

describe('cleanText', () => {
  it.each([
    ['colour', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['a window title (OSC 0)', 'a\u001b]0;pwned\u0007b', 'ab'],
    ['a clipboard write (OSC 52)', 'a\u001b]52;c;ZXZpbA==\u001b\\b', 'ab'],
    ['an OSC 8 link', '\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007', 'click'],
    ['a DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['8-bit CSI and OSC', 'a\u009b2Jb\u009d0;t\u009cc', 'abc'],
    ['a right-to-left override', 'gpt\u202Eini-4o', 'gptini-4o'],
    ['zero-width characters and a BOM', '\uFEFForg\u200B-\u200Dabc\u2060', 'org-abc'],
    ['bidirectional isolates', 'a\u2066b\u2069c', 'abc'],
    ['a lone escape at the end', 'abc\u001b', 'abc'],
  ])('removes %s', (_name, input, output) => {
    expect(cleanText(input)).toBe(output);
  });

  it('turns line breaks into spaces on one line, and keeps them where asked', () => {
    expect(cleanText('a\r\nb\rc\u2028d')).toBe('a b c d');
    expect(cleanText('a\r\nb\rc', { multiline: true })).toBe('a\nb\nc');
    expect(cleanText('a\tb')).toBe('a  b');
  });

  it('keeps Korean, emoji and ordinary punctuation', () => {
    expect(cleanText('재귀 함수 — “base case” 🙂')).toBe('재귀 함수 — “base case” 🙂');
  });

  it('caps the length in characters and marks the cut', () => {
    expect(cleanText('abcdef', { maxLength: 4 })).toBe('abc…');
    expect(cleanText('가나다라', { maxLength: 4 })).toBe('가나다라');
  });

  it('leaves nothing unsafe, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, multiline) => {
        const out = cleanText(text, { multiline });
        expect(out).not.toMatch(UNSAFE);
        expect(out.includes('\n')).toBe(multiline && out.includes('\n'));
        expect(hasUnsafeCharacters(out)).toBe(false);
      }),
      { seed: 20261129, numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 120 }), (text) => {
        const once = cleanText(text, { multiline: true });
        expect(cleanText(once, { multiline: true })).toBe(once);
      }),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('hasUnsafeCharacters', () => {
  it('tells clean text from text that needs cleaning', () => {
    expect(hasUnsafeCharacters('Acme Corp')).toBe(false);
    expect(hasUnsafeCharacters('Acme\u001b[2J')).toBe(true);
    expect(hasUnsafeCharacters('Acme\u202E')).toBe(true);
  });
});
