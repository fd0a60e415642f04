/**
 * `openai-topup team check [FILE]` and `openai-topup team init`: functions that return what to print and the
 * exit code, so the command line only writes them out (and tests need no process).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asciiFold, contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { describeProblem, describeTeam, readFailure, shownPath } from '../team/describe.js';
import { findTeamFile, readTeamFile } from '../team/find.js';
import { starterTeamFile } from '../team/starter.js';
import { parseTeamFile, TEAM_FILE_NAME } from '../team/team-file.js';
import { cleanText } from '../text/sanitize.js';

/** What a command prints and how it exits. */
export type CommandOutput = { readonly code: 0 | 2; readonly stdout: string; readonly stderr: string };

/** What `team check` needs. */
export type TeamCheckOptions = {
  /** The FILE argument, as typed; undefined to check the file that would be found. */
  readonly file?: string | undefined;
  readonly cwd: string;
  readonly lang: Locale;
  /** ASCII symbols only (`--ascii`). */
  readonly ascii?: boolean;
};

/** What `team init` needs. */
export type TeamInitOptions = { readonly cwd: string; readonly lang: Locale; readonly ascii?: boolean };

const lines = (items: readonly string[]) => (items.length === 0 ? '' : `${items.join('\n')}\n`);

/** Validates a named team file, or the one that would be found; every problem, one a line, then a summary. */
export function runTeamCheck(options: TeamCheckOptions): CommandOutput {
  const content = contentFor(options.lang);
  const words = content.team.check;
  const say = (text: string) => (options.ascii ? asciiFold(text) : text);
  let path: string | undefined;
  try {
    path = options.file === undefined ? findTeamFile(options.cwd) : resolve(options.cwd, options.file);
  } catch (error) {
    // A relative FILE from a folder that no longer exists.
    const file = cleanText(options.file ?? '.');
    const reason = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      code: 2,
      stdout: '',
      stderr: say(lines([readFailure({ reason: 'unreadable', code: reason }, file, options.lang)])),
    };
  }
  if (path === undefined) {
    return {
      code: 2,
      stdout: '',
      stderr: say(lines([fill(words.notFound, { cwd: cleanText(options.cwd) })])),
    };
  }
  const file = options.file === undefined ? shownPath(path, options.cwd) : cleanText(options.file);
  const read = readTeamFile(path);
  if (!read.ok) return { code: 2, stdout: '', stderr: say(lines([readFailure(read, file, options.lang)])) };

  const parsed = parseTeamFile(read.text);
  if (!parsed.ok) {
    const count = parsed.problems.length;
    const summary = count === 1 ? fill(words.invalidOne, { file }) : fill(words.invalidMany, { file, count });
    const out = [...parsed.problems.map((problem) => describeProblem(problem, content)), summary];
    return { code: 2, stdout: say(lines(out)), stderr: '' };
  }
  const out = [
    ...parsed.warnings.map((problem) => fill(words.warning, { problem: describeProblem(problem, content) })),
    fill(words.valid, { file, name: parsed.team.name }),
    ...describeTeam(parsed.team, content).map((line) => `  ${line}`),
  ];
  return { code: 0, stdout: say(lines(out)), stderr: '' };
}

/** Writes a starter `openai-topup.team.json` in `cwd`, never over an existing one. */
export function runTeamInit(options: TeamInitOptions): CommandOutput {
  const words = contentFor(options.lang).team.init;
  const say = (text: string) => (options.ascii ? asciiFold(text) : text);
  const path = join(options.cwd, TEAM_FILE_NAME);
  const file = TEAM_FILE_NAME;
  try {
    // Created exclusively: an existing file, even a dangling symbolic link, is left as it is.
    writeFileSync(path, starterTeamFile(options.lang), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const line =
      code === 'EEXIST' ? fill(words.exists, { file }) : fill(words.failed, { file, reason: code });
    return { code: 2, stdout: '', stderr: say(lines([line])) };
  }
  return { code: 0, stdout: say(lines([fill(words.written, { file })])), stderr: '' };
}
