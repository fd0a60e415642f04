/** Produces a row of the fault matrix: the servers, proxies and settings it needs, for check and the wizard. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TransportOptions } from '../../src/api/transport.js';
import type { ScenarioName } from '../../src/demo/scenario-names.js';
import { startDemoServer } from '../../src/demo/server.js';
import type { FaultRow } from '../fault-matrix.js';
import { startProxy } from './proxy.js';

const FIXTURES = join(import.meta.dirname, '../fixtures');
const CERT_FILE = join(FIXTURES, 'tls/cert.pem');
const TLS = {
  cert: readFileSync(CERT_FILE, 'utf8'),
  key: readFileSync(join(FIXTURES, 'tls/key.pem'), 'utf8'),
};

/** The password a proxy URL carries in the `auth-ok` row: it must never be shown. */
export const PROXY_PASSWORD = 'secret';

/** A fault, ready: where to point the client, how to run `check`, what the wizard's session needs. */
export type Fault = {
  readonly baseUrl: string;
  /** Extra environment for a spawned `check`. */
  readonly env: NodeJS.ProcessEnv;
  /** Extra node options for a spawned `check` (the DNS row preloads a failing lookup). */
  readonly nodeArgs: readonly string[];
  /** The same, for a session opened in-process by the wizard. */
  readonly transport: TransportOptions;
  /** What the practice server saw (keys masked), if there is one. */
  readonly requests: () => unknown[];
  readonly close: () => Promise<void>;
};

const failingLookup: TransportOptions['lookup'] = (hostname, _options, callback) =>
  process.nextTick(() =>
    callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '', 4),
  );

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sets up a row's fault. */
export async function setupFault(row: FaultRow): Promise<Fault> {
  const produce = row.produce;
  const base = {
    env: {},
    nodeArgs: [],
    transport: { env: {} },
    requests: () => [],
    close: async () => undefined,
  };
  if ('fixture' in produce || 'scenario' in produce) {
    const server = await startDemoServer(
      'fixture' in produce ? { fixture: produce.fixture } : { scenario: produce.scenario as ScenarioName },
    );
    return { ...base, baseUrl: server.baseUrl, requests: () => server.requests, close: server.close };
  }
  if ('refused' in produce) return { ...base, baseUrl: `http://127.0.0.1:${await freePort()}/v1` };
  if ('dns' in produce) {
    return {
      ...base,
      baseUrl: 'https://api.openai.test/v1',
      nodeArgs: ['--import', join(FIXTURES, 'no-dns.mjs')],
      transport: { env: {}, lookup: failingLookup },
    };
  }
  const server = await startDemoServer({ tls: TLS });
  if ('tls' in produce)
    return { ...base, baseUrl: server.baseUrl, requests: () => server.requests, close: server.close };
  const proxy = await startProxy(server.port, produce.proxy === 'auth-ok' ? 'auth' : produce.proxy);
  const proxyUrl =
    produce.proxy === 'auth-ok' ? proxy.url.replace('http://', `http://user:${PROXY_PASSWORD}@`) : proxy.url;
  return {
    baseUrl: 'https://api.openai.test/v1',
    env: { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: CERT_FILE },
    nodeArgs: [],
    transport: { env: { HTTPS_PROXY: proxyUrl }, ca: TLS.cert },
    requests: () => server.requests,
    close: async () => {
      await proxy.close();
      await server.close();
    },
  };
}
