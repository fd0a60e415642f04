/** The resume file: the step and the answers, never the key. Every failure is a value, never a crash. */
import { readFileSync, rmSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type Locale, parseLocale } from '../content/locale.js';
import { parseAmount } from '../wizard/amount.js';
import type { Answers, WizardState } from '../wizard/reducer.js';
import { isStepId, type StepId, stepIndex } from '../wizard/steps.js';

const PROGRAM = 'openai-topup';
const SCHEMA = 1;

/** What is written to disk. */
export type SavedProgress = {
  readonly program: typeof PROGRAM;
  readonly schema: typeof SCHEMA;
  readonly step: StepId;
  readonly reached: StepId;
  readonly answers: Answers;
  readonly locale: Locale;
};

/** What reading the file found. */
export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly progress: SavedProgress }
  | { readonly kind: 'corrupt'; readonly reason: string }
  | { readonly kind: 'foreign' };

/** Keeps each answer that is still valid, so one bad field does not lose the others. */
export function cleanAnswers(raw: unknown): Answers {
  if (typeof raw !== 'object' || raw === null) return {};
  const input = raw as Record<string, unknown>;
  const out: { -readonly [K in keyof Answers]: Answers[K] } = {};
  if (input.accountType === 'individual' || input.accountType === 'company')
    out.accountType = input.accountType;
  if (typeof input.amount === 'string') {
    const amount = parseAmount(input.amount);
    if (amount.ok) out.amount = amount.value;
  }
  const recharge = input.autoRecharge as Record<string, unknown> | undefined;
  if (recharge && recharge.enabled === false) out.autoRecharge = { enabled: false };
  if (
    recharge &&
    recharge.enabled === true &&
    typeof recharge.threshold === 'string' &&
    typeof recharge.restoreTo === 'string'
  ) {
    const low = parseAmount(recharge.threshold);
    const high = parseAmount(recharge.restoreTo);
    if (low.ok && high.ok && high.dollars > low.dollars) {
      out.autoRecharge = { enabled: true, threshold: low.value, restoreTo: high.value };
    }
  }
  return out;
}

/** Reads a progress file. Missing → none; unreadable or bad JSON → corrupt; another program or schema → foreign. */
export function loadProgress(file: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { kind: 'none' } : { kind: 'corrupt', reason: code ?? 'unreadable' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null) return { kind: 'corrupt', reason: 'not an object' };
  const record = data as Record<string, unknown>;
  if (record.program !== PROGRAM || record.schema !== SCHEMA) return { kind: 'foreign' };
  if (!isStepId(record.step)) return { kind: 'corrupt', reason: 'unknown step' };
  const reached =
    isStepId(record.reached) && stepIndex(record.reached) >= stepIndex(record.step)
      ? record.reached
      : record.step;
  return {
    kind: 'found',
    progress: {
      program: PROGRAM,
      schema: SCHEMA,
      step: record.step,
      reached,
      answers: cleanAnswers(record.answers),
      locale: parseLocale(typeof record.locale === 'string' ? record.locale : undefined) ?? 'en',
    },
  };
}

/** The saved form of a state. Only the listed fields are written, so nothing else (never the key) can leak in. */
export function toSaved(state: WizardState, stepIds: readonly StepId[]): SavedProgress {
  const at = (index: number): StepId => stepIds[Math.min(index, stepIds.length - 1)] ?? 'welcome';
  return {
    program: PROGRAM,
    schema: SCHEMA,
    step: at(state.index),
    reached: at(state.reached),
    answers: cleanAnswers(state.answers),
    locale: state.locale,
  };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Writes the file atomically (temp file, then rename), without blocking the keyboard: writes run one after
 * another, in the order asked. Resolves with the reason when it cannot.
 */
export function saveProgress(
  file: string,
  progress: SavedProgress,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const write = async (): Promise<{ ok: true } | { ok: false; reason: string }> => {
    try {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const temp = `${file}.${process.pid}.tmp`;
      await writeFile(temp, `${JSON.stringify(progress, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, file);
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? 'write failed' };
    }
  };
  const next = queue.then(write, write);
  queue = next;
  return next;
}

/** Waits for writes in flight (before exiting). */
export function progressWritten(): Promise<unknown> {
  return queue;
}

/** Deletes the file (`--restart`); a missing file is fine. */
export function deleteProgress(file: string): { ok: true } | { ok: false; reason: string } {
  try {
    rmSync(file, { force: true });
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? 'delete failed' };
  }
}
