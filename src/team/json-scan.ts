/**
 * A strict JSON scanner (RFC 8259, the grammar JSON.parse accepts) that tells where things are: the line
 * and column of the first syntax error, the line of each member and item, and keys given twice in one object.
 * JSON.parse stays the authority for the value; Node 20 names no position for most of its errors, and no
 * parser reports duplicate keys, which a hostile team file could use to show a reviewer one value and the
 * tool another. Iterative (an explicit stack), so no nesting depth can overflow the call stack.
 */

/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;
/** A JSON path, from the root. */
export type JsonPath = readonly PathSegment[];

/** Where something is in the text; both 1-based, the column counted in characters (code points). */
export type TextPosition = { readonly line: number; readonly column: number };

/** What the scan found. */
export type JsonScan =
  | {
      readonly ok: true;
      /** The line of each member (its key) and item (its value), by `pathKey`, down to a few levels. */
      readonly lines: ReadonlyMap<string, number>;
      /** Members whose key appeared earlier in the same object, with the line of the repeat. */
      readonly duplicates: readonly { readonly path: JsonPath; readonly line: number }[];
    }
  | {
      readonly ok: false;
      readonly position: TextPosition;
      /** The character found where it does not belong, or undefined at the end of the text. */
      readonly found: string | undefined;
    };

/** The key of a path in `lines`. */
export function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

// Deep enough for every field of a team file (steps[0].labels.en[0] is 5); deeper lines are not kept, so a
// deeply nested hostile file costs no more than its length.
const MAX_LINE_DEPTH = 8;

type PathNode = {
  readonly parent: PathNode | undefined;
  readonly segment: PathSegment;
  readonly depth: number;
};

function materialize(node: PathNode | undefined): PathSegment[] {
  const out: PathSegment[] = [];
  for (let at = node; at; at = at.parent) out.push(at.segment);
  return out.reverse();
}

type Frame =
  | { readonly kind: 'object'; readonly node: PathNode | undefined; readonly keys: Set<string>; key: string }
  | { readonly kind: 'array'; readonly node: PathNode | undefined; index: number };

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after-value';

/** Maps offsets to lines and columns. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const LITERAL = /true|false|null/y;

/** Scans a JSON text. */
export function scanJson(text: string): JsonScan {
  const stack: Frame[] = [];
  const lines = new Map<string, number>();
  const duplicates: { path: JsonPath; line: number }[] = [];
  let state: State = 'value';
  let i = 0;
  let line = 1;

  const fail = (offset: number): JsonScan => ({
    ok: false,
    position: positionAt(text, offset),
    found: offset < text.length ? String.fromCodePoint(text.codePointAt(offset) ?? 0) : undefined,
  });
  const record = (node: PathNode | undefined, at: number) => {
    if (!node || node.depth <= MAX_LINE_DEPTH) lines.set(pathKey(materialize(node)), at);
  };
  /** The end of the string starting at `start` (a quote), or the offset of what breaks it as a negative. */
  const stringEnd = (start: number): number => {
    let j = start + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === 0x22) return j + 1;
      if (c < 0x20) return -j - 1;
      if (c === 0x5c) {
        const e = text[j + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) {
            let k = j + 2;
            while (k < j + 6 && k < text.length && /[0-9a-fA-F]/.test(text[k] ?? '')) k++;
            return -k - 1;
          }
          j += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          j += 2;
        } else {
          return -(j + 1) - 1;
        }
      } else {
        j++;
      }
    }
    return -text.length - 1;
  };
  const childNode = (): PathNode | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    const segment = top.kind === 'object' ? top.key : top.index;
    return { parent: top.node, segment, depth: (top.node?.depth ?? 0) + 1 };
  };

  for (;;) {
    // Whitespace, counting lines as editors do (\n, \r\n, a lone \r).
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09) i++;
      else if (c === 0x0a) {
        line++;
        i++;
      } else if (c === 0x0d) {
        line++;
        i += text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      } else break;
    }
    if (i >= text.length) {
      return state === 'after-value' && stack.length === 0 ? { ok: true, lines, duplicates } : fail(i);
    }
    const c = text[i];
    const top = stack[stack.length - 1];

    if (state === 'after-value') {
      if (!top) return fail(i);
      if (c === ',') {
        i++;
        if (top.kind === 'object') state = 'key';
        else {
          top.index++;
          state = 'value';
        }
      } else if ((c === '}' && top.kind === 'object') || (c === ']' && top.kind === 'array')) {
        stack.pop();
        i++;
      } else return fail(i);
      continue;
    }

    if (state === 'key' || state === 'key-or-close') {
      if (state === 'key-or-close' && c === '}') {
        stack.pop();
        i++;
        state = 'after-value';
        continue;
      }
      if (c !== '"' || top?.kind !== 'object') return fail(i);
      const end = stringEnd(i);
      if (end < 0) return fail(-end - 1);
      const key = JSON.parse(text.slice(i, end)) as string;
      top.key = key;
      const node = childNode();
      if (top.keys.has(key)) duplicates.push({ path: materialize(node), line });
      top.keys.add(key);
      record(node, line);
      i = end;
      while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) {
        if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
        i++;
      }
      if (text[i] !== ':') return fail(i);
      i++;
      state = 'value';
      continue;
    }

    // A value, or the end of an empty array.
    if (state === 'value-or-close' && c === ']') {
      stack.pop();
      i++;
      state = 'after-value';
      continue;
    }
    const node = childNode();
    if (top?.kind === 'array') record(node, line);
    if (c === '{') {
      stack.push({ kind: 'object', node, keys: new Set(), key: '' });
      i++;
      state = 'key-or-close';
    } else if (c === '[') {
      stack.push({ kind: 'array', node, index: 0 });
      i++;
      state = 'value-or-close';
    } else if (c === '"') {
      const end = stringEnd(i);
      if (end < 0) return fail(-end - 1);
      i = end;
      state = 'after-value';
    } else {
      const pattern = c === '-' || (c !== undefined && c >= '0' && c <= '9') ? NUMBER : LITERAL;
      pattern.lastIndex = i;
      const match = pattern.exec(text);
      if (!match) {
        // Point at the first character that cannot continue the token, as a reader would look for it.
        let k = i;
        if (c === '-') k++;
        else if (pattern === LITERAL) {
          const word = ['true', 'false', 'null'].find((w) => w[0] === c) ?? '';
          while (k < text.length && text[k] === word[k - i]) k++;
        }
        return fail(k);
      }
      i += match[0].length;
      state = 'after-value';
    }
  }
}
