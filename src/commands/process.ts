/**
 * What both process entries (cli.ts for every command, check-main.ts for `check`) set up before a command
 * runs: the last-resort error line, a quiet end when stdout closes, and V8's memory settings.
 */
import { contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';

/**
 * A bug must not leave a raw terminal or a page of minified source: one line, exit 1 (the exit handlers
 * restore the terminal). `lang` says the language of that line when it is written: the environment's until
 * the command line is read, then --lang's. Returns how to take the handlers off again.
 */
export function handleFatalErrors(lang: () => Locale): { remove(): void } {
  const fatal = (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    let line = message;
    try {
      line = fill(contentFor(lang()).cli.internalError, { message });
    } catch {
      // The text itself could not be read (a broken install): the error's own words are all there is.
    }
    process.stderr.write(`\nopenai-topup: ${line}\n`);
    process.exit(1);
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  return {
    remove: () => {
      process.off('uncaughtException', fatal);
      process.off('unhandledRejection', fatal);
    },
  };
}

/** A closed stdout (`| head`) ends the run quietly, without a stack trace. */
export function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

/**
 * Memory, set before the heavy modules load: WebAssembly (yoga's layout, undici's HTTP parser) with the
 * baseline compiler only, no re-optimisation of JavaScript, a young generation that does not grow, and V8's
 * size-over-speed mode. Together they took the peak of a --demo walk from 131 MB to about 72 MB
 * (bench/results.json), with keypresses still under 30 ms. Set after the first frame, which they would
 * slow, and here rather than in the shebang: `env -S` is missing on BusyBox (Alpine). node:v8 loads only
 * here: at start-up it would cost 1.4 MB.
 */
export function leanV8(): void {
  const { setFlagsFromString } = process.getBuiltinModule('node:v8');
  setFlagsFromString('--liftoff-only');
  setFlagsFromString('--no-opt');
  setFlagsFromString('--semi-space-growth-factor=1');
  setFlagsFromString('--optimize-for-size');
}
