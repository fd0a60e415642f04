/**
 * What fits on a screen, decided before drawing: key hints laid out without splitting a key from its words,
 * URLs broken only after a `/`, commands drawn only where every line fits, and which blocks of a screen give
 * way when the terminal is short (the picture first, then the longer explanation, which moves behind Tab).
 * Pure: the screens and the static first frame use the same rules, and tests check them at every size.
 */
import { asciiFold } from '../content/content.js';
import { textWidth, wrapText } from './text-width.js';

/** A key and what it does here, e.g. ['Enter', 'next']. */
export type Hint = readonly [key: string, action: string];

/** The separator between two hints on one line. */
export function hintSeparator(ascii: boolean): string {
  return ascii ? ' - ' : ' · ';
}

/**
 * The hints in lines of at most `width` columns: a line breaks only between two hints, never between a key
 * and its words (a hint wider than the whole line is the one exception, and wraps on its own line).
 */
export function layoutHints(hints: readonly Hint[], width: number, ascii: boolean): Hint[][] {
  const sep = textWidth(hintSeparator(ascii));
  const lines: Hint[][] = [];
  let line: Hint[] = [];
  let used = 0;
  for (const hint of hints) {
    const [key, action] = ascii ? [asciiFold(hint[0]), asciiFold(hint[1])] : hint;
    const size = textWidth(`${key} ${action}`);
    if (line.length > 0 && used + sep + size > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? sep : 0) + size;
    line.push(hint);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** Lines the hints take at `width`. */
export function hintLines(hints: readonly Hint[], width: number, ascii: boolean): number {
  return layoutHints(hints, width, ascii).reduce((sum, line) => {
    const text = line.map(([key, action]) => `${key} ${action}`).join(hintSeparator(ascii));
    return sum + Math.max(1, wrapText(ascii ? asciiFold(text) : text, width).length);
  }, 0);
}

/**
 * A URL in lines of at most `width` columns, broken after a `/` so that each piece is whole; a piece between
 * two slashes wider than the line is cut where the line ends. Never nothing: a link's real target is always
 * shown (a team file's page could otherwise hide where it leads behind one long piece). Undefined only for a
 * width that holds no character.
 */
export function breakUrl(url: string, width: number): string[] | undefined {
  if (textWidth(url) <= width) return [url];
  if (width < 2) return undefined;
  // A piece wider than the line is cut into characters (a URL is ASCII once the parser has written it).
  const pieces = (url.match(/[^/]*\/+|[^/]+$/g) ?? [url]).flatMap((piece) =>
    textWidth(piece) <= width ? [piece] : pack([...piece], width),
  );
  return pack(pieces, width);
}

/** Pieces joined into lines of at most `width` columns, each line taking as many as fit, in order. */
function pack(pieces: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (textWidth(line + piece) > width) {
      lines.push(line);
      line = '';
    }
    line += piece;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The first of the given layouts of one command whose every line fits `width`, or undefined when none does
 * (a token wider than the screen): then the screen does not draw it and says that `c` copies it.
 */
export function fitCommand(layouts: readonly string[], width: number): string | undefined {
  return layouts.find((command) => command.split('\n').every((line) => textWidth(line) <= width));
}

/** One part of a screen, for deciding what fits. */
export type LayoutBlock = {
  readonly id: string;
  /**
   * `must` never gives way (the step, its labels, a field and its error, the link, the hints); `more` moves
   * behind Tab when the screen is short; `picture` gives way first.
   */
  readonly role: 'must' | 'more' | 'picture';
  /** Rows it takes at the current width, without its margin. */
  readonly lines: number;
  /** A blank row above it; blank rows collapse when even the `must` blocks do not fit otherwise. */
  readonly margin: boolean;
  /**
   * Among `more` blocks, which stay first when only some fit: higher first (a screen's own live facts, 1,
   * before the step's general explanation, 0), then in order.
   */
  readonly keep?: number;
};

/** What shows: the ids drawn, whether blank rows collapsed, and whether anything waits behind Tab. */
export type Fit = {
  readonly shown: ReadonlySet<string>;
  readonly collapsed: boolean;
  readonly hiddenMore: boolean;
  /** Rows the screen takes as drawn. */
  readonly height: number;
};

function height(blocks: readonly LayoutBlock[], collapsed: boolean): number {
  return blocks.reduce((sum, block) => sum + block.lines + (block.margin && !collapsed ? 1 : 0), 0);
}

/**
 * Decides what fits in `rows` rows, one row spare (a frame as tall as the terminal makes Ink clear the
 * screen on every redraw). `withMoreHint` gives the blocks again with the hint line that names Tab, whose
 * height may differ: asked only when something must move behind Tab.
 */
export function fitBlocks(
  blocks: readonly LayoutBlock[],
  rows: number,
  withMoreHint: () => readonly LayoutBlock[] = () => blocks,
): Fit {
  const room = rows - 1;
  const make = (list: readonly LayoutBlock[], collapsed: boolean, hiddenMore: boolean): Fit => ({
    shown: new Set(list.map((block) => block.id)),
    collapsed,
    hiddenMore,
    height: height(list, collapsed),
  });
  if (height(blocks, false) <= room) return make(blocks, false, false);
  const noPicture = blocks.filter((block) => block.role !== 'picture');
  if (height(noPicture, false) <= room) return make(noPicture, false, false);
  const hasMore = noPicture.some((block) => block.role === 'more');
  const candidates = hasMore ? withMoreHint().filter((block) => block.role !== 'picture') : noPicture;
  const essential = candidates.filter((block) => block.role === 'must');
  if (height(essential, false) > room) return make(essential, true, hasMore);
  // As many `more` blocks as still fit, the ones to keep first; the rest wait behind Tab.
  const kept = new Set<string>();
  let used = height(essential, false);
  const ranked = candidates
    .map((block, order) => ({ block, order }))
    .filter(({ block }) => block.role === 'more')
    .sort((a, b) => (b.block.keep ?? 0) - (a.block.keep ?? 0) || a.order - b.order);
  // In order, up to the first that does not fit: a later block without the one before it (an address
  // without its sentence) would read as a fragment.
  for (const { block } of ranked) {
    const size = block.lines + (block.margin ? 1 : 0);
    if (used + size > room) break;
    kept.add(block.id);
    used += size;
  }
  const shown = candidates.filter((block) => block.role === 'must' || kept.has(block.id));
  return make(shown, false, kept.size < ranked.length);
}
