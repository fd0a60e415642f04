/**
 * Keeping the API key where the user's code will find it, when they ask: `OPENAI_API_KEY=…` in a `.env` file
 * in a given folder (the convention of dotenv and of the OpenAI SDKs' examples), and `.env` in the
 * repository's `.gitignore` when git would otherwise see it. Two steps, so that the screen can ask first:
 * planEnvFile looks and changes nothing; applyEnvFile checks everything again and writes.
 *
 * Every refusal is a value with one reason, and leaves every file as it was. The key is never part of a plan,
 * a result or a refusal: plans show it masked, and it travels from plan to apply in a private table.
 */
import type { Stats } from 'node:fs';
import { constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { findGit, findRepositoryRoot, type GitFileStatus, gitFileStatus } from '../system/git.js';
import { maskKey } from '../text/secrets.js';
import {
  addIgnoreLine,
  bytesToText,
  type EnvAssignment,
  type EnvName,
  type EnvText,
  entryCount,
  lastEntry,
  parseEnvText,
  readEnvValues,
  renderEnvValue,
  setEnvValues,
  textToBytes,
} from './env-text.js';
import {
  createExclusive,
  errorCode,
  lstatOrMissing,
  nodeFs,
  pathKind,
  readRegularFile,
  replaceAtomically,
  type StoreFs,
  type WriteResult,
} from './file-system.js';

/** What `.env` may hold besides the key: a team's gateway and project. */
export type EnvExtra = { readonly baseUrl?: string; readonly projectId?: string };

/** What to plan. */
export type PlanRequest = {
  /** The folder the `.env` goes in (the current folder, for the wizard). */
  readonly dir: string;
  /** The key, from the wizard's memory. */
  readonly key: string;
  readonly extra?: EnvExtra;
  /** Where PATH (to find git) comes from; process.env by default. */
  readonly env?: NodeJS.ProcessEnv;
  /** The file system; node:fs/promises by default (tests inject failures). */
  readonly fs?: StoreFs;
  readonly gitTimeoutMs?: number;
};

/** Why nothing was (or will be) written. */
export type EnvRefusalReason =
  | 'noFolder'
  | 'readOnly'
  | 'envFolder'
  | 'envSymlink'
  | 'envHardLink'
  | 'envSpecial'
  | 'envUnreadable'
  | 'envTooLarge'
  | 'envUnsafe'
  | 'gitignoreSymlink'
  | 'gitignoreSpecial'
  | 'gitignoreUnreadable'
  | 'tracked'
  | 'negated'
  | 'notIgnorable'
  | 'gitMissing'
  | 'gitFailed'
  | 'badValue'
  | 'diskFull'
  | 'writeFailed'
  | 'changed';

/** A refusal: one reason, the path it is about, and a detail to show (an error code, a git pattern, a name). */
export type EnvRefusal = {
  readonly kind: 'refused';
  readonly reason: EnvRefusalReason;
  readonly path: string;
  readonly detail?: string;
  /** Set when undoing an earlier step failed, so that this file keeps a change (only ever the .gitignore line). */
  readonly leftChanged?: string;
};

/** What applyEnvFile will do. Every path is absolute. */
export type EnvPlan = {
  readonly kind: 'plan';
  /** The folder, as a real absolute path. */
  readonly dir: string;
  readonly envPath: string;
  readonly envExists: boolean;
  /** Every file that will be written, in order. */
  readonly writes: readonly string[];
  /** Names set by this plan, in the order written. */
  readonly names: readonly EnvName[];
  /** Names whose existing line would be replaced where it stands (needs its own yes). */
  readonly replaces: readonly EnvName[];
  /** Names added at the end. */
  readonly adds: readonly EnvName[];
  /** Whether the file already sets OPENAI_API_KEY (that line would be replaced). */
  readonly existingKey: boolean;
  /** How many OPENAI_API_KEY lines the file has (the last is the one replaced). */
  readonly keyLines: number;
  /** The file's current mode (e.g. 0o644) when it will change to 0600. */
  readonly modeFrom?: number;
  /** The .gitignore that gets a `.env` line, when one does. */
  readonly gitignore?: { readonly path: string; readonly exists: boolean };
  /** The repository root, when the folder is in one. */
  readonly repository?: string;
  /** The git ignore file that already covers `.env`, when one does. */
  readonly ignoredBy?: string;
  /** The key as it may be shown. */
  readonly maskedKey: string;
};

/** What planning found. */
export type PlanResult = EnvPlan | EnvRefusal;

/** What applying did. */
export type ApplyResult =
  | {
      readonly kind: 'written';
      readonly envPath: string;
      readonly created: boolean;
      readonly names: readonly EnvName[];
      readonly replaced: readonly EnvName[];
      readonly added: readonly EnvName[];
      readonly modeChanged: boolean;
      readonly gitignore?: { readonly path: string; readonly created: boolean };
      /** Every file written, in order. */
      readonly written: readonly string[];
      readonly maskedKey: string;
    }
  /** The file already set these names and the user said no: nothing was written. */
  | { readonly kind: 'kept'; readonly envPath: string; readonly kept: readonly EnvName[] }
  | EnvRefusal;

/** What applyEnvFile is told. */
export type ApplyOptions = {
  /** Yes to replacing the existing lines the plan lists in `replaces` (the key line above all). */
  readonly replaceExistingKey: boolean;
};

const ENV_MODE = 0o600;
const GITIGNORE_MODE = 0o644;
const MAX_FILE_BYTES = 1024 * 1024;

// The key and the request behind each plan, out of sight of JSON.stringify, inspect and test snapshots.
const requests = new WeakMap<EnvPlan, PlanRequest>();

type Looked = {
  readonly plan: EnvPlan;
  readonly envText?: EnvText;
  readonly envStats?: Stats;
  readonly gitignoreText?: string;
  readonly gitignoreStats?: Stats;
  readonly assignments: readonly EnvAssignment[];
  readonly git?: { readonly git: string; readonly root: string };
};

const refuse = (reason: EnvRefusalReason, path: string, detail?: string): EnvRefusal =>
  detail === undefined ? { kind: 'refused', reason, path } : { kind: 'refused', reason, path, detail };

/** The refusal for a failed write, from its error code. */
function writeRefusal(code: string, path: string): EnvRefusal {
  if (code === 'ENOSPC' || code === 'EDQUOT') return refuse('diskFull', path, code);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return refuse('readOnly', path, code);
  if (code === 'EEXIST' || code === 'CHANGED') return refuse('changed', path);
  return refuse('writeFailed', path, code);
}

async function writable(fs: StoreFs, dir: string): Promise<string | undefined> {
  try {
    await fs.access(dir, constants.W_OK);
    return undefined;
  } catch (error) {
    return errorCode(error);
  }
}

/** What is at the path, refused unless it is a regular file with one name (or nothing). */
function checkEnvPath(stats: Stats | undefined, path: string): EnvRefusal | undefined {
  switch (pathKind(stats)) {
    case 'missing':
      return undefined;
    case 'file':
      return stats && stats.nlink > 1 ? refuse('envHardLink', path, String(stats.nlink)) : undefined;
    case 'folder':
      return refuse('envFolder', path);
    case 'symlink':
      return refuse('envSymlink', path);
    default:
      return refuse('envSpecial', path, pathKind(stats));
  }
}

function assignmentsFor(request: PlanRequest): EnvAssignment[] | EnvRefusal {
  const list: EnvAssignment[] = [{ name: 'OPENAI_API_KEY', value: request.key }];
  if (request.extra?.baseUrl !== undefined)
    list.push({ name: 'OPENAI_BASE_URL', value: request.extra.baseUrl });
  if (request.extra?.projectId !== undefined)
    list.push({ name: 'OPENAI_PROJECT_ID', value: request.extra.projectId });
  const bad = list.find((item) => renderEnvValue(item.value) === undefined);
  // The detail is the name, never the value.
  return bad ? refuse('badValue', resolve(request.dir, '.env'), bad.name) : list;
}

async function gitStep(
  request: PlanRequest,
  fs: StoreFs,
  envPath: string,
  dir: string,
): Promise<
  | EnvRefusal
  | {
      readonly repository?: string;
      readonly ignoredBy?: string;
      readonly gitignore?: { readonly path: string; readonly stats?: Stats; readonly text?: string };
      readonly git?: { readonly git: string; readonly root: string };
    }
> {
  const root = await findRepositoryRoot(dir, (path) => fs.lstat(path));
  if (!root) return {};
  const env = request.env ?? process.env;
  const git = await findGit(env.PATH, root);
  if (!git) return refuse('gitMissing', root);
  const status: GitFileStatus = await gitFileStatus({
    git,
    root,
    file: envPath,
    env,
    ...(request.gitTimeoutMs === undefined ? {} : { timeoutMs: request.gitTimeoutMs }),
  });
  switch (status.kind) {
    case 'failed':
      return refuse('gitFailed', root, status.reason);
    case 'tracked':
      // Ignoring a tracked file changes nothing: the next commit would still carry the key.
      return refuse('tracked', envPath);
    case 'negated':
      return refuse('negated', envPath, `${status.source}:${status.line}: ${status.pattern}`);
    case 'ignored':
      return { repository: root, ignoredBy: resolve(root, status.source), git: { git, root } };
    case 'not-ignored':
      break;
  }
  const path = join(root, '.gitignore');
  const stats = await lstatOrMissing(fs, path).catch(() => undefined);
  const kind = pathKind(stats);
  if (kind === 'symlink') return refuse('gitignoreSymlink', path);
  if (kind !== 'file' && kind !== 'missing') return refuse('gitignoreSpecial', path, kind);
  const blocked = await writable(fs, root);
  if (blocked) return refuse('readOnly', root, blocked);
  if (!stats) return { repository: root, gitignore: { path }, git: { git, root } };
  const read = await readRegularFile(fs, path, stats, MAX_FILE_BYTES);
  if (!read.ok) return refuse(read.code === 'CHANGED' ? 'changed' : 'gitignoreUnreadable', path, read.code);
  const text = bytesToText(read.bytes);
  // Listed already, yet git does not ignore it: adding the line again would not help.
  if (addIgnoreLine(text) === undefined) return refuse('notIgnorable', path);
  return { repository: root, gitignore: { path, stats: read.stats, text }, git: { git, root } };
}

async function look(request: PlanRequest): Promise<Looked | EnvRefusal> {
  const fs = request.fs ?? nodeFs;
  const assignments = assignmentsFor(request);
  if (!Array.isArray(assignments)) return assignments;
  let dir: string;
  try {
    dir = await fs.realpath(resolve(request.dir));
    if (!(await fs.lstat(dir)).isDirectory()) return refuse('noFolder', dir);
  } catch (error) {
    return refuse('noFolder', resolve(request.dir), errorCode(error));
  }
  const envPath = join(dir, '.env');
  const blocked = await writable(fs, dir);
  if (blocked) return refuse('readOnly', dir, blocked);

  let envStats: Stats | undefined;
  try {
    envStats = await lstatOrMissing(fs, envPath);
  } catch (error) {
    return refuse('envUnreadable', envPath, errorCode(error));
  }
  const wrong = checkEnvPath(envStats, envPath);
  if (wrong) return wrong;
  let envText: EnvText | undefined;
  if (envStats) {
    const read = await readRegularFile(fs, envPath, envStats, MAX_FILE_BYTES);
    if (!read.ok) {
      if (read.code === 'CHANGED') return refuse('changed', envPath);
      return refuse(read.code === 'EFBIG' ? 'envTooLarge' : 'envUnreadable', envPath, read.code);
    }
    envStats = read.stats;
    envText = parseEnvText(bytesToText(read.bytes));
  }

  // The edit is made now, once, to check that every reader would get exactly these values and every other
  // variable would keep its value; applyEnvFile makes it again from the file as it is then.
  const parsed = envText ?? parseEnvText('');
  const edited = setEnvValues(parsed, assignments);
  if (edited === undefined) return refuse('badValue', envPath);
  const before = readEnvValues(parsed.text);
  const after = readEnvValues(edited);
  const set = new Map(assignments.map((item) => [item.name as string, item.value]));
  const faithful =
    [...set].every(([name, value]) => after.get(name) === value) &&
    [...before].every(([name, value]) => set.has(name) || after.get(name) === value) &&
    [...after.keys()].every((name) => set.has(name) || before.has(name));
  if (!faithful) return refuse('envUnsafe', envPath);

  const git = await gitStep(request, fs, envPath, dir);
  if ('kind' in git) return git;

  const names = assignments.map((item) => item.name);
  const replaces = names.filter((name) => lastEntry(parsed, name) !== undefined);
  const mode = envStats ? envStats.mode & 0o777 : ENV_MODE;
  const modeChanges = process.platform !== 'win32' && envStats !== undefined && mode !== ENV_MODE;
  const plan: EnvPlan = {
    kind: 'plan',
    dir,
    envPath,
    envExists: envStats !== undefined,
    writes: git.gitignore ? [git.gitignore.path, envPath] : [envPath],
    names,
    replaces,
    adds: names.filter((name) => !replaces.includes(name)),
    existingKey: replaces.includes('OPENAI_API_KEY'),
    keyLines: entryCount(parsed, 'OPENAI_API_KEY'),
    ...(modeChanges ? { modeFrom: mode } : {}),
    ...(git.gitignore
      ? { gitignore: { path: git.gitignore.path, exists: git.gitignore.stats !== undefined } }
      : {}),
    ...(git.repository ? { repository: git.repository } : {}),
    ...(git.ignoredBy ? { ignoredBy: git.ignoredBy } : {}),
    maskedKey: maskKey(request.key),
  };
  return {
    plan,
    assignments,
    ...(envText ? { envText } : {}),
    ...(envStats ? { envStats } : {}),
    ...(git.gitignore?.text !== undefined ? { gitignoreText: git.gitignore.text } : {}),
    ...(git.gitignore?.stats ? { gitignoreStats: git.gitignore.stats } : {}),
    ...(git.git ? { git: git.git } : {}),
  };
}

/** Looks at the folder, its `.env` and its repository, and says what applyEnvFile would write. Changes nothing. */
export async function planEnvFile(request: PlanRequest): Promise<PlanResult> {
  const looked = await look(request);
  if ('kind' in looked) return looked;
  requests.set(looked.plan, request);
  return looked.plan;
}

/** Puts the .gitignore back as it was; the path when that failed. */
async function undoGitignore(fs: StoreFs, looked: Looked): Promise<string | undefined> {
  const gitignore = looked.plan.gitignore;
  if (!gitignore) return undefined;
  try {
    if (!gitignore.exists) {
      await fs.unlink(gitignore.path);
      return undefined;
    }
    const stats = looked.gitignoreStats;
    const undone = await replaceAtomically(fs, gitignore.path, textToBytes(looked.gitignoreText ?? ''), {
      mode: stats ? stats.mode & 0o7777 : GITIGNORE_MODE,
      ...(stats ? { owner: { uid: stats.uid, gid: stats.gid } } : {}),
    });
    return undone.ok ? undefined : gitignore.path;
  } catch {
    return gitignore.path;
  }
}

/**
 * Writes what the plan lists, after checking everything again (the folder may have changed since): refused
 * with 'changed' when what it would do is no longer what the plan said. Existing lines are replaced only with
 * `replaceExistingKey`; without it nothing is written and the result says the lines were kept.
 */
export async function applyEnvFile(plan: EnvPlan, options: ApplyOptions): Promise<ApplyResult> {
  const request = requests.get(plan);
  if (!request) return refuse('changed', plan.envPath);
  const fs = request.fs ?? nodeFs;
  const looked = await look(request);
  if ('kind' in looked) return looked;
  const { envPath } = looked.plan;
  if (JSON.stringify(looked.plan) !== JSON.stringify(plan)) return refuse('changed', envPath);
  if (plan.replaces.length > 0 && !options.replaceExistingKey)
    return { kind: 'kept', envPath, kept: plan.replaces };

  const edited = setEnvValues(looked.envText ?? parseEnvText(''), looked.assignments);
  if (edited === undefined) return refuse('badValue', envPath);

  const written: string[] = [];
  const { gitignore } = plan;
  if (gitignore) {
    const text = looked.gitignoreText ?? '';
    const next = addIgnoreLine(text);
    if (next === undefined) return refuse('notIgnorable', gitignore.path);
    const stats = looked.gitignoreStats;
    const result: WriteResult = stats
      ? await replaceAtomically(fs, gitignore.path, textToBytes(next), {
          mode: stats.mode & 0o7777,
          owner: { uid: stats.uid, gid: stats.gid },
          expect: stats,
        })
      : await createExclusive(fs, gitignore.path, textToBytes(next), GITIGNORE_MODE);
    if (!result.ok) return writeRefusal(result.code, gitignore.path);
    written.push(gitignore.path);
    // Ask git again: only a file git now ignores gets the key.
    const status = looked.git
      ? await gitFileStatus({
          ...looked.git,
          file: envPath,
          env: request.env ?? process.env,
          ...(request.gitTimeoutMs === undefined ? {} : { timeoutMs: request.gitTimeoutMs }),
        })
      : undefined;
    if (status?.kind !== 'ignored') {
      const left = await undoGitignore(fs, looked);
      return { ...refuse('notIgnorable', gitignore.path), ...(left ? { leftChanged: left } : {}) };
    }
  }

  const stats = looked.envStats;
  const result = stats
    ? await replaceAtomically(fs, envPath, textToBytes(edited), {
        mode: ENV_MODE,
        owner: { uid: stats.uid, gid: stats.gid },
        expect: stats,
      })
    : await createExclusive(fs, envPath, textToBytes(edited), ENV_MODE);
  if (!result.ok) {
    const left = await undoGitignore(fs, looked);
    return { ...writeRefusal(result.code, envPath), ...(left ? { leftChanged: left } : {}) };
  }
  written.push(envPath);
  return {
    kind: 'written',
    envPath,
    created: !stats,
    names: plan.names,
    replaced: plan.replaces,
    added: plan.adds,
    modeChanged: plan.modeFrom !== undefined,
    ...(gitignore ? { gitignore: { path: gitignore.path, created: !gitignore.exists } } : {}),
    written,
    maskedKey: plan.maskedKey,
  };
}
