/**
 * The wire: an undici dispatcher (proxies from the environment, never for loopback), one request with
 * timeouts and a cancel signal, bodies decoded (gzip, deflate, br, even unasked) and capped.
 */
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import type { Dispatcher as DispatcherTypes } from 'undici';
import { isLoopbackHost } from './base-url.js';
import type { DetailKey } from './outcomes.js';
import { exemptFromProxy, SettingsError, unusableProxyVariable } from './proxy-env.js';
import { Agent, type Dispatcher, ProxyAgent } from './undici-core.js';

/** The largest body read, decoded: 1 MB. */
export const BODY_CAP = 1024 * 1024;

/** How the connection is made. */
export type TransportOptions = {
  /** Where proxy settings come from (HTTPS_PROXY, HTTP_PROXY, NO_PROXY, lower or upper case). */
  readonly env: NodeJS.ProcessEnv;
  readonly connectTimeoutMs?: number;
  /** A DNS lookup to use instead of the system's (tests inject one). */
  readonly lookup?: LookupFunction;
  /** Extra certificate authorities (tests pass their own; users set NODE_EXTRA_CA_CERTS). */
  readonly ca?: string;
};

/**
 * One dispatcher for all requests of a check, so both share a connection. Close it when done. Throws a
 * SettingsError when a proxy variable is unusable. Whether to go through a proxy is decided here, once, by
 * proxyFor: the --debug trace names the proxy from the same function, so it cannot say "via proxy" for a
 * request that went direct, or the other way round.
 */
export function createDispatcher(baseUrl: string, options: TransportOptions): Dispatcher {
  const connect = {
    timeout: options.connectTimeoutMs ?? 10_000,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    ...(options.ca ? { ca: options.ca } : {}),
  };
  const agentOptions = { connect, keepAliveTimeout: 4_000, keepAliveMaxTimeout: 10_000 };
  const host = new URL(baseUrl).hostname;
  // Loopback never goes through a proxy, so --demo works behind a corporate proxy.
  if (isLoopbackHost(host)) return new Agent(agentOptions);
  const unusable = unusableProxyVariable(options.env);
  if (unusable) throw new SettingsError(unusable);
  const proxy = proxyFor(baseUrl, options.env);
  if (!proxy) return new Agent(agentOptions);
  return new ProxyAgent({
    ...agentOptions,
    uri: proxy,
    // Through a proxy, the TLS to the API runs inside the tunnel and takes its options from requestTls.
    ...(options.ca ? { requestTls: { ca: options.ca } } : {}),
  });
}

/**
 * The proxy URL a request to `baseUrl` uses (none for loopback or a NO_PROXY host), as curl reads the
 * variables: lower case first, and a variable set but empty counts as not set.
 */
