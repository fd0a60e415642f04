/**
 * Reading and editing a `.env` file's text without disturbing any byte it does not mean to change. Pure.
 *
 * The text is handled as Latin-1, one character per byte, so that decoding and encoding never change a byte
 * (a file that is not valid UTF-8 comes back exactly as it was); everything this module writes is ASCII.
 * Lines are found with dotenv's own pattern, so a value that spans lines in quotes is one entry, and a line
 * inside such a value is not mistaken for an assignment.
 */

/** The variables the wizard may write. */
export const ENV_NAMES = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_PROJECT_ID'] as const;

/** One of the variables the wizard may write. */
export type EnvName = (typeof ENV_NAMES)[number];

/** The Latin-1 form of a file's bytes (lossless). */
export function bytesToText(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('latin1');
}

/** A file's bytes from its Latin-1 form. */
export function textToBytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}

const BOM = '\u00ef\u00bb\u00bf'; // EF BB BF, the UTF-8 byte-order mark, as Latin-1

// dotenv 17's LINE pattern (lib/main.js), with `\s` narrowed to ASCII white space (in Latin-1 text `\s` would
// also match byte A0, which is part of many UTF-8 characters), and two more groups: the separator and the
// value, so that a replacement keeps everything around the value.
const WS = '[\\t\\n\\v\\f\\r ]';
const LINE = new RegExp(
  `(?:^|^)${WS}*(?:export${WS}+)?([\\w.-]+)(${WS}*=${WS}*?|:${WS}+?)(${WS}*'(?:\\\\'|[^'])*'|${WS}*"(?:\\\\"|[^"])*"|${WS}*\`(?:\\\\\`|[^\`])*\`|[^#\\r\\n]+)?${WS}*(?:#.*)?(?:$|$)`,
  'gmd',
);

/** One assignment, with positions in the original text. */
export type EnvEntry = {
  readonly name: string;
  /** The value as dotenv reads it. */
  readonly value: string;
  /** Start of the line the name is on. */
  readonly lineStart: number;
  /** Just after the separator (`=`, ` = `, `: `). */
  readonly separatorEnd: number;
  /** The value as written, quotes and all (empty when there is none). */
  readonly valueStart: number;
  readonly valueEnd: number;
  /** End of the entry's last line, before its line ending. */
  readonly end: number;
  readonly exported: boolean;
};

/** A parsed file: its entries in order, and the facts needed to add to it in its own style. */
export type EnvText = {
  readonly text: string;
  readonly bom: boolean;
  readonly entries: readonly EnvEntry[];
  /** The line ending to use for new lines: the file's last one, else LF. */
  readonly eol: string;
  /** Whether the text ends with a line ending (an empty file counts as ending cleanly). */
  readonly endsWithNewline: boolean;
};

