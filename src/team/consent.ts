/**
 * The user's yes to a team file, remembered in `team-consent.json` in the config folder: that a found (not
 * named) team file may be used, by its path and the hash of its content; and that the key may be sent to an
 * origin a team file names, by the file's path and the origin. Either is asked again when what it was given
 * for changes. It never holds the key: only the listed fields are ever written. Every failure is a value.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { progressPaths } from '../store/paths.js';
import { originOf } from './origin.js';

const PROGRAM = 'openai-topup';
const SCHEMA = 1;
// Enough for every repository a person works in; the oldest answers go first, so the file stays small.
const MAX_ENTRIES = 100;
const MAX_BYTES = 1024 * 1024;

/** The consent file's name in the config folder. */
export const CONSENT_FILE_NAME = 'team-consent.json';

/** Where the consent file is: next to the progress file. */
export function consentPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(progressPaths(env).dir, CONSENT_FILE_NAME);
}

/** A yes to using a found team file: its absolute path and the sha256 (hex) of its bytes. */
export type FileGrant = { readonly path: string; readonly hash: string };
/** A yes to sending the key where a team file says: the file's absolute path and the origin. */
export type OriginGrant = { readonly path: string; readonly origin: string };

/** What the consent file holds. */
export type Consent = { readonly files: readonly FileGrant[]; readonly origins: readonly OriginGrant[] };

/** What reading the consent file gave; a missing file is an empty consent. */
export type ConsentLoad =
  | { readonly ok: true; readonly consent: Consent }
  | { readonly ok: false; readonly reason: 'not-file' | 'corrupt' | 'foreign' | 'unreadable' };

/** The result of recording a yes. */
export type ConsentWrite = { readonly ok: true } | { readonly ok: false; readonly reason: string };

export { allowHostMatches, DEFAULT_ORIGIN, needsOriginConsent, originOf } from './origin.js';

const HASH = /^[0-9a-f]{64}$/;

function isFileGrant(value: unknown): value is FileGrant {
  const grant = value as Record<string, unknown> | null;
  return (
    typeof grant === 'object' &&
    grant !== null &&
    typeof grant.path === 'string' &&
    typeof grant.hash === 'string' &&
    HASH.test(grant.hash)
  );
}

function isOriginGrant(value: unknown): value is OriginGrant {
  const grant = value as Record<string, unknown> | null;
  return (
    typeof grant === 'object' &&
    grant !== null &&
    typeof grant.path === 'string' &&
    typeof grant.origin === 'string' &&
    originOf(grant.origin) === grant.origin
  );
}

/** Reads the consent file. Only a regular file is opened; entries that are not well formed are dropped. */
export function loadConsent(file: string): ConsentLoad {
  try {
    const stats = statSync(file);
    if (!stats.isFile()) return { ok: false, reason: 'not-file' };
    if (stats.size > MAX_BYTES) return { ok: false, reason: 'corrupt' };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? { ok: true, consent: { files: [], origins: [] } }
      : { ok: false, reason: 'unreadable' };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, reason: 'corrupt' };
  const record = data as Record<string, unknown>;
  if (record.program !== PROGRAM || record.schema !== SCHEMA) return { ok: false, reason: 'foreign' };
  const list = (value: unknown) => (Array.isArray(value) ? value : []);
  return {
    ok: true,
    consent: {
      files: list(record.files)
        .filter(isFileGrant)
        .map(({ path, hash }) => ({ path, hash })),
      origins: list(record.origins)
        .filter(isOriginGrant)
        .map(({ path, origin }) => ({ path, origin })),
    },
  };
}

/** Whether the user said yes to using this team file with exactly this content. False when unsure. */
export function hasFileConsent(file: string, grant: FileGrant): boolean {
  const loaded = loadConsent(file);
  const path = resolve(grant.path);
  return loaded.ok && loaded.consent.files.some((g) => g.path === path && g.hash === grant.hash);
}

/** Whether the user said yes to sending the key to this origin for this team file. False when unsure. */
export function hasOriginConsent(file: string, grant: OriginGrant): boolean {
  const loaded = loadConsent(file);
  const path = resolve(grant.path);
  return loaded.ok && loaded.consent.origins.some((g) => g.path === path && g.origin === grant.origin);
}

/** Remembers a yes to using a found team file with this content. */
export function recordFileConsent(file: string, grant: FileGrant): ConsentWrite {
  if (!HASH.test(grant.hash)) return { ok: false, reason: 'bad hash' };
  const entry = { path: resolve(grant.path), hash: grant.hash };
  return update(file, (consent) => ({
    files: [...consent.files.filter((g) => g.path !== entry.path || g.hash !== entry.hash), entry],
    origins: consent.origins,
  }));
}

/** Remembers a yes to sending the key to an origin (as `originOf` gives it) for a team file. */
export function recordOriginConsent(file: string, grant: OriginGrant): ConsentWrite {
  if (originOf(grant.origin) !== grant.origin) return { ok: false, reason: 'bad origin' };
  const entry = { path: resolve(grant.path), origin: grant.origin };
  return update(file, (consent) => ({
    files: consent.files,
    origins: [...consent.origins.filter((g) => g.path !== entry.path || g.origin !== entry.origin), entry],
  }));
}

function update(file: string, change: (consent: Consent) => Consent): ConsentWrite {
  const loaded = loadConsent(file);
  // A corrupt file holds no answer worth keeping; anything else (a folder, another program's file, one we
  // cannot read) is left alone.
  if (!loaded.ok && loaded.reason !== 'corrupt') return { ok: false, reason: loaded.reason };
  const next = change(loaded.ok ? loaded.consent : { files: [], origins: [] });
  const data = {
    program: PROGRAM,
    schema: SCHEMA,
    files: next.files.slice(-MAX_ENTRIES).map(({ path, hash }) => ({ path, hash })),
    origins: next.origins.slice(-MAX_ENTRIES).map(({ path, origin }) => ({ path, origin })),
  };
  return writeFileAtomically(file, `${JSON.stringify(data, null, 2)}\n`);
}

/** Writes a temporary file next to the target and renames it over; a failure leaves no temporary file. */
export function writeFileAtomically(file: string, text: string): ConsentWrite {
  const { randomBytes } = process.getBuiltinModule('node:crypto');
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    renameSync(temp, file);
    return { ok: true };
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing more can be done; the write already failed and says so.
    }
    return { ok: false, reason: (error as NodeJS.ErrnoException).code ?? 'write failed' };
  }
}
