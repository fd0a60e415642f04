/**
 * Golden screens: runs the built CLI in a pseudo-terminal (pty.ts), waits until a screen has settled, and
 * reads it through the terminal emulator (@xterm/headless) as the text of every row plus a compact
 * notation of every cell's colours and attributes. What varies from run to run is pinned (PIN_NODE_ARGS,
 * pinnedEnv, freshGoldenHome) or masked (MASKS, SPINNER_FRAMES) here and nowhere else; the product is run
 * as it is, with no switch added for the tests.
 *
 * The snapshot notation (formatWalk) is read back by scripts/screens-svg.mjs to draw the README's pictures.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import type xterm from '@xterm/headless';
import { spawnCli } from './pty.js';

type Terminal = InstanceType<typeof xterm.Terminal>;
type BufferCell = NonNullable<
  ReturnType<NonNullable<ReturnType<Terminal['buffer']['active']['getLine']>>['getCell']>
>;

/** One cell as a person sees it: its character (a wide one takes two columns) and its style ('' = default). */
export type Cell = { readonly ch: string; readonly width: 1 | 2; readonly style: string };

/** One row of the screen; `wrapped` when the terminal itself wrapped the row above into it (a line too wide). */
export type Row = { readonly cells: readonly Cell[]; readonly wrapped: boolean };

/** A settled screen: every row of the visible terminal, masked. */
export type Capture = {
  readonly name: string;
  /** How the screen was reached (the keys), for the reader of the snapshot. */
  readonly after: string;
  readonly cols: number;
  readonly rows: number;
  readonly lines: readonly Row[];
  /** A screen of the running wizard, or the terminal as the wizard left it after exiting. */
  readonly kind: 'screen' | 'exit';
};

// ---------------------------------------------------------------------------------------------------------
// Pins and masks: everything that would make two captures of the same walk differ, in one place.
// ---------------------------------------------------------------------------------------------------------

/**
 * Node arguments for every captured run. The preload freezes the clocks the test call measures its latencies
 * with (`process.hrtime.bigint()`, src/api/clock.ts) and `performance.now()`, so "First token after N ms;
 * done in N ms" always reads 0 ms: masking the numbers afterwards would not do, because their width changes
 * where a 40-column screen wraps. Nothing else in the wizard reads them except React's scheduler (which then
 * never yields, harmless with Ink's synchronous rendering) and Ink's render timer (debug only); timers
 * (setTimeout) run on their own clock and are untouched.
 */
export const PIN_NODE_ARGS = [
  '--import',
  'data:text/javascript,const frozen=performance.now();performance.now=()=>frozen;const at=process.hrtime.bigint();process.hrtime.bigint=()=>at;',
] as const;

/** The environment of every captured run, on top of pty.ts's (which removes CI): nothing from the user's. */
export function pinnedEnv(configHome: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    // The done screen names the shell's start-up file.
    SHELL: '/bin/bash',
    // Nothing is read from the developer's home: the config folder stands in for it.
    HOME: configHome,
    XDG_CONFIG_HOME: configHome,
    ...extra,
  };
}

/** The prefix of every config folder: fixed length, so a path on screen wraps the same way every run. */
export const CONFIG_PREFIX = '/tmp/topup-golden-';

/** A fresh config folder (also the run's HOME): `/tmp/topup-golden-XXXXXX`, masked on screen. */
export function freshGoldenHome(): string {
  return mkdtempSync(CONFIG_PREFIX);
}

/** A run of characters that differs between runs, found after a fixed prefix and masked with `x`. */
type Mask = {
  readonly what: string;
  readonly prefix: string;
  readonly body: RegExp;
  readonly length: number;
};

/**
 * What is masked in a capture. A masked value keeps its length, so the layout is the one the product drew;
 * a value of another length fails the capture instead of wrapping differently. A value may be cut across
 * two rows (a long URL at 40 columns): the search follows it onto the next row.
 */
export const MASKS: readonly Mask[] = [
  // Ephemeral ports on Linux (32768–60999) and macOS (49152–65535) have five digits.
  { what: 'the loopback port of a practice server', prefix: '127.0.0.1:', body: /[0-9]/, length: 5 },
  { what: 'a request id (random per answer)', prefix: 'req_', body: /[0-9a-f]/, length: 32 },
  { what: 'the config folder of a run', prefix: CONFIG_PREFIX, body: /[A-Za-z0-9]/, length: 6 },
];

