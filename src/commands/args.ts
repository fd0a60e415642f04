/**
 * The command line (../shared/CLI.md), read with node:util's parseArgs: the standard library's parser, so no
 * dependency, and its token stream lets us name each mistake ourselves, in the user's language.
 */
import { parseArgs } from 'node:util';
import { checkBaseUrl } from '../api/base-url.js';
import { contentFor, fill } from '../content/content.js';
import { detectLocale, type Locale, parseLocale } from '../content/locale.js';
import { isScenarioName, SCENARIOS } from '../demo/scenario-names.js';

/** The three commands. */
export type Command = 'wizard' | 'check' | 'serve';

/** Every flag, after its value is checked. */
export type Flags = {
  readonly lang: Locale;
  readonly print: boolean;
  readonly restart: boolean;
  readonly screenReader: boolean;
  readonly ascii: boolean;
  readonly demo: boolean;
  readonly baseUrl: string | undefined;
  readonly model: string;
  readonly timeoutSeconds: number;
  readonly json: boolean;
  readonly keyStdin: boolean;
  readonly waitForCreditMinutes: number | undefined;
  readonly debug: boolean;
  readonly port: number | undefined;
  readonly scenario: string;
  readonly help: boolean;
  readonly version: boolean;
};

/** What the command line asks for, or why it cannot be done (exit 2). */
export type ParsedArgs =
  | { readonly kind: 'run'; readonly command: Command; readonly flags: Flags }
  | {
      readonly kind: 'usage-error';
      readonly message: string;
      readonly lang: Locale;
      readonly command: Command;
    };

type FlagSpec = {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly commands: readonly Command[];
  /** Key of the valid-choices text in cli.choices. */
  readonly choices?: 'lang' | 'seconds' | 'minutes' | 'port' | 'url' | 'model' | 'scenario';
};

const ALL: readonly Command[] = ['wizard', 'check', 'serve'];

/** The flag table of CLI.md: where each flag applies. */
export const FLAG_TABLE: Readonly<Record<string, FlagSpec>> = {
  lang: { type: 'string', commands: ALL, choices: 'lang' },
  print: { type: 'boolean', commands: ['wizard'] },
  restart: { type: 'boolean', commands: ['wizard'] },
  'screen-reader': { type: 'boolean', commands: ['wizard'] },
  ascii: { type: 'boolean', commands: ['wizard', 'check'] },
  demo: { type: 'boolean', commands: ['wizard', 'check'] },
  'base-url': { type: 'string', commands: ['wizard', 'check'], choices: 'url' },
  model: { type: 'string', commands: ['wizard', 'check'], choices: 'model' },
  timeout: { type: 'string', commands: ['wizard', 'check'], choices: 'seconds' },
  json: { type: 'boolean', commands: ['check'] },
  'key-stdin': { type: 'boolean', commands: ['check'] },
  'wait-for-credit': { type: 'string', commands: ['check'], choices: 'minutes' },
  debug: { type: 'boolean', commands: ALL },
  port: { type: 'string', commands: ['serve'], choices: 'port' },
  scenario: { type: 'string', commands: ['serve'], choices: 'scenario' },
  help: { type: 'boolean', short: 'h', commands: ALL },
  version: { type: 'boolean', short: 'V', commands: ALL },
};

/** Flags that would put the key on the command line; refused with their own message. */
const KEY_FLAGS = new Set(['key', 'api-key', 'openai-api-key', 'token']);

function positiveNumber(value: string): number | undefined {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) && number > 0 ? number : undefined;
}

