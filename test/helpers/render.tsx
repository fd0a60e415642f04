/**
 * A render-and-wait harness on Ink's own render (ink-testing-library is fixed at 100 columns and cannot
 * turn on screen-reader mode). debug:true writes every frame whole, so frames are the same with CI set.
 */
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import type { ReactElement } from 'react';

class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  readonly isTTY = true;
  constructor(
    public columns: number,
    public rows: number | undefined,
  ) {
    super();
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    return true;
  };
  /** Changes the size and tells Ink, as a terminal does on resize. */
  resize(columns: number, rows?: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = (): string | null => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Keys as terminals send them. */
export const KEYS = {
  enter: '\r',
  escape: '\u001b',
  up: '\u001b[A',
  down: '\u001b[B',
  right: '\u001b[C',
  left: '\u001b[D',
  backspace: '\u007f',
  ctrlC: '\u0003',
} as const;

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Lets React flush renders and passive effects (it yields through setImmediate). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 2; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Options for a rendered tree. */
export type RenderOptions = {
  columns?: number;
  rows?: number;
  screenReader?: boolean;
  /** Wraps the fake stdin before Ink gets it, as the wizard wraps the real one (key-reader.ts). */
  wrapStdin?: (stdin: NodeJS.ReadStream) => NodeJS.ReadStream;
};

/** Renders a tree into a sized fake terminal. */
export function render(tree: ReactElement, options: RenderOptions = {}) {
  const stdout = new FakeStdout(options.columns ?? 80, options.rows);
  const stderr = new FakeStdout(options.columns ?? 80, options.rows);
  const stdin = new FakeStdin();
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: (options.wrapStdin ?? ((s) => s))(stdin as unknown as NodeJS.ReadStream),
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
    isScreenReaderEnabled: options.screenReader ?? false,
  });
  /** The last frame, without colour codes. */
  const frame = (): string => (stdout.frames.at(-1) ?? '').replace(ANSI, '');
  /** The last frame with its colour and link codes. */
  const rawFrame = (): string => stdout.frames.at(-1) ?? '';

  /** Waits, with a bound, until the screen passes a check; fails with the last frame. */
  const waitFor = async (
    check: (frame: string) => boolean,
    what = 'the expected screen',
    timeoutMs = 5000,
  ): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = frame();
      if (check(current)) return current;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${current}`);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  /** Waits until the screen shows a text. */
  const waitForText = (text: string, timeoutMs?: number) =>
    waitFor((f) => f.includes(text), JSON.stringify(text), timeoutMs);

  /**
   * Types keys. useInput subscribes in an effect, which React runs after the frame is written: each key
   * waits for the scheduler to settle, as Shopify's cli-kit harness does, so it meets the screen drawn last.
   */
  const press = async (...keys: string[]): Promise<void> => {
    for (const key of keys) {
      await settle();
      stdin.write(key);
      await settle();
    }
  };

  return { instance, stdout, stdin, frame, rawFrame, waitFor, waitForText, press };
}
