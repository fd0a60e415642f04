/**
 * The welcome screen drawn without Ink, so it is on screen before Ink, React and yoga have loaded. It
 * reproduces <App>'s first frame exactly (test/first-frame.test.tsx compares them at every width), and
 * the wizard erases it in the same write as Ink's own first frame, so nothing flickers.
 */
import { Chalk, type ChalkInstance, type ColorSupportLevel } from 'chalk';
import { fitBlocks, type Hint, hintSeparator, layoutHints } from '../components/layout.js';
import { proseLines } from '../components/prose-wrap.js';
import { textWidth, wrapText } from '../components/text-width.js';
import { asciiFold, contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';
import { PERSONAL_FLOW, stepText } from '../wizard/flow.js';
import { navHints } from './hints.js';

/** What the first frame depends on. */
export type FirstFrameOptions = {
  readonly locale: Locale;
  readonly columns: number;
  /** The terminal's rows: what does not fit waits behind Tab, as <ScreenFrame> decides. */
  readonly rows: number;
  readonly ascii: boolean;
  /**
   * The colour level decided once (commands/start-env.ts; 0: none), which <App>'s chalk is set to as well.
   * Given, not read from chalk's own detection.
   */
  readonly colorLevel: number;
};

const PLAIN = new Chalk({ level: 0 });

/** The same limits <App> uses. */
const SIDE_LIST_COLUMNS = 100;
const SIDE_WIDTH = 28;

/**
 * Text in lines, each styled (as wrap-ansi re-opens styles on every line): a sentence as RichText breaks it
 * (commands and URLs whole), other text (the step list) as Ink wraps it.
 */
function wrap(
  text: string,
  width: number,
  kind: 'sentence' | 'ink',
  style: (line: string) => string = (line) => line,
): string[] {
  const lines = kind === 'sentence' ? proseLines(text, width, { color: true }) : wrapText(text, width);
  return lines.map((line) => style(line));
}

type Segment = { readonly text: string; readonly style: (text: string) => string };

/** Wraps styled text: plain wrapping first, then each line's characters regrouped into runs of one style. */
function styledWrap(segments: readonly Segment[], width: number): string[] {
  const styles: Array<Segment['style']> = [];
  for (const segment of segments) for (const _ of segment.text) styles.push(segment.style);
  let at = 0;
  // Wrapping keeps every character (a break leaves its space on one of the two lines), so the styles line up.
  return wrapText(segments.map((segment) => segment.text).join(''), width).map((line) => {
    let out = '';
    let run = '';
    let runStyle: Segment['style'] | undefined;
    for (const char of line) {
      const style = styles[at] ?? ((text: string) => text);
      if (style !== runStyle && run) {
        out += runStyle ? runStyle(run) : run;
        run = '';
      }
      runStyle = style;
      run += char;
      at += 1;
    }
    return out + (run && runStyle ? runStyle(run) : run);
  });
}

const CODES = /\u001b\[[0-9;]*m/g;

function visibleWidth(text: string): number {
  return textWidth(text.replace(CODES, ''));
}

/** The welcome screen's lines, as <App> draws them (without the final newline). */
export function welcomeFrame({
  locale,
  columns,
  rows: screenRows,
  ascii,
  colorLevel,
}: FirstFrameOptions): string {
  const paint: ChalkInstance =
    colorLevel > 0 ? new Chalk({ level: Math.min(colorLevel, 3) as ColorSupportLevel }) : PLAIN;
  const content = contentFor(locale);
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  const side = columns >= SIDE_LIST_COLUMNS;
  const width = side ? columns - 30 : columns;
  const welcome = content.steps.welcome;

  // Drawn only for the personal guide: a team file's guide is drawn by Ink from the start.
  const steps = PERSONAL_FLOW.steps;
  const label = fill(content.ui.progress, { n: 1, total: steps.length, name: welcome.name });
  const barWidth = Math.max(0, Math.min(28, width - textWidth(label) - 4));
  const filled = Math.round(barWidth / steps.length);
  const bar = '━'.repeat(filled) + '░'.repeat(barWidth - filled);
  const left: string[] = [paint.bold(label) + (barWidth >= 6 ? paint.green(`  ${fold(bar)}`) : '')];
  // The same blocks and the same fit as <ScreenFrame>: what does not fit the rows waits behind Tab.
  const title = wrap(fold(welcome.title), width, 'sentence', paint.bold);
  const body = welcome.body.map((paragraph) => wrap(fold(paragraph), width, 'sentence'));
  const more = welcome.more.map((paragraph) => wrap(fold(paragraph), width, 'sentence'));
  const sep = hintSeparator(ascii);
  const welcomeStep = steps[0];
  const hints = welcomeStep ? navHints(content, welcomeStep) : [];
  const hintRows = (list: readonly Hint[]) =>
    layoutHints(list, width, ascii).flatMap((line) => {
      // Keys bold, the rest dim; Ink joins neighbouring text of one style into one run, on each line.
      const segments = line.flatMap(([key, action], index) => [
        { text: fold(key), style: paint.bold },
        { text: ` ${fold(action)}${index < line.length - 1 ? sep : ''}`, style: paint.dim },
      ]);
      return styledWrap(segments, width);
    });
  const withMore: Hint[] = [['Tab', content.ui.hints.more], ...hints];
  const progress = left[0] ?? '';
  const parts = (list: readonly Hint[]) => [
    { id: 'progress', role: 'must' as const, margin: false, rows: [progress] },
    { id: 'title', role: 'must' as const, margin: true, rows: title },
    ...body.map((rows, index) => ({ id: `body-${index}`, role: 'must' as const, margin: true, rows })),
    ...more.map((rows, index) => ({
      id: `more-${index}`,
      role: 'more' as const,
      margin: true,
      keep: 0,
      rows,
    })),
    { id: 'hints', role: 'must' as const, margin: true, rows: hintRows(list) },
  ];
  const measured = (list: readonly Hint[]) =>
    parts(list).map((part) => ({ ...part, lines: part.rows.length }));
  const fit = fitBlocks(measured(hints), screenRows, () => measured(withMore));
  left.length = 0;
  for (const part of measured(fit.hiddenMore ? withMore : hints)) {
    if (!fit.shown.has(part.id)) continue;
    if (part.margin && !fit.collapsed) left.push('');
    left.push(...part.rows);
  }
  if (!side) return left.map((line) => line.trimEnd()).join('\n');

  const list = content.ui.stepList;
  const right = [
    ...wrap(list.title, SIDE_WIDTH, 'ink', paint.bold),
    ...steps.flatMap((step, index) => {
      const name = stepText(step, content).name;
      const text = ` ${fold(index === 0 ? '●' : '○')} ${index + 1}. ${name}`;
      return wrap(text, SIDE_WIDTH, 'ink', index === 0 ? paint.bold.cyan : paint.dim);
    }),
  ];
  const rows = Math.max(left.length, right.length);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const l = left[i] ?? '';
    const r = right[i];
    lines.push(r === undefined ? l : `${l}${' '.repeat(Math.max(0, width - visibleWidth(l)))}  ${r}`);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** Erases `count` lines written last, as Ink's log-update does before redrawing. */
export function eraseLines(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `\u001b[2K${i < count - 1 ? '\u001b[1A' : ''}`;
  return count > 0 ? `${out}\u001b[G` : out;
}