/** The spinner's frames (ink-spinner "dots"): every frame is shown as the first one. */
export const SPINNER_FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';

function maskCells(rows: Cell[][]): void {
  for (const row of rows)
    for (let i = 0; i < row.length; i++) {
      const cell = row[i] as Cell;
      if (cell.ch.length === 1 && SPINNER_FRAMES.includes(cell.ch) && cell.ch !== SPINNER_FRAMES[0])
        row[i] = { ...cell, ch: SPINNER_FRAMES[0] as string };
    }
  // Reading order, with a row break that a cut value may cross (then the next row's indent is skipped).
  type Spot = { readonly row: number; readonly col: number } | 'break';
  const spots: Spot[] = [];
  rows.forEach((row, r) => {
    let end = row.length;
    while (end > 0 && (row[end - 1] as Cell).ch === ' ') end--;
    for (let c = 0; c < end; c++) spots.push({ row: r, col: c });
    spots.push('break');
  });
  const charAt = (spot: Spot) => (spot === 'break' ? '\n' : (rows[spot.row]?.[spot.col]?.ch ?? ' '));
  // The next character's index from i, crossing a row break and the indent after it.
  const step = (i: number): number => {
    if (spots[i] !== 'break') return i;
    let j = i + 1;
    while (j < spots.length && charAt(spots[j] as Spot) === ' ') j++;
    return j;
  };
  for (const mask of MASKS) {
    for (let start = 0; start < spots.length; start++) {
      let i = start;
      let matched = true;
      for (const ch of mask.prefix) {
        i = step(i);
        if (i >= spots.length || charAt(spots[i] as Spot) !== ch) {
          matched = false;
          break;
        }
        i++;
      }
      if (!matched) continue;
      const body: Array<{ row: number; col: number }> = [];
      for (;;) {
        const j = step(i);
        const spot = spots[j];
        if (spot === undefined || spot === 'break' || !mask.body.test(charAt(spot))) break;
        body.push(spot);
        i = j + 1;
      }
      if (body.length === 0) continue;
      if (body.length !== mask.length)
        throw new Error(
          `cannot pin ${mask.what}: ${body.length} characters after "${mask.prefix}", expected ${mask.length}`,
        );
      for (const { row, col } of body) {
        const cells = rows[row] as Cell[];
        cells[col] = { ...(cells[col] as Cell), ch: 'x' };
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading the emulator
// ---------------------------------------------------------------------------------------------------------

const COLOUR_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'];

/** A colour as the notation writes it: a name for the 16 ANSI colours, 16–255 for the palette, #rrggbb. */
export function colourName(value: number, rgb: boolean): string {
  if (rgb) return `#${value.toString(16).padStart(6, '0')}`;
  if (value < 8) return COLOUR_NAMES[value] as string;
  if (value < 16) return `bright-${COLOUR_NAMES[value - 8]}`;
  return String(value);
}

function styleOf(cell: BufferCell): string {
  const parts: string[] = [];
  if (!cell.isFgDefault()) parts.push(`fg:${colourName(cell.getFgColor(), cell.isFgRGB())}`);
  if (!cell.isBgDefault()) parts.push(`bg:${colourName(cell.getBgColor(), cell.isBgRGB())}`);
  if (cell.isBold()) parts.push('bold');
  if (cell.isDim()) parts.push('dim');
  if (cell.isItalic()) parts.push('italic');
  if (cell.isUnderline()) parts.push('underline');
  if (cell.isBlink()) parts.push('blink');
  if (cell.isInverse()) parts.push('inverse');
  if (cell.isInvisible()) parts.push('invisible');
  if (cell.isStrikethrough()) parts.push('strike');
  if (cell.isOverline()) parts.push('overline');
  return parts.join(' ');
}

/** The visible screen of an emulator, cell by cell, masked (call after the emulator has parsed its input). */
export function readScreen(terminal: Terminal): Array<{ cells: Cell[]; wrapped: boolean }> {
  const buffer = terminal.buffer.active;
  const scratch = buffer.getNullCell();
  const rows: Array<{ cells: Cell[]; wrapped: boolean }> = [];
  for (let y = 0; y < terminal.rows; y++) {
    const line = buffer.getLine(buffer.baseY + y);
    const cells: Cell[] = [];
    for (let x = 0; x < terminal.cols; x++) {
      const cell = line?.getCell(x, scratch);
      if (!cell) {
        cells.push({ ch: ' ', width: 1, style: '' });
        continue;
      }
      const width = cell.getWidth();
      if (width === 0) continue; // the second half of a wide character
      cells.push({ ch: cell.getChars() || ' ', width: width === 2 ? 2 : 1, style: styleOf(cell) });
    }
    rows.push({ cells, wrapped: line?.isWrapped ?? false });
  }
  maskCells(rows.map((row) => row.cells));
  return rows;
}

/** The text of a row, trailing spaces removed. */
export function rowText(row: Row): string {
  return row.cells
    .map((cell) => cell.ch)
    .join('')
    .replace(/ +$/, '');
}

/** The text of a capture, rows joined, trailing blank rows kept out. */
export function captureText(capture: Capture): string {
  return capture.lines.map(rowText).join('\n').replace(/\n+$/, '');
}

// ---------------------------------------------------------------------------------------------------------
// The notation
// ---------------------------------------------------------------------------------------------------------

const STYLE_LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * One capture as reviewable text: a heading, every row of the screen numbered (`NN│text`), then the styles:
 * a legend (`a  fg:cyan bold`) and, for each row with any styled cell, one letter per terminal column under
 * the text (`NN┊aaaa  bb`), a space where the cell has the default style. Letters are given in order of
 * first use on that screen, so a change elsewhere does not rename them.
 */
export function formatCapture(capture: Capture): string {
  const out = [`━━ ${capture.name} ━━ after: ${capture.after}`];
  const gutter = String(capture.rows).length;
  const num = (n: number) => String(n).padStart(gutter, ' ');
  capture.lines.forEach((row, i) => {
    out.push(`${num(i + 1)}│${rowText(row)}`);
  });
  const letters = new Map<string, string>();
  const styleRows: string[] = [];
  capture.lines.forEach((row, i) => {
    let marks = '';
    for (const cell of row.cells) {
      let mark = ' ';
      if (cell.style) {
        let letter = letters.get(cell.style);
        if (!letter) {
          letter = STYLE_LETTERS[letters.size] ?? '?';
          letters.set(cell.style, letter);
        }
        mark = letter;
      }
      marks += mark.repeat(cell.width);
    }
    marks = marks.replace(/ +$/, '');
    if (marks) styleRows.push(`${num(i + 1)}┊${marks}`);
  });
  if (letters.size === 0) out.push('styles: none');
  else {
    out.push('styles:');
    for (const [style, letter] of letters) out.push(`  ${letter}  ${style}`);
    out.push(...styleRows);
  }
  return out.join('\n');
}

/** A whole walk's snapshot file: a header (what was run, how), then every capture in order. */
export function formatWalk(header: readonly string[], captures: readonly Capture[]): string {
  return [...header.map((line) => `# ${line}`), '', ...captures.map((c) => `${formatCapture(c)}\n`)].join(
    '\n',
  );
}

// ---------------------------------------------------------------------------------------------------------
// Keys, as tmux send-keys names them
// ---------------------------------------------------------------------------------------------------------

const KEY_NAMES: Record<string, string> = {
  Enter: '\r',
  BSpace: '\u007f',
  Escape: '\u001b',
  Tab: '\t',
  Space: ' ',
  Up: '\u001b[A',
  Down: '\u001b[B',
  Right: '\u001b[C',
  Left: '\u001b[D',
  '↑': '\u001b[A',
  '↓': '\u001b[B',
  '→': '\u001b[C',
  '←': '\u001b[D',
  Home: '\u001b[H',
  End: '\u001b[F',
  DC: '\u001b[3~',
  PPage: '\u001b[5~',
  NPage: '\u001b[6~',
  'C-c': '\u0003',
  'C-u': '\u0015',
};

/**
 * Keys from tmux send-keys notation ("BSpace BSpace 2 5 Enter", "↓ Enter"): each space-separated word is a
 * key name, or else literal text (a pasted key is one word).
 */
export function keysFrom(notation: string): string[] {
  return notation
    .split(' ')
    .filter(Boolean)
    .map((word) => KEY_NAMES[word] ?? word);
}

// ---------------------------------------------------------------------------------------------------------
// Sessions: a run of the CLI that is driven key by key and captured when settled
// ---------------------------------------------------------------------------------------------------------

/** What a screen must show before it is captured. */
export type Until =
  /** differs from the screen before the keys (the default after keys) */
  | 'changed'
  /** differs, or, once the keys have had `graceMs` to act, the same screen (keys that may do nothing) */
  | 'changed-or-same'
  | ((text: string) => boolean);

/** How long a screen must stay the same, with the program asleep, to count as settled. */
export const SETTLE_MS = 60;

/** How many looks in a row (8 ms apart) must find the program asleep before a screen counts as settled. */
const ASLEEP_LOOKS = 3;

/** Whether a process's main thread is asleep (Linux /proc); where /proc is missing, the quiet time decides. */
function asleep(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'S' || state === 'Z';
  } catch {
    return true;
  }
}

/** A capture's note from what happened before it: repeats counted ("Enter ×11"). */
export function describeEvents(events: readonly string[]): string {
  const out: string[] = [];
  for (let i = 0; i < events.length; ) {
    let j = i;
    while (events[j] === events[i]) j++;
    out.push(j - i > 2 ? `${events[i]} ×${j - i}` : events.slice(i, j).join(', '));
    i = j;
  }
  return out.join(', ') || '(nothing)';
}

/** Options of one run. */
export type SessionOptions = {
  readonly args: readonly string[];
  readonly cols: number;
  readonly rows: number;
  /** The config folder (and HOME), to share saved progress between two runs. */
  readonly home?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** The folder the CLI starts in (where it looks for a team file); this process's own by default. */
  readonly cwd?: string;
};

/** A running CLI whose screens can be captured; `captures` collects them in order. */
export type Session = ReturnType<typeof startSession>;

/** Starts the built CLI in a pseudo-terminal with every pin applied. */
export function startSession(options: SessionOptions) {
  const home = options.home ?? freshGoldenHome();
  const run = spawnCli(options.args, {
    cols: options.cols,
    rows: options.rows,
    env: pinnedEnv(home, options.env),
    nodeArgs: PIN_NODE_ARGS,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const terminal = run.terminal;
  let last: Capture | undefined;
  const parsed = () => new Promise<void>((resolve) => terminal.write('', resolve));
  // Ink draws each frame between "begin/end synchronized update": a finished frame has ended one.
  const framesDrawn = () => run.raw().split('\u001b[?2026l').length - 1;

  const read = (name: string, after: string, kind: Capture['kind']): Capture => ({
    name,
    after,
    kind,
    cols: terminal.cols,
    rows: terminal.rows,
    lines: readScreen(terminal),
  });
  const signature = (capture: Capture) =>
    capture.lines.map((row) => row.cells.map((c) => `${c.ch}\u0000${c.style}`).join('\u0001')).join('\n');

  /**
   * Waits until the screen has settled: Ink has drawn a frame and is not inside one, the program is asleep,
   * `until` holds, and all of that has stayed so, with the same screen, for `quietMs`. Bounded.
   */
  const settle = async (
    opts: { until?: Until; quietMs?: number; graceMs?: number; timeoutMs?: number; before?: string } = {},
  ): Promise<Capture> => {
    const quietMs = opts.quietMs ?? SETTLE_MS;
    const graceMs = opts.graceMs ?? 1500;
    const started = Date.now();
    const deadline = started + (opts.timeoutMs ?? 20_000);
    let since: number | undefined;
    let sleeping = 0;
    let changes = 0;
    let notReady = 0;
    let previous = '';
    for (;;) {
      await parsed();
      const now = Date.now();
      const capture = read('', '', 'screen');
      const sig = signature(capture);
      const text = captureText(capture);
      const changed = opts.before === undefined || sig !== opts.before;
      const wanted =
        opts.until === undefined
          ? true
          : opts.until === 'changed'
            ? changed
            : opts.until === 'changed-or-same'
              ? changed || now - started >= graceMs
              : opts.until(text);
      const ready = (run.exited() || (framesDrawn() > 0 && !terminal.modes.synchronizedOutputMode)) && wanted;
      // A spinner keeps the program busy now and then without changing the (masked) screen: the screen
      // must stay the same for quietMs, and the program be asleep at the last few looks, not throughout.
      sleeping = asleep(run.child.pid) ? sleeping + 1 : 0;
      if (!ready) since = undefined;
      else if (since === undefined || sig !== previous) since = now;
      if (sig !== previous) changes++;
      if (!ready) notReady++;
      previous = sig;
      if (since !== undefined && now - since >= quietMs && sleeping >= ASLEEP_LOOKS) return capture;
      if (now > deadline)
        throw new Error(
          `the screen did not settle (${typeof opts.until === 'function' ? 'condition' : (opts.until ?? 'quiet')}; ` +
            `${changes} changes, ${notReady} looks not ready, asleep at the last ${sleeping}); screen:\n${text}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 8));
    }
  };

  const captures: Capture[] = [];
  // What happened since the last capture, for its note: keys sent, or events named by the caller.
  let pending: string[] = ['start'];

  const session = {
    captures,
    home,
    run,
    /** Writes keys (tmux notation) in one write, as a fast typist, tmux or a paste does, then settles. */
    async burst(notation: string, opts: { until?: Until; quietMs?: number } = {}): Promise<Capture> {
      const before = last ? signature(last) : undefined;
      run.write(keysFrom(notation).join(''));
      pending.push(notation);
      last = await settle({ until: opts.until ?? 'changed', quietMs: opts.quietMs, before });
      return last;
    },
    /** Writes keys one at a time, each settled before the next, as a person typing slowly. */
    async apart(notation: string, opts: { until?: Until } = {}): Promise<Capture> {
      for (const key of notation.split(' ').filter(Boolean)) await session.burst(key, opts);
      return last as Capture;
    },
    /** Settles and records the screen under `name`; the keys since the last capture are noted with it. */
    async shot(
      name: string,
      opts: { until?: Until; quietMs?: number; kind?: Capture['kind'] } = {},
    ): Promise<Capture> {
      const settled = await settle({ until: opts.until, quietMs: opts.quietMs });
      const capture = { ...settled, name, after: describeEvents(pending), kind: opts.kind ?? 'screen' };
      last = capture;
      captures.push(capture);
      pending = [];
      return capture;
    },
    /** Writes keys without waiting for anything (before exitShot). */
    send(notation: string): void {
      run.write(keysFrom(notation).join(''));
      pending.push(notation);
    },
    /** Waits, without keys, until the screen changes (or as `until` says) and settles; `why` notes it. */
    async wait(why: string, opts: { until?: Until; quietMs?: number } = {}): Promise<Capture> {
      pending.push(why);
      const before = last ? signature(last) : undefined;
      last = await settle({ until: opts.until ?? 'changed', quietMs: opts.quietMs, before });
      return last;
    },
    /** Waits for the program to end (bounded) and records the terminal it left under `name`. */
    async exitShot(name: string): Promise<Capture> {
      await run.waitForExit(15_000);
      return session.shot(name, { kind: 'exit', quietMs: 0 });
    },
    /** Waits for the first frame Ink draws (the static welcome frame before it is not Ink's). */
    async started(): Promise<Capture> {
      last = await settle({});
      return last;
    },
    kill: () => run.kill(),
  };
  return session;
}

// ---------------------------------------------------------------------------------------------------------
// Rules every capture must keep
// ---------------------------------------------------------------------------------------------------------

/**
 * The rules a capture is held to. `burst` is checked by the suite itself (a burst of keys must leave the
 * screen that the same keys typed apart leave).
 */
export type Rule = 'progress' | 'fits' | 'url' | 'command' | 'colour' | 'no-colour' | 'burst';

/** What each rule asks, as a failure message says it. */
export const RULES: Readonly<Record<Rule, string>> = {
  progress: 'the progress line (N/14 …) is on screen',
  fits: 'no line is wider than the terminal (the terminal did not wrap any row)',
  url: 'no URL is cut inside a token across rows',
  command: 'no shell command (curl …, export …) is cut inside a token across rows',
  colour: 'colour is on (a terminal with TERM=xterm-256color and no NO_COLOR)',
  'no-colour': 'no colour with NO_COLOR=1',
  burst: 'keys sent in one write act as the same keys typed apart',
};

/** Whether colour is expected: on, off (NO_COLOR), or either (a screen reader's linear text). */
export type ColourExpectation = 'on' | 'off' | 'any';

const PROGRESS = /^\s*\d{1,2}\/\d{1,2}(\s|$)/;
const URL_TOKEN = /https?:\/\/[^\s"'`<>()]+/g;

/** The column each cell starts at (wide characters take two). */
function columnsOf(row: Row): number[] {
  const starts: number[] = [];
  let col = 0;
  for (const cell of row.cells) {
    starts.push(col);
    col += cell.width;
  }
  return starts;
}

/** The column just after the last character that is not a space (0 for a blank row). */
function usedWidth(row: Row): number {
  let col = 0;
  let used = 0;
  for (const cell of row.cells) {
    col += cell.width;
    if (cell.ch !== ' ') used = col;
  }
  return used;
}

/** From this width the wizard shows the step list beside the screen (README, "What a screen looks like"). */
const SIDE_PANEL_FROM = 100;

/**
 * The screen without the step list beside it: at SIDE_PANEL_FROM columns or more, the rows are cut where
 * the panel starts (the leftmost column in the right half with a column blank on every row before it and
 * writing on several rows within its first three columns), and `cols` becomes the widest row left. Narrower screens are returned whole.
 */
function mainColumn(capture: Capture): Capture {
  if (capture.cols < SIDE_PANEL_FROM) return capture;
  const blankAt = (row: Row, col: number) => {
    const starts = columnsOf(row);
    const i = starts.findIndex((start, k) => start <= col && col < start + (row.cells[k]?.width ?? 1));
    return i < 0 || row.cells[i]?.ch === ' ';
  };
  for (let col = Math.floor(capture.cols / 2); col < capture.cols; col++) {
    const gutter = capture.lines.every((row) => blankAt(row, col - 1));
    const written = capture.lines.filter((row) => [0, 1, 2].some((d) => !blankAt(row, col + d))).length;
    if (!gutter || written < 5) continue;
    const lines = capture.lines.map((row) => {
      const starts = columnsOf(row);
      return { ...row, cells: row.cells.filter((_, k) => (starts[k] ?? 0) < col) };
    });
    return { ...capture, lines, cols: Math.max(...lines.map(usedWidth)) };
  }
  return capture;
}

function urlProblems(whole: Capture, knownUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const capture = mainColumn(whole);
  capture.lines.forEach((row, r) => {
    const text = row.cells.map((c) => c.ch).join('');
    const starts = columnsOf(row);
    const next = capture.lines[r + 1];
    if (!next || rowText(next).trim() === '') return;
    for (const match of text.matchAll(URL_TOKEN)) {
      const lastCell = (match.index ?? 0) + match[0].length - 1;
      const endCol = (starts[lastCell] ?? 0) + (row.cells[lastCell]?.width ?? 1);
      // Cut: the token runs to the row's last column and the next row goes on; a break after "/" is allowed.
      if (endCol < capture.cols || match[0].endsWith('/') || knownUrls.has(match[0])) continue;
      const rest = rowText(next).trim().split(/\s/)[0] ?? '';
      problems.push(`row ${r + 1}: ${match[0]} | ${rest}`);
    }
  });
  return problems;
}

const WORDISH = /[\w.+-]/;

/** The first row of a command: curl with an argument, export NAME=…, or a lone export before NAME=…. */
function commandStart(text: string, next: string): RegExpExecArray | null {
  const curl = /^(\s*)(?:\$ )?(curl)\s+[-"'h]/.exec(text);
  if (curl) return curl;
  const exported = /^(\s*)(?:\$ )?(export)(\s+[A-Za-z_]\w*=|$)/.exec(text);
  if (exported && (exported[3] !== '' || /^\s*[A-Za-z_]\w*=/.test(next))) return exported;
  return null;
}

function commandProblems(whole: Capture): string[] {
  const capture = mainColumn(whole);
  const texts = capture.lines.map(rowText);
  const problems: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    const start = commandStart(texts[i] ?? '', texts[i + 1] ?? '');
    if (!start) continue;
    const command = start[2] as 'curl' | 'export';
    let shellQuote: '' | "'" | '"' = '';
    let jsonString = false;
    let j = i;
    for (; j < texts.length; j++) {
      const text = texts[j] ?? '';
      for (let k = j === i ? (start[1]?.length ?? 0) : 0; k < text.length; k++) {
        const ch = text[k];
        if (shellQuote === "'") {
          if (ch === "'") shellQuote = '';
          else if (jsonString && ch === '\\') k++;
          else if (ch === '"') jsonString = !jsonString;
        } else if (shellQuote === '"') {
          if (ch === '\\') k++;
          else if (ch === '"') shellQuote = '';
        } else if (ch === '\\') k++;
        else if (ch === "'" || ch === '"') {
          shellQuote = ch;
          jsonString = false;
        }
      }
      const continued = text.endsWith('\\') && shellQuote !== "'";
      if (continued) continue;
      const nextText = texts[j + 1] ?? '';
      if (shellQuote === '"') {
        problems.push(`row ${j + 1}: a quoted argument is cut: ${text.trim()} | ${nextText.trim()}`);
        continue;
      }
      if (shellQuote === "'") {
        const before = text.trimEnd().slice(-1);
        const after = nextText.trimStart().slice(0, 1);
        if (jsonString)
          problems.push(`row ${j + 1}: a JSON string is cut: ${text.trim()} | ${nextText.trim()}`);
        else if (WORDISH.test(before) && WORDISH.test(after))
          problems.push(`row ${j + 1}: a JSON value is cut: ${text.trim()} | ${nextText.trim()}`);
        continue;
      }
      break;
    }
    const after = texts[j + 1] ?? '';
    if (command === 'export' && !/^\s*export\s+[A-Za-z_]\w*=/.test(texts[i] ?? ''))
      problems.push(
        `row ${i + 1}: "export" is apart from its NAME=value: ${texts[i]?.trim()} | ${after.trim()}`,
      );
    // The command has ended, and the next row reads as its next argument: cut without a "\".
    else if (/^\s*[-"']/.test(after))
      problems.push(`row ${j + 1}: the command goes on without "\\": ${texts[j]?.trim()} | ${after.trim()}`);
    i = j;
  }
  return problems;
}

/** The result of one rule on one capture: `broken` says where, when it is broken. */
export type Check = { readonly rule: Rule; readonly broken?: string };

/** Every rule that applies to a capture (all but `burst`), kept or broken. */
export function checkRules(
  capture: Capture,
  expect: { readonly colour: ColourExpectation; readonly knownUrls: ReadonlySet<string> },
): Check[] {
  const checks: Check[] = [];
  const texts = capture.lines.map(rowText);
  const check = (rule: Rule, problems: readonly string[]) =>
    checks.push(problems.length > 0 ? { rule, broken: problems.join('; ') } : { rule });
  if (capture.kind === 'screen')
    check(
      'progress',
      texts.some((text) => PROGRESS.test(text)) ? [] : [`first row: ${texts[0]?.trim() || '(blank)'}`],
    );
  check(
    'fits',
    capture.lines.flatMap((row, r) =>
      row.wrapped
        ? [`row ${r} goes on into row ${r + 1}: …${texts[r - 1]?.slice(-12)} | ${texts[r]?.slice(0, 12)}…`]
        : [],
    ),
  );
  check('url', urlProblems(capture, expect.knownUrls));
  check('command', commandProblems(capture));
  const coloured = capture.lines.flatMap((row, r) =>
    row.cells.some((cell) => /\b(fg|bg):/.test(cell.style)) ? [r + 1] : [],
  );
  if (expect.colour === 'on' && capture.kind === 'screen')
    check('colour', coloured.length === 0 ? ['no cell has a colour'] : []);
  if (expect.colour === 'off')
    check('no-colour', coloured.length > 0 ? [`coloured cells on rows ${coloured.join(', ')}`] : []);
  return checks;
}

/** Every complete URL the product can show (from its sources and texts), for the rule on cut URLs. */
export function knownUrls(files: readonly string[]): Set<string> {
  const urls = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(URL_TOKEN))
      urls.add(match[0].replace(/[.,;:]$/, ''));
  return urls;
}
