/**
 * Asking git about one file, safely, in a repository the user may have cloned from anywhere. Only two
 * questions are ever asked (`ls-files`: is it tracked? `check-ignore`: is it ignored?), each with
 * `-c core.fsmonitor=false`, because a repository's own config can name a command that git would otherwise
 * run for them; git is found on PATH by absolute path, never inside the repository, and given a time limit.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { delimiter, isAbsolute, join, relative, sep } from 'node:path';
import { cleanText } from '../text/sanitize.js';

/** How long one git question may take before it is given up. */
export const GIT_TIMEOUT_MS = 5_000;

/** What git says about one file. */
export type GitFileStatus =
  | { readonly kind: 'tracked' }
  | { readonly kind: 'ignored'; readonly source: string; readonly line: number; readonly pattern: string }
  /** A `!pattern` keeps the file in the repository on purpose: adding it to .gitignore would not help. */
  | { readonly kind: 'negated'; readonly source: string; readonly line: number; readonly pattern: string }
  | { readonly kind: 'not-ignored' }
  | { readonly kind: 'failed'; readonly reason: string };

/** Whether `inner` is `outer` or lies inside it. */
function within(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The repository holding `dir`: the nearest folder, walking up, that has a `.git` (a folder, or a file as in worktrees and submodules). */
export async function findRepositoryRoot(
  dir: string,
  lstatFn: (
    path: string,
  ) => Promise<{ isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }> = lstat,
): Promise<string | undefined> {
  let current = dir;
  for (;;) {
    try {
      const found = await lstatFn(join(current, '.git'));
      if (found.isDirectory() || found.isFile() || found.isSymbolicLink()) return current;
    } catch {
      // Missing or unreadable here: keep walking up.
    }
    const parent = join(current, '..');
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The git program to run: the first `git` on PATH that is an executable regular file in an absolute folder,
 * outside the repository (a cloned repository can ship its own `git`, and a relative or empty PATH entry
 * means the current folder). Undefined when there is none.
 */
export async function findGit(
  pathVariable: string | undefined,
  repositoryRoot: string,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const names = platform === 'win32' ? ['git.exe'] : ['git'];
  let root = repositoryRoot;
  try {
    root = await realpath(repositoryRoot);
  } catch {
    // Compare with the path as given.
  }
  const pathDelimiter = platform === 'win32' ? ';' : delimiter;
  for (const entry of (pathVariable ?? '').split(pathDelimiter)) {
    if (!entry || !isAbsolute(entry)) continue;
    for (const name of names) {
      const candidate = join(entry, name);
      try {
        if (!(await stat(candidate)).isFile()) continue;
        if (platform !== 'win32') await access(candidate, constants.X_OK);
        const real = await realpath(candidate);
        if (within(root, real) || within(root, candidate)) continue;
        return candidate;
      } catch {
        // Not there, or not runnable: try the next entry.
      }
    }
  }
  return undefined;
}

/** The environment git runs with: the user's, without GIT_* variables that could point it elsewhere. */
function gitEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!name.startsWith('GIT_')) out[name] = value;
  return { ...out, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };
}

type GitRun =
  | { readonly kind: 'exit'; readonly code: number; readonly stdout: string; readonly stderr: string }
  | { readonly kind: 'failed'; readonly reason: string };

/** Options for the git questions. */
export type GitQuery = {
  /** The absolute path of git (from findGit). */
  readonly git: string;
  /** The repository root (from findRepositoryRoot). */
  readonly root: string;
  /** The absolute path of the file asked about. */
  readonly file: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
};

function runGit(query: GitQuery, args: readonly string[], input?: string): Promise<GitRun> {
  return new Promise((resolve) => {
    const child = execFile(
      query.git,
      ['-c', 'core.fsmonitor=false', ...args],
      {
        cwd: query.root,
        env: gitEnvironment(query.env ?? process.env),
        timeout: query.timeoutMs ?? GIT_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 1024 * 1024,
        windowsHide: true,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ kind: 'exit', code: 0, stdout, stderr });
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; code?: number | string };
        if (failure.killed) return resolve({ kind: 'failed', reason: 'timeout' });
        if (typeof failure.code === 'number') {
          return resolve({ kind: 'exit', code: failure.code, stdout, stderr });
        }
        resolve({ kind: 'failed', reason: String(failure.code ?? 'failed') });
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

/** git's complaint, made safe to show on one line. */
function firstLine(stderr: string, code: number): string {
  const line = stderr.split('\n').find((text) => text.trim() !== '');
  return line ? cleanText(line.trim(), { maxLength: 120 }) : `exit ${code}`;
}

/** Whether git tracks the file, and if not, whether it ignores it (and by which pattern). */
export async function gitFileStatus(query: GitQuery): Promise<GitFileStatus> {
  const rel = relative(query.root, query.file).split(sep).join('/');
  // --literal-pathspecs: a folder name with * or ? in it must not match other files.
  const tracked = await runGit(query, ['--literal-pathspecs', 'ls-files', '-z', '--cached', '--', rel]);
  if (tracked.kind === 'failed') return tracked;
  if (tracked.code !== 0) return { kind: 'failed', reason: firstLine(tracked.stderr, tracked.code) };
  if (tracked.stdout.length > 0) return { kind: 'tracked' };

  // -v -n: one record for the path, naming the pattern that decided (empty when none did); -z with --stdin
  // so that no file name, however odd, can be misread.
  const ignored = await runGit(query, ['check-ignore', '-v', '-n', '-z', '--stdin'], `${rel}\0`);
  if (ignored.kind === 'failed') return ignored;
  if (ignored.code !== 0 && ignored.code !== 1)
    return { kind: 'failed', reason: firstLine(ignored.stderr, ignored.code) };
  const [source = '', line = '', pattern = ''] = ignored.stdout.split('\0');
  if (pattern === '') return { kind: 'not-ignored' };
  const where = { source: cleanText(source), line: Number(line) || 0, pattern: cleanText(pattern) };
  return pattern.startsWith('!') ? { kind: 'negated', ...where } : { kind: 'ignored', ...where };
}
