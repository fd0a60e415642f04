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

/** Whether colour is off: NO_COLOR (any non-empty value) or FORCE_COLOR=0. */
export function colorDisabled(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.NO_COLOR) || env.FORCE_COLOR === '0';
}