/** The value dotenv makes of what is written after the separator. */
function dotenvValue(raw: string): string {
  let value = raw.trim();
  const quote = value[0];
  value = value.replace(/^(['"`])([\s\S]*)\1$/gm, '$2');
  if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  return value;
}

/** Parses a `.env` file's Latin-1 text as dotenv does, keeping where each entry sits. */
export function parseEnvText(text: string): EnvText {
  const bom = text.startsWith(BOM);
  const offset = bom ? BOM.length : 0;
  // dotenv turns CRLF and CR into LF before matching; `map` takes each position back to the original text.
  let normal = '';
  const map: number[] = [];
  for (let i = offset; i < text.length; i++) {
    const char = text[i];
    if (char === '\r') {
      map.push(i);
      normal += '\n';
      if (text[i + 1] === '\n') i++;
    } else {
      map.push(i);
      normal += char;
    }
  }
  map.push(text.length);
  const at = (index: number) => map[index] ?? text.length;

  const entries: EnvEntry[] = [];
  LINE.lastIndex = 0;
  for (let match = LINE.exec(normal); match; match = LINE.exec(normal)) {
    if (match[0].length === 0) {
      LINE.lastIndex++;
      continue;
    }
    const indices = match.indices;
    const name = match[1] ?? '';
    const nameAt = indices?.[1]?.[0] ?? match.index;
    const separatorEnd = indices?.[2]?.[1] ?? nameAt + name.length;
    const valueSpan = indices?.[3] ?? [separatorEnd, separatorEnd];
    const lineStart = normal.lastIndexOf('\n', nameAt - 1) + 1;
    // The pattern's closing white space can run past the line's end (and over blank lines): the entry ends
    // with the line its value ends on.
    const lineEnd = normal.indexOf('\n', valueSpan[1]);
    const end = Math.min(match.index + match[0].length, lineEnd === -1 ? normal.length : lineEnd);
    entries.push({
      name,
      value: dotenvValue(match[3] ?? ''),
      lineStart: at(lineStart),
      separatorEnd: at(separatorEnd),
      valueStart: at(valueSpan[0]),
      valueEnd: at(valueSpan[1]),
      end: at(end),
      exported: /^[\t\v\f ]*export[\t\v\f ]/.test(normal.slice(lineStart, nameAt)),
    });
  }

  const endings = text.match(/\r\n|\r|\n/g);
  const eol = endings?.[endings.length - 1] ?? '\n';
  const body = text.slice(offset);
  return { text, bom, entries, eol, endsWithNewline: body === '' || /[\r\n]$/.test(body) };
}

/** What dotenv would set from this text: the last assignment of a name wins. */
export function readEnvValues(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of parseEnvText(text).entries) values.set(entry.name, entry.value);
  return values;
}

/**
 * The assignment of `name` that readers use: the LAST one. dotenv's parse() keeps the last value it sees in
 * a file (its "first wins" rule is about variables already in the environment and about several files),
 * and python-dotenv and a shell sourcing the file also end with the last. So the last is the one replaced;
 * earlier ones are left byte for byte (the plan counts them, so the screen can say so).
 */
export function lastEntry(parsed: EnvText, name: EnvName): EnvEntry | undefined {
  return parsed.entries.filter((entry) => entry.name === name).at(-1);
}

/** How many assignments of `name` the file has. */
export function entryCount(parsed: EnvText, name: EnvName): number {
  return parsed.entries.filter((entry) => entry.name === name).length;
}

// Read the same, unquoted, by dotenv, python-dotenv, docker compose and a POSIX shell.
const PLAIN = /^[A-Za-z0-9_.:/@%+,=-]+$/;

/**
 * A value written so that dotenv, python-dotenv and a shell all read it back exactly: bare when it holds only
 * plain characters, else in single quotes. Undefined when no form is safe (white space, quotes, backslashes,
 * control or non-ASCII characters: none appear in a key, a URL or a project id).
 */
export function renderEnvValue(value: string): string | undefined {
  if (value === '' || !/^[\x21-\x7e]+$/.test(value) || /['\\]/.test(value)) return undefined;
  return PLAIN.test(value) ? value : `'${value}'`;
}

/** One variable to set. */
export type EnvAssignment = { readonly name: EnvName; readonly value: string };

/**
 * The text with each assignment made: an existing (last) line of that name has its value replaced where it
 * stands, keeping its indentation, `export`, separator and comment; new names are added at the end, in the
 * file's own line ending, keeping whether the file ended with one. Every other byte stays. Undefined when a
 * value cannot be written safely (renderEnvValue).
 */
export function setEnvValues(parsed: EnvText, assignments: readonly EnvAssignment[]): string | undefined {
  const { text } = parsed;
  const values = new Map<EnvName, string>();
  for (const { name, value } of assignments) {
    const written = renderEnvValue(value);
    if (written === undefined) return undefined;
    values.set(name, written);
  }
  const rendered = (name: EnvName) => values.get(name) ?? '';
  const replacements: Array<{ from: number; to: number; with: string }> = [];
  const added: string[] = [];
  const exportAll = parsed.entries.length > 0 && parsed.entries.every((entry) => entry.exported);
  for (const { name } of assignments) {
    const entry = lastEntry(parsed, name);
    if (!entry) {
      added.push(`${exportAll ? 'export ' : ''}${name}=${rendered(name)}`);
      continue;
    }
    const written = text.slice(entry.valueStart, entry.valueEnd);
    const lead = /^[\t ]*/.exec(written)?.[0] ?? '';
    // Whatever followed the old value on its last line (white space, a comment) stays; a comment needs a
    // space before its # or a shell would read the # as part of the value.
    let tail = (/[\t ]*$/.exec(written)?.[0] ?? '') + text.slice(entry.valueEnd, entry.end);
    if (tail !== '' && !/^[\t ]/.test(tail)) tail = ` ${tail}`;
    replacements.push({
      from: entry.lineStart,
      to: entry.end,
      with: `${text.slice(entry.lineStart, entry.separatorEnd)}${lead}${rendered(name)}${tail}`,
    });
  }
  let out = text;
  for (const change of replacements.sort((a, b) => b.from - a.from)) {
    out = out.slice(0, change.from) + change.with + out.slice(change.to);
  }
  if (added.length === 0) return out;
  const { eol } = parsed;
  const body = out.slice(parsed.bom ? BOM.length : 0);
  if (body === '') return `${out}${added.map((line) => line + eol).join('')}`;
  if (parsed.endsWithNewline) return `${out}${added.map((line) => line + eol).join('')}`;
  return `${out}${added.map((line) => eol + line).join('')}`;
}

/**
 * The `.gitignore` text with `.env` on its own line added at the end (in its line ending, keeping whether it
 * ended with one); undefined when such a line is already there.
 */
export function addIgnoreLine(text: string, line = '.env'): string | undefined {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  if (body.split(/\r\n|\r|\n/).some((existing) => existing === line)) return undefined;
  if (body === '') return `${text}${line}\n`;
  const endings = body.match(/\r\n|\r|\n/g);
  const eol = endings?.[endings.length - 1] ?? '\n';
  return /[\r\n]$/.test(body) ? `${text}${line}${eol}` : `${text}${eol}${line}`;
}
