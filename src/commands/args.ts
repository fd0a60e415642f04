/**
 * The command line (../shared/CLI.md), read with node:util's parseArgs: the standard library's parser, so no
 * dependency, and its token stream lets us name each mistake ourselves, in the user's language, in one line:
 * the problem, "did you mean …" where a valid choice is close, and the valid choices.
 */
import { checkBaseUrl } from '../api/base-url.js';
import { contentFor, fill } from '../content/content.js';
import { detectLocale, type Locale, parseLocale } from '../content/locale.js';
import { isScenarioName, SCENARIOS } from '../demo/scenario-names.js';
import { cleanText } from '../text/sanitize.js';
import { maskKey, maskSecrets } from '../text/secrets.js';
import { closestChoice } from './did-you-mean.js';
import { proxyEnvProblem } from './environment.js';
import {
  type ChoicesKey,
  COMMAND_WORDS,
  type Command,
  commandOf,
  FLAG_TABLE,
  type RunCommand,
  tokensOf,
} from './flags.js';

export { type Command, FLAG_TABLE } from './flags.js';

/** `team check [FILE]` and `team init`. */
export type TeamAction = 'check' | 'init';

/** What help is about: `wizard` is the top-level help (`--help`, `help`). */
export type HelpTopic = 'wizard' | 'check' | 'serve' | 'team';

/** The words `help` takes after it. */
export const HELP_TOPICS: readonly Exclude<HelpTopic, 'wizard'>[] = ['check', 'serve', 'team'];

/** The words `team` takes after it. */
export const TEAM_ACTIONS: readonly TeamAction[] = ['check', 'init'];

/** Every flag, after its value is checked. */
export type Flags = {
  readonly lang: Locale;
  /** Whether --lang was given: it then wins over the language saved with progress (CLI.md, Precedence). */
  readonly langFromFlag?: boolean;
  readonly print: boolean;
  readonly restart: boolean;
  readonly screenReader: boolean;
  readonly ascii: boolean;
  readonly demo: boolean;
  readonly baseUrl: string | undefined;
  readonly model: string;
  /** Whether --model was given: it then wins over a team file's model. */
  readonly modelFromFlag?: boolean;
  readonly timeoutSeconds: number;
  readonly json: boolean;
  readonly keyStdin: boolean;
  readonly waitForCreditMinutes: number | undefined;
  readonly debug: boolean;
  readonly port: number | undefined;
  readonly scenario: string;
  readonly help: boolean;
  readonly version: boolean;
  /** `--team FILE`: the team file to use (the team module reads and checks it). */
  readonly team?: string;
  /** `--allow-host HOST`: the host a team file names that `check` may send the key to. */
  readonly allowHost?: string;
};

/** What the command line asks for, or why it cannot be done (exit 2). */
export type ParsedArgs =
  | { readonly kind: 'run'; readonly command: RunCommand; readonly flags: Flags }
  | {
      readonly kind: 'team';
      readonly action: TeamAction;
      /** `team check FILE`; undefined: the file that would be found. */
      readonly file: string | undefined;
      readonly flags: Flags;
    }
  | { readonly kind: 'help'; readonly topic: HelpTopic; readonly lang: Locale }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'usage-error';
      /** One line, in the chosen language, with anything shaped like a key masked. */
      readonly message: string;
      readonly lang: Locale;
      readonly command: Command;
      /** `check --json`: the error is also the JSON object on stdout. */
      readonly json: boolean;
    };

/**
 * Flags that cannot go together, each with its reason in cli.conflictReasons (`first+second`): the second
 * would otherwise be ignored without a word.
 */
export const CONFLICTS: ReadonlyArray<readonly [string, string]> = [
  ['demo', 'key-stdin'],
  ['demo', 'base-url'],
  ['demo', 'allow-host'],
  ['print', 'restart'],
  ['print', 'demo'],
  ['print', 'timeout'],
  ['print', 'debug'],
];

/** Flags that mean nothing without another, with the reason in cli.requireReasons (`flag+other`). */
export const REQUIRES: ReadonlyArray<readonly [string, string]> = [['allow-host', 'team']];

/** Flags that would put the key on the command line; refused with their own message. */
const KEY_FLAGS = new Set(['key', 'api-key', 'apikey', 'api_key', 'openai-api-key', 'openai-key', 'token']);

