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

/** Called by the signal listeners: the graceful handler if there is one, else an immediate exit. */
export function shutdown(code: number): void {
  if (handler) handler(code);
  else process.exit(code);
}
