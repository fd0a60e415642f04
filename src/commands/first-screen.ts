/**
 * The welcome screen drawn before Ink loads (about 100 ms sooner), when the first screen will be the
 * welcome screen: deciding it (the progress file, the team-file search) and drawing it. Imported by cli.ts
 * with its other modules, in one go: a lazy import here was one more round of file reads before the first
 * frame. The frame's colours come from the level start-env.ts decided, passed in, not from chalk's own reading.
 */
import { welcomeFrame } from '../screens/first-frame.js';
import { progressPaths } from '../store/paths.js';
import { loadProgress } from '../store/progress.js';
import { supportsUnicode } from '../system/terminal.js';
import { findTeamFile } from '../team/find.js';
import type { Flags } from './args.js';

/**
 * Draws the welcome screen on stdout when it is the first screen and fits. Returns how many lines to erase
 * when Ink draws its own first frame, or undefined when nothing was drawn (Ink draws the first screen).
 */
export function drawFirstFrame(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  /** The colour level cli.ts decided (0: none). */
  colorLevel: number,
  /** The current folder, where a team file would be found; undefined when it no longer exists. */
  folder: string | undefined,
): number | undefined {
  const { columns, rows } = process.stdout;
  // With --debug the first screen carries a notice: Ink draws it.
  if (flags.screenReader || flags.debug || !columns || !rows || columns < 40 || rows < 15) return undefined;
  const paths = progressPaths(env);
  const saved = flags.restart
    ? { kind: 'none' as const }
    : loadProgress(flags.demo ? paths.demo : paths.progress);
  // A resume offer or a note about the file comes first: Ink draws those.
  if (saved.kind !== 'none' && !(saved.kind === 'found' && saved.progress.step === 'welcome'))
    return undefined;
  // A team file changes the first screen (a question, or the team's welcome): Ink draws that too.
  if (flags.team !== undefined) return undefined;
  if (folder !== undefined && findTeamFile(folder) !== undefined) return undefined;
  const frame = welcomeFrame({
    locale: flags.lang,
    columns,
    rows,
    ascii: flags.ascii || !supportsUnicode(env),
    colorLevel,
  });
  if (frame.split('\n').length >= rows) return undefined;
  process.stdout.write(`\u001b[?25l${frame}\n`);
  return frame.split('\n').length + 1;
}
