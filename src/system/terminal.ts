/** Facts about the terminal this run is in, read from the environment. Pure: pass the environment in. */

/** Whether the terminal can draw Unicode symbols (box drawing, ● ✓ →); otherwise ASCII is used. */
export function supportsUnicode(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (platform === 'win32') {
    // As is-unicode-supported: modern Windows terminals announce themselves.
    return Boolean(
      env.WT_SESSION ||
        env.TERMINUS_SUBLIME ||
        env.ConEmuTask === '{cmd::Cmder}' ||
        env.TERM_PROGRAM === 'vscode' ||
        env.TERM === 'xterm-256color' ||
        env.TERM === 'alacritty' ||
        env.TERMINAL_EMULATOR === 'JetBrains-JediTerm',
    );
  }
  if (env.TERM === 'linux') return false;
  const charset = env.LC_ALL || env.LC_CTYPE || env.LANG;
  if (charset === 'C' || charset === 'POSIX') return false;
  return true;
}

/** How much colour the terminal shows: 0 none, 1 the basic 16 colours, 2 256 colours, 3 truecolor. */
export type ColorLevel = 0 | 1 | 2 | 3;

/** The level FORCE_COLOR asks for (as chalk reads it), or undefined when it asks for none. */
function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'true') return 1;
  const level = Number.parseInt(value, 10);
  return level >= 1 ? (Math.min(level, 3) as ColorLevel) : undefined;
}

/**
 * Colour for this run, decided once at the entry from the user's environment and whether stdout is a
 * terminal. Off with NO_COLOR (any non-empty value), FORCE_COLOR=0 or false, TERM=dumb, and when stdout is
 * not a terminal; otherwise on, at the level FORCE_COLOR names or else COLORTERM (truecolor, 24bit) and TERM
 * (*-256color) tell. CI plays no part: a terminal is a terminal.
 */
export function colorLevel(env: NodeJS.ProcessEnv, stdoutIsTty: boolean): ColorLevel {
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false') return 0;
  if (env.TERM === 'dumb' || !stdoutIsTty) return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (forced !== undefined) return forced;
  if (/^(truecolor|24bit)$/i.test(env.COLORTERM ?? '')) return 3;
  return /-256(colou?r)?$/i.test(env.TERM ?? '') ? 2 : 1;
}

/** Whether the terminal cannot move the cursor (TERM=dumb): nothing can be drawn in place there. */
export function isDumbTerminal(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'dumb';
}
