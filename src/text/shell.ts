/** Which shell the user runs, and how to keep OPENAI_API_KEY set in it. Pure: pass the environment in. */

/** The shells the done screen knows. */
export type Shell = 'bash' | 'zsh' | 'fish' | 'powershell' | 'cmd';

/** The user's shell, from SHELL on Unix and from PowerShell's variables on Windows. */
export function detectShell(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Shell {
  if (platform === 'win32') {
    // PowerShell adds its own module folders to PSModulePath; cmd inherits only the system's.
    return (env.PSModulePath ?? '').split(';').filter(Boolean).length >= 3 ? 'powershell' : 'cmd';
  }
  const name = (env.SHELL ?? '').split('/').pop() ?? '';
  if (name === 'zsh' || name === 'fish') return name;
  return 'bash';
}

/** A placeholder, never the key: the key is never printed. Short, so that the bash line fits 40 columns. */
export const KEY_PLACEHOLDER = 'paste-key-here';

/** Other variables the user's code should have set with the key: a team's API root and project. */
export type KeepExtra = { readonly baseUrl?: string; readonly projectId?: string };

// Characters that mean nothing inside double quotes to any of the shells below: no $, backquote, double quote,
// backslash, !, % or single quote.
const PLAIN_VALUE = /^[A-Za-z0-9._~:/?#[\]@+,;=&*()-]*$/;

/**
 * One variable set in the shell's own syntax; undefined when the value cannot be written safely there. With
 * `split`, the value goes on a line of its own after a backslash-newline (sh and fish join the two before
 * reading them), so a narrow screen never has to break a line inside the value.
 */
function setLine(shell: Shell, name: string, value: string, split = false): string | undefined {
  const plain = PLAIN_VALUE.test(value);
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `export ${name}=${split ? '\\\n' : ''}${plain ? `"${value}"` : `'${value.replace(/'/g, `'\\''`)}'`}`;
    case 'fish':
      return `set -gx ${name} ${split ? '\\\n' : ''}${plain ? `"${value}"` : `'${value.replace(/[\\']/g, '\\$&')}'`}`;
    case 'powershell':
      return `[Environment]::SetEnvironmentVariable("${name}", ${
        plain ? `"${value}"` : `'${value.replace(/'/g, "''")}'`
      }, "User")`;
    case 'cmd':
      // cmd has no quoting that stops every expansion: only a plain value is written.
      return plain ? `setx ${name} "${value}"` : undefined;
  }
}

/**
 * Where the lines go (a startup file) or undefined when they are commands to run once, and the lines: the
 * key (as a placeholder) first, then a team's API root and project where its file sets them.
 */
export function keepKeyLine(
  shell: Shell,
  extra: KeepExtra = {},
): {
  readonly file?: string;
  readonly line: string;
  readonly label: string;
  /** How many variables `line` sets. */
  readonly count: number;
  /** The same, each value on a line of its own where the shell allows it: for narrow screens. */
  readonly narrow: string;
} {
  const key = keyLine(shell);
  const lines = (split: boolean) =>
    [
      key.line,
      extra.baseUrl === undefined ? undefined : setLine(shell, 'OPENAI_BASE_URL', extra.baseUrl, split),
      extra.projectId === undefined ? undefined : setLine(shell, 'OPENAI_PROJECT_ID', extra.projectId, split),
    ].filter((line): line is string => line !== undefined);
  const wide = lines(false);
  return { ...key, line: wide.join('\n'), count: wide.length, narrow: lines(true).join('\n') };
}

function keyLine(shell: Shell): { readonly file?: string; readonly line: string; readonly label: string } {
  switch (shell) {
    case 'bash':
      return { label: 'bash', file: '~/.bashrc', line: `export OPENAI_API_KEY="${KEY_PLACEHOLDER}"` };
    case 'zsh':
      return { label: 'zsh', file: '~/.zshrc', line: `export OPENAI_API_KEY="${KEY_PLACEHOLDER}"` };
    case 'fish':
      return {
        label: 'fish',
        file: '~/.config/fish/config.fish',
        line: `set -gx OPENAI_API_KEY "${KEY_PLACEHOLDER}"`,
      };
    case 'powershell':
      return {
        label: 'PowerShell',
        line: `[Environment]::SetEnvironmentVariable("OPENAI_API_KEY", "${KEY_PLACEHOLDER}", "User")`,
      };
    case 'cmd':
      return { label: 'cmd', line: `setx OPENAI_API_KEY "${KEY_PLACEHOLDER}"` };
  }
}

/** The variables a shell line may unset: the ones the tool reads for the organization and project. */
export type OrgVariable = 'OPENAI_ORG_ID' | 'OPENAI_PROJECT_ID';

/**
 * The line that removes variables from this shell session, in the user's shell's own syntax. Names only:
 * the values are never shown. A startup file that sets them again is the user's to edit.
 */
export function unsetLine(shell: Shell, names: readonly OrgVariable[]): string {
  switch (shell) {
    case 'bash':
    case 'zsh':
      return `unset ${names.join(' ')}`;
    case 'fish':
      return `set -e ${names.join(' ')}`;
    case 'powershell':
      return names.map((name) => `Remove-Item Env:${name}`).join('; ');
    case 'cmd':
      return names.map((name) => `set ${name}=`).join(' & ');
  }
}
