/**
 * The wizard's side of the test call: drives the shared machine (api/call-machine.ts) through the shared
 * driver, and hands the screen its state. Keys that arrive together read `current()`, which already
 * includes what the previous key did.
 */
import { useEffect, useRef, useState } from 'react';
import { type CallDriver, createCallDriver } from '../api/call-driver.js';
import { type CallEvent, type CallPolicy, type CallState, initialCallState } from '../api/call-machine.js';
import type { Session } from '../api/session.js';

/** How often a streamed reply redraws at most: every piece would redraw a fast stream to a standstill. */
const REPLY_INTERVAL_MS = 33;

/** What the hook needs. */
export type TestCallOptions = {
  readonly apiKey: string | undefined;
  /** Opens a session for the key; undici (and with --demo the practice server) load only then. */
  readonly openSession: ((key: string) => Promise<Session>) | undefined;
  readonly policy: CallPolicy;
  /** False while something must be agreed to first (a team file's other origin): the call waits for it. */
  readonly ready?: boolean;
};

/** The call's state, a way to send it events, and the state as of the last event. */
export function useTestCall({ apiKey, openSession, policy, ready = true }: TestCallOptions) {
  const [state, setState] = useState<CallState>(() =>
    apiKey && openSession ? initialCallState() : { ...initialCallState(), phase: 'no-key' },
  );
  const driver = useRef<CallDriver | undefined>(undefined);
  // The API root the session really calls (with --demo, the practice server's), for the curl command.
  const [baseUrl, setBaseUrl] = useState<string | undefined>();

  // The call starts as the screen opens (the models check costs nothing) and stops when it closes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per screen; the key cannot change on it
  useEffect(() => {
    const started = createCallDriver({
      policy,
      open: () => {
        if (!apiKey || !openSession) return Promise.reject(new Error('no key'));
        return openSession(apiKey).then((session) => {
          setBaseUrl(session.baseUrl);
          return session;
        });
      },
      onChange: setState,
      replyIntervalMs: REPLY_INTERVAL_MS,
    });
    driver.current = started;
    return () => {
      void started.stop();
    };
  }, []);

  // The call starts as soon as it may: at once, or when what had to be agreed to is agreed to.
  const begun = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: starts once; the key cannot change on this screen
  useEffect(() => {
    if (!ready || begun.current || !driver.current) return;
    begun.current = true;
    driver.current.send({ type: 'start', hasKey: Boolean(apiKey && openSession) });
  }, [ready]);

  return {
    state,
    baseUrl,
    send: (event: CallEvent) => driver.current?.send(event),
    current: (): CallState => driver.current?.state() ?? state,
  };
}
