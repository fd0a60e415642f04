/**
 * The entry: flags, environment, TTY check, then the command. Kept thin and free of Ink, so that the
 * environment is set before Ink and chalk load, and so that `--help`, `--print` and `check` start fast.
 */
import process from 'node:process';
import pkg from '../package.json' with { type: 'json' };
import { parseCommandLine, SCENARIOS } from './args.js';
import { contentFor, fill } from './content/content.js';
import { colorDisabled } from './terminal.js';

// The environment as the user gave it, before the two changes below.
const userEnv: NodeJS.ProcessEnv = { ...process.env };

// chalk (inside Ink) honours only FORCE_COLOR=0, not NO_COLOR: translate before it loads.
if (colorDisabled(process.env)) process.env.FORCE_COLOR = '0';

// A closed stdout (`| head`) ends the run quietly, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** The JSON object of a usage error (CLI.md: every field present, unknown ones null). */
function usageReport(message: string) {
  return {
    schema: 1,
    ok: false,
    kind: 'usage',
    exitCode: 2,
    model: null,
    reply: null,
    usage: null,
    costUsd: null,
    organization: null,
    requestId: null,
    latencyMs: null,
    error: { kind: 'usage', status: null, code: null, message, step: null, retryable: false },
  };
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`openai-topup: ${parsed.message}\n`);
    // `check --json` answers in JSON even when its flags are wrong, so scripts always get an object.
    if (parsed.command === 'check' && process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(usageReport(parsed.message))}\n`);
    }
    return 2;
  }
  const { command, flags } = parsed;
  const content = contentFor(flags.lang);
  if (flags.version) {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (flags.help) {
    const { progressPaths } = await import('./store/paths.js');
    const paths = progressPaths(process.env);
    const lines = content.cli.help[command].map((line) =>
      fill(line, { progressFile: paths.progress, demoFile: paths.demo }),
    );
    if (command === 'serve') {
      const width = Math.max(...SCENARIOS.map((name) => name.length));
      for (const name of SCENARIOS) {
        lines.push(`  ${name.padEnd(width)}  ${fill(content.serve.scenarios[name], { n: 2 })}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  }
  if (command === 'check') {
    const { runCheck } = await import('./api/check-command.js');
    return runCheck(flags, userEnv);
  }
  if (command === 'serve') {
    const { runServe } = await import('./demo/serve-command.js');
    return runServe(flags);
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  if (flags.print || !interactive) {
    const { printGuide } = await import('./print.js');
    if (!flags.print && process.stderr.isTTY) process.stderr.write(`${content.cli.noTty}\n\n`);
    process.stdout.write(
      printGuide(flags.lang, { ascii: flags.ascii, baseUrl: flags.baseUrl, model: flags.model }),
    );
    return 0;
  }
  // Both streams are terminals: draw live even when CI is set (Ink would otherwise draw only the last frame).
  process.env.CI = 'false';
  const { runWizard } = await import('./run-wizard.js');
  return runWizard(flags, userEnv);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`openai-topup: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
