import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathKey, positionAt, scanJson } from '../../src/team/json-scan.js';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Small edits that break JSON in the ways people do: a character removed, added or replaced. */
const mutated = fc
  .tuple(
    fc.json(),
    fc.nat(),
    fc.constantFrom(
      '',
      ',',
      '}',
      ']',
      '"',
      ':',
      ' ',
      '\n',
      'x',
      '0',
      '-',
      '.',
      'e',
      '\\',
      '\u0001',
      't',
      '{',
      '[',
    ),
    fc.boolean(),
  )
  .map(([json, at, char, replace]) => {
    const i = json.length === 0 ? 0 : at % (json.length + 1);
    return json.slice(0, i) + char + json.slice(replace ? i + 1 : i);
  });

describe('scanJson', () => {
  it('accepts exactly what JSON.parse accepts, for any text near JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), mutated, fc.string()), (text) => {
        expect(scanJson(text).ok).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts every JSON number form and refuses the near misses', () => {
    for (const ok of ['0', '-0', '1.5', '1e5', '1E+5', '-1.25e-3', '123456789012345678901234567890']) {
      expect(scanJson(ok).ok, ok).toBe(true);
    }
    for (const bad of ['01', '+1', '.5', '1.', '1e', '-', 'NaN', 'Infinity', '0x10']) {
      expect(scanJson(bad).ok, bad).toBe(false);
    }
  });

  it('checks escapes inside strings', () => {
    expect(scanJson('"\\u00e9\\n\\/"').ok).toBe(true);
    expect(scanJson('"\\x41"')).toEqual({ ok: false, position: { line: 1, column: 3 }, found: 'x' });
    expect(scanJson('"\\u12G4"')).toEqual({ ok: false, position: { line: 1, column: 6 }, found: 'G' });
  });

  it('finds keys given twice, at any depth, with the line of the repeat', () => {
    const text = '{\n "a": 1,\n "b": {"c": 1,\n   "c": 2},\n "a": 3\n}';
    const scan = scanJson(text);
    expect(scan.ok && scan.duplicates).toEqual([
      { path: ['b', 'c'], line: 4 },
      { path: ['a'], line: 5 },
    ]);
  });

  it('knows the line of each member and item', () => {
    const scan = scanJson('{\n  "steps": [\n    {"id": "a"},\n\n    {"id": "b"}\n  ]\n}');
    expect(scan.ok).toBe(true);
    if (!scan.ok) return;
    expect(scan.lines.get(pathKey(['steps']))).toBe(2);
    expect(scan.lines.get(pathKey(['steps', 0]))).toBe(3);
    expect(scan.lines.get(pathKey(['steps', 1, 'id']))).toBe(5);
  });

  it('scans a deeply nested text without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(scanJson(deep).ok).toBe(true);
    expect(scanJson(deep.slice(0, -1)).ok).toBe(false);
  });
});

describe('positionAt', () => {
  it('counts lines as editors do and columns in characters', () => {
    expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
    expect(positionAt('ab\rcd', 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt('😀x', 2)).toEqual({ line: 1, column: 2 });
  });
});
