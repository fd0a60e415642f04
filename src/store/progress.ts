/** The resume file: the step and the answers, never the key. Every failure is a value, never a crash. */
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  type Stats,
  unlinkSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { type Locale, parseLocale } from '../content/locale.js';
import { parseAmount } from '../wizard/amount.js';
import { type FlowStepId, isFlowStepId } from '../wizard/flow.js';
import type { Answers, WizardState } from '../wizard/reducer.js';
import {
  errorCode,
  lstatOrMissing,
  nodeFs,
  type PathKind,
  pathKind,
  replaceAtomically,
  type StoreFs,
} from './file-system.js';

const PROGRAM = 'openai-topup';
const SCHEMA = 1;

/** What is written to disk. */
export type SavedProgress = {
  readonly program: typeof PROGRAM;
  readonly schema: typeof SCHEMA;
  readonly step: FlowStepId;
  readonly reached: FlowStepId;
  readonly answers: Answers;
  readonly locale: Locale;
};

/** What reading the file found. */
export type LoadResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'found'; readonly progress: SavedProgress }
  | { readonly kind: 'corrupt'; readonly reason: string }
  | { readonly kind: 'foreign' }
  /** Something other than a regular file is at the path (a folder, a FIFO, a device, a link): never opened. */
  | { readonly kind: 'unusable'; readonly what: UnusableKind };

/** What can be at the progress path instead of a regular file. */
export type UnusableKind = Exclude<PathKind, 'missing' | 'file'>;

// A progress file is a few hundred bytes; anything much larger is not ours.
const MAX_BYTES = 64 * 1024;

/** lstat without following a link; undefined when nothing is there (or a folder on the way is a file). */
function lstatQuietly(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

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

/**
 * Reads a progress file. Missing → none; not a regular file → unusable (looked at with lstat, never opened:
 * opening a FIFO waits for a writer for ever); unreadable or bad JSON → corrupt; another program or schema →
 * foreign.
 */
export function loadProgress(file: string): LoadResult {
  let text: string;
  try {
    const seen = lstatQuietly(file);
    if (!seen) return { kind: 'none' };
    const kind = pathKind(seen);
    if (kind !== 'file' && kind !== 'missing') return { kind: 'unusable', what: kind };
    if (seen.size > MAX_BYTES) return { kind: 'corrupt', reason: 'too large' };
    // Opened without following a link and without waiting, then checked again: whatever was swapped in
    // since the lstat cannot block or redirect the read.
    const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile() || opened.ino !== seen.ino) return { kind: 'corrupt', reason: 'changed' };
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return { kind: 'corrupt', reason: errorCode(error, 'unreadable') };
  }
  if (text.length > MAX_BYTES) return { kind: 'corrupt', reason: 'too large' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not JSON' };
  }
  if (typeof data !== 'object' || data === null) return { kind: 'corrupt', reason: 'not an object' };
  const record = data as Record<string, unknown>;
  if (record.program !== PROGRAM || record.schema !== SCHEMA) return { kind: 'foreign' };
  if (!isFlowStepId(record.step)) return { kind: 'corrupt', reason: 'unknown step' };
  // Their order is the guide's, which the wizard knows: it places both on the guide it walks.
  const reached = isFlowStepId(record.reached) ? record.reached : record.step;
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
export function toSaved(state: WizardState): SavedProgress {
  const steps = state.flow.steps;
  const at = (index: number): FlowStepId => steps[Math.min(index, steps.length - 1)]?.id ?? 'welcome';
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
 * another, in the order asked. Resolves with the reason when it cannot; a path that is not a regular file is
 * never written (the reason is what is there), and a failed write leaves no temporary file.
 */
export function saveProgress(
  file: string,
  progress: SavedProgress,
  fs: StoreFs = nodeFs,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const write = async (): Promise<{ ok: true } | { ok: false; reason: string }> => {
    try {
      await fs.mkdir(dirname(file), { recursive: true, mode: 0o700 });
      const kind = pathKind(await lstatOrMissing(fs, file));
      if (kind !== 'file' && kind !== 'missing') return { ok: false, reason: kind };
      const data = Buffer.from(`${JSON.stringify(progress, null, 2)}\n`, 'utf8');
      const written = await replaceAtomically(fs, file, data, { mode: 0o600, sync: false });
      return written.ok ? { ok: true } : { ok: false, reason: written.code };
    } catch (error) {
      return { ok: false, reason: errorCode(error, 'write failed') };
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

/**
 * Deletes the file (`--restart`, and at the end of the guide); a missing file is fine. Anything but a regular
 * file is left where it is (the reason is what is there).
 */
export function deleteProgress(file: string): { ok: true } | { ok: false; reason: string } {
  try {
    const kind = pathKind(lstatQuietly(file));
    if (kind === 'missing') return { ok: true };
    if (kind !== 'file') return { ok: false, reason: kind };
    unlinkSync(file);
    return { ok: true };
  } catch (error) {
    const code = errorCode(error, 'delete failed');
    return code === 'ENOENT' ? { ok: true } : { ok: false, reason: code };
  }
}
