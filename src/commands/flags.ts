/**
 * The flag table and the command word: what the front door (src/bin.ts) needs to pick an entry, apart from
 * the rest of the command line's reading (args.ts), which names mistakes in the user's language.
 */
import { parseArgs } from 'node:util';

/** The commands that run something. */
export type RunCommand = 'wizard' | 'check' | 'serve';

/** Every command, as the first word selects it (`wizard` when there is none). */
export type Command = RunCommand | 'team' | 'help';

/** The words that select a command. */
export const COMMAND_WORDS: readonly Exclude<Command, 'wizard'>[] = ['check', 'serve', 'team', 'help'];

/** Which valid-choices text a flag's value has. */
export type ChoicesKey =
  | 'lang'
  | 'seconds'
  | 'minutes'
  | 'port'
  | 'url'
  | 'model'
  | 'scenario'
  | 'file'
  | 'host';

/** A flag: its kind, where it applies, and how help names its value. */
export type FlagSpec = {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  readonly commands: readonly Command[];
  /** The value's name in help (`--timeout SECONDS`). */
  readonly value?: string;
  /** Key of the valid-choices text in cli.choices. */
  readonly choices?: ChoicesKey;
};

const EVERY: readonly Command[] = ['wizard', 'check', 'serve', 'team', 'help'];

/** The flag table of CLI.md: where each flag applies. Help, the checks and the tests all derive from it. */
export const FLAG_TABLE: Readonly<Record<string, FlagSpec>> = {
  lang: { type: 'string', commands: EVERY, value: 'ko|en', choices: 'lang' },
  print: { type: 'boolean', commands: ['wizard'] },
  restart: { type: 'boolean', commands: ['wizard'] },
  'screen-reader': { type: 'boolean', commands: ['wizard'] },
  ascii: { type: 'boolean', commands: ['wizard', 'check'] },
  demo: { type: 'boolean', commands: ['wizard', 'check'] },
  'base-url': { type: 'string', commands: ['wizard', 'check'], value: 'URL', choices: 'url' },
  model: { type: 'string', commands: ['wizard', 'check'], value: 'NAME', choices: 'model' },
  timeout: { type: 'string', commands: ['wizard', 'check'], value: 'SECONDS', choices: 'seconds' },
  json: { type: 'boolean', commands: ['check'] },
  'key-stdin': { type: 'boolean', commands: ['check'] },
  team: { type: 'string', commands: ['wizard', 'check'], value: 'FILE', choices: 'file' },
  'allow-host': { type: 'string', commands: ['check'], value: 'HOST', choices: 'host' },
  'wait-for-credit': { type: 'string', commands: ['check'], value: 'MINUTES', choices: 'minutes' },
  debug: { type: 'boolean', commands: ['wizard', 'check', 'serve'] },
  port: { type: 'string', commands: ['serve'], value: 'N', choices: 'port' },
  scenario: { type: 'string', commands: ['serve'], value: 'NAME', choices: 'scenario' },
  help: { type: 'boolean', short: 'h', commands: EVERY },
  version: { type: 'boolean', short: 'V', commands: EVERY },
};

/** The command line's tokens, as node:util's parseArgs reads them against the flag table. */
export function tokensOf(argv: readonly string[]) {
  const options = Object.fromEntries(
    Object.entries(FLAG_TABLE).map(([name, spec]) => [
      name,
      spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
    ]),
  );
  return parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

export type Tokens = ReturnType<typeof tokensOf>;

/** The command the first word selects: `wizard` when there is none or it is no command. */
export function commandOf(tokens: Tokens): Command {
  const first = tokens.find((token) => token.kind === 'positional')?.value;
  return COMMAND_WORDS.find((word) => word === first) ?? 'wizard';
}

/** Which command a command line runs, read as parseCommandLine reads it: all the front door needs. */
export function commandWord(argv: readonly string[]): Command {
  return commandOf(tokensOf(argv));
}
