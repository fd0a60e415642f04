/**
 * The test call's two exchanges, made with undici on one connection: GET /models (no tokens: catches a wrong
 * key early and names the organization) and POST /chat/completions, streamed or not. One attempt per call:
 * retries, waits and the order of things belong to the machine (call-machine.ts). Every answer passes the
 * edge (edge.ts) and every failure comes back as a Diagnosis value, never as an exception.
 */

import { cleanText } from '../text/sanitize.js';
import { maskKey, maskSecrets, urlPassword } from '../text/secrets.js';
import { now } from './clock.js';
import { diagnose, isStreamRefusal } from './diagnose.js';
import {
  type AnswerHeaders,
  type RateLimits,
  readApiError,
  readCompletion,
  readHeaders,
  readStreamEvent,
  replyText,
  type Usage,
} from './edge.js';
import type { Diagnosis } from './outcomes.js';
import { costUsd } from './prices.js';
import { isSendableHeaderValue, SettingsError } from './proxy-env.js';
import { chatBody, endpoint, shownUrl } from './request.js';
import { createSseParser } from './sse.js';
import {
  createDispatcher,
  proxyFor,
  readText,
  send,
  type TransportOptions,
  WireError,
  type WireResponse,
} from './transport.js';

export type { Usage } from './edge.js';

/** What a session needs to know. */
export type SessionConfig = {
  readonly baseUrl: string;
  readonly key: string;
  readonly model: string;
  /** Sent as OpenAI-Organization / OpenAI-Project when set (OPENAI_ORG_ID, OPENAI_PROJECT_ID, a team file). */
  readonly organization?: string;
  readonly project?: string;
  /** A cap on the reply's tokens (a model a team file chose); unset, the body is the guide's. */
  readonly maxCompletionTokens?: number;
  readonly transport: TransportOptions;
  /** A trace line for each step of each exchange, secrets masked (`--debug`). */
  readonly debug?: (line: string) => void;
  readonly userAgent?: string;
};

/** The limits of one attempt. */
export type AttemptOptions = {
  readonly signal: AbortSignal;
  /** What is left of the check's time limit. */
  readonly timeoutMs: number;
};

/** What the models check found. */
export type ModelsAnswer =
  | { readonly ok: true; readonly organization: string | null; readonly warning: 'models-forbidden' | null }
  | { readonly ok: false; readonly diagnosis: Diagnosis };

/** A reply arrived: everything in it validated. */
export type ChatSuccess = {
  readonly reply: string;
  readonly model: string;
  readonly usage: Usage | null;
  readonly costUsd: number | null;
  readonly organization: string | null;
  readonly requestId: string | null;
  readonly latencyMs: { readonly firstToken: number | null; readonly total: number };
  readonly streamed: boolean;
  readonly rateLimits: RateLimits | null;
};

/** What the chat call ended with. */
export type ChatAnswer =
  | { readonly ok: true; readonly result: ChatSuccess }
  | { readonly ok: false; readonly diagnosis: Diagnosis };

/** One check's exchanges on one connection; close it when done. */
export type Session = {
  /** The API root this session calls. */
  readonly baseUrl: string;
  readonly models: (options: AttemptOptions) => Promise<ModelsAnswer>;
  readonly chat: (
    options: AttemptOptions & {
      readonly stream: boolean;
      /** The reply so far, made safe to show, as it streams in. */
      readonly onReply?: (text: string) => void;
    },
  ) => Promise<ChatAnswer>;
  readonly close: () => Promise<void>;
};

type Failure = { readonly ok: false; readonly diagnosis: Diagnosis };

/** How much raw streamed text is kept: the shown reply is capped well below this. */
const RAW_REPLY_CAP = 64 * 1024;

function badResponse(
  detail: 'notJson' | 'html' | 'cutOff' | 'streamEnded',
  status: number,
  headers?: AnswerHeaders,
): Failure {
  return {
    ok: false,
    diagnosis: {
      kind: 'bad-response',
      status,
      code: null,
      serverMessage: null,
      detail,
      requestId: headers?.requestId ?? null,
    },
  };
}

