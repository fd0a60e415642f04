/**
 * What the terminal sends, split into key events in order (../shared/CLI.md, "Keys in the wizard"). Pure:
 * no timers and no streams; key-reader.ts feeds it each read and decides when the input has gone quiet.
 *
 * A terminal sends several keys in one read when they are typed fast, sent over SSH, sent by tmux or
 * pasted. Ink 6.8 would hand a read without an escape in it to the screens as one text event, so
 * Backspace Backspace 2 5 Enter became the text "25" with two DELs and a CR in it. Split here, each key acts
 * as if typed alone: a run of plain text, each control key (Enter, Backspace, Tab, Ctrl+…), each escape
 * sequence (arrows, Home/End, Delete, PgUp/PgDn, function keys), Alt+key, a lone Esc, and a bracketed
 * paste as one piece of text.
 */

/** One key event. */
export type KeyPiece =
  /** A run of printable characters (typed fast, or pasted without bracketed paste). */
  | { readonly kind: 'text'; readonly text: string }
  /** One control key, escape sequence, Alt+key, or a lone Esc (`\u001b`). */
  | { readonly kind: 'key'; readonly sequence: string }
  /** What was between the bracketed-paste markers, newlines included. */
  | { readonly kind: 'paste'; readonly text: string };

/** What the splitter holds back until more input comes or the input goes quiet. */
export type Waiting = 'escape' | 'paste' | undefined;

/** Splits chunks of terminal input into key events, keeping a sequence cut between two chunks whole. */
export type KeySplitter = {
  /** The key events completed by this chunk. */
  readonly push: (chunk: string) => KeyPiece[];
  /**
   * The input has gone quiet: a lone Esc is Esc, an unfinished escape sequence is dropped (it was
   * broken, or an Alt+[ that no key map uses), and an open paste is delivered as it stands.
   */
  readonly flush: () => KeyPiece[];
  /** What is held back, if anything. */
  readonly waiting: () => Waiting;
};

const ESC = '\u001b';
/** Bracketed paste: the terminal wraps pasted text in these (xterm's mode 2004). */
export const PASTE_START = '\u001b[200~';
/** The end of a bracketed paste. */
export const PASTE_END = '\u001b[201~';
/** Turns bracketed paste on; the terminal then marks pastes with PASTE_START and PASTE_END. */
export const BRACKETED_PASTE_ON = '\u001b[?2004h';
/** Turns bracketed paste off again. */
export const BRACKETED_PASTE_OFF = '\u001b[?2004l';

/** Longer than any key's sequence: a CSI that runs on further is garbage, not a key. */
const MAX_CSI = 32;

type Scan =
  /** A whole sequence ends before `end`. */
  | { readonly end: number }
  /** ESC and its introducer do not start a key (ESC [ then a byte no CSI has): drop them. */
  | { readonly broken: number }
  /** The chunk ends inside the sequence. */
  | 'incomplete';

/** Scans the escape sequence that starts at `at` (an ESC). */
function scanEscape(input: string, at: number): Scan {
  const next = input[at + 1];
  if (next === undefined) return 'incomplete';
  if (next === '[') {
    let index = at + 2;
    // Legacy function keys (Cygwin, PuTTY): ESC [ [ A, ESC [ [ 5 ~.
    if (input[index] === '[') index += 1;
    for (; index < input.length; index++) {
      const code = input.charCodeAt(index);
      if (index - at > MAX_CSI) return { broken: at + 2 };
      // Parameter bytes 0x30–0x3f, intermediate bytes 0x20–0x2f, then one final byte 0x40–0x7e.
      if (code >= 0x20 && code <= 0x3f) continue;
      if (code >= 0x40 && code <= 0x7e) return { end: index + 1 };
      return { broken: at + 2 };
    }
    return 'incomplete';
  }
  if (next === 'O') {
    // SS3: F1–F4 and the arrows in application mode, one final byte.
    const final = input.charCodeAt(at + 2);
    if (Number.isNaN(final)) return 'incomplete';
    return final >= 0x40 && final <= 0x7e ? { end: at + 3 } : { broken: at + 2 };
  }
  // ESC ESC: the first is a lone Esc; the second starts again.
  if (next === ESC) return { end: at + 1 };
  // Alt+key: ESC and one code point (a surrogate pair is one).
  const code = input.codePointAt(at + 1) ?? 0;
  return { end: at + 1 + (code > 0xffff ? 2 : 1) };
}

