/** Copying through the terminal with OSC 52: best effort, since terminals may ignore it. */

/** Whether this terminal certainly cannot take an OSC 52 copy. */
export function clipboardUnsupported(env: NodeJS.ProcessEnv): boolean {
  return env.TERM === 'linux' || env.TERM === 'dumb' || env.TERM_PROGRAM === 'Apple_Terminal';
}

/** The OSC 52 sequence that asks the terminal to put `text` on the clipboard. */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Sends `text` to the clipboard; false when the terminal certainly cannot. */
export function copyToClipboard(
  text: string,
  env: NodeJS.ProcessEnv,
  out: NodeJS.WriteStream = process.stdout,
): boolean {
  if (clipboardUnsupported(env) || !out.isTTY) return false;
  out.write(osc52(text));
  return true;
}
