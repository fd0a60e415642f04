/**
 * How much the property tests generate. `npm test` runs each property a small fixed number of times with a
 * fixed seed, so a failure replays; `npm run fuzz` runs the same files with FUZZ_SCALE times as many cases
 * and a seed of its own (printed, and settable with FUZZ_SEED), to look further.
 */
import type { Parameters as FcParameters } from 'fast-check';

/** How many times the base counts run (1 in `npm test`). */
export const FUZZ_SCALE = Math.max(1, Number(process.env.FUZZ_SCALE ?? 1) || 1);

/** The seed of every property in this run. */
export const FUZZ_SEED = Number.isSafeInteger(Number(process.env.FUZZ_SEED))
  ? Number(process.env.FUZZ_SEED)
  : FUZZ_SCALE > 1
    ? Date.now() % 2 ** 31
    : 20261129;

if (FUZZ_SCALE > 1) process.stderr.write(`fuzz: FUZZ_SCALE=${FUZZ_SCALE} FUZZ_SEED=${FUZZ_SEED}\n`);

/** Runs for a property: `base` in `npm test`, scaled up in `npm run fuzz`. */
export function fuzzRuns(base: number): number {
  return Math.round(base * FUZZ_SCALE);
}

/** fast-check's parameters for a property that runs `base` cases in `npm test`. */
export function fuzzParams<T>(base: number, extra: FcParameters<T> = {}): FcParameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(base), ...extra };
}

/** A test's time limit: what `base` cases need on a loaded 2-core machine, scaled with the cases. */
export function fuzzTimeout(baseMs: number): number {
  return baseMs * FUZZ_SCALE;
}
