/**
 * The `--debug` trace of the wizard, in a file: Ink redraws the screen, so a trace written to stderr under
 * its frame would be erased. Created fresh (never an existing file or a link planted there), readable by
 * the user only; the lines are already masked by the session that writes them.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** An open trace file. */
export type TraceFile = {
  readonly path: string;
  /** Appends one line; a failed write is dropped (the trace must never end the wizard). */
  readonly write: (line: string) => void;
  readonly close: () => void;
};

/** The file opened, or why not (a result value: the wizard runs on without a trace). */
export type TraceFileResult =
  | { readonly ok: true; readonly file: TraceFile }
  | { readonly ok: false; readonly path: string; readonly reason: string };

/** The trace file's name: the pid and the time keep runs apart. */
export function traceFileName(pid: number, now: Date): string {
  return `openai-topup-debug-${now.toISOString().replace(/[:.]/g, '-')}-${pid}.log`;
}

/** Creates the trace file in `dir` (os.tmpdir() in the wizard), exclusively, mode 0600. */
export function openTraceFile(dir: string, pid = process.pid, now = new Date()): TraceFileResult {
  const path = join(dir, traceFileName(pid, now));
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    return { ok: false, path, reason: (error as NodeJS.ErrnoException).code ?? String(error) };
  }
  let open = true;
  return {
    ok: true,
    file: {
      path,
      write: (line) => {
        if (!open) return;
        try {
          writeSync(fd, `${new Date().toISOString()} ${line}\n`);
        } catch {
          // A full disk must not end the wizard; the trace is a help, not a duty.
        }
      },
      close: () => {
        if (!open) return;
        open = false;
        closeSync(fd);
      },
    },
  };
}
