/**
 * "Did you mean …": the valid choice closest to a mistyped word. Edit distance from fastest-levenshtein (a
 * small, well-kept library, bundled), plus a unique-prefix rule for words cut short (`--wait` → `--wait-for-credit`).
 */
import { distance } from 'fastest-levenshtein';

/** How far a word may be from a choice and still be taken for a typo of it. */
function limitFor(word: string): number {
  // Two-letter words (`kr`) are one edit from many things: only one edit counts there.
  return word.length <= 2 ? 1 : Math.max(2, Math.floor(word.length / 3));
}

/** The choice `word` most likely meant, or undefined when none is close. Case does not count. */
export function closestChoice(word: string, choices: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  if (typed === '') return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const choice of choices) {
    const gap = distance(typed, choice.toLowerCase());
    if (gap < bestDistance) {
      best = choice;
      bestDistance = gap;
    }
  }
  if (best !== undefined && bestDistance <= limitFor(typed)) return best;
  // A word cut short: only when one choice alone starts with it.
  if (typed.length >= 3) {
    const starting = choices.filter((choice) => choice.toLowerCase().startsWith(typed));
    if (starting.length === 1) return starting[0];
  }
  return undefined;
}