/** Reads argv (without node and the script). `env` supplies the default language and OPENAI_BASE_URL. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(FLAG_TABLE).map(([name, spec]) => [
      name,
      spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  );
  const { tokens } = parseArgs({
    args: [...argv],
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });

  // The language comes first, so that every other message can be in it.
  let lang = detectLocale(env);
  for (const token of tokens) {
    if (token.kind === 'option' && token.name === 'lang') lang = parseLocale(token.value) ?? lang;
  }
  const cli = contentFor(lang).cli;
  let command: Command = 'wizard';
  const fail = (message: string): ParsedArgs => ({ kind: 'usage-error', message, lang, command });

  // Before anything else: a key typed as a flag must not be echoed back as an "unexpected argument".
  if (tokens.some((token) => token.kind === 'option' && KEY_FLAGS.has(token.name)))
    return fail(cli.keyAsFlag);

  const positionals = tokens.filter((token) => token.kind === 'positional');
  const first = positionals[0];
  if (first && (first.value === 'check' || first.value === 'serve')) command = first.value;
  const extra = positionals.find((token) => token !== first || command === 'wizard');
  if (extra) return fail(fill(cli.unexpectedArgument, { arg: extra.value }));

  const values: Record<string, string | boolean> = {};
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = FLAG_TABLE[token.name];
    const valid = Object.entries(FLAG_TABLE)
      .filter(([, s]) => s.commands.includes(command))
      .map(([name]) => `--${name}`)
      .join(', ');
    if (!spec) return fail(fill(cli.unknownFlag, { flag: token.rawName, valid }));
    if (!spec.commands.includes(command)) {
      return fail(
        fill(cli.wrongCommand, {
          flag: token.rawName,
          command: command === 'wizard' ? 'openai-topup' : `openai-topup ${command}`,
          commands: spec.commands.map((c) => (c === 'wizard' ? 'openai-topup' : c)).join(', '),
        }),
      );
    }
    const choices = spec.choices ? cli.choices[spec.choices] : '';
    if (spec.type === 'string') {
      // parseArgs (non-strict) takes the next word as the value even when it is another flag.
      if (token.value === undefined || (token.inlineValue !== true && token.value.startsWith('-'))) {
        return fail(fill(cli.missingValue, { flag: token.rawName, choices }));
      }
      values[token.name] = token.value;
    } else {
      if (token.inlineValue)
        return fail(fill(cli.badValue, { flag: token.rawName, value: token.value ?? '', choices: '' }));
      values[token.name] = true;
    }
  }

  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const bad = (name: string, value: string): ParsedArgs =>
    fail(
      fill(cli.badValue, {
        flag: `--${name}`,
        value,
        choices: cli.choices[FLAG_TABLE[name]?.choices ?? 'model'],
      }),
    );

  const langText = text('lang');
  if (langText !== undefined && !parseLocale(langText)) return bad('lang', langText);

  const timeoutText = text('timeout');
  const timeoutSeconds = timeoutText === undefined ? 60 : positiveNumber(timeoutText);
  if (timeoutSeconds === undefined) return bad('timeout', timeoutText ?? '');

  const waitText = text('wait-for-credit');
  const waitForCreditMinutes = waitText === undefined ? undefined : positiveNumber(waitText);
  if (waitText !== undefined && waitForCreditMinutes === undefined) return bad('wait-for-credit', waitText);

  const portText = text('port');
  const port = portText === undefined ? undefined : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || (port ?? -1) > 65535))
    return bad('port', portText);

  const scenario = text('scenario') ?? 'success';
  if (!isScenarioName(scenario)) return bad('scenario', scenario);

  const model = text('model') ?? 'gpt-4o-mini';
  if (model.trim() === '') return bad('model', model);

  // The base URL may also come from the environment, and is checked the same way before anything is sent.
  const baseUrl = text('base-url') ?? (command === 'serve' ? undefined : env.OPENAI_BASE_URL || undefined);
  if (baseUrl !== undefined && command !== 'serve' && values.demo !== true) {
    const problem = checkBaseUrl(baseUrl, lang);
    if (problem) return fail(problem);
  }

  const flag = (name: string): boolean => values[name] === true;
  return {
    kind: 'run',
    command,
    flags: {
      lang,
      print: flag('print'),
      restart: flag('restart'),
      screenReader: flag('screen-reader'),
      ascii: flag('ascii'),
      demo: flag('demo'),
      baseUrl,
      model,
      timeoutSeconds,
      json: flag('json'),
      keyStdin: flag('key-stdin'),
      waitForCreditMinutes,
      debug: flag('debug'),
      port,
      scenario,
      help: flag('help'),
      version: flag('version'),
    },
  };
}

/** The scenario list, for `serve --help`. */
export { SCENARIOS };
