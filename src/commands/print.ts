/** The plain-text guide: every step numbered, with what its screen shows, then how to practise. */
import { PRICE_TABLE, whatItBuys } from '../api/prices.js';
import { type CurlExtras, curlCommand, DEFAULT_BASE_URL } from '../api/request.js';
import { asciiFold, type Content, contentFor, fill, plain } from '../content/content.js';
import { keepWhere } from '../content/keep-where.js';
import type { Locale } from '../content/locale.js';
import { formatAbout, formatCompact } from '../content/numbers.js';
import { consentPath } from '../team/consent.js';
import { describeProblem, describeTeam, readFailure, shownPath } from '../team/describe.js';
import { teamFlow } from '../team/flow.js';
import { loadTeam } from '../team/load.js';
import type { TeamFile } from '../team/team-file.js';
import { KEY_PLACEHOLDER, keepKeyLine, type Shell } from '../text/shell.js';
import { toolCommand } from '../text/shell-quote.js';
import { type FlowStep, PERSONAL_FLOW, stepText } from '../wizard/flow.js';
import { PAGES } from '../wizard/steps.js';
import type { Flags } from './args.js';

/** A team file to print the guide of: its path as the user should see it, and what it says. */
export type PrintTeam = { readonly path: string; readonly file: TeamFile };

/** What `printGuide` prints for: the language is its first argument. */
export type PrintOptions = {
  readonly ascii: boolean;
  readonly baseUrl?: string;
  readonly model?: string;
  readonly team?: PrintTeam;
  /** Whose startup file the last step names; bash (the post's shell) when not given. */
  readonly shell?: Shell;
  /** What the call sends besides the guide's request (the organization and project, a token cap). */
  readonly extras?: CurlExtras;
};

/** The amount the amount screen starts with (and the post bought): the printed estimate is for it. */
const EXAMPLE_AMOUNT = 10;

/**
 * One piece of a printed step: a sentence (indented under the step's title), or a command or address on
 * a line of its own (not indented, so that it copies cleanly; a command stands between blank lines).
 */
type Piece = { readonly text: string } | { readonly url: string } | { readonly code: string };

/**
 * What a step's screen shows besides its explanation, labels and page, as print-safe pieces: the facts,
 * commands and addresses, never what is said only to someone at the keyboard (`hint` keys, fields, choices).
 */
function stepExtras(step: FlowStep, content: Content, locale: Locale, options: PrintOptions): Piece[] {
  const shell = options.shell ?? 'bash';
  switch (step.id) {
    case 'card':
    case 'confirm':
      return [{ text: content.steps.card.declined }];
    case 'amount': {
      const text = content.steps.amount;
      const buys = whatItBuys(EXAMPLE_AMOUNT);
      const estimate = buys
        ? fill(text.estimate, {
            date: PRICE_TABLE.asOf,
            amount: EXAMPLE_AMOUNT,
            calls: formatAbout(buys.calls, locale),
            input: formatCompact(buys.inputTokens, locale),
            output: formatCompact(buys.outputTokens, locale),
          })
        : undefined;
      return [...(estimate ? [{ text: estimate }] : []), { text: text.facts }];
    }
    case 'api-key':
      return [{ text: content.steps['api-key'].commonCause }];
    case 'test-call':
      // The post sets the key, then sends its request: the same two lines, with a placeholder for the key.
      return [
        { text: content.print.testBody },
        {
          code: `export OPENAI_API_KEY="${KEY_PLACEHOLDER}"\n${toolCommand('check', { team: options.team?.path })}`,
        },
        { text: content.steps['test-call'].curlTitle },
        {
          code: curlCommand(
            options.baseUrl ?? DEFAULT_BASE_URL,
            options.model ?? 'gpt-4o-mini',
            false,
            options.extras,
          ),
        },
      ];
    case 'done': {
      const text = content.steps.done;
      const team = options.team?.file;
      const keep = keepKeyLine(shell, {
        ...(team?.baseUrl ? { baseUrl: team.baseUrl } : {}),
        ...(team?.project ? { projectId: team.project.id } : {}),
      });
      return [
        { text: fill(text.keepKey, { shell: keep.label }) },
        { text: keepWhere(keep, text) },
        { code: keep.line },
        ...(keep.file ? [{ text: text.keepKeyNote }] : []),
        { text: `- ${text.history}` },
        { text: `- ${text.git}` },
        { text: `- ${text.revoke}` },
        { url: PAGES.apiKeys },
        { text: `- ${text.limits}` },
        { url: PAGES.limits },
        { url: PAGES.usage },
      ];
    }
    default:
      return [];
  }
}

/** Pieces as lines: sentences indented, addresses alone, commands between blank lines. */
function pieceLines(pieces: readonly Piece[]): string[] {
  return pieces.flatMap((piece) => {
    // Every line of a sentence is indented: a team file's text may hold line breaks, and a line of it must
    // not stand alone as the guide's commands and addresses do.
    if ('text' in piece)
      return plain(piece.text, '"')
        .split('\n')
        .map((line) => (line === '' ? '' : `   ${line}`));
    if ('url' in piece) return [piece.url];
    return ['', piece.code, ''];
  });
}

/** The whole guide as text, ready to print or pipe: the team's guide when a team file is in use. */
export function printGuide(locale: Locale, options: PrintOptions): string {
  const content = contentFor(locale);
  const text = content.print;
  const team = options.team;
  const lines: string[] = [
    // When the team pays there is nothing to top up: the title says what the guide is for.
    team?.file.payer === 'team' ? fill(text.teamTitle, { team: team.file.name }) : text.title,
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
    const pieces: Piece[] = [
      ...[...s.body, ...s.more].map((paragraph) => ({ text: paragraph })),
      ...stepExtras(step, content, locale, options),
      ...(s.labels.length > 0
        ? [{ text: fill(text.lookFor, { labels: s.labels.map((label) => `"${label}"`).join(', ') }) }]
        : []),
      // The URL stands alone on its line so that it copies cleanly.
      ...(step.url ? [{ text: text.page }, { url: step.url }] : []),
    ];
    lines.push(...pieceLines(pieces), '');
  });
  lines.push(
    text.testPractice,
    '',
    'openai-topup check --demo',
    'openai-topup serve',
    '',
    text.interactive,
    '',
  );
  // A command ends a step with a blank line of its own: one is enough.
  const out = lines.join('\n').replace(/\n{3,}/g, '\n\n');
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
