/** Generated keyboard input for the property tests: what a terminal can send, several keys to a read. */
import fc from 'fast-check';
import { PASTE_END, PASTE_START } from '../../src/system/keys.js';
import { SENTINEL } from './answers.js';

/** One piece of input: a key, a sequence, a paste (finished or not), or what no keyboard sends. */
export const keyPiece = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.constantFrom(
      '\r',
      '\n',
      '\r\n',
      '\u001b',
      '\u001b[A',
      '\u001b[B',
      '\u001b[C',
      '\u001b[D',
      '\u001b[5~',
      '\u001b[6~',
      '\u001bOA',
      '\u001b[1;5A',
      '\u001b[1;5P',
      '\u001b[15;5~',
      '\u001b[6;5~',
      '\u001b[13;5u',
      '\u007f',
      '\b',
      '\t',
      '\u0015',
      'l',
      's',
      'o',
      'c',
      '?',
      'r',
      'w',
      'y',
      'n',
      '1',
      '5',
      '9',
      '0',
      '.',
      ',',
      ' ',
      'a',
      '가',
      '🙂',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      SENTINEL,
      `${PASTE_START}${SENTINEL}${PASTE_END}`,
      `${PASTE_START}${SENTINEL}\n${PASTE_END}`,
      `${PASTE_START}25\n${PASTE_END}`,
      PASTE_START,
      `${SENTINEL.slice(0, 20)}`,
      '\u001b]52;c;ZXZpbA==\u0007',
      '\u001b]0;pwned\u0007',
      '\u001b[2J',
      '\u001b[',
      '\u001bO',
      '\u009b31m',
      '\u0000',
      '\u202e',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom('q', '\u0003') },
);

/** Reads: each holds one or more pieces, as a terminal delivers keys typed fast or pasted. */
export const keyReads = fc.array(
  fc.array(keyPiece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join('')),
  { minLength: 1, maxLength: 12 },
);
