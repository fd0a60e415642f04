/**
 * How a platform label (`Label` in the locale files) stands out from its sentence. With colour, the
 * theme's label colour and weight mark it; without colour (NO_COLOR, FORCE_COLOR=0, not a terminal) it is
 * set in straight double quotes: they read the same in English and Korean ("Log in"을 누릅니다), exist in
 * ASCII, and are one column wide in every terminal, unlike 「」 or curly quotes. Pure.
 */

/** The mark on each side of a label drawn without colour. */
export const LABEL_QUOTE = '"';

/** A label as drawn without colour. */
export function quoteLabel(label: string): string {
  return `${LABEL_QUOTE}${label}${LABEL_QUOTE}`;
}

/** A sentence as the reader sees it: backticked labels bare (colour marks them) or quoted. For measuring. */
export function labelsAsDrawn(text: string, color: boolean): string {
  return text.replace(/`([^`]*)`/g, (_, label: string) => (color ? label : quoteLabel(label)));
}

/** The lines of a picture's frame, Unicode and ASCII: a cell ends at one. */
const FRAME = /[│┃║|]/;

/** Removes two spaces from the longest run of at least `run` spaces (the first of equals). */
function takeTwoSpaces(text: string, run: number): string | undefined {
  let best: RegExpExecArray | undefined;
  for (const gap of text.matchAll(new RegExp(` {${run},}`, 'g'))) {
    if (!best || gap[0].length > best[0].length) best = gap;
  }
  return best === undefined ? undefined : text.slice(0, best.index) + text.slice(best.index + 2);
}

/**
 * A picture's line with its marked label quoted, the line as wide as before: the two quotes take the
 * place of two spaces, from the widest gap after the label, else before it, so the picture's frame stays put.
 * Returns the parts before and after the quoted label; unchanged when the line has no room.
 */
export function quoteInPicture(
  line: string,
  at: number,
  label: string,
): { readonly before: string; readonly label: string; readonly after: string } {
  const before = line.slice(0, at);
  const after = line.slice(at + label.length);
  const quoted = quoteLabel(label);
  // Only the label's own cell gives up its spaces: a gap beyond the next frame line would move that line.
  const cellEnd = after.search(FRAME);
  const ownAfter = cellEnd < 0 ? after : after.slice(0, cellEnd);
  const restAfter = cellEnd < 0 ? '' : after.slice(cellEnd);
  const cellStart = Math.max(
    ...[...before.matchAll(new RegExp(FRAME, 'g'))].map((m) => (m.index ?? -1) + 1),
    0,
  );
  const restBefore = before.slice(0, cellStart);
  const ownBefore = before.slice(cellStart);
  for (const run of [3, 2]) {
    const shorterAfter = takeTwoSpaces(ownAfter, run);
    if (shorterAfter !== undefined) return { before, label: quoted, after: shorterAfter + restAfter };
    const shorterBefore = takeTwoSpaces(ownBefore, run);
    if (shorterBefore !== undefined) return { before: restBefore + shorterBefore, label: quoted, after };
  }
  return { before, label, after };
}
