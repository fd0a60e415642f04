/** The guide's text: every user-facing sentence, loaded from assets/guide/<locale>.json. */
import en from '../../assets/guide/en.json' with { type: 'json' };
import ko from '../../assets/guide/ko.json' with { type: 'json' };
import type { Locale } from './locale.js';

/** The shape of a locale file; en.json is the reference and ko.json must match it. */
export type Content = typeof en;

const CONTENT: Record<Locale, Content> = { en, ko };

/** The whole text of one language. */
export function contentFor(locale: Locale): Content {
  return CONTENT[locale];
}

/** Values for `{name}` tokens in a sentence. */
export type Vars = Readonly<Record<string, string | number>>;

/** Fills `{name}` tokens; a token with no value is left as written, so a missing value shows up in tests. */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(/\{([a-zA-Z][a-zA-Z0-9]*)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Removes the backticks that mark platform labels, for plain-text output. */
export function plain(text: string, quote = ''): string {
  return text.replace(/`([^`]+)`/g, `${quote}$1${quote}`);
}

/** Symbols whose width many Korean terminals draw double, with their ASCII stand-ins. */
const ASCII_FOLD: ReadonlyArray<readonly [string, string]> = [
  ['→', '->'],
  ['←', '<-'],
  ['↑', '^'],
  ['↓', 'v'],
  ['…', '...'],
  ['·', '-'],
  ['●', '*'],
  ['○', 'o'],
  ['✓', 'v'],
  ['✗', 'x'],
  ['—', '-'],
  ['–', '-'],
  ['━', '='],
  ['░', '-'],
  ['⚠', '!'],
  ['❯', '>'],
  ['▶', '>'],
  ['◀', '<'],
  ['▲', '^'],
  ['⚙', '*'],
  ['┌', '+'],
  ['┐', '+'],
  ['└', '+'],
  ['┘', '+'],
  ['├', '+'],
  ['┤', '+'],
  ['┬', '+'],
  ['┴', '+'],
  ['┼', '+'],
  ['─', '-'],
  ['│', '|'],
  ['“', '"'],
  ['”', '"'],
  ['‘', "'"],
  ['’', "'"],
];

/** Replaces ambiguous-width symbols with ASCII, for `--ascii` and terminals without Unicode. */
export function asciiFold(text: string): string {
  let out = text;
  for (const [from, to] of ASCII_FOLD) out = out.split(from).join(to);
  return out;
}
