/**
 * Where a team file is, and reading it safely. A team file arrives with a cloned repository, so the path may
 * hold anything: a folder, a FIFO that would block the read forever, a device, or a symbolic link to any of
 * those or to a file elsewhere. Only a regular file is read, and it is checked before it is opened.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { TEAM_FILE_NAME, TEAM_LIMITS } from './limits.js';

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The root of the git repository holding `dir` (the nearest folder upwards with a `.git`), if any. */
export function gitRoot(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    // A folder in a repository, a file in a worktree or submodule: either marks the root.
    if (lstatOrUndefined(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/**
 * The team file that would be used without `--team`: `openai-topup.team.json` in `cwd`, else in the git
 * repository's root. Anything at that path counts as found (a folder too), so that reading it can say why
 * it cannot be used rather than silently falling back.
 */
export function findTeamFile(cwd: string): string | undefined {
  let here: string;
  try {
    here = join(resolve(cwd), TEAM_FILE_NAME);
  } catch {
    // A relative folder when the current one no longer exists: nothing to find.
    return undefined;
  }
  if (lstatOrUndefined(here)) return here;
  const root = gitRoot(cwd);
  if (!root) return undefined;
  const there = join(root, TEAM_FILE_NAME);
  return there !== here && lstatOrUndefined(there) ? there : undefined;
}

/** Why a team file could not be read. */
export type ReadFailure =
  | { readonly reason: 'missing' }
  /** Refused, named or found: the link could lead anywhere, and a repository can commit one. */
  | { readonly reason: 'symlink' }
  /** A folder, FIFO, socket or device (or a file swapped for one while being opened). */
  | { readonly reason: 'not-file' }
  | { readonly reason: 'too-large'; readonly size: number; readonly max: number }
  | { readonly reason: 'not-utf8' }
  | { readonly reason: 'unreadable'; readonly code: string };

/** A team file's text and the sha256 (hex) of its bytes, or why it could not be read. */
export type ReadTeamFile =
  | { readonly ok: true; readonly text: string; readonly hash: string }
  | ({ readonly ok: false } & ReadFailure);

// Flags that make the open itself refuse what lstat ruled out, should the path change in between: a symbolic
// link (O_NOFOLLOW) or a FIFO (O_NONBLOCK: the open returns at once instead of waiting for a writer).
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

/** Reads a team file: lstat first, so a path that is not a regular file is refused without being opened. */
export function readTeamFile(path: string): ReadTeamFile {
  const max = TEAM_LIMITS.fileBytes;
  let before: Stats;
  try {
    before = lstatSync(path);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? { ok: false, reason: 'missing' }
      : { ok: false, reason: 'unreadable', code };
  }
  if (before.isSymbolicLink()) return { ok: false, reason: 'symlink' };
  if (!before.isFile()) return { ok: false, reason: 'not-file' };
  if (before.size > max) return { ok: false, reason: 'too-large', size: before.size, max };

  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    const code = codeOf(error);
    return code === 'ELOOP' ? { ok: false, reason: 'symlink' } : { ok: false, reason: 'unreadable', code };
  }
  let bytes: Buffer;
  try {
    const after = fstatSync(fd);
    if (!after.isFile() || after.ino !== before.ino || after.dev !== before.dev) {
      return { ok: false, reason: 'not-file' };
    }
    // Read one byte past the cap, so a file that grew since lstat is still caught.
    const buffer = Buffer.alloc(max + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length === buffer.length) break;
    }
    if (length > max) return { ok: false, reason: 'too-large', size: Math.max(length, after.size), max };
    bytes = buffer.subarray(0, length);
  } catch (error) {
    return { ok: false, reason: 'unreadable', code: codeOf(error) };
  } finally {
    closeSync(fd);
  }
  let text: string;
  try {
    // A byte order mark stays in the text; the parser skips it.
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not-utf8' };
  }
  // crypto loads only here, once a file is found: the first screen looks in every folder, and most have none.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return { ok: true, text, hash: createHash('sha256').update(bytes).digest('hex') };
}
