/**
 * Ending on a signal. cli.ts listens from the first moment (SIGTERM and SIGHUP; SIGINT too outside raw
 * mode), so a signal during start-up still restores the terminal; once the wizard runs, it takes over
 * and unmounts Ink cleanly instead.
 */

let handler: ((code: number) => void) | undefined;

/** Lets the running command end itself gracefully on a signal; returns a function that undoes it. */
export function onShutdown(graceful: (code: number) => void): () => void {
  handler = graceful;
  return () => {
    if (handler === graceful) handler = undefined;
  };
}

/** Gives the terminal back at once: line editing and echo on, cursor shown. Safe to call twice. */
export function restoreTerminal(): void {
  if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
  if (process.stdout.isTTY) process.stdout.write('\u001b[?25h');
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
