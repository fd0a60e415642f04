import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallPolicy } from '../../src/api/call-machine.js';
import type { TransportOptions } from '../../src/api/transport.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { checkAgainst, sessionTo } from '../helpers/app.js';
import { startProxy, type TestProxy } from '../helpers/proxy.js';

const TLS = {
  cert: readFileSync(join(import.meta.dirname, '../fixtures/tls/cert.pem'), 'utf8'),
  key: readFileSync(join(import.meta.dirname, '../fixtures/tls/key.pem'), 'utf8'),
};
const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0000';
// A host that is not loopback, so the proxy is used; the proxy tunnels it to the practice server.
const REMOTE = 'https://api.openai.test/v1';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((close) => close()));
});
async function tlsServer(): Promise<DemoServer> {
  const server = await startDemoServer({ tls: TLS });
  cleanups.push(server.close);
  return server;
}
async function proxy(port: number, mode: Parameters<typeof startProxy>[1]): Promise<TestProxy> {
  const started = await startProxy(port, mode);
  cleanups.push(started.close);
  return started;
}
type CheckOptions = {
  baseUrl?: string;
  transport?: TransportOptions;
  debug?: (line: string) => void;
  policy?: Partial<CallPolicy>;
  onProgress?: (phase: string) => void;
};
const check = (env: NodeJS.ProcessEnv, extra: CheckOptions = {}) =>
  checkAgainst(
    {
      key: KEY,
      baseUrl: extra.baseUrl ?? REMOTE,
      transport: extra.transport ?? { env, ca: TLS.cert },
      debug: extra.debug,
    },
    { timeoutMs: 5000, maxRetries: 0, ...extra.policy },
    (state, previous) => {
      if (state.phase !== previous.phase) extra.onProgress?.(state.phase);
    },
  );

describe('through a proxy on loopback', () => {
  it('succeeds through HTTPS_PROXY, with one tunnel for both requests', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'tunnel');
    const { report } = await check({ HTTPS_PROXY: p.url });
    expect(report).toMatchObject({ ok: true, kind: 'ok' });
    expect(p.seen).toEqual(['CONNECT api.openai.test:443 auth=no']);
  });

  it('honours lower-case https_proxy', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'tunnel');
    const { report } = await check({ https_proxy: p.url });
    expect(report.ok).toBe(true);
  });

  it('skips the proxy for hosts in NO_PROXY', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'tunnel');
    // localhost is loopback anyway; a named host in NO_PROXY goes direct and fails to resolve here.
    const { report } = await check(
      { HTTPS_PROXY: p.url, NO_PROXY: 'api.openai.test' },
      {
        transport: {
          env: { HTTPS_PROXY: p.url, NO_PROXY: 'api.openai.test' },
          ca: TLS.cert,
          lookup: (_h: string, _o: unknown, cb: (e: Error, a: string, f: number) => void) =>
            cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), '', 4),
        },
      },
    );
    expect(report).toMatchObject({ kind: 'network' });
    expect(p.seen).toEqual([]);
  });

  it('never sends loopback through the proxy (so --demo works behind a corporate proxy)', async () => {
    const server = await startDemoServer({});
    cleanups.push(server.close);
    const p = await proxy(1, 'refuse');
    const { report } = await check({ HTTPS_PROXY: p.url, HTTP_PROXY: p.url }, { baseUrl: server.baseUrl });
    expect(report.ok).toBe(true);
    expect(p.seen).toEqual([]);
  });

  it('names a proxy that refuses: network, retryable', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'refuse');
    const { report } = await check({ HTTPS_PROXY: p.url });
    expect(report).toMatchObject({ kind: 'network', exitCode: 6, error: { retryable: true } });
    expect(report.error?.message).toContain('the proxy refused the connection');
  });

  it('names a proxy asking for a password (407)', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'auth');
    const { report } = await check({ HTTPS_PROXY: p.url });
    expect(report.error?.message).toContain('(407)');
  });

  it('sends the proxy password from the URL and never shows it', async () => {
    const server = await tlsServer();
    const p = await proxy(server.port, 'auth');
    const lines: string[] = [];
    const proxyUrl = p.url.replace('http://', 'http://user:secret@');
    const { report } = await check({ HTTPS_PROXY: proxyUrl }, { debug: (line) => lines.push(line) });
    expect(report.ok).toBe(true);
    expect(lines.join('\n')).toContain('user:****@');
    expect(lines.join('\n')).not.toContain('secret');
  });

  it('explains a certificate it cannot verify, with the NODE_EXTRA_CA_CERTS advice', async () => {
    const server = await tlsServer();
    const { report, explanation } = await check({}, { baseUrl: server.baseUrl, transport: { env: {} } });
    expect(report).toMatchObject({ kind: 'network' });
    expect(report.error?.message).toContain('certificate could not be verified');
    expect(explanation?.notes.join(' ')).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('names a host that does not resolve (injected lookup)', async () => {
    const { report } = await check(
      {},
      {
        transport: {
          env: {},
          lookup: (_h: string, _o: unknown, cb: (e: Error, a: string, f: number) => void) =>
            cb(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), '', 4),
        },
      },
    );
    expect(report.error?.message).toContain('the host name could not be found');
  });

  it('names a refused connection', async () => {
    const { report } = await check({}, { baseUrl: 'http://127.0.0.1:9/v1' });
    expect(report).toMatchObject({ kind: 'network', exitCode: 6 });
    expect(report.error?.message).toContain('the connection was refused');
  });
});

