/** How many terminal lines text takes once Ink wraps it: for deciding what fits on a screen. Pure. */
import wrapAnsi from 'wrap-ansi';

/** Lines `text` takes at `columns`, wrapped as Ink wraps it (hard, at word boundaries where it can). */
export function lineCount(text: string, columns: number): number {
  if (columns <= 0) return 0;
  return wrapAnsi(text, columns, { hard: true, trim: false }).split('\n').length;
}
