import { EventEmitter } from 'node:events';
import { type Key, Text, useInput } from 'ink';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { oneKeyPerRead } from '../../src/system/key-reader.js';
import { PASTE_END, PASTE_START } from '../../src/system/keys.js';
import { render } from '../helpers/render.js';

/** A stream as Node's stdin is to Ink: `readable`, then `read()` until null. */
class ChunkStream extends EventEmitter {
  private readonly chunks: string[] = [];
  read = (): string | null => this.chunks.shift() ?? null;
  /** Makes chunks readable, as the terminal's bytes arrive. */
  arrive(...chunks: string[]): void {
    this.chunks.push(...chunks);
    this.emit('readable');
  }
}

/** Reads until null, as Ink's handleReadable does. */
function readAll(stdin: NodeJS.ReadStream): string[] {
  const out: string[] = [];
  for (let chunk = stdin.read() as string | null; chunk !== null; chunk = stdin.read() as string | null)
    out.push(chunk);
  return out;
}

const waitUntil = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 2000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('the keyboard for Ink', () => {
  it('hands over one key per read, in order', () => {
    const raw = new ChunkStream();
    const stdin = oneKeyPerRead(raw as unknown as NodeJS.ReadStream);
    raw.arrive('\u007f\u007f25\r');
    expect(readAll(stdin)).toEqual(['\u007f', '\u007f', '25', '\r']);
  });

  it('keeps a sequence cut between two reads whole', () => {
    const raw = new ChunkStream();
    const stdin = oneKeyPerRead(raw as unknown as NodeJS.ReadStream, { escapeMs: 10_000, pasteMs: 10_000 });
    raw.arrive('\u001b');
    expect(readAll(stdin)).toEqual([]);
    raw.arrive('[B\r');
    expect(readAll(stdin)).toEqual(['\u001b[B', '\r']);
  });

  it('lets a lone Esc act once the input is quiet: says it is readable again, and hands it over', async () => {
    const raw = new ChunkStream();
    const stdin = oneKeyPerRead(raw as unknown as NodeJS.ReadStream, { escapeMs: 5, pasteMs: 5 });
    const got: string[] = [];
    raw.on('readable', () => got.push(...readAll(stdin)));
    raw.arrive('\u001b');
    expect(got).toEqual([]);
    await waitUntil(() => got.length > 0, 'the Esc');
    expect(got).toEqual(['\u001b[27u']);
  });

  it('hands over a bracketed paste as one text, and the Enter after it as a key', () => {
    const raw = new ChunkStream();
    const stdin = oneKeyPerRead(raw as unknown as NodeJS.ReadStream);
    raw.arrive(`${PASTE_START}sk-proj-FAKE\n${PASTE_END}`, '\r');
    expect(readAll(stdin)).toEqual(['sk-proj-FAKE\n', '\r']);
  });
});

type Seen = { input: string; key: Partial<Key> };

/** Records every key event useInput sees. */
function Recorder({ seen }: { seen: Seen[] }) {
  const [count, setCount] = useState(0);
  useInput((input, key) => {
    seen.push({ input, key });
    setCount((n) => n + 1);
  });
  return <Text>{`keys: ${count}`}</Text>;
}

describe('Ink 6.8 reading the wrapped keyboard', () => {
  let unmount: (() => void) | undefined;
  afterEach(() => unmount?.());

  const start = () => {
    const seen: Seen[] = [];
    const app = render(<Recorder seen={seen} />, {
      wrapStdin: (stdin) => oneKeyPerRead(stdin, { escapeMs: 5, pasteMs: 5 }),
    });
    unmount = () => app.instance.unmount();
    return { app, seen };
  };

  it('sees each key of one write as its own event', async () => {
    const { app, seen } = start();
    await app.waitForText('keys: 0');
    app.stdin.write('\u007f\u007f25\u001b[B\t\u0015\r');
    await app.waitForText('keys: 7');
    expect(seen.map((s) => s.input)).toEqual(['', '', '25', '', '', 'u', '\r']);
    expect(seen[0]?.key.delete).toBe(true);
    expect(seen[3]?.key.downArrow).toBe(true);
    expect(seen[4]?.key.tab).toBe(true);
    expect(seen[5]?.key.ctrl).toBe(true);
    expect(seen[6]?.key.return).toBe(true);
  });

  it('reads the lone Esc it is handed (the kitty form) as Esc, with no text', async () => {
    const { app, seen } = start();
    await app.waitForText('keys: 0');
    app.stdin.write('\u001b');
    await app.waitForText('keys: 1');
    expect(seen[0]?.input).toBe('');
    expect(seen[0]?.key.escape).toBe(true);
  });

  it('sees Esc then an arrow, written together, as two keys', async () => {
    const { app, seen } = start();
    await app.waitForText('keys: 0');
    app.stdin.write('\u001b\u001b[A');
    await app.waitForText('keys: 2');
    expect(seen[0]?.key.escape).toBe(true);
    expect(seen[1]?.key.upArrow).toBe(true);
  });

  it('sees a bracketed paste holding a newline as text, not Enter', async () => {
    const { app, seen } = start();
    await app.waitForText('keys: 0');
    app.stdin.write(`${PASTE_START}sk-proj-FAKE\r${PASTE_END}`);
    await app.waitForText('keys: 1');
    expect(seen[0]?.input).toBe('sk-proj-FAKE\r');
    expect(seen[0]?.key.return).toBe(false);
  });
});
