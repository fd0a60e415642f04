/**
 * `--help` and `help [command]`: every line from the locale files, the flag lists from FLAG_TABLE, the exit
 * codes from OUTCOMES and the scenarios from SCENARIOS, so that help cannot drift from what the tool does.
 * Pure: the caller passes the progress file paths. Lines fit 80 columns, in both languages.
 */
import { OUTCOMES } from '../api/outcomes.js';
import { textWidth } from '../components/text-width.js';
import { contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { SCENARIOS } from '../demo/scenario-names.js';
import { cleanText } from '../text/sanitize.js';
import { type Command, FLAG_TABLE, type HelpTopic } from './args.js';

/** Help is written for this many columns. */
export const HELP_WIDTH = 80;

/** Where progress is kept, as help shows it. */
export type HelpFiles = {
  readonly progress: string;
  readonly demo: string;
  /** The team files and hosts the user said yes to (src/team/consent.ts). */
  readonly consent: string;
  /** The home folder, shown as `~` at the start of a path (left out on Windows, where `~` means nothing). */
  readonly home?: string;
};

/** Words of a line, greedily filled to `width` columns (Korean characters take two). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && textWidth(`${line} ${word}`) > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** A label and its text in two columns; the text starts on the next line when the label is too long. */
function row(label: string, text: string, column: number): string[] {
  const head = `  ${label}`;
  const pad = ' '.repeat(column);
  const [firstLine = '', ...more] = wrap(text, HELP_WIDTH - column);
  const rest = more.map((line) => pad + line);
  const gap = column - textWidth(head);
  if (gap < 2) return [head, pad + firstLine, ...rest];
  return [head + ' '.repeat(gap) + firstLine, ...rest];
}

/** `-h, --help`, `--timeout SECONDS`. */
function flagLabel(name: string): string {
  const spec = FLAG_TABLE[name];
  return `${spec?.short ? `-${spec.short}, ` : ''}--${name}${spec?.value ? ` ${spec.value}` : ''}`;
}

/** The flags of one command, in the table's order. */
function flagsOf(command: Command, withHelp: boolean): string[] {
  return Object.entries(FLAG_TABLE)
    .filter(
      ([name, spec]) =>
        spec.commands.includes(command) && (withHelp || (name !== 'help' && name !== 'version')),
    )
    .map(([name]) => name);
}

/** The exit codes of the outcome table, in order. */
export function exitCodes(): number[] {
  return [...new Set(Object.values(OUTCOMES).map((outcome) => outcome.exitCode))].sort((a, b) => a - b);
}

/** The help text of a topic (`wizard`: the top-level help), ending with a newline. */
export function helpText(topic: HelpTopic, lang: Locale, files: HelpFiles): string {
  const help = contentFor(lang).cli.help;
  const flagRows = (command: Command) =>
    flagsOf(command, true).flatMap((name) => row(flagLabel(name), flagText(name), 29));
  const flagText = (name: string) => (help.flags as Record<string, string>)[name] ?? '';
  const codeText = (code: number) => (help.exitCodes as Record<string, string>)[String(code)] ?? '';
  // The config folder comes from the environment (XDG_CONFIG_HOME, APPDATA): shown inert.
  const display = (path: string) =>
    cleanText(files.home && path.startsWith(`${files.home}/`) ? `~${path.slice(files.home.length)}` : path);
  const usage = {
    wizard: ['openai-topup [flags]', help.usage.wizard],
    check: ['openai-topup check [flags]', help.usage.check],
    serve: ['openai-topup serve [flags]', help.usage.serve],
    teamCheck: ['openai-topup team check [FILE]', help.usage.teamCheck],
    teamInit: ['openai-topup team init', help.usage.teamInit],
    help: ['openai-topup help [COMMAND]', help.usage.help],
  } as const;
  const usageRow = (key: keyof typeof usage) => row(usage[key][0], usage[key][1], 35);

  let lines: string[];
  if (topic === 'check') {
    lines = [
      ...wrap(help.check.title, HELP_WIDTH),
      '',
      `${help.usageTitle} openai-topup check [flags]`,
      ...wrap(help.check.key, HELP_WIDTH),
      '',
      help.flagsTitle,
      ...flagRows('check'),
      '',
      help.kindsTitle,
      ...exitCodes().flatMap((code) => [
        ...row(String(code), codeText(code), 9),
        ...row(
          '',
          Object.entries(OUTCOMES)
            .filter(([, outcome]) => outcome.exitCode === code)
            .map(([kind]) => kind)
            .join(', '),
          9,
        ),
      ]),
    ];
  } else if (topic === 'serve') {
    const column = 4 + Math.max(...SCENARIOS.map((name) => name.length));
    const scenarios = contentFor(lang).serve.scenarios;
    lines = [
      ...wrap(help.serve.title, HELP_WIDTH),
      '',
      `${help.usageTitle} openai-topup serve [flags]`,
      ...wrap(help.serve.about, HELP_WIDTH),
      '',
      help.flagsTitle,
      ...flagRows('serve'),
      '',
      help.serve.scenariosTitle,
      ...SCENARIOS.flatMap((name) => row(name, fill(scenarios[name], { n: 2 }), column)),
    ];
  } else if (topic === 'team') {
    lines = [
      ...wrap(help.team.title, HELP_WIDTH),
      '',
      help.usageTitle,
      ...usageRow('teamCheck'),
      ...usageRow('teamInit'),
      '',
      help.flagsTitle,
      ...flagRows('team'),
      '',
      ...wrap(help.team.use, HELP_WIDTH),
    ];
  } else {
    const commands: ReadonlyArray<readonly [Command, string]> = [
      ['wizard', 'openai-topup'],
      ['check', 'check'],
      ['serve', 'serve'],
      ['team', 'team'],
      ['help', 'help'],
    ];
    lines = [
      ...wrap(help.summary, HELP_WIDTH),
      '',
      help.usageTitle,
      ...(Object.keys(usage) as (keyof typeof usage)[]).flatMap(usageRow),
      '',
      help.commandFlagsTitle,
      ...commands.flatMap(([command, name]) =>
        row(
          name,
          flagsOf(command, false)
            .map((flag) => `--${flag}`)
            .join(' '),
          17,
        ),
      ),
      ...row(help.everyCommand, '-h --help -V --version', 17),
      '',
      help.flagsTitle,
      ...Object.keys(FLAG_TABLE).flatMap((name) => row(flagLabel(name), flagText(name), 29)),
      '',
      help.environmentTitle,
      ...Object.entries(help.environment).flatMap(([name, text]) => row(name, text, 29)),
      '',
      help.exitCodesTitle,
      ...exitCodes().flatMap((code) => row(String(code), codeText(code), 9)),
      '',
      help.filesTitle,
      `  ${fill(help.progressFile, { path: display(files.progress) })}`,
      `  ${fill(help.demoFile, { path: display(files.demo) })}`,
      `  ${fill(help.consentFile, { path: display(files.consent) })}`,
      ...wrap(help.filesNote, HELP_WIDTH - 2).map((line) => `  ${line}`),
      '',
      ...wrap(help.more, HELP_WIDTH),
    ];
  }
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
