/**
 * `openai-topup check` as a process of its own: built as one CommonJS file (dist/chunks/check-main.cjs) that
 * the front door (src/bin.ts) runs, so that a check, which scripts and CI run over and over, never starts
 * Node's ES module loader nor reads the wizard's many chunks: about 15 ms and 1 MB less a run
 * (bench/results.json). Anything but a check to run (help, a usage error) goes to the ES module entry,
 * which says it as it does for every command.
 */
import { detectLocale } from '../content/locale.js';
import { parseCommandLine } from './args.js';
import { runCheck } from './check.js';
import { endQuietlyWhenStdoutCloses, handleFatalErrors, leanV8 } from './process.js';

export { runCheck };

/** Runs `check` with the process's command line and environment; sets the exit code when it ends. */
export function main(): void {
  // The environment as the user gave it.
  const env: NodeJS.ProcessEnv = { ...process.env };
  const argv = process.argv.slice(2);
  // Reading the command line may read the text (for a mistake): a failure there is one line, too.
  let lang = detectLocale(env);
  const errors = handleFatalErrors(() => lang);
  const parsed = parseCommandLine(argv, env);
  if (parsed.kind !== 'run' || parsed.command !== 'check') {
    // cli.js sets up its own.
    errors.remove();
    void import('../cli.js');
    return;
  }
  lang = parsed.flags.lang;
  endQuietlyWhenStdoutCloses();
  leanV8();
  runCheck(parsed.flags, env).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`openai-topup: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