/** How long the whole check may take: setTimeout overflows past 2^31 ms, and an hour is plenty. */
/** `--timeout` when not given, in seconds. */
export const DEFAULT_TIMEOUT_SECONDS = 60;

const TIMEOUT_RANGE = { min: 1, max: 3600 } as const;

// A host name or address with an optional port: what `--allow-host` compares with a team file's host.
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
// Long runs of letters and digits: other services' tokens (AIza…, ghp_…) that KEY_LIKE does not catch.
const LONG_TOKEN = /[A-Za-z0-9_-]{32,}/g;
// The password of a URL written anywhere in a line.
const URL_PASSWORD = /(\/\/[^\s:/@]*):[^\s@/]*@/g;

/** Whether a value has the shape of an OpenAI key (KEY_LIKE in src/text/secrets.ts). */
function looksLikeKey(value: string): boolean {
  return maskSecrets(value) !== value;
}

/** A usage line made safe to print: no control sequences, no key, no token, no URL password. */
function safeLine(text: string): string {
  return maskSecrets(cleanText(text))
    .replace(LONG_TOKEN, (token) => (/\d/.test(token) && /[A-Za-z]/.test(token) ? maskKey(token) : token))
    .replace(URL_PASSWORD, '$1:****@');
}

function numberIn(value: string, min: number, max: number): number | undefined {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && number >= min && number <= max
    ? number
    : undefined;
}

function positiveNumber(value: string): number | undefined {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && number > 0 ? number : undefined;
}

const commandName = (command: Command): string => (command === 'wizard' ? 'openai-topup' : command);

