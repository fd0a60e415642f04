/**
 * The guide's test call, made with undici: GET /models (no tokens: catches a wrong key early and names the
 * organization), then the streamed POST /chat/completions. Both share one connection. Every failure is a
 * Diagnosis value; automatic retries follow CLI.md (rate-limit, server, network, bad-response: twice at most).
 */
import type { Dispatcher } from 'undici';
import { maskKey, maskSecrets, maskUrlPassword, safeText, urlPassword } from '../text/secrets.js';
import { diagnoseHttp, kindOf } from './diagnose.js';
import { type Diagnosis, isRetryable } from './outcomes.js';
import { costUsd } from './prices.js';
import { chatBody, endpoint } from './request.js';
import {
  createDispatcher,
  proxyFor,
  readText,
  send,
  type TransportOptions,
  WireError,
  type WireResponse,
} from './transport.js';

/** Token counts, with the API's field names. */
export type Usage = {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
  readonly total_tokens: number;
};

/** What a check needs to know. */
export type CallConfig = {
  readonly baseUrl: string;
  readonly key: string;
  readonly model: string;
  /** The limit for the whole check (both requests and any retries). */
  readonly timeoutMs: number;
  /** OPENAI_ORG_ID and OPENAI_PROJECT_ID, sent as OpenAI-Organization / OpenAI-Project when set. */
  readonly organization?: string;
  readonly project?: string;
  readonly transport: TransportOptions;
  /** A trace line for each step of each exchange, secrets masked (`--debug`). */
  readonly debug?: (line: string) => void;
  /** Waits between retries; tests may shorten it. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly userAgent?: string;
};

/** What the models check found. */
export type ModelsOutcome =
  | { readonly ok: true; readonly organization: string | null; readonly warning: 'models-forbidden' | null }
  | { readonly ok: false; readonly diagnosis: Diagnosis };

/** A reply arrived. */
export type ChatSuccess = {
  readonly ok: true;
  readonly reply: string;
  readonly model: string;
  readonly usage: Usage | null;
  readonly costUsd: number | null;
  readonly organization: string | null;
  readonly requestId: string | null;
  readonly latencyMs: { readonly firstToken: number | null; readonly total: number };
};

/** What the chat call ended with. */
export type ChatOutcome = ChatSuccess | { readonly ok: false; readonly diagnosis: Diagnosis };

/** Something worth showing while the check runs. */
export type CallEvent =
  | {
      readonly type: 'retry';
      readonly diagnosis: Diagnosis;
      readonly delayMs: number;
      readonly attempt: number;
      readonly max: number;
    }
  | { readonly type: 'delta'; readonly text: string };

/** One check: both requests on one connection; close it when done. */
export type Session = {
  /** The API root this session calls. */
  readonly baseUrl: string;
  readonly checkModels: (
    signal?: AbortSignal,
    onEvent?: (event: CallEvent) => void,
  ) => Promise<ModelsOutcome>;
  readonly chat: (signal?: AbortSignal, onEvent?: (event: CallEvent) => void) => Promise<ChatOutcome>;
  readonly close: () => Promise<void>;
};

/** At most this many retries per request. */
export const MAX_RETRIES = 2;

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

/** The wait before retry number `attempt` (0-based): what the server asked, else a growing backoff. */
export function retryDelayMs(diagnosis: Diagnosis, attempt: number): number {
  if (diagnosis.retryAfterMs !== undefined) return diagnosis.retryAfterMs;
  const base = diagnosis.kind === 'rate-limit' ? 2000 : 500;
  return base * 2 ** attempt;
}

function wireDiagnosis(error: WireError): Diagnosis {
  return { kind: error.kind, status: null, code: null, serverMessage: null, detail: error.detail };
}

function badResponse(
  detail: 'notJson' | 'html' | 'cutOff' | 'streamEnded',
  status: number,
  requestId?: string,
): Diagnosis {
  return {
    kind: 'bad-response',
    status,
    code: null,
    serverMessage: null,
    detail,
    requestId: requestId ?? null,
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

/** Opens a session. Nothing is sent until checkModels or chat is called. */
export function openSession(config: CallConfig): Session {
  const dispatcher: Dispatcher = createDispatcher(config.baseUrl, config.transport);
  const proxy = proxyFor(config.baseUrl, config.transport.env);
  const secrets = [config.key, urlPassword(proxy)].filter((s): s is string => Boolean(s));
  const sleep = config.sleep ?? defaultSleep;
  let spentMs = 0;
  const trace = (line: string) => config.debug?.(maskSecrets(line, secrets));

  const headers: Record<string, string> = {
    authorization: `Bearer ${config.key}`,
    'content-type': 'application/json',
    'user-agent': config.userAgent ?? 'openai-topup',
    ...(config.organization ? { 'openai-organization': config.organization } : {}),
    ...(config.project ? { 'openai-project': config.project } : {}),
  };

  /** Runs one attempt of a request within what is left of the time limit. */
  async function exchange<T>(
    method: 'GET' | 'POST',
    url: string,
    body: string | undefined,
    outer: AbortSignal | undefined,
    read: (response: WireResponse, started: number, signal: AbortSignal) => Promise<T>,
  ): Promise<T | { ok: false; diagnosis: Diagnosis }> {
    const remaining = Math.ceil(config.timeoutMs - spentMs);
    if (remaining <= 0) {
      return {
        ok: false,
        diagnosis: { kind: 'network', status: null, code: null, serverMessage: null, detail: 'timeout' },
      };
    }
    const timeout = AbortSignal.timeout(remaining);
    const signal = outer ? AbortSignal.any([outer, timeout]) : timeout;
    const started = performance.now();
    trace(`→ ${method} ${url}${proxy ? ` (via proxy ${maskUrlPassword(proxy)})` : ''}`);
    trace(`→ authorization: Bearer ${maskKey(config.key)}`);
    try {
      const response = await send(dispatcher, { method, url, headers, body, signal, timeoutMs: remaining });
      trace(`← ${response.status} after ${Math.round(performance.now() - started)} ms`);
      for (const name of [
        'content-type',
        'content-encoding',
        'openai-organization',
        'openai-processing-ms',
        'x-request-id',
        'retry-after',
      ]) {
        if (response.headers[name]) trace(`← ${name}: ${response.headers[name]}`);
      }
      const result = await read(response, started, signal);
      // undici returns the socket to the pool a tick after the body ends: wait for it, so that the
      // next request reuses this connection instead of opening another.
      await new Promise((resolve) => setImmediate(resolve));
      return result;
    } catch (error) {
      const wire = error instanceof WireError ? error : new WireError('unexpected', 'network', String(error));
      const diagnosis: Diagnosis =
        wire.detail === 'unexpected' && wire.kind === 'network'
          ? {
              kind: 'network',
              status: null,
              code: null,
              serverMessage: null,
              detail: 'unexpected',
              detailVars: { message: safeText(wire.message, secrets) },
            }
          : wireDiagnosis(wire);
      trace(
        `✗ ${diagnosis.kind}${diagnosis.detail ? ` (${diagnosis.detail})` : ''}: ${safeText(wire.message, secrets)}`,
      );
      return {
        ok: false,
        diagnosis:
          diagnosis.detail === 'timeout'
            ? { ...diagnosis, detailVars: { seconds: Math.round(config.timeoutMs / 1000) } }
            : diagnosis,
      };
    } finally {
      spentMs += performance.now() - started;
    }
  }

  /** Reads an error answer into a diagnosis. */
  async function failure(response: WireResponse): Promise<{ ok: false; diagnosis: Diagnosis }> {
    const text = await readText(response).catch(() => '');
    if (text) trace(`← ${safeText(text.slice(0, 2000), secrets)}`);
    const parsed = parseJson(text);
    const diagnosis = diagnoseHttp(
      response.status,
      parsed.ok ? parsed.value : undefined,
      response.headers,
      secrets,
    );
    if (!parsed.ok && text && response.status < 500 && diagnosis.kind === 'api') {
      return { ok: false, diagnosis: { ...diagnosis, serverMessage: safeText(text.slice(0, 300), secrets) } };
    }
    return { ok: false, diagnosis };
  }

  /** Retries what CLI.md says may be retried, within the time limit. */
  async function withRetries<T extends { ok: boolean }>(
    attemptOnce: () => Promise<T | { ok: false; diagnosis: Diagnosis }>,
    signal: AbortSignal | undefined,
    onEvent: ((event: CallEvent) => void) | undefined,
  ): Promise<T | { ok: false; diagnosis: Diagnosis }> {
    for (let attempt = 0; ; attempt++) {
      const result = await attemptOnce();
      if (result.ok || !('diagnosis' in result)) return result;
      const { diagnosis } = result;
      if (!isRetryable(diagnosis.kind) || attempt >= MAX_RETRIES || signal?.aborted) return result;
      if (diagnosis.detail === 'timeout') return result;
      const delayMs = retryDelayMs(diagnosis, attempt);
      if (spentMs + delayMs >= config.timeoutMs) return result;
      onEvent?.({ type: 'retry', diagnosis, delayMs, attempt: attempt + 1, max: MAX_RETRIES });
      const started = performance.now();
      await sleep(delayMs, signal ?? new AbortController().signal);
      spentMs += performance.now() - started;
      if (signal?.aborted) {
        return {
          ok: false,
          diagnosis: { kind: 'interrupted', status: null, code: null, serverMessage: null },
        };
      }
    }
  }

  const checkModels: Session['checkModels'] = (signal, onEvent) =>
    withRetries<ModelsOutcome>(
      () =>
        exchange('GET', endpoint(config.baseUrl, '/models'), undefined, signal, async (response) => {
          const organization = response.headers['openai-organization'] ?? null;
          if (response.status >= 300) {
            const failed = await failure(response);
            // A restricted key may lack the models permission yet make the chat call.
            if (failed.diagnosis.kind === 'missing-scope')
              return { ok: true, organization, warning: 'models-forbidden' };
            return failed;
          }
          const text = await readText(response);
          const parsed = parseJson(text);
          if (!parsed.ok) return { ok: false, diagnosis: badResponse(unparsable(text), response.status) };
          return { ok: true, organization, warning: null };
        }),
      signal,
      onEvent,
    );

  const chat: Session['chat'] = (signal, onEvent) =>
    withRetries<ChatOutcome>(
      () =>
        exchange(
          'POST',
          endpoint(config.baseUrl, '/chat/completions'),
          JSON.stringify(chatBody(config.model, true)),
          signal,
          async (response, started) => {
            if (response.status >= 300) return failure(response);
            const requestId = response.headers['x-request-id'] ?? null;
            const organization = response.headers['openai-organization'] ?? null;
            const type = response.headers['content-type'] ?? '';
            if (type.includes('text/event-stream')) {
              return readStream(response, started, requestId, organization, onEvent);
            }
            const text = await readText(response);
            const parsed = parseJson(text);
            if (!parsed.ok)
              return {
                ok: false,
                diagnosis: badResponse(unparsable(text), response.status, requestId ?? undefined),
              };
            return completionFromJson(parsed.value, started, requestId, organization, response.status);
          },
        ),
      signal,
      onEvent,
    );

  function finish(
    reply: string,
    model: string,
    usage: Usage | null,
    started: number,
    firstTokenAt: number | null,
    requestId: string | null,
    organization: string | null,
  ): ChatSuccess {
    return {
      ok: true,
      reply: safeText(reply, secrets),
      model,
      usage,
      costUsd: usage ? costUsd(model, usage.prompt_tokens, usage.completion_tokens) : null,
      organization,
      requestId,
      latencyMs: {
        firstToken: firstTokenAt === null ? null : Math.round(firstTokenAt - started),
        total: Math.round(performance.now() - started),
      },
    };
  }

  function completionFromJson(
    value: unknown,
    started: number,
    requestId: string | null,
    organization: string | null,
    status: number,
  ): ChatOutcome {
    const body = value as {
      model?: unknown;
      choices?: Array<{ message?: { content?: unknown } }>;
      usage?: Usage | null;
    };
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') {
      const kind = kindOf(status, value);
      if (kind !== 'api') return { ok: false, diagnosis: diagnoseHttp(status, value, {}, secrets) };
      return { ok: false, diagnosis: badResponse('notJson', status, requestId ?? undefined) };
    }
    return finish(
      content,
      String(body.model ?? config.model),
      body.usage ?? null,
      started,
      performance.now(),
      requestId,
      organization,
    );
  }

  async function readStream(
    response: WireResponse,
    started: number,
    requestId: string | null,
    organization: string | null,
    onEvent: ((event: CallEvent) => void) | undefined,
  ): Promise<ChatOutcome> {
    let buffer = '';
    let reply = '';
    let model = config.model;
    let usage: Usage | null = null;
    let firstTokenAt: number | null = null;
    const decoder = new TextDecoder();
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      const lines = buffer.split(/\r?\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('data:')) continue;
        const data = line.slice(5).trim();
        if (data === '[DONE]') {
          await response.dump();
          trace(`← [DONE], ${reply.length} characters`);
          return finish(reply, model, usage, started, firstTokenAt, requestId, organization);
        }
        const parsed = parseJson(data);
        if (!parsed.ok) {
          await response.dump();
          return { ok: false, diagnosis: badResponse('notJson', response.status, requestId ?? undefined) };
        }
        const event = parsed.value as {
          error?: unknown;
          model?: string;
          usage?: Usage | null;
          choices?: Array<{ delta?: { content?: string | null } }>;
        };
        if (event.error) {
          // An error object inside the stream is a server failure (CLI.md).
          await response.dump();
          const inner = diagnoseHttp(500, { error: event.error }, {}, secrets);
          return { ok: false, diagnosis: { ...inner, kind: 'server', status: response.status, requestId } };
        }
        if (event.model) model = event.model;
        if (event.usage) usage = event.usage;
        const text = event.choices?.[0]?.delta?.content;
        if (text) {
          firstTokenAt ??= performance.now();
          reply += text;
          onEvent?.({ type: 'delta', text });
        }
      }
    }
    return { ok: false, diagnosis: badResponse('streamEnded', response.status, requestId ?? undefined) };
  }

  return {
    baseUrl: config.baseUrl,
    checkModels,
    chat,
    close: async () => {
      await dispatcher.destroy().catch(() => undefined);
    },
  };
}
