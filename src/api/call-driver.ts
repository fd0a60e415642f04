/**
 * Runs the test-call machine: carries out its commands (requests on a session, timers, aborts) and feeds
 * what comes back as events. The wizard's hook and `check` both drive the machine through this, so the two
 * cannot drift. The session opens with the first request (undici and, with --demo, the practice server load
 * only then) and closes with stop().
 */
import {
  type CallCommand,
  type CallEvent,
  type CallPolicy,
  type CallState,
  callReducer,
  initialCallState,
  type TimerName,
} from './call-machine.js';
import { now } from './clock.js';
import type { Diagnosis } from './outcomes.js';
import { SettingsError } from './proxy-env.js';
import type { Session } from './session.js';

/** What the driver needs. */
export type DriverOptions = {
  readonly policy: CallPolicy;
  /** Opens the session; a thrown error or a rejected promise becomes a failure of the call (see toDiagnosis). */
  readonly open: () => Promise<Session>;
  /** Every new state. */
  readonly onChange: (state: CallState) => void;
  /** The machine reached an end (success, or a failure no automatic retry may fix). */
  readonly onDone?: (state: CallState) => void;
  /** How often the streamed reply may redraw, at most (ms); the last piece always arrives. */
  readonly replyIntervalMs?: number;
  /** Turns an error thrown while opening the session into a diagnosis. */
  readonly toDiagnosis?: (error: unknown) => Diagnosis;
};

/** A running call. */
export type CallDriver = {
  /** Sends an event (a key the user pressed, or `start`). */
  readonly send: (event: CallEvent) => void;
  /** The current state. */
  readonly state: () => CallState;
  /** Stops everything (requests, timers) and closes the session; resolves when closed. */
  readonly stop: () => Promise<void>;
};

function openFailure(error: unknown): Diagnosis {
  if (error instanceof SettingsError) {
    return {
      kind: 'usage',
      status: null,
      code: null,
      serverMessage: null,
      detail: error.detail,
      detailVars: { variable: error.variable },
    };
  }
  return {
    kind: 'network',
    status: null,
    code: null,
    serverMessage: null,
    detail: 'unexpected',
    detailVars: { message: error instanceof Error ? error.message : String(error) },
  };
}

/** Starts a driver; nothing happens until `send({type: 'start', …})`. */
export function createCallDriver(options: DriverOptions): CallDriver {
  let state = initialCallState();
  let session: Promise<Session> | undefined;
  let controller: AbortController | undefined;
  // Answers to a request that was cancelled or replaced must not reach the machine.
  let current = 0;
  let stopped = false;
  const timers = new Map<TimerName, ReturnType<typeof setTimeout>>();
  let replyTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingReply: string | undefined;

  const getSession = () => {
    session ??= Promise.resolve().then(options.open);
    return session;
  };

  const flushReply = () => {
    if (replyTimer) clearTimeout(replyTimer);
    replyTimer = undefined;
    if (pendingReply !== undefined) {
      const text = pendingReply;
      pendingReply = undefined;
      send({ type: 'reply', text });
    }
  };

  const onReply = (request: number) => (text: string) => {
    if (request !== current || stopped) return;
    pendingReply = text;
    const interval = options.replyIntervalMs ?? 0;
    if (interval <= 0) return flushReply();
    replyTimer ??= setTimeout(flushReply, interval);
  };

  /** Sends one request; its answer reaches the machine only if no other request replaced it meanwhile. */
  const request = (run: (opened: Session, signal: AbortSignal, id: number) => Promise<CallEvent>) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    const id = ++current;
    void getSession().then(
      async (opened) => {
        if (id !== current || stopped) return;
        const event = await run(opened, mine.signal, id);
        if (id !== current || stopped) return;
        flushReply();
        send(event);
      },
      (error: unknown) => {
        if (id !== current || stopped) return;
        send({ type: 'session-failed', diagnosis: (options.toDiagnosis ?? openFailure)(error) });
      },
    );
  };

  const run = (command: CallCommand) => {
    switch (command.type) {
      case 'models':
        return request(async (opened, signal) => {
          const started = now();
          const answer = await opened.models({ signal, timeoutMs: command.timeoutMs });
          return { type: 'models-answered', answer, elapsedMs: now() - started };
        });
      case 'chat':
        return request(async (opened, signal, id) => {
          const started = now();
          const answer = await opened.chat({
            signal,
            timeoutMs: command.timeoutMs,
            stream: command.stream,
            onReply: onReply(id),
          });
          return { type: 'chat-answered', answer, elapsedMs: now() - started };
        });
      case 'abort':
        current++;
        controller?.abort();
        controller = undefined;
        pendingReply = undefined;
        return;
      case 'start-timer': {
        clearTimeout(timers.get(command.name));
        timers.set(
          command.name,
          setTimeout(() => {
            timers.delete(command.name);
            send({ type: 'timer', name: command.name });
          }, command.ms),
        );
        return;
      }
      case 'stop-timer':
        clearTimeout(timers.get(command.name));
        timers.delete(command.name);
        return;
      case 'done':
        options.onDone?.(state);
        return;
    }
  };

  function send(event: CallEvent): void {
    if (stopped) return;
    const transition = callReducer(state, event, options.policy);
    const changed = transition.state !== state;
    state = transition.state;
    if (changed) options.onChange(state);
    for (const command of transition.commands) run(command);
  }

  return {
    send,
    state: () => state,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      current++;
      controller?.abort();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      if (replyTimer) clearTimeout(replyTimer);
      const opened = await session?.catch(() => undefined);
      await opened?.close();
    },
  };
}
