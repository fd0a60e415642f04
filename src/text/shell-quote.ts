/**
 * Values made safe to paste into a POSIX shell (sh, bash, zsh): whatever a value holds, it arrives as one
 * argument, as written, and runs nothing. Pure.
 */

/**
 * Characters that mean nothing inside double quotes, to sh and to the history expansion of interactive bash
 * and zsh (`!`): a value made only of them may keep the guide's double quotes.
 */
const ORDINARY = /^[A-Za-z0-9._~:/?#[\]@%+,;=&*()'-]*$/;

/** A value in POSIX single quotes: nothing inside is special, and a `'` is written `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A value as the guide writes it, in double quotes, when it holds only ordinary characters (a URL, a model
 * name); otherwise in single quotes, so that `$(…)`, backquotes, `"` or `!` stay text.
 */
export function shellWord(value: string): string {
  return ORDINARY.test(value) ? `"${value}"` : shellQuote(value);
}

/** What a command line to show the user carries besides the command: only the options given. */
export type ToolOptions = {
  readonly demo?: boolean;
  readonly team?: string | undefined;
  readonly baseUrl?: string | undefined;
  readonly model?: string | undefined;
  readonly timeoutSeconds?: number | undefined;
};

/**
 * The tool's own command line as the user should type it (`openai-topup`, or `openai-topup check`), with
 * the options given, each value quoted for the shell: the one builder for every line that says what to run.
 */
export function toolCommand(command: 'check' | undefined, options: ToolOptions = {}): string {
  return [
    'openai-topup',
    command ?? '',
    options.demo ? '--demo' : '',
    options.team !== undefined ? `--team ${shellWord(options.team)}` : '',
    options.baseUrl !== undefined ? `--base-url ${shellWord(options.baseUrl)}` : '',
    options.model !== undefined ? `--model ${shellWord(options.model)}` : '',
    options.timeoutSeconds !== undefined ? `--timeout ${options.timeoutSeconds}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
