/** Checks made on a key before any network call, each with its own message. Pure. */

/** Why a key is refused locally; each has a message in keyCheck.* of the locale files. */
export type KeyProblem = 'empty' | 'cutOff' | 'spaces' | 'url' | 'otherService' | 'admin' | 'unknown';

/** The result of the local checks. */
export type KeyCheck =
  | { readonly ok: true; readonly key: string }
  | {
      readonly ok: false;
      readonly problem: KeyProblem;
      /** The service another service's key belongs to, and the prefix that gives it away. */
      readonly service?: string;
      readonly prefix?: string;
      readonly length: number;
    };

/** Keys of other services that people paste by mistake. */
const OTHER_SERVICES: ReadonlyArray<readonly [prefix: string, service: string]> = [
  ['sk-ant-', 'Anthropic'],
  ['AIza', 'Google'],
  ['ghp_', 'GitHub'],
  ['gho_', 'GitHub'],
  ['github_pat_', 'GitHub'],
  ['xoxb-', 'Slack'],
  ['xoxp-', 'Slack'],
  ['xoxa-', 'Slack'],
  ['xox', 'Slack'],
];

/** The shortest real key: legacy `sk-` keys have 51 characters, the first project keys 56, newer ones 160+. */
const MIN_LENGTH = 40;

/**
 * Cleans what was typed, pasted or read: bracketed-paste markers, control characters and surrounding
 * spaces, line breaks or quotes go; spaces and line breaks inside stay, so that they can be reported.
 */
export function cleanKeyInput(raw: string): string {
  const text = raw
    .replace(/\u001b?\[20[01]~/g, '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '')
    .trim()
    // The post's own line, pasted whole (a field drops the spaces): `export OPENAI_API_KEY=sk-…`.
    .replace(/^(?:export\s*)?OPENAI_API_KEY\s*=\s*/, '');
  const quoted = /^(["'])(.*)\1$/s.exec(text);
  return (quoted?.[2] ?? text).trim();
}

/** The local checks, in the order a person would want to hear about them. */
export function checkKey(raw: string): KeyCheck {
  const key = cleanKeyInput(raw);
  const fail = (problem: KeyProblem, service?: string, prefix?: string): KeyCheck => ({
    ok: false,
    problem,
    ...(service ? { service } : {}),
    ...(prefix ? { prefix } : {}),
    length: key.length,
  });
  if (key === '') return fail('empty');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(key) || /^(www\.|platform\.openai\.com)/i.test(key)) return fail('url');
  if (/\s/.test(key)) return fail('spaces');
  const other = OTHER_SERVICES.find(([prefix]) => key.startsWith(prefix));
  if (other) return fail('otherService', other[1], other[0]);
  if (key.startsWith('sk-admin-')) return fail('admin');
  if (!/^sk-[A-Za-z0-9_-]+$/.test(key)) return fail('unknown');
  if (key.length < MIN_LENGTH) return fail('cutOff');
  return { ok: true, key };
}

/** The most `--key-stdin` reads: a key is under 200 characters, a `.env` file a few lines. */
export const KEY_INPUT_CAP = 64 * 1024;

// `OPENAI_API_KEY=…`, with an optional `export`, spaces around `=`, and the value as written.
const ENV_LINE = /^\s*(?:export\s+)?OPENAI_API_KEY\s*=\s*(.*?)\s*$/;
// Any `NAME=value` line: the input is a .env file, not a bare key.
const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=/;

/** A value as a .env file writes it: quoted ('…' or "…") or bare with an optional ` # comment` after it. */
function envValue(raw: string): string {
  const quoted = /^(["'])(.*?)\1(?:\s+#.*)?$/.exec(raw);
  if (quoted) return quoted[2] ?? '';
  return raw.replace(/\s+#.*$/, '');
}

/**
 * The key from what `--key-stdin` read: a bare key, or the lines of a `.env` file (`OPENAI_API_KEY=…` with
 * optional `export`, spaces and quotes; comments and other variables ignored; the last one wins). Undefined
 * when a .env file holds no OPENAI_API_KEY line. The result still goes through checkKey.
 */
export function keyFromInput(text: string): string | undefined {
  const lines = text.split(/\r\n?|\n/);
  if (!lines.some((line) => ASSIGNMENT.test(line))) return text;
  let key: string | undefined;
  for (const line of lines) {
    const match = ENV_LINE.exec(line);
    if (match) key = envValue(match[1] ?? '');
  }
  return key;
}

/** The key as it would be sent, when it passes the local checks; else undefined. */
export function usableKey(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const checked = checkKey(raw);
  return checked.ok ? checked.key : undefined;
}
