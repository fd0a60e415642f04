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

/** The command that runs the test call again: with the team file in use, when there is one. */
export function checkCommandLine(teamPath?: string): string {
  return teamPath === undefined ? 'openai-topup check' : `openai-topup check --team ${shellWord(teamPath)}`;
}