/** The length of the longest end of `input` (from `from`) that could be the start of `marker`. */
function partialMarker(input: string, from: number, marker: string): number {
  const longest = Math.min(marker.length - 1, input.length - from);
  for (let length = longest; length > 0; length--) {
    if (marker.startsWith(input.slice(input.length - length))) return length;
  }
  return 0;
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

/** A new splitter, holding nothing. */
export function createKeySplitter(): KeySplitter {
  /** Input not yet split: an escape sequence cut off at the end of the last chunk. */
  let rest = '';
  /** The text of a bracketed paste whose end has not come yet. */
  let paste: string | undefined;
  /** The last key was CR: a LF right after it is the same Enter (CR LF), not a second one. */
  let afterCr = false;

  const split = (input: string, out: KeyPiece[]): void => {
    let index = 0;
    while (index < input.length) {
      if (paste !== undefined) {
        const end = input.indexOf(PASTE_END, index);
        if (end >= 0) {
          out.push({ kind: 'paste', text: paste + input.slice(index, end) });
          paste = undefined;
          index = end + PASTE_END.length;
          continue;
        }
        // Keep what may be the start of the end marker for the next chunk.
        const keep = partialMarker(input, index, PASTE_END);
        paste += input.slice(index, input.length - keep);
        rest = input.slice(input.length - keep);
        return;
      }
      const code = input.charCodeAt(index);
      if (code === 0x1b) {
        const scan = scanEscape(input, index);
        if (scan === 'incomplete') {
          rest = input.slice(index);
          return;
        }
        afterCr = false;
        if ('broken' in scan) {
          index = scan.broken;
          continue;
        }
        const sequence = input.slice(index, scan.end);
        index = scan.end;
        if (sequence === PASTE_START) paste = '';
        // A stray end marker (its paste was already given out when the input went quiet) is no key.
        else if (sequence !== PASTE_END) out.push({ kind: 'key', sequence });
        continue;
      }
      if (isControl(code)) {
        const char = input[index] as string;
        index += 1;
        if (char === '\n' && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = char === '\r';
        out.push({ kind: 'key', sequence: char });
        continue;
      }
      let end = index + 1;
      while (end < input.length) {
        const next = input.charCodeAt(end);
        if (next === 0x1b || isControl(next)) break;
        end += 1;
      }
      afterCr = false;
      out.push({ kind: 'text', text: input.slice(index, end) });
      index = end;
    }
    rest = '';
  };

  return {
    push(chunk) {
      const out: KeyPiece[] = [];
      const input = rest + chunk;
      rest = '';
      split(input, out);
      return out;
    },
    flush() {
      const out: KeyPiece[] = [];
      if (paste !== undefined) {
        // The end marker never came: give out what was pasted and read what follows as keys again.
        if (paste) out.push({ kind: 'paste', text: paste });
        paste = undefined;
        rest = '';
        return out;
      }
      if (rest === ESC) {
        afterCr = false;
        out.push({ kind: 'key', sequence: ESC });
      }
      rest = '';
      return out;
    },
    waiting() {
      if (paste !== undefined) return 'paste';
      return rest ? 'escape' : undefined;
    },
  };
}

/** The Esc key as the kitty keyboard protocol writes it: a complete sequence, unlike a bare ESC. */
const KITTY_ESCAPE = '\u001b[27u';

// A legacy CSI or SS3 key with a modifier parameter, in the shapes Ink 6.8's keypress parser reads.
const MODIFIED_KEY = /^\u001b+(?:O|N|\[|\[\[)(?:\d+;(\d+)[~^$]|(?:1;)?(\d+)[a-zA-Z])$/;
// The keys the wizard reads that may come with Ctrl held: arrows, Home, End, Insert, Delete, PgUp, PgDn.
const READ_WITH_CTRL = /^\u001b(?:\[|O)(?:1;)?\d*[ABCDHF]$|^\u001b\[[1-8];\d+~$/;

/**
 * Whether Ink 6.8 would throw on this key: it reads a legacy sequence whose modifier has the Ctrl bit and
 * whose final it has no name for (Ctrl+F1 is ESC [ 1 ; 5 P) as a key named undefined, and its useInput
 * then fails on the name (a crash on a keypress). The wizard binds no such key, so these are dropped.
 */
function breaksInk(sequence: string): boolean {
  const match = MODIFIED_KEY.exec(sequence);
  const modifier = Number(match?.[1] ?? match?.[2] ?? 1) - 1;
  return (modifier & 4) !== 0 && !READ_WITH_CTRL.test(sequence);
}

/**
 * A key event as one read for Ink 6.8, which parses each read again: it must come out as exactly this
 * one event. Ink's parser holds a bare ESC back and joins it with the next read, so a lone Esc goes as
 * the kitty protocol's Esc, which Ink's keypress parser reads as `key.escape` (test/system/key-reader).
 * LF (Ctrl+J, or a newline pasted without brackets) is Enter. A Ctrl+function key Ink would throw on is
 * dropped (breaksInk). A paste loses any ESC, so that Ink cannot
 * read a key into it, and is dropped when nothing printable is left: a pasted lone newline is not Enter.
 * Returns undefined when nothing is to be read.
 */
export function forInk(piece: KeyPiece): string | undefined {
  if (piece.kind === 'text') return piece.text;
  if (piece.kind === 'key') {
    if (piece.sequence === ESC) return KITTY_ESCAPE;
    if (breaksInk(piece.sequence)) return undefined;
    return piece.sequence === '\n' ? '\r' : piece.sequence;
  }
  const text = piece.text.replace(/[\u001b\u009b]/g, '');
  return /[^\u0000-\u001f\u007f-\u009f]/.test(text) ? text : undefined;
}
