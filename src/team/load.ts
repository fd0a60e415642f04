/**
 * Where a team file enters a run: named with --team, or found in the current folder or the repository's root.
 * A found file is used only after the user's yes (remembered by its path and the hash of its content), and a
 * broken one never crashes anything: it becomes a list of problems. The one place that reads, parses and asks
 * consent for a team file; the wizard, `check` and `--print` take its result.
 */
import { resolve } from 'node:path';
import { hasFileConsent } from './consent.js';
import { findTeamFile, type ReadFailure, readTeamFile } from './find.js';
import { parseTeamFile, type TeamFile, type TeamProblem } from './team-file.js';

/** A team file in use: where it is (as the user should see it), the hash of its content, and what it says. */
export type TeamInUse = { readonly path: string; readonly hash: string; readonly file: TeamFile };

/** What a run starts with. */
export type TeamStart =
  | { readonly kind: 'none' }
  /** A valid file to use: named, or found and already agreed to. */
  | {
      readonly kind: 'use';
      readonly path: string;
      readonly hash: string;
      readonly team: TeamFile;
      readonly found: boolean;
    }
  /** A valid file found, not named, and not agreed to yet (or changed since): ask before using it. */
  | { readonly kind: 'ask'; readonly path: string; readonly hash: string; readonly team: TeamFile }
  /** A file that cannot be used: every problem, or why it could not be read. */
  | {
      readonly kind: 'broken';
      readonly path: string;
      readonly problems: readonly TeamProblem[];
      readonly failure?: ReadFailure;
    };

/** What deciding needs. */
export type TeamSource = {
  /** `--team FILE`, as typed. */
  readonly named?: string;
  readonly cwd: string;
  /** Look for a file when none is named (the wizard and --print do; `check` never does). */
  readonly find: boolean;
  /** The consent file (src/team/consent.ts consentPath). */
  readonly consentFile: string;
};

/** Reads, parses and checks consent: the team file a run starts with. */
export function loadTeam(source: TeamSource): TeamStart {
  let path: string | undefined;
  try {
    path =
      source.named !== undefined
        ? resolve(source.cwd, source.named)
        : source.find
          ? findTeamFile(source.cwd)
          : undefined;
  } catch (error) {
    // A relative path from a folder that no longer exists (resolve asks process.cwd(), which throws).
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      kind: 'broken',
      path: source.named ?? '.',
      problems: [],
      failure: { reason: 'unreadable', code },
    };
  }
  if (path === undefined) return { kind: 'none' };
  const read = readTeamFile(path);
  if (!read.ok) {
    const { ok: _ok, ...failure } = read;
    return { kind: 'broken', path, problems: [], failure };
  }
  const parsed = parseTeamFile(read.text);
  if (!parsed.ok) return { kind: 'broken', path, problems: parsed.problems };
  const found = source.named === undefined;
  if (found && !hasFileConsent(source.consentFile, { path, hash: read.hash }))
    return { kind: 'ask', path, hash: read.hash, team: parsed.team };
  return { kind: 'use', path, hash: read.hash, team: parsed.team, found };
}
