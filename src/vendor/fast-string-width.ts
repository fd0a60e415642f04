/**
 * string-width with a fast path, put in its place in the bundle (scripts/esbuild-options.mjs) for Ink,
 * wrap-ansi and cli-truncate. string-width segments every string into graphemes and tests emoji
 * regexes; on each keypress Ink measured our screens' text for about 40 ms. Text made only of
 * code points whose width cannot depend on their neighbours (no marks, joiners, variation selectors,
 * jamo, emoji or controls) gets the same answer from East Asian Width alone; anything else goes to
 * string-width itself. test/vendor/fast-string-width.test.ts proves the two agree.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

/** The options string-width takes. */
type Options = { readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean };

/** Whether a code point's width is its East Asian Width, whatever stands around it. */
function isSimple(code: number): boolean {
  if (code >= 0x20 && code <= 0x7e) return true;
  if (code >= 0xa0 && code <= 0x2ff) return code !== 0xad;
  if (code >= 0x2010 && code <= 0x2027) return true;
  if (code >= 0x2030 && code <= 0x205e) return true;
  if (code >= 0x2190 && code <= 0x21ff) return true;
  if (code >= 0x2500 && code <= 0x25ff) return true;
  // 0x302a–0x302f are combining tone marks.
  if (code >= 0x3000 && code <= 0x303f) return code < 0x302a || code > 0x302f;
  if (code >= 0x3131 && code <= 0x318e) return true;
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code >= 0xac00 && code <= 0xd7a3) return true;
  if (code >= 0xff01 && code <= 0xff60) return true;
  return false;
}

/** The columns a string takes in a terminal, as string-width computes them. */
export default function fastStringWidth(text: string, options: Options = {}): number {
  if (typeof text !== 'string' || text.length === 0) return 0;
  const plain = options.countAnsiEscapeCodes
    ? text
    : text.includes('\u001b') || text.includes('\u009b')
      ? stripAnsi(text)
      : text;
  const ambiguousAsWide = options.ambiguousIsNarrow === false;
  let width = 0;
  for (let index = 0; index < plain.length; index++) {
    const code = plain.charCodeAt(index);
    if (!isSimple(code)) return stringWidth(text, options);
    width += code <= 0x7e ? 1 : eastAsianWidth(code, { ambiguousAsWide });
  }
  return width;
}
