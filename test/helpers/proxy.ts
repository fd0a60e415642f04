/** A CONNECT proxy on loopback for tests: tunnels every host to one local port, or refuses as told. */
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

/** How the proxy behaves. */
export type ProxyMode = 'tunnel' | 'refuse' | 'auth';

/** A running proxy. */
export type TestProxy = {
  readonly url: string;
  readonly seen: string[];
  readonly close: () => Promise<void>;
};

/** Starts a proxy that sends every CONNECT to 127.0.0.1:`targetPort`. `auth` mode wants user:secret. */
export async function startProxy(targetPort: number, mode: ProxyMode = 'tunnel'): Promise<TestProxy> {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket) => {
    seen.push(`${req.method} ${req.url} auth=${req.headers['proxy-authorization'] ? 'yes' : 'no'}`);
    if (mode === 'refuse') {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const expected = `Basic ${Buffer.from('user:secret').toString('base64')}`;
    if (mode === 'auth' && req.headers['proxy-authorization'] !== expected) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n',
      );
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
