import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKeySplitter, forInk, type KeyPiece, PASTE_END, PASTE_START } from '../../src/system/keys.js';

const ESC = '\u001b';
const text = (value: string): KeyPiece => ({ kind: 'text', text: value });
const key = (sequence: string): KeyPiece => ({ kind: 'key', sequence });
const paste = (value: string): KeyPiece => ({ kind: 'paste', text: value });

/** Splits a whole stream read in these chunks, then lets the input go quiet. */
function splitChunks(chunks: readonly string[]): KeyPiece[] {
  const splitter = createKeySplitter();
  const out = chunks.flatMap((chunk) => splitter.push(chunk));
  return [...out, ...splitter.flush()];
}

/**
 * Runs of text cut by a read boundary come out as two runs; as typed, they are the same characters. Join
 * neighbouring runs so that what is compared is the keys.
 */
function joined(pieces: readonly KeyPiece[]): KeyPiece[] {
  const out: KeyPiece[] = [];
  for (const piece of pieces) {
    const last = out.at(-1);
    if (piece.kind === 'text' && last?.kind === 'text') out[out.length - 1] = text(last.text + piece.text);
    else out.push(piece);
  }
  return out;
}

describe('splitting terminal input into keys', () => {
  it.each<[string, string, KeyPiece[]]>([
    [
      'Backspace Backspace 2 5 Enter',
      '\u007f\u007f25\r',
      [key('\u007f'), key('\u007f'), text('25'), key('\r')],
    ],
    ['Enter Enter', '\r\r', [key('\r'), key('\r')]],
    ['↓ Enter', '\u001b[B\r', [key('\u001b[B'), key('\r')]],
    ['a key pasted without brackets, with its newline', 'sk-proj-FAKE\n', [text('sk-proj-FAKE'), key('\n')]],
    ['CR LF is one Enter', 'ab\r\ncd\r\n', [text('ab'), key('\r'), text('cd'), key('\r')]],
    ['LF LF is two Enters', '\n\n', [key('\n'), key('\n')]],
    ['Tab, Ctrl+U, Ctrl+C', '\t\u0015\u0003', [key('\t'), key('\u0015'), key('\u0003')]],
    [
      'Home, End, Delete, PgUp, PgDn',
      '\u001b[H\u001b[F\u001b[3~\u001b[5~\u001b[6~',
      [key('\u001b[H'), key('\u001b[F'), key('\u001b[3~'), key('\u001b[5~'), key('\u001b[6~')],
    ],
    ['F1 (SS3) and F5', '\u001bOP\u001b[15~', [key('\u001bOP'), key('\u001b[15~')]],
    ['modified arrows', '\u001b[1;5C\u001b[1;2A', [key('\u001b[1;5C'), key('\u001b[1;2A')]],
    ['legacy function keys', '\u001b[[A\u001b[[5~', [key('\u001b[[A'), key('\u001b[[5~')]],
    ['Alt+x and Alt+Backspace', '\u001bx\u001b\u007f', [key('\u001bx'), key('\u001b\u007f')]],
    ['Esc Esc', '\u001b\u001b', [key(ESC), key(ESC)]],
    ['Esc then ↑', '\u001b\u001b[A', [key(ESC), key('\u001b[A')]],
    ['a lone Esc at the end, once the input is quiet', '\u001b', [key(ESC)]],
    ['Korean text then Enter', '한국어\r', [text('한국어'), key('\r')]],
    [
      'a bracketed paste with a newline in it, then Enter',
      `${PASTE_START}sk-proj-FAKE\n${PASTE_END}\r`,
      [paste('sk-proj-FAKE\n'), key('\r')],
    ],
    ['an empty bracketed paste', `${PASTE_START}${PASTE_END}`, [paste('')]],
    ['a broken CSI is dropped, the rest kept', '\u001b[\u0001x', [key('\u0001'), text('x')]],
    ['a stray paste end is dropped', `a${PASTE_END}b`, [text('a'), text('b')]],
  ])('%s', (_name, input, expected) => {
    expect(splitChunks([input])).toEqual(expected);
  });

  it('holds an escape sequence cut between two reads until the next read', () => {
    const splitter = createKeySplitter();
    expect(splitter.push('x\u001b[')).toEqual([text('x')]);
    expect(splitter.waiting()).toBe('escape');
    expect(splitter.push('B\r')).toEqual([key('\u001b[B'), key('\r')]);
    expect(splitter.waiting()).toBeUndefined();
  });

  it('holds a lone ESC at the end of a read, and lets it be Esc when the input goes quiet', () => {
    const splitter = createKeySplitter();
    expect(splitter.push('\u001b')).toEqual([]);
    expect(splitter.waiting()).toBe('escape');
    expect(splitter.flush()).toEqual([key(ESC)]);
    expect(splitter.waiting()).toBeUndefined();
  });

  it('drops an escape sequence that never finished once the input goes quiet', () => {
    const splitter = createKeySplitter();
    expect(splitter.push('\u001b[1;')).toEqual([]);
    expect(splitter.flush()).toEqual([]);
    expect(splitter.push('5')).toEqual([text('5')]);
  });

  it('keeps a paste open across reads, its end marker cut in two', () => {
    const splitter = createKeySplitter();
    expect(splitter.push(`${PASTE_START}sk-proj`)).toEqual([]);
    expect(splitter.waiting()).toBe('paste');
    expect(splitter.push('-FAKE\r\u001b[20')).toEqual([]);
    expect(splitter.push('1~\r')).toEqual([paste('sk-proj-FAKE\r'), key('\r')]);
  });

  it('gives out an open paste when the input goes quiet, then reads keys again', () => {
    const splitter = createKeySplitter();
    splitter.push(`${PASTE_START}abc`);
    expect(splitter.flush()).toEqual([paste('abc')]);
    expect(splitter.push('\r')).toEqual([key('\r')]);
  });

  it('seventy Backspaces are seventy keys', () => {
    expect(splitChunks(['\u007f'.repeat(70)])).toEqual(Array.from({ length: 70 }, () => key('\u007f')));
  });
});

