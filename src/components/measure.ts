/** Ink's wrapping, tidied: a wrapped line does not begin with the space it broke at. Pure. */

// Ink wraps with trim off, so a line may start with the space it broke at; drop it (colour codes may precede it).
const WRAP_SPACE = /^((?:\u001b\[[0-9;]*m)*) /;

/** Removes the one space a wrapped line may begin with (a <Transform> for paragraphs). */
export function dropWrapSpace(line: string, index: number): string {
  const first = line.charCodeAt(0);
  // Most lines start with a letter: skip the regex for them (this runs for every line on every frame).
  return index === 0 || (first !== 0x20 && first !== 0x1b) ? line : line.replace(WRAP_SPACE, '$1');
}
