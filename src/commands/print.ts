/** The plain-text guide: every step numbered, with labels and URLs, then how to run the test call. */
import { type CurlExtras, curlCommand, DEFAULT_BASE_URL } from '../api/request.js';
import { asciiFold, contentFor, fill, plain } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { consentPath } from '../team/consent.js';
import { describeProblem, describeTeam, readFailure, shownPath } from '../team/describe.js';
import { teamFlow } from '../team/flow.js';
import { loadTeam } from '../team/load.js';
import type { TeamFile } from '../team/team-file.js';
import { shellWord } from '../text/shell-quote.js';
import { PERSONAL_FLOW, stepText } from '../wizard/flow.js';
import type { Flags } from './args.js';

/** A team file to print the guide of: its path as the user should see it, and what it says. */
export type PrintTeam = { readonly path: string; readonly file: TeamFile };

/** The whole guide as text, ready to print or pipe: the team's guide when a team file is in use. */
export function printGuide(
  locale: Locale,
  options: { ascii: boolean; baseUrl?: string; model?: string; team?: PrintTeam; extras?: CurlExtras },
): string {
  const content = contentFor(locale);
  const text = content.print;
  const team = options.team;
  const lines: string[] = [
    text.title,
    '',
    text.intro,
    fill(content.meta.labelsCheckedNote, { date: content.meta.labelsCheckedOn }),
    '',
  ];
  if (team) {
    lines.push(fill(content.team.wizard.inUse, { path: team.path, team: team.file.name }));
    for (const line of describeTeam(team.file, content)) lines.push(`- ${line}`);
    lines.push('');
  }
  const flow = team ? teamFlow(team.file) : PERSONAL_FLOW;
  flow.steps.forEach((step, index) => {
    const s = stepText(step, content, flow.vars);
    lines.push(`${index + 1}. ${s.title}`);
    // Plain text has no screen to fit: the longer explanation is printed too.
    for (const paragraph of [...s.body, ...s.more]) lines.push(`   ${plain(paragraph, '"')}`);
    if (step.id === 'card' || step.id === 'confirm') lines.push(`   ${content.steps.card.declined}`);
    if (s.labels.length > 0) {
      lines.push(`   ${fill(text.lookFor, { labels: s.labels.map((label) => `"${label}"`).join(', ') })}`);
    }
    // The URL stands alone on its line so that it copies cleanly.
    if (step.url) lines.push(`   ${text.page}`, step.url);
    lines.push('');
  });
  lines.push(
    text.testTitle,
    text.testBody,
    '',
    team ? `openai-topup check --team ${shellWord(team.path)}` : 'openai-topup check',
    '',
    curlCommand(options.baseUrl ?? DEFAULT_BASE_URL, options.model ?? 'gpt-4o-mini', false, options.extras),
    '',
    text.testPractice,
    '',
    'openai-topup check --demo',
    'openai-topup serve',
    '',
    text.interactive,
    '',
  );
  const out = lines.join('\n');
  return options.ascii ? asciiFold(out) : out;
}

/** What `--print` prints with: the team file in use, sentences for stderr, or the problem that stops it. */
export type PrintChoice =
  | { readonly ok: true; readonly team?: PrintTeam; readonly notes: readonly string[] }
  | { readonly ok: false; readonly message: string };

/**
 * The team file `--print` uses: one named with --team (a file that cannot be used stops it, exit 2), or one
 * found here or at the repository's root that the user said yes to in the wizard. A found file without that
 * yes is not used, and stderr says so; neither is one that cannot be used.
 */
export function printTeamFor(flags: Flags, env: NodeJS.ProcessEnv, cwd: string | undefined): PrintChoice {
  if (cwd === undefined && flags.team === undefined) return { ok: true, notes: [] };
  const where = cwd ?? '.';
  const start = loadTeam({
    ...(flags.team !== undefined ? { named: flags.team } : {}),
    cwd: where,
    find: true,
    consentFile: consentPath(env),
  });
  if (start.kind === 'none') return { ok: true, notes: [] };
  const content = contentFor(flags.lang);
  const path = shownPath(start.path, where);
  if (start.kind === 'broken') {
    const problems = start.failure
      ? [readFailure(start.failure, path, flags.lang)]
      : start.problems.map((problem) => `  ${describeProblem(problem, content)}`);
    if (flags.team !== undefined)
      return {
        ok: false,
        message: [fill(content.print.teamNamedBroken, { file: path }), ...problems].join('\n'),
      };
    return { ok: true, notes: [fill(content.print.teamBroken, { path }), ...problems] };
  }
  if (start.kind === 'ask') return { ok: true, notes: [fill(content.print.teamFound, { path })] };
  return { ok: true, team: { path, file: start.team }, notes: [] };
}
