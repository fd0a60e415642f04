/**
 * Sentences broken into lines for the screen so that what a reader copies stays whole: a platform label
 * (`Log in`) and a command in a sentence (`openai-topup --model gpt-4.1-mini`) move to the next line
 * rather than break; a URL wider than the line breaks only after a `/`. Everything else wraps at spaces as
 * Ink wraps it. The result holds `\n` where a line ends, so Ink draws it as it is. Pure.
 */
import { asciiFold } from '../content/content.js';
import { LABEL_QUOTE } from './label-marker.js';
import { textWidth } from './text-width.js';

/**
 * How the sentence is drawn: labels quoted without colour, symbols folded in ASCII mode. `labels: false` for
 * text from outside (a server's message), where a backtick is only a backtick.
 */
export type ProseStyle = { readonly color: boolean; readonly ascii?: boolean; readonly labels?: boolean };

// Stands for a space that must not break a line (inside a label or a command); never in content.
const GLUE = '\u0000';

// The tool's own command as a sentence writes it: the command, its subcommands and its flags, with the
// value of a flag that takes one.
const COMMAND =
  /openai-topup(?: (?:check|serve|team|help|init))*(?: (?:--(?:model|timeout|team|lang|base-url|port|scenario|allow-host) [^\s`]+|--?[a-z][a-z-]*))*/g;

/**
 * A message that ends with the tool's command (`…, run: openai-topup --demo`) as the sentence and the
 * command apart, so the command can stand on a line of its own; else the message alone.
 */
export function trailingCommand(text: string): { readonly sentence: string; readonly command?: string } {
  const commands = [...text.matchAll(COMMAND)];
  const last = commands.at(-1);
  if (!last || last.index === undefined || last.index + last[0].length !== text.trimEnd().length) {
    return { sentence: text };
  }
  return { sentence: text.slice(0, last.index).trimEnd(), command: last[0] };
}

/**
 * A command on lines of at most `width` columns, broken only between its arguments, each line but the last
 * ending in a backslash so that the lines paste back as one command. An argument wider than the line stands alone.
 */
export function commandLines(command: string, width: number): string[] {
  if (textWidth(command) <= width) return [command];
  // Arguments as the shell splits them: quoted parts stay with their argument.
  const words = command.match(/(?:'[^']*'|"[^"]*"|[^\s'"])+/g) ?? [command];
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    // Room is kept for the ` \\` that ends every line but the last.
    if (line && textWidth(`${line} ${word} \\`) > width) {
      lines.push(`${line} \\`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines;
}

/** The sentence with the spaces inside labels and commands glued. */
function glue(text: string, labels: boolean): string {
  const withLabels = labels ? text.replace(/`[^`]*`/g, (label) => label.replace(/ /g, GLUE)) : text;
  return withLabels.replace(COMMAND, (command) => command.replace(/ /g, GLUE));
}

/** Columns a piece of the sentence takes as drawn. */
function widthOf(piece: string, style: ProseStyle): number {
  // A label's backtick is drawn as a quote without colour, and as nothing with it.
  const spaced = piece.replaceAll(GLUE, ' ');
  const drawn = style.labels === false ? spaced : spaced.replace(/`/g, style.color ? '' : LABEL_QUOTE);
  return textWidth(style.ascii ? asciiFold(drawn) : drawn);
}

/** Lines of one paragraph (no `\n` in it). */
function wrapParagraph(text: string, columns: number, style: ProseStyle): string[] {
  const rows: string[] = [''];
  let used = 0;
  /** Puts a piece on the current line (after a space when `spaced`), or on a new one when it does not fit. */
  const place = (piece: string, spaced: boolean) => {
    const width = widthOf(piece, style);
    const gap = spaced && used > 0 ? 1 : 0;
    if (used > 0 && used + gap + width > columns) {
      rows.push('');
      used = 0;
    } else if (gap) {
      rows[rows.length - 1] += ' ';
      used += 1;
    }
    if (width <= columns) {
      rows[rows.length - 1] += piece;
      used += width;
      return;
    }
    // Wider than a whole line and nothing better to do: break between characters, as Ink would.
    for (const char of piece) {
      // A label's backtick is drawn as a quote without colour, and as nothing with it.
      const size =
        char === '`' && style.labels !== false
          ? style.color
            ? 0
            : 1
          : char === GLUE
            ? 1
            : widthOf(char, style);
      if (used + size > columns && used > 0) {
        rows.push('');
        used = 0;
      }
      rows[rows.length - 1] += char;
      used += size;
    }
  };
  for (const word of glue(text, style.labels !== false).split(' ')) {
    const width = widthOf(word, style);
    if (width <= columns || (!word.includes('://') && !word.includes(GLUE))) {
      place(word, true);
      continue;
    }
    if (word.includes('://')) {
      // A URL wider than the line: whole pieces ending in `/`, as many to a line as fit.
      // The scheme and host are one piece: `https://` alone at a line's end would help no one.
      const pieces = word.match(/^[^:/]*:\/\/[^/]*\/*|[^/]*\/+|[^/]+$/g) ?? [word];
      pieces.forEach((piece, index) => {
        place(piece, index === 0);
      });
      continue;
    }
    // A command or label wider than the line: it breaks between its words after all.
    for (const part of word.split(GLUE)) place(part, true);
  }
  return rows.map((row) => row.replaceAll(GLUE, ' '));
}

/** The sentence's lines at `columns`: labels and commands whole where they fit, URLs broken after `/`. */
export function proseLines(text: string, columns: number, style: ProseStyle): string[] {
  if (columns <= 0) return [text];
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, columns, style));
}
