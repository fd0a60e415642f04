/**
 * Runs the built CLI in a real pseudo-terminal and reads the screen as a terminal shows it
 * (@xterm/headless), with CI removed from the child's environment, as a person would run it.
 */
import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI, freshConfigHome } from './cli.js';

/** Keys as a terminal sends them. */
export const PTY_KEYS = {
  enter: '\r',
  escape: '\u001b',
  ctrlC: '\u0003',
  down: '\u001b[B',
  up: '\u001b[A',
  backspace: '\u007f',
} as const;

/** Options for one run. */
export type PtyOptions = {
  readonly cols?: number;
  readonly rows?: number;
  readonly env?: NodeJS.ProcessEnv;
  /** Run through `sh -c '<cli> …; stty -a'` so the terminal's state after exit can be read. */
  readonly sttyAfter?: boolean;
  /** CI for the child, set on purpose (CI from anywhere else is removed). */
  readonly ci?: string;
  /** Arguments for node before the CLI's path (e.g. `--import` of a preload); not with sttyAfter. */
  readonly nodeArgs?: readonly string[];
  /** The folder the CLI starts in (where the done screen's `.env` goes); this process's own by default. */
  readonly cwd?: string;
};

/** Spawns `openai-topup <args>` in a sized pseudo-terminal. */
export function spawnCli(args: readonly string[], options: PtyOptions = {}) {
  const cols = options.cols ?? 80;
  const rows = options.rows ?? 24;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    // A fresh config folder unless the caller brings its own (then none is made for nothing).
    XDG_CONFIG_HOME: options.env?.XDG_CONFIG_HOME ?? freshConfigHome(),
    ...options.env,
  };
  for (const name of Object.keys(env)) if (name === 'CI' || name.startsWith('CI_')) delete env[name];
  if (options.ci !== undefined) env.CI = options.ci;
  const quoted = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const where = {
    cols,
    rows,
    env: env as Record<string, string>,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  };
  const child = options.sttyAfter
    ? // The shell traps Ctrl+C (its child still gets it): a Ctrl+C typed just as the CLI ends must not end the
      // shell before it reports.
      pty.spawn('/bin/sh', ['-c', `trap : INT; ${quoted}; echo "EXIT=$?"; stty -a`], where)
    : pty.spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], where);
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 200 });
  let raw = '';
  let exit: { exitCode: number; signal?: number } | undefined;
  child.onData((data) => {
    raw += data;
    term.write(data);
  });
  child.onExit((event) => {
    exit = event;
  });

  /** The visible screen, one string per row, trailing spaces removed. */
  const screen = (): string => {
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < term.rows; i++)
      lines.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
    return lines.join('\n').replace(/\n+$/, '');
  };
  /** Waits, with a bound, for the screen to pass a check. */
  const waitFor = async (
    check: (screen: string) => boolean,
    what: string,
    timeoutMs = 10_000,
  ): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // xterm parses asynchronously: let it catch up before reading.
      await new Promise<void>((resolve) => term.write('', resolve));
      const current = screen();
      if (check(current)) return current;
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; screen:\n${current}\nraw tail: ${JSON.stringify(raw.slice(-300))}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const waitForText = (text: string, timeoutMs?: number) =>
    waitFor((s) => s.includes(text), JSON.stringify(text), timeoutMs);
  const waitForExit = async (timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!exit) {
      if (Date.now() > deadline) throw new Error(`did not exit; screen:\n${screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await new Promise<void>((resolve) => term.write('', resolve));
    return exit;
  };
  /**
   * With sttyAfter: waits for the exit line and the whole of stty's report on the terminal (its local
   * flags, echo among them, come last and may arrive after the shell has exited), and returns them.
   */
  const afterExit = async (timeoutMs = 10_000) => {
    const report = () => raw.slice(Math.max(0, raw.indexOf('EXIT=')));
    await waitFor(
      () => raw.includes('EXIT=') && /(^|\s)-?icanon\s[\s\S]*(^|\s)-?echo(\s|$)/m.test(report()),
      'the exit and the terminal report',
      timeoutMs,
    );
    await waitForExit(timeoutMs);
    return { code: Number(/EXIT=(\d+)/.exec(raw)?.[1]), stty: report() };
  };
  return {
    child,
    env,
    /** The emulator itself, for reading cells, colours and modes (screen-capture.ts). */
    terminal: term,
    /** Whether the CLI has exited. */
    exited: () => exit !== undefined,
    screen,
    afterExit,
    raw: () => raw,
    waitFor,
    waitForText,
    waitForExit,
    write: (data: string) => child.write(data),
    resize: (c: number, r: number) => {
      child.resize(c, r);
      term.resize(c, r);
    },
    kill: () => {
      if (!exit) child.kill();
    },
  };
}

/** Whether the cursor was left visible: the last show/hide sequence written was "show". */
export function cursorShown(raw: string): boolean {
  return raw.lastIndexOf('\u001b[?25h') >= raw.lastIndexOf('\u001b[?25l');
}

/** Runs started by a test file, killed after each test: `const start = ptyRuns(afterEach)`. */
export function ptyRuns(
  afterEachHook: (fn: () => void) => void,
): (...args: Parameters<typeof spawnCli>) => ReturnType<typeof spawnCli> {
  const runs: Array<ReturnType<typeof spawnCli>> = [];
  afterEachHook(() => {
    for (const run of runs.splice(0)) run.kill();
  });
  return (...args) => {
    const run = spawnCli(...args);
    runs.push(run);
    return run;
  };
}
