/**
 * The --debug trace says "via proxy" exactly when the request went through the proxy: for generated proxy
 * variables (either case, set, empty) and NO_PROXY lists, a real proxy on loopback sees a CONNECT if and
 * only if the trace said so, and the request arrives either way.
 */
import { readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/api/session.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';
import { startProxy, type TestProxy } from '../helpers/proxy.js';

const FIXTURES = join(import.meta.dirname, '../fixtures/tls');
const TLS = {
  cert: readFileSync(join(FIXTURES, 'cert.pem'), 'utf8'),
  key: readFileSync(join(FIXTURES, 'key.pem'), 'utf8'),
};
const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';
const HOST = 'api.openai.test';

/** Every .test name is this machine, without asking a resolver. */
const lookup = ((hostname: string, options: unknown, callback?: unknown) => {
  const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
  const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
  if (!hostname.endsWith('.test'))
    return process.nextTick(() => done(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })));
  process.nextTick(() =>
    all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4),
  );
}) as LookupFunction;

let server: DemoServer;
let proxy: TestProxy;
beforeAll(async () => {
  server = await startDemoServer({ tls: TLS });
  proxy = await startProxy(server.port, 'tunnel');
});
afterAll(async () => {
  await proxy.close();
  await server.close();
});

/** Makes the request; tells whether the trace named the proxy and whether the proxy saw it. */
async function route(env: NodeJS.ProcessEnv) {
  const lines: string[] = [];
  const before = proxy.seen.length;
  const session = openSession({
    baseUrl: `https://${HOST}:${server.port}/v1`,
    key: KEY,
    model: 'gpt-4o-mini',
    transport: { env, ca: TLS.cert, lookup },
    debug: (line) => lines.push(line),
  });
  try {
    const answer = await session.models({ signal: new AbortController().signal, timeoutMs: 5000 });
    return {
      ok: answer.ok,
      traced: lines.some((line) => line.includes('via proxy')),
      proxied: proxy.seen.length > before,
      trace: lines.join('\n'),
    };
  } finally {
    await session.close();
  }
}

const entry = () =>
  fc.constantFrom(
    HOST,
    `.${HOST}`,
    '.openai.test',
    '*.openai.test',
    'openai.test',
    'penai.test',
    'other.test',
    '.test',
    'API.OPENAI.TEST',
    '*',
    `${HOST}:443`,
    `${HOST}:${server.port}`,
    `.openai.test:${server.port}`,
    `${HOST}:0${server.port}`,
    '127.0.0.1',
    'localhost',
  );

describe('the proxy the trace names is the proxy used', () => {
  it('HTTPS_PROXY alone: via proxy, and the proxy sees it', async () => {
    const result = await route({ HTTPS_PROXY: proxy.url });
    expect(result).toMatchObject({ ok: true, traced: true, proxied: true });
  });

  it.each([HOST, '.openai.test', '*.openai.test', '*', `other.test, ${HOST}:{port}`])(
    'NO_PROXY=%s: no proxy, and the trace says none',
    async (noProxy) => {
      const result = await route({
        HTTPS_PROXY: proxy.url,
        NO_PROXY: noProxy.replace('{port}', String(server.port)),
      });
      expect(result).toMatchObject({ ok: true, traced: false, proxied: false });
    },
  );

  it(
    'agree for generated proxy variables and NO_PROXY lists',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            variable: fc.constantFrom('HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'),
            emptyLower: fc.boolean(),
            noProxyName: fc.constantFrom('NO_PROXY', 'no_proxy'),
            entries: fc.option(fc.array(entry(), { maxLength: 3 }), { nil: undefined }),
            separator: fc.constantFrom(',', ' ', ', ', ',,'),
          }),
          async ({ variable, emptyLower, noProxyName, entries, separator }) => {
            const env: NodeJS.ProcessEnv = { [variable]: proxy.url };
            // A lower-case variable set but empty hides the upper-case one, as curl and undici read them.
            if (emptyLower && variable === variable.toUpperCase()) env[variable.toLowerCase()] = '';
            if (entries !== undefined) env[noProxyName] = entries.join(separator);
            const result = await route(env);
            expect(result.ok).toBe(true);
            expect({ env, traced: result.traced }).toEqual({ env, traced: result.proxied });
          },
        ),
        fuzzParams(40),
      );
    },
    fuzzTimeout(60_000),
  );
});
