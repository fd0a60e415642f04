/**
 * The guide's text: every user-facing sentence, in assets/guide/<locale>.json. A language's file is read
 * the first time a sentence of it is needed, not at start-up: a successful `check --json` reads none, and
 * the first screen reads only its own language (the bundle's chunks sit two folders below the package, as
 * this file does below the repository, so the same path serves both; test/build.test.ts holds it there).
 */
import { readFileSync } from 'node:fs';
import type en from '../../assets/guide/en.json';
import type { Locale } from './locale.js';

/** The shape of a locale file; en.json is the reference and ko.json must match it. */
export type Content = typeof en;

const GUIDE = new URL('../../assets/guide/', import.meta.url);
const loaded: Partial<Record<Locale, Content>> = {};

/** The whole text of one language, read once. */
export function contentFor(locale: Locale): Content {
  loaded[locale] ??= JSON.parse(readFileSync(new URL(`${locale}.json`, GUIDE), 'utf8')) as Content;
  return loaded[locale];
}

/** Values for `{name}` tokens in a sentence. */
export type Vars = Readonly<Record<string, string | number>>;

/** A `{name}` token of a sentence. */
const TOKEN = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** Every string in a locale file, however deep. */
function sentences(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(sentences);
  return [];
}

let tokenNames: ReadonlySet<string> | undefined;

/**
 * Whether a name is one of the token names the locale files use. Only these are tokens: text that merely
 * looks like one (a model named `{x}`, braces in a server's words or a team file) is left as written, also
 * when filled text is filled again (RichText fills what it draws). Built on first need, off the first frame.
 */
export function isTokenName(name: string): boolean {
  tokenNames ??= new Set(
    sentences(contentFor('en')).flatMap((text) => [...text.matchAll(TOKEN)].map((match) => match[1] ?? '')),
  );
  return tokenNames.has(name);
}

/** What a token with no value is drawn as in a user's terminal: never the `{name}` itself. */
export const UNFILLED = '…';

/** A sentence was filled without a value for one of its tokens: a defect in the code that filled it. */
export class UnfilledTokenError extends Error {
  constructor(
    readonly token: string,
    readonly template: string,
  ) {
    super(`no value for {${token}} in: ${template}`);
    this.name = 'UnfilledTokenError';
  }
}

/**
 * Fills `{name}` tokens. A token without a value is refused: in tests and development (any build but the
 * production bundle, which defines NODE_ENV as production) it throws, so the defect fails a test; in a
 * user's terminal it becomes `…`, so a `{placeholder}` can never reach a screen. Values are inserted as
 * they are, never read again for tokens.
 */
export function fill(template: string, vars: Vars = {}): string {
  return template.replace(TOKEN, (whole, name: string) => {
    const value = Object.hasOwn(vars, name) ? vars[name] : undefined;
    if (value !== undefined) return String(value);
    if (!isTokenName(name)) return whole;
    if (process.env.NODE_ENV !== 'production') throw new UnfilledTokenError(name, template);
    return UNFILLED;
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
