/**
 * The keyboard for Ink: stdin, except that each `read()` returns one key event (keys.ts). Ink 6.8 reads
 * with `stdin.read()` in a loop and emits each read as one input, synchronously and in order, so every
 * key reaches the screen that the key before it left. A wrapper stream would not do: a byte stream joins
 * the pieces again on `read()`. So this is a Proxy on the real stream, which Ink still listens to.
 */
import { StringDecoder } from 'node:string_decoder';
import { createKeySplitter, forInk } from './keys.js';

/** How long the input must stay quiet before what is held back is let go. */
export type QuietTimes = {
  /** After a lone ESC (or a sequence cut off): then it is Esc. Long enough for the rest of a cut sequence. */
  readonly escapeMs: number;
  /** After an open bracketed paste whose end marker has not come. */
  readonly pasteMs: number;
};

/** Esc acts after 25 ms; vim and tmux wait longer, but here a cut sequence arrives back to back. */
export const QUIET_TIMES: QuietTimes = { escapeMs: 25, pasteMs: 500 };

/** Wraps `stdin` so that Ink reads one key event at a time. */
export function oneKeyPerRead(stdin: NodeJS.ReadStream, quiet: QuietTimes = QUIET_TIMES): NodeJS.ReadStream {
  const splitter = createKeySplitter();
  const decoder = new StringDecoder('utf8');
  const queue: string[] = [];
  let timer: NodeJS.Timeout | undefined;

  const take = (pieces: ReturnType<typeof splitter.push>) => {
    for (const piece of pieces) {
      const read = forInk(piece);
      if (read !== undefined) queue.push(read);
    }
  };
  const quietAfter = () => {
    const waiting = splitter.waiting();
    if (!waiting || timer) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        take(splitter.flush());
        // Ink reads only when the stream says it is readable: say so for what was held back.
        if (queue.length > 0) stdin.emit('readable');
      },
      waiting === 'escape' ? quiet.escapeMs : quiet.pasteMs,
    );
    timer.unref();
  };
  const read = (): string | null => {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) return next;
      const chunk: unknown = stdin.read();
      if (chunk === null || chunk === undefined) {
        quietAfter();
        return null;
      }
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      take(splitter.push(typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer)));
    }
  };

  return new Proxy(stdin, {
    get(target, property) {
      if (property === 'read') return read;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