/** Reads argv (without node and the script). `env` supplies the language, OPENAI_BASE_URL and the proxies. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const tokens = tokensOf(argv);

  // The language comes first, so that every other message can be in it.
  let lang = detectLocale(env);
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'lang') lang = parseLocale(token.value) ?? lang;
  }
  // The messages are read only when one is written: a command line without a mistake reads no text.
  const cli = () => contentFor(lang).cli;
  const words = tokens.filter((token) => token.kind === 'positional');
  const command = commandOf(tokens);
  const json =
    command === 'check' && tokens.some((token) => token.kind === 'option' && token.name === 'json');
  const fail = (...parts: ReadonlyArray<string | undefined | false>): ParsedArgs => ({
    kind: 'usage-error',
    message: safeLine(parts.filter(Boolean).join(' ')),
    lang,
    command,
    json,
  });
  const didYouMean = (suggestion: string | undefined) =>
    suggestion !== undefined && fill(cli().didYouMean, { suggestion });
  const validHere = (flagCommand: Command) =>
    Object.entries(FLAG_TABLE)
      .filter(([, spec]) => spec.commands.includes(flagCommand))
      .map(([name]) => name);
  const keyArgument = (value: string) => fail(fill(cli().keyAsArgument, { masked: maskKey(value) }));

  // Before anything else: a key typed as a flag must not be echoed back as an "unknown flag".
  if (tokens.some((token) => token.kind === 'option' && KEY_FLAGS.has(token.name)))
    return fail(cli().keyAsFlag);

  // The first unknown flag, as typed: parseArgs reads `-json` as -j -s -o -n, so single-dash words are found
  // in argv itself.
  const end = argv.indexOf('--') === -1 ? argv.length : argv.indexOf('--');
  const dashIndex = argv.findIndex(
    (arg, index) => index < end && /^-[A-Za-z]{2,}/.test(arg) && !/^-[hV]+$/.test(arg),
  );
  const option = tokens.find((token) => token.kind === 'option' && !FLAG_TABLE[token.name]);
  const unknown =
    dashIndex !== -1 && (option === undefined || dashIndex <= option.index)
      ? {
          index: dashIndex,
          raw: argv[dashIndex] ?? '',
          name: (argv[dashIndex] ?? '').slice(1).split('=')[0] ?? '',
        }
      : option?.kind === 'option'
        ? { index: option.index, raw: option.rawName, name: option.name }
        : undefined;
  const unknownFlag = (flag: { readonly raw: string; readonly name: string }) => {
    const near = closestChoice(flag.name, validHere(command));
    const word = near || command !== 'wizard' ? undefined : closestChoice(flag.name, COMMAND_WORDS);
    return fail(
      fill(cli().unknownFlag, { flag: flag.raw }),
      didYouMean(near ? `--${near}` : word),
      fill(cli().validFlags, {
        valid: validHere(command)
          .map((name) => `--${name}`)
          .join(', '),
      }),
    );
  };
  // A word after an unknown flag is most likely its value (`--wait 3`): name the flag, not the word.
  const wordFailure = (index: number, failure: () => ParsedArgs) =>
    unknown && unknown.index < index ? unknownFlag(unknown) : failure();

  // The words: a command, then what it takes.
  const firstWord = words[0];
  if (firstWord && command === 'wizard') {
    return wordFailure(firstWord.index, () => {
      if (looksLikeKey(firstWord.value)) return keyArgument(firstWord.value);
      const word = closestChoice(firstWord.value, COMMAND_WORDS);
      const flag = word ? undefined : closestChoice(firstWord.value, validHere('wizard'));
      return fail(
        fill(cli().unknownCommand, { arg: firstWord.value }),
        didYouMean(word ?? (flag && `--${flag}`)),
        fill(cli().validCommands, { commands: COMMAND_WORDS.join(', ') }),
      );
    });
  }
  const rest = words.slice(1);
  let topic: HelpTopic = 'wizard';
  let teamAction: TeamAction | undefined;
  let teamFile: string | undefined;
  let allowedWords = 0;
  if (command === 'help' && rest[0] !== undefined) {
    const { value: word, index } = rest[0];
    const found = HELP_TOPICS.find((name) => name === word);
    if (!found) {
      return wordFailure(index, () =>
        looksLikeKey(word)
          ? keyArgument(word)
          : fail(
              fill(cli().unknownTopic, { arg: word }),
              didYouMean(closestChoice(word, HELP_TOPICS)),
              fill(cli().validTopics, { topics: HELP_TOPICS.join(', ') }),
            ),
      );
    }
    topic = found;
    allowedWords = 1;
  } else if (command === 'team') {
    const actions = TEAM_ACTIONS.join(', ');
    const next = rest[0];
    if (next === undefined)
      return unknown ? unknownFlag(unknown) : fail(fill(cli().teamNeedsAction, { actions }));
    teamAction = TEAM_ACTIONS.find((action) => action === next.value);
    if (!teamAction) {
      return wordFailure(next.index, () =>
        looksLikeKey(next.value)
          ? keyArgument(next.value)
          : fail(
              fill(cli().unknownTeamAction, { arg: next.value }),
              didYouMean(closestChoice(next.value, TEAM_ACTIONS)),
              fill(cli().validTeamActions, { actions }),
            ),
      );
    }
    teamFile = teamAction === 'check' ? rest[1]?.value : undefined;
    allowedWords = teamAction === 'check' ? 2 : 1;
  }
  const extra = rest[allowedWords];
  if (extra !== undefined) {
    return wordFailure(extra.index, () =>
      looksLikeKey(extra.value)
        ? keyArgument(extra.value)
        : fail(fill(cli().unexpectedArgument, { arg: extra.value })),
    );
  }
  if (unknown) return unknownFlag(unknown);

  // The flags: each in its place, with a value where it takes one.
  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = FLAG_TABLE[token.name];
    if (!spec) continue;
    if (!spec.commands.includes(command)) {
      return fail(
        fill(cli().wrongCommand, {
          flag: token.rawName,
          command: command === 'wizard' ? 'openai-topup' : `openai-topup ${command}`,
          commands: spec.commands.map(commandName).join(', '),
        }),
      );
    }
    if (spec.type === 'string') {
      // parseArgs (non-strict) takes the next word as the value even when it is another flag.
      if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith('-'))) {
        const choices = spec.choices ? choicesText(spec.choices, lang) : '';
        return fail(fill(cli().missingValue, { flag: token.rawName, choices }));
      }
      if (looksLikeKey(token.value))
        return fail(fill(cli().keyAsValue, { flag: token.rawName, masked: maskKey(token.value) }));
      values[token.name] = token.value;
    } else {
      if (token.inlineValue)
        return fail(fill(cli().switchValue, { flag: token.rawName, value: token.value ?? '' }));
      values[token.name] = true;
    }
  }

  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const bad = (name: string, value: string, suggestion?: string): ParsedArgs =>
    fail(
      fill(cli().badValue, { flag: `--${name}`, value }),
      didYouMean(suggestion),
      fill(cli().validValues, { choices: choicesText(FLAG_TABLE[name]?.choices ?? 'model', lang) }),
    );

  const langText = text('lang');
  if (langText !== undefined && !parseLocale(langText))
    return bad('lang', langText, closestChoice(langText, ['ko', 'en']));

  const timeoutText = text('timeout');
  const timeoutSeconds =
    timeoutText === undefined
      ? DEFAULT_TIMEOUT_SECONDS
      : numberIn(timeoutText, TIMEOUT_RANGE.min, TIMEOUT_RANGE.max);
  if (timeoutSeconds === undefined) return bad('timeout', timeoutText ?? '');

  const waitText = text('wait-for-credit');
  const waitForCreditMinutes = waitText === undefined ? undefined : positiveNumber(waitText);
  if (waitText !== undefined && waitForCreditMinutes === undefined) return bad('wait-for-credit', waitText);

  const portText = text('port');
  const port = portText === undefined ? undefined : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || (port ?? -1) > 65535))
    return bad('port', portText);

  const scenario = text('scenario') ?? 'success';
  if (!isScenarioName(scenario)) return bad('scenario', scenario, closestChoice(scenario, SCENARIOS));

  // A model name never holds spaces or control characters; one that does would travel into the curl line.
  const model = text('model') ?? 'gpt-4o-mini';
  if (model === '' || /[\s\p{Cc}\p{Cf}]/u.test(model)) return bad('model', model);

  const teamText = text('team');
  if (teamText !== undefined && teamText.trim() === '') return bad('team', teamText);

  const allowHost = text('allow-host');
  if (allowHost !== undefined && !HOST.test(allowHost)) return bad('allow-host', allowHost);

  const flag = (name: string): boolean => values[name] === true;
  // Help and the version need nothing else to be right: not the flags' combination, not the environment.
  if (flag('help') || command === 'help') {
    return { kind: 'help', topic: command === 'help' ? topic : command, lang };
  }
  if (flag('version')) return { kind: 'version' };

  for (const [one, other] of CONFLICTS) {
    if (values[one] !== undefined && values[other] !== undefined) {
      const reasons: Record<string, string> = cli().conflictReasons;
      return fail(
        fill(cli().conflict, {
          first: `--${one}`,
          second: `--${other}`,
          reason: reasons[`${one}+${other}`] ?? '',
        }),
      );
    }
  }
  for (const [needing, needed] of REQUIRES) {
    if (values[needing] !== undefined && values[needed] === undefined) {
      const reasons: Record<string, string> = cli().requireReasons;
      return fail(
        fill(cli().requires, {
          flag: `--${needing}`,
          other: `--${needed}`,
          reason: reasons[`${needing}+${needed}`] ?? '',
        }),
      );
    }
  }

  // The base URL may also come from the environment, and is checked the same way before anything is sent;
  // --demo ignores both.
  const usesApi = command === 'wizard' || command === 'check';
  const flagBaseUrl = text('base-url');
  const baseUrl = usesApi ? (flagBaseUrl ?? (env.OPENAI_BASE_URL || undefined)) : undefined;
  if (baseUrl !== undefined && !flag('demo')) {
    const problem = checkBaseUrl(baseUrl, lang);
    const source = flagBaseUrl === undefined ? 'OPENAI_BASE_URL' : '--base-url';
    if (problem) return fail(fill(cli().baseUrlSource, { source, problem }));
  }
  // A proxy that cannot be used would fail every request; `check` says so before it starts.
  if (command === 'check' && !flag('demo')) {
    const problem = proxyEnvProblem(env, lang);
    if (problem) return fail(problem);
  }

  const flags: Flags = {
    lang,
    langFromFlag: langText !== undefined,
    print: flag('print'),
    restart: flag('restart'),
    screenReader: flag('screen-reader'),
    ascii: flag('ascii'),
    demo: flag('demo'),
    baseUrl,
    model,
    modelFromFlag: text('model') !== undefined,
    timeoutSeconds,
    json: flag('json'),
    keyStdin: flag('key-stdin'),
    waitForCreditMinutes,
    debug: flag('debug'),
    port,
    scenario,
    help: false,
    version: false,
    team: teamText,
    allowHost,
  };
  if (command === 'team') return { kind: 'team', action: teamAction ?? 'check', file: teamFile, flags };
  return { kind: 'run', command, flags };
}

/** The valid choices of a flag's value, in words (`--scenario`: every name). */
export function choicesText(key: ChoicesKey, lang: Locale): string {
  return fill(contentFor(lang).cli.choices[key], { names: SCENARIOS.join(', ') });
}
