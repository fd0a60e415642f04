import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const held: Server[] = [];
afterEach(async () => {
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port this test holds open for its whole length, so no other process can take it meanwhile. */
async function takenPort(): Promise<number> {
  const server = createServer();
  held.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('serve --port', () => {
  it.each([
    [
      'en',
      'Port {port} is already in use: choose another with --port, or leave --port out to get a free one.',
    ],
    [
      'ko',
      '{port}번 포트는 이미 쓰이고 있습니다. --port로 다른 포트를 고르거나, --port를 빼서 빈 포트를 쓰세요.',
    ],
  ])('on a port in use: one line (%s), exit 2', async (lang, sentence) => {
    const port = await takenPort();
    const result = await runCli(['serve', '--port', String(port), '--lang', lang]);
    expect(result).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `openai-topup: ${sentence.replace('{port}', String(port))}\n`,
    });
  });
});
