/** How many terminal lines text takes once Ink wraps it: for deciding what fits on a screen. Pure. */
import { wrapText } from './text-width.js';

/** Lines `text` takes at `columns`, wrapped as Ink wraps it (hard, at word boundaries where it can). */
export function lineCount(text: string, columns: number): number {
  if (columns <= 0) return 0;
  return wrapText(text.replace(/`/g, ''), columns).length;
}

// Ink wraps with trim off, so a line may start with the space it broke at; drop it (colour codes may precede it).
const WRAP_SPACE = /^((?:\u001b\[[0-9;]*m)*) /;

/** Removes the one space a wrapped line may begin with (a <Transform> for paragraphs). */
export function dropWrapSpace(line: string, index: number): string {
  const first = line.charCodeAt(0);
  // Most lines start with a letter: skip the regex for them (this runs for every line on every frame).
  return index === 0 || (first !== 0x20 && first !== 0x1b) ? line : line.replace(WRAP_SPACE, '$1');
}

/** Lines a list of sentences takes at `columns` (each starts on a new line). */
export function linesOf(texts: readonly (string | undefined | false)[], columns: number): number {
  return texts.reduce<number>((sum, text) => sum + (text ? lineCount(text, columns) : 0), 0);
}