/** Keys as terminals send them; a lone Esc only where nothing can join it (see the splitter's rules). */
const KEY_SEQUENCES = [
  '\r',
  '\n',
  '\t',
  '\u007f',
  '\b',
  '\u0003',
  '\u0015',
  '\u001b[A',
  '\u001b[B',
  '\u001b[C',
  '\u001b[D',
  '\u001b[H',
  '\u001b[F',
  '\u001b[1~',
  '\u001b[4~',
  '\u001b[3~',
  '\u001b[5~',
  '\u001b[6~',
  '\u001b[1;5C',
  '\u001bOP',
  '\u001bOA',
  '\u001b[15~',
  '\u001b[24~',
  '\u001bq',
  '\u001b\u007f',
];

const pieceArb: fc.Arbitrary<{ stream: string; piece: KeyPiece }> = fc.oneof(
  fc.constantFrom(...KEY_SEQUENCES).map((sequence) => ({ stream: sequence, piece: key(sequence) })),
  fc
    .string({ unit: fc.constantFrom('a', 'Z', '2', '5', ' ', '$', '-', '한', '글', '😀', '?'), minLength: 1 })
    .map((value) => ({ stream: value, piece: text(value) })),
  fc
    .string({ unit: fc.constantFrom('s', 'k', '-', '\n', '\r', '한', ' '), maxLength: 12 })
    .map((value) => ({ stream: `${PASTE_START}${value}${PASTE_END}`, piece: paste(value) })),
);

