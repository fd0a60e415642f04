/**
 * The ES module entry, reached through the front door (bin.ts): flags, environment, TTY check, the first
 * frame, then the command. Kept thin and free of Ink, so that the first frame comes before Ink, React and
 * yoga load, and `--help` and `--print` start fast.
 */
import { createRequire } from 'node:module';
import process from 'node:process';
import { parseCommandLine } from './commands/args.js';
import type * as CheckMain from './commands/check-main.js';
import { drawFirstFrame } from './commands/first-screen.js';
import { endQuietlyWhenStdoutCloses, handleFatalErrors, leanV8 } from './commands/process.js';
import { color, userEnv } from './commands/start-env.js';
import { contentFor, fill } from './content/content.js';
import { detectLocale } from './content/locale.js';
import { restoreTerminal, shutdown, takeTerminal } from './system/signals.js';
import { isDumbTerminal } from './system/terminal.js';

// The wizard takes the terminal at once (raw keys, bracketed paste): keys typed while it loads reach the
// first screen. Not with TERM=dumb, where the wizard does not start.
const NOT_WIZARD = new Set(['check', 'serve', 'help', 'team', '--print', '--help', '-h', '--version', '-V']);
if (
  process.stdin.isTTY &&
  process.stdout.isTTY &&
  !isDumbTerminal(userEnv) &&
  !process.argv.slice(2).some((arg) => NOT_WIZARD.has(arg))
) {
  takeTerminal();
  process.on('exit', restoreTerminal);
  // A signal during start-up (before Ink) still leaves a usable terminal: the exit handlers restore it.
  // In raw mode Ctrl+C is a key, so a SIGINT comes from another process (kill, timeout): ended as Ctrl+C
  // is, not by Node's default, which would leave bracketed paste on in the user's shell.
  process.on('SIGINT', () => shutdown(130));
  process.on('SIGTERM', () => shutdown(143));
  process.on('SIGHUP', () => shutdown(129));
}

// The language of the last-resort error line: the environment's until the command line is read, then --lang's.
let lang = detectLocale(userEnv);
handleFatalErrors(() => lang);
endQuietlyWhenStdoutCloses();

/** The current folder, or undefined when it no longer exists. */
function currentFolder(): string | undefined {
  try {
    return process.cwd();
  } catch {
    return undefined;
  }
}

async function main(): Promise<number> {
  const parsed = parseCommandLine(process.argv.slice(2), process.env);
  if (parsed.kind === 'usage-error' || parsed.kind === 'help') lang = parsed.lang;
  else if (parsed.kind !== 'version') lang = parsed.flags.lang;
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`openai-topup: ${parsed.message}\n`);
    // `check --json` answers in JSON even when its flags are wrong, so scripts always get an object.
    if (parsed.json) {
      const { usageReport } = await import('./commands/plain.js');
      process.stdout.write(`${JSON.stringify(usageReport(parsed.message))}\n`);
    }
    return 2;
  }
  if (parsed.kind === 'version') {
    const { version } = await import('./commands/plain.js');
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (parsed.kind === 'help') {
    const { helpText, progressPaths, consentPath } = await import('./commands/plain.js');
    const paths = progressPaths(process.env);
    const home = process.platform === 'win32' ? undefined : process.getBuiltinModule('node:os').homedir();
    process.stdout.write(
      helpText(parsed.topic, parsed.lang, {
        progress: paths.progress,
        demo: paths.demo,
        consent: consentPath(process.env),
        home,
      }),
    );
    return 0;
  }
  if (parsed.kind === 'team') {
    const { runTeamCheck, runTeamInit } = await import('./commands/plain.js');
    // `.` when the folder no longer exists: a full path still works, a relative one is named as unreadable.
    const options = { cwd: currentFolder() ?? '.', lang: parsed.flags.lang, ascii: parsed.flags.ascii };
    const output =
      parsed.action === 'init' ? runTeamInit(options) : runTeamCheck({ ...options, file: parsed.file });
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
    return output.code;
  }
  const { command, flags } = parsed;
  if (command === 'check') {
    // The front door (src/bin.ts) runs `check` from this CommonJS file without this entry; it is here when
    // dist/cli.js is run directly. One copy of the check in the package, either way.
    leanV8();
    const checkMain = createRequire(import.meta.url)('./chunks/check-main.cjs') as typeof CheckMain;
    return checkMain.runCheck(flags, userEnv);
  }
  if (command === 'serve') {
    leanV8();
    const { runServe } = await import('./commands/plain.js');
    return runServe(flags);
  }
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  // Ink cannot draw without moving the cursor: on a dumb terminal the guide is printed instead.
  const dumb = interactive && !flags.print && isDumbTerminal(userEnv);
  if (flags.print || !interactive || dumb) {
    const { printGuide, printTeamFor, teamCall, toolCommand } = await import('./commands/plain.js');
    const chosen = printTeamFor(flags, userEnv, currentFolder());
    if (!chosen.ok) {
      process.stderr.write(`openai-topup: ${chosen.message}\n`);
      return 2;
    }
    if (!flags.print && !dumb && process.stderr.isTTY)
      process.stderr.write(`${contentFor(flags.lang).cli.noTty}\n\n`);
    for (const note of chosen.notes) process.stderr.write(`${note}\n`);
    if (chosen.notes.length > 0) process.stderr.write('\n');
    const team = chosen.team;
    // The team file's language, unless --lang says otherwise.
    const lang = team?.file.language && !flags.langFromFlag ? team.file.language : flags.lang;
    const call = teamCall(
      {
        baseUrl: flags.baseUrl,
        model: flags.model,
        modelFromFlag: flags.modelFromFlag ?? false,
        env: userEnv,
      },
      team?.file,
    );
    process.stdout.write(
      printGuide(lang, {
        ascii: flags.ascii,
        baseUrl: call.baseUrl,
        model: call.model,
        extras: call.curl,
        ...(team ? { team } : {}),
      }),
    );
    if (dumb) {
      const command = toolCommand('check', { demo: flags.demo, team: team?.path });
      process.stdout.write(`${fill(contentFor(lang).cli.dumbTerminal, { command })}\n`);
    }
    return 0;
  }
  // Both streams are terminals: draw live even when CI is set (Ink would otherwise draw only the last frame).
  process.env.CI = 'false';
  if (process.env.CONTINUOUS_INTEGRATION) process.env.CONTINUOUS_INTEGRATION = 'false';
  const firstFrameLines = drawFirstFrame(flags, userEnv, color, currentFolder());
  leanV8();
  const { runWizard } = await import('./commands/wizard.js');
  const code = await runWizard(flags, userEnv, { firstFrameLines, color: color > 0 });
  // The screen is gone and progress is written: end now, even if a request was still being cancelled.
  process.exit(code);
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
