/**
 * A server-sent events parser, fed the body in whatever pieces the network delivers: a piece may end
 * inside a line, inside a CRLF, or inside a multi-byte character. Pure and incremental; it yields the
 * `data` of each event (lines joined with \n, per the HTML spec), nothing else.
 */

/** Parses one stream; push the bytes as they come, then call end(). */
export type SseParser = {
  /** Feeds the next piece; returns the data of every event it completed. */
  readonly push: (piece: Uint8Array | string) => string[];
  /** The stream ended: returns the data of an event left without its blank line, if any. */
  readonly end: () => string[];
};

/** A new parser for one stream. */
export function createSseParser(): SseParser {
  const decoder = new TextDecoder();
  let buffer = '';
  // A CR at the very end of a piece may be the first half of a CRLF: the next piece decides.
  let pendingCr = false;
  let data: string[] = [];
  let hasData = false;

  const line = (text: string, out: string[]) => {
    if (text === '') {
      if (hasData) out.push(data.join('\n'));
      data = [];
      hasData = false;
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      data.push(value);
      hasData = true;
    }
    // event, id and retry carry nothing the test call uses.
  };

  const feed = (text: string): string[] => {
    const out: string[] = [];
    let start = 0;
    let at = 0;
    let chunk = text;
    if (pendingCr) {
      pendingCr = false;
      if (chunk.startsWith('\n')) chunk = chunk.slice(1);
    }
    buffer += chunk;
    const all = buffer;
    for (at = 0; at < all.length; at++) {
      const char = all.charCodeAt(at);
      if (char !== 0x0a && char !== 0x0d) continue;
      line(all.slice(start, at), out);
      if (char === 0x0d) {
        if (at + 1 < all.length) {
          if (all.charCodeAt(at + 1) === 0x0a) at++;
        } else {
          pendingCr = true;
        }
      }
      start = at + 1;
    }
    buffer = all.slice(start);
    return out;
  };

  return {
    push: (piece) => feed(typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true })),
    end: () => {
      const out = feed(decoder.decode());
      if (buffer !== '') line(buffer, out);
      buffer = '';
      if (hasData) out.push(data.join('\n'));
      data = [];
      hasData = false;
      return out;
    },
  };
}
