/**
 * Ending on a signal. cli.ts listens from the first moment (SIGTERM and SIGHUP; SIGINT too outside raw
 * mode), so a signal during start-up still restores the terminal; once the wizard runs, it takes over
 * and unmounts Ink cleanly instead.
 */

import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON } from './keys.js';

let handler: ((code: number) => void) | undefined;
/** Whether takeTerminal turned bracketed paste on, so that restoreTerminal turns it off. */
let pasteOn = false;

/** Lets the running command end itself gracefully on a signal; returns a function that undoes it. */
export function onShutdown(graceful: (code: number) => void): () => void {
  handler = graceful;
  return () => {
    if (handler === graceful) handler = undefined;
  };
}

/**
 * Takes the terminal for the wizard: keys raw at once (typed while it loads, they are neither echoed nor held
 * for a line) and bracketed paste on (a paste then arrives marked, key-reader.ts). restoreTerminal undoes it.
 */
export function takeTerminal(): void {
  process.stdin.setRawMode(true);
  process.stdout.write(BRACKETED_PASTE_ON);
  pasteOn = true;
}

/** Gives the terminal back at once: line editing and echo on, bracketed paste off, cursor shown. Safe to call twice. */
export function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (!process.stdout.isTTY) return;
  process.stdout.write(`${pasteOn ? BRACKETED_PASTE_OFF : ''}\u001b[?25h`);
  pasteOn = false;
}

/**
 * Called by the signal listeners. The terminal is restored first, synchronously: other libraries listen
 * for the same signal and may end the process before a graceful handler's next tick. Then the graceful
 * handler if there is one, else an immediate exit.
 */
export function shutdown(code: number): void {
  restoreTerminal();
  if (handler) handler(code);
  else process.exit(code);
}