export function proxyFor(baseUrl: string, env: NodeJS.ProcessEnv): string | undefined {
  const url = new URL(baseUrl);
  if (isLoopbackHost(url.hostname)) return undefined;
  if (exemptFromProxy(url, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  return url.protocol === 'https:'
    ? env.https_proxy || env.HTTPS_PROXY || env.http_proxy || env.HTTP_PROXY || undefined
    : env.http_proxy || env.HTTP_PROXY || undefined;
}

/** An answer whose body is still to be read. */
export type WireResponse = {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** The decoded body, chunk by chunk, capped at BODY_CAP. */
  readonly body: AsyncIterable<Buffer>;
  /** Throws away what is left of the body, at once: the connection is not reused. */
  readonly dump: () => Promise<void>;
};

/** A failure below HTTP: the detail names it for the user. */
export class WireError extends Error {
  constructor(
    readonly detail: DetailKey,
    readonly kind: 'network' | 'bad-response' | 'interrupted',
    message: string,
  ) {
    super(message);
  }
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** A decompressor for the body's encoding, if it has one; zlib loads only then (`check` saves 2 ms). */
async function decoder(encoding: string | undefined, first: Buffer | undefined) {
  const kind = (encoding ?? '').trim().toLowerCase();
  if (!['gzip', 'x-gzip', 'br', 'deflate'].includes(kind)) return undefined;
  const zlib = await import('node:zlib');
  if (kind === 'br') return zlib.createBrotliDecompress();
  if (kind === 'deflate')
    // Servers send deflate both zlib-wrapped (0x78…) and raw.
    return first && first[0] === 0x78 ? zlib.createInflate() : zlib.createInflateRaw();
  return zlib.createGunzip();
}

async function* capped(source: AsyncIterable<Buffer>, cap: number): AsyncIterable<Buffer> {
  let total = 0;
  for await (const chunk of source) {
    total += chunk.length;
    if (total > cap) throw new WireError('tooLarge', 'bad-response', `body over ${cap} bytes`);
    yield chunk;
  }
}

async function* decoded(body: AsyncIterable<Buffer>, encoding: string | undefined): AsyncIterable<Buffer> {
  const iterator = body[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const rest: AsyncIterable<Buffer> = {
    [Symbol.asyncIterator]: () => iterator,
  };
  async function* all() {
    yield first.value;
    yield* rest;
  }
  const stream = await decoder(encoding, first.value);
  if (!stream) {
    yield* all();
    return;
  }
  const input = Readable.from(all());
  input.on('error', (error) => stream.destroy(error));
  input.pipe(stream);
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof WireError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (
      code.startsWith('Z_') ||
      code === 'ERR_BROTLI_DECOMPRESSION_FAILED' ||
      /unexpected end/i.test(String(error))
    ) {
      throw new WireError('cutOff', 'bad-response', String(error));
    }
    throw error;
  }
}

/** The request to send. */
export type WireRequest = {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal: AbortSignal;
  /** The limit for headers and for the gap between body chunks. */
  readonly timeoutMs: number;
  /** Whether the request goes through a proxy (decides how a tunnel failure is named). */
  readonly viaProxy?: boolean;
};

/** Sends one request. Network failures come back as WireError with a detail; HTTP errors are answers. */
export async function send(dispatcher: Dispatcher, req: WireRequest): Promise<WireResponse> {
  let response: DispatcherTypes.ResponseData;
  const url = new URL(req.url);
  try {
    response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: req.method,
      headers: req.headers,
      body: req.body,
      signal: req.signal,
      // The check's own time limit (the signal) ends a stall; these only back it up, a second later.
      headersTimeout: req.timeoutMs + 1000,
      bodyTimeout: req.timeoutMs + 1000,
    });
  } catch (error) {
    throw toWireError(error, req.signal, req.viaProxy);
  }
  const headers = flatHeaders(response.headers as Record<string, string | string[] | undefined>);
  const raw = response.body;
  const body = capped(
    decoded(capped(raw as AsyncIterable<Buffer>, BODY_CAP * 4), headers['content-encoding']),
    BODY_CAP,
  );
  async function* guarded(): AsyncIterable<Buffer> {
    try {
      yield* body;
    } catch (error) {
      throw toWireError(error, req.signal, req.viaProxy);
    }
  }
  return {
    status: response.statusCode,
    headers,
    body: guarded(),
    // What is left is not wanted, and a server may never send its end (a stream kept open after [DONE]):
    // reading it out would hold the result until the time limit. The body is dropped and its connection with it.
    dump: async () => {
      raw.on('error', () => undefined);
      raw.destroy();
    },
  };
}

/** Reads a whole body (capped) as text. */
export async function readText(response: WireResponse): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function causes(error: unknown): Array<{ code?: string; message: string; name?: string }> {
  const out: Array<{ code?: string; message: string; name?: string }> = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    const e = current as { code?: string; message?: string; name?: string; cause?: unknown };
    out.push({ code: e.code, message: String(e.message ?? current), name: e.name });
    current = e.cause;
  }
  return out;
}

/** The exact text undici 7 gives a proxy's non-200 answer to CONNECT. */
const TUNNEL_REFUSED = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/;

/** Names a failure below HTTP, from error codes (and whether a proxy is in use), never from free text. */
export function toWireError(error: unknown, signal: AbortSignal, viaProxy = false): WireError {
  if (error instanceof WireError) return error;
  if (signal.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError'
      ? new WireError('timeout', 'network', 'overall timeout')
      : new WireError('unexpected', 'interrupted', 'cancelled');
  }
  const all = causes(error);
  const has = (test: (c: { code?: string; message: string; name?: string }) => boolean) => all.some(test);
  const message = all.map((c) => c.message).join(': ');
  // undici 7 reports a proxy's refusal of the tunnel only in this message; it means a proxy only when one
  // is in use (a host called llm-proxy, or a "407" in a port number, must not read as a proxy problem).
  if (viaProxy) {
    const tunnel = all
      .map((c) => TUNNEL_REFUSED.exec(c.message)?.[1])
      .find((status): status is string => status !== undefined);
    if (tunnel === '407') return new WireError('proxyAuth', 'network', message);
    if (tunnel !== undefined) return new WireError('proxy', 'network', message);
  }
  if (has((c) => c.code === 'ENOTFOUND' || c.code === 'EAI_AGAIN' || c.code === 'EAI_NONAME'))
    return new WireError('dns', 'network', message);
  if (has((c) => c.code === 'ECONNREFUSED')) return new WireError('refused', 'network', message);
  if (has((c) => c.code === 'UND_ERR_CONNECT_TIMEOUT' || c.code === 'ETIMEDOUT'))
    return new WireError('connectTimeout', 'network', message);
  if (has((c) => c.code === 'UND_ERR_HEADERS_TIMEOUT'))
    return new WireError('headersTimeout', 'network', message);
  if (has((c) => c.code === 'UND_ERR_BODY_TIMEOUT')) return new WireError('bodyTimeout', 'network', message);
  if (
    has((c) =>
      /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|UND_ERR_PRX_TLS/.test(
        c.code ?? '',
      ),
    )
  ) {
    return new WireError('tls', 'network', message);
  }
  if (
    has(
      (c) =>
        c.code === 'ECONNRESET' ||
        c.code === 'UND_ERR_SOCKET' ||
        c.code === 'EPIPE' ||
        c.code === 'UND_ERR_CLOSED',
    )
  ) {
    return new WireError('reset', 'network', message);
  }
  if (has((c) => c.code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH'))
    return new WireError('cutOff', 'bad-response', message);
  return new WireError('unexpected', 'network', message);
}
