/**
 * The few file-system calls the store makes, behind a small interface so that tests can make one of them fail
 * the way a full disk or a read-only folder would (tests run as root, where permissions cannot be taken away),
 * and the two careful ways of writing a file: created exclusively, or replaced through a temporary file.
 */
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The file-system calls the store uses; `nodeFs` (node:fs/promises) is the real one. */
export type StoreFs = {
  readonly lstat: (path: string) => Promise<Stats>;
  readonly realpath: (path: string) => Promise<string>;
  readonly access: (path: string, mode: number) => Promise<void>;
  readonly mkdir: (path: string, options: { recursive: true; mode: number }) => Promise<unknown>;
  readonly open: (path: string, flags: number, mode?: number) => Promise<fsp.FileHandle>;
  readonly write: (handle: fsp.FileHandle, data: Uint8Array) => Promise<void>;
  readonly rename: (from: string, to: string) => Promise<void>;
  readonly unlink: (path: string) => Promise<void>;
};

/** The real file system. */
export const nodeFs: StoreFs = {
  lstat: (path) => fsp.lstat(path),
  realpath: (path) => fsp.realpath(path),
  access: (path, mode) => fsp.access(path, mode),
  mkdir: (path, options) => fsp.mkdir(path, options),
  open: (path, flags, mode) => fsp.open(path, flags, mode),
  write: (handle, data) => handle.writeFile(data),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (path) => fsp.unlink(path),
};

// O_NOFOLLOW does not exist on Windows, where links are not followed by a plain open of a file anyway.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;

/** The error code of a failed call ('EACCES', 'ENOSPC', …). */
export function errorCode(error: unknown, fallback = 'EIO'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : fallback;
}

/** What a path is, looked at with lstat (never opened, never followed). */
export type PathKind = 'missing' | 'file' | 'folder' | 'symlink' | 'fifo' | 'device' | 'socket' | 'other';

/** The kind of a path from its lstat. */
export function pathKind(stats: Stats | undefined): PathKind {
  if (!stats) return 'missing';
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'folder';
  if (stats.isSymbolicLink()) return 'symlink';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

/** lstat, with a missing path (or a path through a file) as undefined. */
export async function lstatOrMissing(fs: StoreFs, path: string): Promise<Stats | undefined> {
  try {
    return await fs.lstat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Whether two lstats are the same file, unchanged (same inode, size and change time). */
export function sameFile(a: Stats, b: Stats): boolean {
  return (
    a.dev === b.dev &&
    a.ino === b.ino &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs
  );
}

/** Reading a regular file: the bytes and the lstat they belong to, or why not. */
export type ReadResult =
  | { readonly ok: true; readonly bytes: Buffer; readonly stats: Stats }
  | { readonly ok: false; readonly code: string };

/**
 * Reads a file already seen (by lstat) to be a regular file: opened without following a link and without
 * waiting (a FIFO swapped in since would otherwise block), and checked again once open. At most `maxBytes`.
 */
export async function readRegularFile(
  fs: StoreFs,
  path: string,
  seen: Stats,
  maxBytes: number,
): Promise<ReadResult> {
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fs.open(path, constants.O_RDONLY | NOFOLLOW | NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile() || stats.dev !== seen.dev || stats.ino !== seen.ino)
      return { ok: false, code: 'CHANGED' };
    if (stats.size > maxBytes) return { ok: false, code: 'EFBIG' };
    const bytes = await handle.readFile();
    if (bytes.length > maxBytes) return { ok: false, code: 'EFBIG' };
    return { ok: true, bytes, stats };
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** A write that happened, or the error code of the one that did not (nothing is left behind either way). */
export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly code: string };

async function writeAll(
  fs: StoreFs,
  handle: fsp.FileHandle,
  data: Uint8Array,
  options: ReplaceOptions,
): Promise<void> {
  await fs.write(handle, data);
  if (process.platform !== 'win32') {
    // The mode given to open is reduced by the umask; this makes it exact.
    await handle.chmod(options.mode);
    const { owner } = options;
    if (owner && process.getuid?.() === 0) await handle.chown(owner.uid, owner.gid);
  }
  if (options.sync !== false) await handle.sync();
}

/**
 * Creates a file that must not exist yet (O_CREAT|O_EXCL, never through a link) with this mode and content.
 * If writing fails, the file it created is removed.
 */
export async function createExclusive(
  fs: StoreFs,
  path: string,
  data: Uint8Array,
  mode: number,
): Promise<WriteResult> {
  let handle: fsp.FileHandle;
  try {
    handle = await fs.open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, mode);
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  }
  try {
    await writeAll(fs, handle, data, { mode });
    await handle.close();
    return { ok: true };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    return { ok: false, code: errorCode(error) };
  }
}

/** How a replacement is made. */
export type ReplaceOptions = {
  readonly mode: number;
  /** Keep this owner when running as root (a file replaced by `sudo` stays its owner's). */
  readonly owner?: { readonly uid: number; readonly gid: number };
  /** The file as it was read: if it is no longer that file, unchanged, nothing is replaced ('CHANGED'). */
  readonly expect?: Stats;
  /** Flush to disk before the rename (default); off for the progress file, written on every move. */
  readonly sync?: boolean;
};

/**
 * Replaces (or creates) a file atomically: a temporary file in the same folder, created exclusively with the
 * final mode, written and synced, then renamed over the target. On any failure the temporary file is removed
 * and the target is as it was.
 */
export async function replaceAtomically(
  fs: StoreFs,
  path: string,
  data: Uint8Array,
  options: ReplaceOptions,
): Promise<WriteResult> {
  // crypto loads on the first write, not with the progress file's first read (before the first screen).
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let handle: fsp.FileHandle;
  try {
    handle = await fs.open(
      temp,
      constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW,
      options.mode,
    );
  } catch (error) {
    return { ok: false, code: errorCode(error) };
  }
  try {
    try {
      await writeAll(fs, handle, data, options);
    } finally {
      await handle.close();
    }
    if (options.expect) {
      const now = await lstatOrMissing(fs, path);
      if (!(now?.isFile() && sameFile(now, options.expect)))
        throw Object.assign(new Error('changed'), { code: 'CHANGED' });
    }
    await fs.rename(temp, path);
    return { ok: true };
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    return { ok: false, code: errorCode(error) };
  }
}
