/**
 * A loopback HTTP server that answers exactly as a test says, byte for byte: any status line, any headers,
 * any body, sent in pieces with pauses between them, cut off (closed or reset) or left stalled at any byte.
 * Built on a raw socket, so that nothing tidies the answer up on the way. The property tests drive it with
 * generated answers (test/helpers/answers.ts).
 */
import { type AddressInfo, createServer, type Socket } from 'node:net';

/** One answer, as bytes on the wire. */
export type WireAnswer = {
  /** Everything the server sends: status line, headers, blank line, body. */
  readonly bytes: Buffer;
  /** Where the bytes are split, as sizes of the pieces sent one after another (the rest goes last). */
  readonly pieces: readonly number[];
  /** The pause before each piece, in ms (missing ones are 0). */
  readonly pausesMs: readonly number[];
  /** What happens after `at` bytes: the connection closes, is reset, or stays open saying nothing. */
  readonly end?: { readonly at: number; readonly how: 'close' | 'reset' | 'stall' };
  /** Close the connection once everything is sent (a body that runs to the end of the connection). */
  readonly closeAfter: boolean;
};

/** A running answer server. */
export type AnswerServer = {
  readonly baseUrl: string;
  readonly port: number;
  /** The request lines received, in order. */
  readonly requests: string[];
  readonly close: () => Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a server that answers its n-th request with answers[n] (the last one again after that). */
export async function startAnswerServer(answers: readonly WireAnswer[]): Promise<AnswerServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  let served = 0;

  const send = async (socket: Socket, answer: WireAnswer) => {
    const limit = answer.end ? Math.min(answer.end.at, answer.bytes.length) : answer.bytes.length;
    let offset = 0;
    let index = 0;
    while (offset < limit && !socket.destroyed) {
      const pause = answer.pausesMs[index] ?? 0;
      if (pause > 0) await sleep(pause);
      const size = answer.pieces[index] ?? limit - offset;
      const piece = answer.bytes.subarray(offset, Math.min(limit, offset + Math.max(1, size)));
      offset += piece.length;
      index += 1;
      if (!socket.write(piece)) await new Promise((resolve) => socket.once('drain', resolve));
    }
    if (socket.destroyed) return;
    if (answer.end?.how === 'reset') socket.resetAndDestroy();
    else if (answer.end?.how === 'close' || answer.closeAfter) socket.end();
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let buffer = Buffer.alloc(0);
    let busy = Promise.resolve();
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        const headEnd = buffer.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = buffer.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buffer.length < headEnd + 4 + length) return;
        buffer = buffer.subarray(headEnd + 4 + length);
        requests.push(head.split('\r\n')[0] ?? '');
        const answer = answers[Math.min(served, answers.length - 1)];
        served += 1;
        if (answer) busy = busy.then(() => send(socket, answer));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