/** Classifies a body that should have been JSON but did not parse. */
function unparsable(text: string): 'html' | 'cutOff' | 'notJson' {
  if (/^\s*<(!doctype|html|head|body)/i.test(text)) return 'html';
  if (/^\s*[[{]/.test(text)) return 'cutOff';
  return 'notJson';
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The reply so far, safe to show: an escape sequence still arriving at the end is held back. */
function shownSoFar(raw: string, secrets: readonly string[]): string {
  const lastEscape = Math.max(
    raw.lastIndexOf('\u001b'),
    raw.lastIndexOf('\u009b'),
    raw.lastIndexOf('\u009d'),
  );
  const complete = lastEscape >= 0 && raw.length - lastEscape < 256 ? raw.slice(0, lastEscape) : raw;
  return replyText(complete, secrets);
}

/**
 * Opens a session. Nothing is sent until models or chat is called. Throws a SettingsError only for unusable
 * settings: a proxy variable, or an organization or project id that cannot be a header. A team file's ids
 * always can (their pattern is stricter), so such a value came from OPENAI_ORG_ID or OPENAI_PROJECT_ID.
 */
export function openSession(config: SessionConfig): Session {
  if (config.organization && !isSendableHeaderValue(config.organization))
    throw new SettingsError('OPENAI_ORG_ID', 'headerEnv');
  if (config.project && !isSendableHeaderValue(config.project))
    throw new SettingsError('OPENAI_PROJECT_ID', 'headerEnv');
  const dispatcher = createDispatcher(config.baseUrl, config.transport);
  const proxy = proxyFor(config.baseUrl, config.transport.env);
  // A password in the base URL is masked like the proxy's, wherever a message might repeat the URL.
  const secrets = [config.key, urlPassword(proxy), urlPassword(config.baseUrl)].filter((s): s is string =>
    Boolean(s),
  );
  const trace = (line: string) => config.debug?.(maskSecrets(cleanText(line), secrets));

  const headers: Record<string, string> = {
    authorization: `Bearer ${config.key}`,
    'content-type': 'application/json',
    'user-agent': config.userAgent ?? 'openai-topup',
    ...(config.organization ? { 'openai-organization': config.organization } : {}),
    ...(config.project ? { 'openai-project': config.project } : {}),
  };

  const sent = { organization: Boolean(config.organization), project: Boolean(config.project) };

  /** Sends one request within its limits; reads the answer with `read`. */
  async function exchange<T>(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    options: AttemptOptions,
    read: (response: WireResponse, answer: AnswerHeaders, started: number) => Promise<T>,
  ): Promise<T | Failure> {
    if (options.timeoutMs <= 0) {
      return {
        ok: false,
        diagnosis: { kind: 'network', status: null, code: null, serverMessage: null, detail: 'timeout' },
      };
    }
    // The time limit is a timer this exchange holds, not AbortSignal.timeout(): inside AbortSignal.any()
    // Node can collect a timeout signal before it fires (nodejs/node#57736), and the stall then ends a
    // second late by undici's own timeouts, named as the wrong failure.
    const limit = new AbortController();
    const timer = setTimeout(
      () => limit.abort(new DOMException('The time limit was reached', 'TimeoutError')),
      options.timeoutMs,
    );
    const cancel = () => limit.abort(options.signal.reason);
    if (options.signal.aborted) cancel();
    else options.signal.addEventListener('abort', cancel, { once: true });
    const signal = limit.signal;
    const started = now();
    trace(`→ ${method} ${shownUrl(url)}${proxy ? ` (via proxy ${shownUrl(proxy)})` : ''}`);
    trace(`→ authorization: Bearer ${maskKey(config.key)}`);
    try {
      const response = await send(dispatcher, {
        method,
        url,
        headers,
        body,
        signal,
        timeoutMs: options.timeoutMs,
        viaProxy: proxy !== undefined,
      });
      const answer = readHeaders(response.headers, Date.now(), secrets);
      trace(`← ${response.status} after ${Math.round(now() - started)} ms`);
      if (answer.contentType) trace(`← content-type: ${answer.contentType}`);
      if (answer.contentEncoding) trace(`← content-encoding: ${answer.contentEncoding}`);
      if (answer.organization) trace(`← openai-organization: ${answer.organization}`);
      if (answer.requestId) trace(`← x-request-id: ${answer.requestId}`);
      if (answer.retryAfterMs !== null) trace(`← retry after ${answer.retryAfterMs} ms`);
      const result = await read(response, answer, started);
      // undici returns the socket to the pool a tick after the body ends: wait for it, so that the
      // next request reuses this connection instead of opening another.
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    } catch (error) {
      const wire = error instanceof WireError ? error : new WireError('unexpected', 'network', String(error));
      const message = maskSecrets(cleanText(wire.message, { maxLength: 300 }), secrets);
      trace(`✗ ${wire.kind} (${wire.detail}): ${message}`);
      return {
        ok: false,
        diagnosis: {
          kind: wire.kind,
          status: null,
          code: null,
          serverMessage: null,
          detail: wire.detail,
          ...(wire.detail === 'unexpected' ? { detailVars: { message } } : {}),
        },
      };
    } finally {
      clearTimeout(timer);
      options.signal.removeEventListener('abort', cancel);
    }
  }

  /** Reads an error answer into a diagnosis. */
  async function failure(response: WireResponse, answer: AnswerHeaders): Promise<Failure> {
    const body = await readText(response).catch(() => '');
    if (body) trace(`← ${maskSecrets(cleanText(body, { maxLength: 2000 }), secrets)}`);
    const parsed = parseJson(body);
    const error = parsed.ok ? readApiError(parsed.value, secrets) : null;
    // What this request carried decides the words for an organization mismatch ("the organization you sent").
    const diagnosis: Diagnosis = { ...diagnose(response.status, error, answer), sent };
    // A body that is not the API's envelope still says something worth showing (a proxy's page, a relay).
    if (!error && body && response.status < 500 && diagnosis.kind === 'api') {
      return {
        ok: false,
        diagnosis: {
          ...diagnosis,
          serverMessage: maskSecrets(cleanText(body, { maxLength: 300 }), secrets).trim() || null,
        },
      };
    }
    return { ok: false, diagnosis };
  }

  const models: Session['models'] = (options) =>
    exchange('GET', endpoint(config.baseUrl, '/models'), undefined, options, async (response, answer) => {
      if (response.status >= 300) {
        const failed = await failure(response, answer);
        // A restricted key may lack the models permission yet make the chat call.
        if (failed.diagnosis.kind === 'missing-scope')
          return { ok: true, organization: answer.organization, warning: 'models-forbidden' };
        return failed;
      }
      const text = await readText(response);
      const parsed = parseJson(text);
      if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null)
        return badResponse(parsed.ok ? 'notJson' : unparsable(text), response.status, answer);
      return { ok: true, organization: answer.organization, warning: null };
    });

  const chat: Session['chat'] = (options) =>
    exchange(
      'POST',
      endpoint(config.baseUrl, '/chat/completions'),
      JSON.stringify(chatBody(config.model, options.stream, config.maxCompletionTokens)),
      options,
      async (response, answer, started): Promise<ChatAnswer> => {
        if (response.status >= 300) return failure(response, answer);
        const streamed = answer.contentType.includes('text/event-stream');
        const success = (
          reply: string,
          model: string | null,
          usage: Usage | null,
          firstTokenAt: number | null,
        ): ChatAnswer => {
          const shownModel = model ?? config.model;
          return {
            ok: true,
            result: {
              reply,
              model: shownModel,
              usage,
              costUsd: usage ? costUsd(shownModel, usage.prompt_tokens, usage.completion_tokens) : null,
              organization: answer.organization,
              requestId: answer.requestId,
              latencyMs: {
                firstToken: firstTokenAt === null ? null : Math.round(firstTokenAt - started),
                total: Math.round(now() - started),
              },
              streamed,
              rateLimits: answer.rateLimits,
            },
          };
        };
        if (!streamed) {
          const text = await readText(response);
          const parsed = parseJson(text);
          if (!parsed.ok) return badResponse(unparsable(text), response.status, answer);
          const completion = readCompletion(parsed.value, secrets);
          if (!completion) {
            // A 2xx that carries an error envelope is still the API's error.
            const error = readApiError(parsed.value, secrets);
            if (error && isStreamRefusal(400, error))
              return { ok: false, diagnosis: diagnose(400, error, answer) };
            return error
              ? { ok: false, diagnosis: { ...diagnose(response.status, error, answer), kind: 'api' } }
              : badResponse('notJson', response.status, answer);
          }
          return success(completion.text, completion.model, completion.usage, null);
        }

        const parser = createSseParser();
        let raw = '';
        let model: string | null = null;
        let usage: Usage | null = null;
        let firstTokenAt: number | null = null;
        const take = (data: string): ChatAnswer | undefined => {
          const event = readStreamEvent(data, secrets);
          if (event.kind === 'done') {
            trace(`← [DONE], ${raw.length} characters`);
            return success(replyText(raw, secrets), model, usage, firstTokenAt);
          }
          if (event.kind === 'not-json') return badResponse('notJson', response.status, answer);
          if (event.kind === 'error') {
            // An error object inside the stream is a server failure (CLI.md).
            const inner = diagnose(500, event.error, answer);
            return { ok: false, diagnosis: { ...inner, kind: 'server', status: response.status } };
          }
          model = event.model ?? model;
          usage = event.usage ?? usage;
          if (event.text) {
            firstTokenAt ??= now();
            if (raw.length < RAW_REPLY_CAP) {
              raw += event.text;
              options.onReply?.(shownSoFar(raw, secrets));
            }
          }
          return undefined;
        };
        for await (const piece of response.body) {
          for (const data of parser.push(piece)) {
            const ended = take(data);
            if (ended) {
              await response.dump();
              return ended;
            }
          }
        }
        for (const data of parser.end()) {
          const ended = take(data);
          if (ended) return ended;
        }
        return badResponse('streamEnded', response.status, answer);
      },
    );

  return {
    baseUrl: config.baseUrl,
    models,
    chat,
    close: async () => {
      await dispatcher.destroy().catch(() => undefined);
    },
  };
}