/** A list of keys whose stream splits back into exactly those keys. */
const keysArb = fc
  .array(pieceArb, { maxLength: 24 })
  // CR LF is one Enter by design; Esc is followed here by a second Esc or nothing (anything else makes Alt+key).
  .map((pieces) =>
    pieces.reduce<typeof pieces>((kept, p) => {
      const before = kept.at(-1)?.piece;
      const isLf = p.piece.kind === 'key' && p.piece.sequence === '\n';
      if (!(isLf && before?.kind === 'key' && before.sequence === '\r')) kept.push(p);
      return kept;
    }, []),
  )
  .chain((pieces) =>
    fc.boolean().map((lone) => (lone ? [...pieces, { stream: ESC, piece: key(ESC) }] : pieces)),
  );

/** The stream cut into pieces at the given code-point offsets (a UTF-8 decoder never cuts a code point). */
function cutAt(stream: string, cuts: readonly number[]): string[] {
  const points = [...stream];
  const at = [...new Set(cuts.map((cut) => cut % (points.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const cut of at) {
    chunks.push(points.slice(from, cut).join(''));
    from = cut;
  }
  chunks.push(points.slice(from).join(''));
  return chunks;
}

describe('splitting does not depend on where the reads are cut', () => {
  const SEED = 20261;

  it('a stream of keys splits back into exactly those keys', () => {
    fc.assert(
      fc.property(keysArb, (pieces) => {
        const stream = pieces.map((p) => p.stream).join('');
        expect(joined(splitChunks([stream]))).toEqual(joined(pieces.map((p) => p.piece)));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('the same stream cut at every single point gives the same keys', () => {
    fc.assert(
      fc.property(keysArb, (pieces) => {
        const stream = pieces.map((p) => p.stream).join('');
        const whole = joined(splitChunks([stream]));
        for (let cut = 0; cut <= [...stream].length; cut++) {
          expect(joined(splitChunks(cutAt(stream, [cut])))).toEqual(whole);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the same stream cut into random pieces gives the same keys', () => {
    fc.assert(
      fc.property(keysArb, fc.array(fc.nat(), { maxLength: 40 }), (pieces, cuts) => {
        const stream = pieces.map((p) => p.stream).join('');
        expect(joined(splitChunks(cutAt(stream, cuts)))).toEqual(joined(splitChunks([stream])));
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });

  it('every key goes to Ink as one read it cannot split or join (no bare ESC at the end)', () => {
    fc.assert(
      fc.property(keysArb, (pieces) => {
        const stream = pieces.map((p) => p.stream).join('');
        for (const piece of splitChunks([stream])) {
          const read = forInk(piece);
          if (read === undefined) continue;
          expect(read.endsWith(ESC)).toBe(false);
          if (piece.kind !== 'key') expect(read).not.toContain(ESC);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('a key event as Ink reads it', () => {
  it.each<[string, KeyPiece, string | undefined]>([
    ['a lone Esc as the kitty protocol writes it', key(ESC), '\u001b[27u'],
    ['LF as Enter', key('\n'), '\r'],
    ['an arrow as it came', key('\u001b[B'), '\u001b[B'],
    ['text as it came', text('25'), '25'],
    ['a paste with its newline (the field keeps one line)', paste('sk-proj-FAKE\n'), 'sk-proj-FAKE\n'],
    ['a paste loses any ESC', paste('a\u001b[31mb'), 'a[31mb'],
    ['a pasted lone newline is nothing, not Enter', paste('\r'), undefined],
    ['an empty paste is nothing', paste(''), undefined],
    ['Ctrl+F1, which Ink 6.8 would throw on, is nothing', key('\u001b[1;5P'), undefined],
    ['Ctrl+F5 is nothing', key('\u001b[15;5~'), undefined],
    ['a Ctrl sequence nobody sends is nothing', key('\u001b[5w'), undefined],
    ['Ctrl+Up as it came', key('\u001b[1;5A'), '\u001b[1;5A'],
    ['Ctrl+PgDn as it came', key('\u001b[6;5~'), '\u001b[6;5~'],
    ['Shift+F1 as it came (Ink names it)', key('\u001b[1;2P'), '\u001b[1;2P'],
  ])('%s', (_name, piece, expected) => {
    expect(forInk(piece)).toBe(expected);
  });
});