describe('waiting for credit', () => {
  it('retries no-credit every poll until the credit arrives (check --wait-for-credit)', async () => {
    const server = await startDemoServer({ scenario: 'no-credit-then-ok', creditAfter: 2 });
    cleanups.push(server.close);
    const progress: string[] = [];
    const { report } = await check(
      {},
      {
        baseUrl: server.baseUrl,
        policy: { creditWait: { intervalMs: 20, maxTries: 3, auto: true } },
        onProgress: (phase) => progress.push(phase),
      },
    );
    expect(report.ok).toBe(true);
    expect(progress.filter((phase) => phase === 'credit-wait')).toHaveLength(2);
  });

  it('never retries no-credit on its own, as if it were a rate limit', async () => {
    const server = await startDemoServer({ scenario: 'no-credit-then-ok', creditAfter: 1 });
    cleanups.push(server.close);
    const { report } = await check({}, { baseUrl: server.baseUrl });
    expect(report.kind).toBe('no-credit');
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
  });

  it('gives up when the wait is over', async () => {
    const server = await startDemoServer({ scenario: 'no-credit' });
    cleanups.push(server.close);
    const { report } = await check(
      {},
      { baseUrl: server.baseUrl, policy: { creditWait: { intervalMs: 20, maxTries: 2, auto: true } } },
    );
    expect(report.kind).toBe('no-credit');
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(3);
  });
});

describe('the session', () => {
  it('shares one connection for both requests and lets the process exit after close', async () => {
    const server = await startDemoServer({});
    cleanups.push(server.close);
    const session = await sessionTo(server.baseUrl)(KEY);
    const signal = new AbortController().signal;
    const models = await session.models({ signal, timeoutMs: 5000 });
    const chat = await session.chat({ signal, timeoutMs: 5000, stream: true });
    await session.close();
    expect(models.ok && chat.ok).toBe(true);
    expect(server.connections()).toBe(1);
  });

  it('is cancelled by its signal, mid-call', async () => {
    // Aborted once the server holds the request (not before it is sent), as a user's Esc would be.
    let arrived: () => void = () => undefined;
    const atServer = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const server = await startDemoServer({
      scenario: 'slow',
      log: (entry) => {
        if (entry.path.endsWith('/chat/completions')) arrived();
      },
    });
    cleanups.push(server.close);
    const session = await sessionTo(server.baseUrl)(KEY);
    const controller = new AbortController();
    const pending = session.chat({ signal: controller.signal, timeoutMs: 30_000, stream: true });
    await atServer;
    controller.abort();
    const result = await pending;
    await session.close();
    expect(result).toMatchObject({ ok: false, diagnosis: { kind: 'interrupted' } });
  });
});
