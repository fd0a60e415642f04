/** Produces a row of the fault matrix: the servers, proxies and settings it needs, for check and the wizard. */
import { readFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
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

/** A port on 127.0.0.1 where nothing listens, held until `release`. */
export type ClosedPort = { readonly port: number; readonly release: () => Promise<void> };

/**
 * A port where nothing listens for as long as the caller holds it: the local end of a connection this
 * process keeps open. Picking a free port and closing it would race with every other test that listens
 * meanwhile; a port a connected socket holds is never handed out by listen(0) (the kernel counts it as in
 * use), so a connection to it is refused whatever runs beside the test. With `containing`, the port number
 * contains that text (bound on purpose, e.g. "407"); such a port is still never given to listen(0), and no
 * test listens on a port number of its choosing.
 */
export async function closedPort(options: { readonly containing?: string } = {}): Promise<ClosedPort> {
  const server = createServer();
  const accepted = new Set<Socket>();
  server.on('connection', (socket) => accepted.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const target = (server.address() as AddressInfo).port;
  const open = (localPort?: number) =>
    new Promise<Socket | undefined>((resolve, reject) => {
      const socket = connect({ port: target, host: '127.0.0.1', localAddress: '127.0.0.1', localPort });
      socket.once('connect', () => resolve(socket));
      socket.once('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EADDRINUSE' ? resolve(undefined) : reject(error),
      );
    });
  let client: Socket | undefined;
  if (options.containing === undefined) client = await open();
  else {
    const candidates = [];
    for (let port = 1024; port < 65536; port++)
      if (String(port).includes(options.containing)) candidates.push(port);
    for (const port of candidates.sort(() => Math.random() - 0.5).slice(0, 50)) {
      client = await open(port);
      if (client) break;
    }
  }
  if (!client) throw new Error(`no port containing ${options.containing} could be held`);
  const held = client;
  return {
    port: held.localPort ?? 0,
    release: async () => {
      held.destroy();
      for (const socket of accepted) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
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
  if ('refused' in produce) {
    const closed = await closedPort();
    return { ...base, baseUrl: `http://127.0.0.1:${closed.port}/v1`, close: closed.release };
  }
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
