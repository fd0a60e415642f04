import { eastAsianWidth } from 'get-east-asian-width';

/**
 * Terminal width and word wrapping for our own text, without string-width: its emoji tables cost about
 * 90 ms to load and several ms per long sentence, which the first frame and every keypress would pay.
 * The guide's sentences hold no emoji, so East Asian wide ranges are all that differ from one column.
 * `wrapText` follows wrap-ansi's rules as Ink calls it (hard: true, trim: false); test/first-frame.test.tsx
 * proves the result equal to Ink's output.
 */

/** Columns one code point takes: East Asian Width (2 for wide and full-width forms), 0 for joiners and marks. */
export function charWidth(code: number): number {
  if (code === 0x200b || code === 0x200c || code === 0x200d || (code >= 0x300 && code <= 0x36f)) return 0;
  return code >= 0x20 && code <= 0x7e ? 1 : eastAsianWidth(code);
}

/** Columns a plain string (no escape codes) takes. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** Breaks a word longer than the line at character boundaries (wrap-ansi's wrapWord). */
function wrapWord(rows: string[], word: string, columns: number): void {
  let visible = textWidth(rows.at(-1) ?? '');
  for (const char of word) {
    const width = charWidth(char.codePointAt(0) ?? 0);
    if (visible + width > columns && visible > 0) {
      rows.push('');
      visible = 0;
    }
    rows[rows.length - 1] += char;
    visible += width;
  }
}

/** Wraps plain text to `columns` as Ink does (wrap-ansi, hard, no trimming); one string per line. */
export function wrapText(text: string, columns: number): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, columns));
}

function wrapParagraph(text: string, columns: number): string[] {
  const words = text.split(' ');
  const rows = [''];
  for (const [index, word] of words.entries()) {
    let rowLength = textWidth(rows.at(-1) ?? '');
    const length = textWidth(word);
    if (index !== 0) {
      if (rowLength >= columns) {
        rows.push('');
        rowLength = 0;
      }
      rows[rows.length - 1] += ' ';
      rowLength += 1;
    }
    if (length > columns) {
      const remaining = columns - rowLength;
      const breaksThisLine = 1 + Math.floor((length - remaining - 1) / columns);
      const breaksNextLine = Math.floor((length - 1) / columns);
      if (breaksNextLine < breaksThisLine) rows.push('');
      wrapWord(rows, word, columns);
      continue;
    }
    if (rowLength + length > columns && rowLength > 0 && length > 0) rows.push('');
    rows[rows.length - 1] += word;
  }
  return rows;
}
