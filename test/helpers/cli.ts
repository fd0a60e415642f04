/** Runs the built CLI as a separate process with piped stdio (npm test builds dist/ first). */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StepId } from '../../src/wizard/steps.js';

/**
 * The built command, as npm links it: the front door that runs `check` itself and everything else through
 * dist/cli.js (TOPUP_CLI points the tests at another build, e.g. an older commit's, to see them fail).
 */
export const CLI =
  process.env.TOPUP_CLI ?? fileURLToPath(new URL('../../dist/openai-topup.cjs', import.meta.url));

/** What a run printed and how it ended. */
export type CliResult = {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/** A fresh, empty config folder, so runs never touch the developer's own progress. */
export function freshConfigHome(): string {
  return mkdtempSync(join(tmpdir(), 'topup-config-'));
}

/** A config folder holding progress saved at a step. */
export function configSavedAt(step: StepId): string {
  const config = freshConfigHome();
  mkdirSync(join(config, 'openai-topup'));
  writeFileSync(
    join(config, 'openai-topup', 'progress.json'),
    JSON.stringify({ program: 'openai-topup', schema: 1, step, reached: step, answers: {}, locale: 'en' }),
  );
  return config;
}

/** A clean environment: no key, English, no colour surprises, an empty config folder. */
export function baseEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'en_US.UTF-8',
    XDG_CONFIG_HOME: freshConfigHome(),
    ...extra,
  };
}

/** Runs the CLI to its end (bounded), feeding `input` on stdin. */
export function runCli(
  args: readonly string[],
  options: {
    env?: NodeJS.ProcessEnv;
    input?: string;
    timeoutMs?: number;
    nodeArgs?: readonly string[];
    /** A file to write stdout to instead of a pipe (e.g. /dev/full). */
    stdoutTo?: string;
    /** The folder it runs in (a team file there may be found). */
    cwd?: string;
  } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const out = options.stdoutTo ? openSync(options.stdoutTo, 'w') : 'pipe';
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
      env: options.env ?? baseEnv(),
      stdio: ['pipe', out, 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    if (typeof out === 'number') closeSync(out);
    endOf(child, `openai-topup ${args.join(' ')}`, options.timeoutMs).then(resolve, reject);
    child.stdin?.end(options.input ?? '');
  });
}

/** Collects a child's output and waits for its end; past the bound it is killed and the wait fails. */
export function endOf(child: ChildProcess, name: string, timeoutMs = 15_000): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not end in time; stdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
