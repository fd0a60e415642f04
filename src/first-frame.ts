/**
 * The welcome screen drawn without Ink, so it is on screen before Ink, React and yoga have loaded. It
 * reproduces <App>'s first frame exactly (test/first-frame.test.tsx compares them at every width), and
 * the wizard erases it in the same write as Ink's own first frame, so nothing flickers.
 */
import chalk from 'chalk';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import { dropWrapSpace } from './components/measure.js';
import { asciiFold, contentFor, fill } from './content/content.js';
import type { Locale } from './content/locale.js';
import { STEPS } from './wizard/steps.js';

/** What the first frame depends on. */
export type FirstFrameOptions = {
  readonly locale: Locale;
  readonly columns: number;
  readonly ascii: boolean;
};

/** The same limits <App> uses. */
const SIDE_LIST_COLUMNS = 100;
const SIDE_WIDTH = 28;

function wrap(text: string, width: number, dropSpace: boolean): string[] {
  const lines = wrapAnsi(text, width, { trim: false, hard: true }).split('\n');
  return dropSpace ? lines.map(dropWrapSpace) : lines;
}

/** The welcome screen's lines, as <App> draws them (without the final newline). */
export function welcomeFrame({ locale, columns, ascii }: FirstFrameOptions): string {
  const content = contentFor(locale);
  const fold = (text: string) => (ascii ? asciiFold(text) : text);
  const side = columns >= SIDE_LIST_COLUMNS;
  const width = side ? columns - 30 : columns;
  const welcome = content.steps.welcome;

  const label = fill(content.ui.progress, { n: 1, total: STEPS.length, name: welcome.name });
  const barWidth = Math.max(0, Math.min(28, width - stringWidth(label) - 4));
  const filled = Math.round(barWidth / STEPS.length);
  const bar = '━'.repeat(filled) + '░'.repeat(barWidth - filled);
  const left: string[] = [chalk.bold(label) + (barWidth >= 6 ? chalk.green(`  ${fold(bar)}`) : '')];
  left.push('', ...wrap(chalk.bold(fold(welcome.title)), width, true));
  for (const paragraph of welcome.body) left.push('', ...wrap(fold(paragraph), width, true));
  const h = content.ui.hints;
  const sep = ascii ? ' - ' : ' · ';
  const pairs = [
    ['Enter', h.next],
    ['s', h.steps],
    ['?', h.help],
    ['l', h.lang],
    ['q', h.quit],
  ] as const;
  // Ink joins neighbouring text of the same style into one run: the action and the separator after it.
  const hints = pairs
    .map(
      ([key, action], index) =>
        chalk.bold(fold(key)) + chalk.dim(` ${fold(action)}${index < pairs.length - 1 ? sep : ''}`),
    )
    .join('');
  left.push('', ...wrap(hints, width, false));
  if (!side) return left.map((line) => line.trimEnd()).join('\n');

  const list = content.ui.stepList;
  const right = [
    chalk.bold(list.title),
    ...STEPS.map((step, index) => {
      const name = content.steps[step.id].name;
      const text = ` ${fold(index === 0 ? '●' : '○')} ${index + 1}. ${name}`;
      return index === 0 ? chalk.bold.cyan(text) : chalk.dim(text);
    }),
  ].flatMap((line) => wrap(line, SIDE_WIDTH, false));
  const rows = Math.max(left.length, right.length);
  const lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const l = left[i] ?? '';
    const r = right[i];
    lines.push(r === undefined ? l : `${l}${' '.repeat(Math.max(0, width - stringWidth(l)))}  ${r}`);
  }
  return lines.map((line) => line.trimEnd()).join('\n');
}

/** Erases `count` lines written last, as Ink's log-update does before redrawing. */
export function eraseLines(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `\u001b[2K${i < count - 1 ? '\u001b[1A' : ''}`;
  return count > 0 ? `${out}\u001b[G` : out;
}
