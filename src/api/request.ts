/** The guide's test request: exactly the blog post's curl body, plus streaming when the tool sends it. */
import { cleanText } from '../text/sanitize.js';
import { maskSecrets, maskUrlPassword, PASSWORD_MASK } from '../text/secrets.js';
import { shellQuote, shellWord } from '../text/shell-quote.js';

/** The API root when nothing else is said. */
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/** The guide's two messages, word for word. */
export const TEST_MESSAGES = [
  { role: 'system', content: 'You are a helpful assistant.' },
  { role: 'user', content: 'Write a haiku that explains the concept of recursion.' },
] as const;

/** The JSON body of the test call; with a cap on the reply's tokens where one is set (a team file's model). */
export function chatBody(model: string, stream: boolean, maxTokens?: number): Record<string, unknown> {
  const limit = maxTokens === undefined ? {} : { max_completion_tokens: maxTokens };
  return stream
    ? { model, messages: TEST_MESSAGES, ...limit, stream: true, stream_options: { include_usage: true } }
    : { model, messages: TEST_MESSAGES, ...limit };
}

/** Joins the API root and a path: a trailing slash on the root is fine. */
export function endpoint(baseUrl: string, path: '/models' | '/chat/completions'): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

/**
 * A URL as it may be shown (the curl command, the --debug trace): as the HTTP client reads it, so that
 * control characters, spaces and non-ASCII are percent-encoded and the host is in ASCII, with its password
 * masked and anything shaped like a key masked.
 */
export function shownUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = PASSWORD_MASK;
    return maskSecrets(parsed.href);
  } catch {
    // Not a URL (nothing checked it): still nothing a terminal acts on, and no password.
    return maskSecrets(maskUrlPassword(cleanText(url)));
  }
}

// Characters JSON.stringify leaves as they are that a terminal may act on or hide: C1 controls, DEL, Unicode
// format characters (bidirectional overrides, zero-width), line and paragraph separators.
const UNSHOWABLE = /[\u007f-\u009f\u2028\u2029\p{Cf}]/gu;

/** JSON text in which every character a terminal could act on is written as a \u escape: the same value. */
function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSHOWABLE, (char) =>
    Array.from(
      { length: char.length },
      (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`,
    ).join(''),
  );
}

/**
 * Where a header's value comes from: a team file's id, shown as it is, or an environment variable, shown as
 * the variable (its value is the user's shell's, as the key's is) so nothing from the environment is printed.
 */
export type HeaderSource =
  | { readonly value: string }
  | { readonly variable: 'OPENAI_ORG_ID' | 'OPENAI_PROJECT_ID' };

/** What the test call sends besides the guide's request: the organization and project headers, a token cap. */
export type CurlExtras = {
  readonly organization?: HeaderSource | undefined;
  readonly project?: HeaderSource | undefined;
  readonly maxTokens?: number | undefined;
};

/**
 * A header argument for curl: in the guide's double quotes when ordinary, else single-quoted. A value from
 * the environment is shown as its variable; any other (a team file's id) as the rest of the command is:
 * inert, with anything shaped like a key, and a URL's password, masked.
 */
function headerArg(name: string, source: HeaderSource): string {
  if ('variable' in source) return `"${name}: $${source.variable}"`;
  const shown = maskUrlPassword(maskSecrets(cleanText(source.value)));
  return shellWord(shown).startsWith('"') ? `"${name}: ${shown}"` : shellQuote(`${name}: ${shown}`);
}

/** The header lines the call sends besides the guide's two, each ending in ` \`. */
function extraHeaders(extras: CurlExtras, indent: string): string[] {
  const lines: string[] = [];
  if (extras.organization)
    lines.push(`${indent}-H ${headerArg('OpenAI-Organization', extras.organization)} \\`);
  if (extras.project) lines.push(`${indent}-H ${headerArg('OpenAI-Project', extras.project)} \\`);
  return lines;
}

/**
 * The curl command equivalent to what is sent, laid out like the guide's, with `$OPENAI_API_KEY` where the
 * key goes. Lines end in ` \` so the whole block pastes as one command. Safe to paste whatever the URL and
 * model hold: the URL is quoted for the shell (in double quotes, as in the guide, when it is ordinary) with
 * its password masked, and the body is single-quoted. The organization and project headers and the token cap
 * are there when the call sends them (a team file, OPENAI_ORG_ID / OPENAI_PROJECT_ID).
 */
export function curlCommand(
  baseUrl: string,
  model: string,
  stream: boolean,
  extras: CurlExtras = {},
): string {
  const body = jsonText(chatBody(model, stream, extras.maxTokens), 4)
    .split('\n')
    .map((line, index) => (index === 0 ? line : `    ${line}`))
    .join('\n');
  return [
    `curl ${stream ? '-N ' : ''}${shellWord(shownUrl(endpoint(baseUrl, '/chat/completions')))} \\`,
    '    -H "Content-Type: application/json" \\',
    '    -H "Authorization: Bearer $OPENAI_API_KEY" \\',
    ...extraHeaders(extras, '    '),
    `    -d ${shellQuote(body)}`,
  ].join('\n');
}

/**
 * The same command in short lines, for screens: every line fits 80 columns when the URL and model are of
 * ordinary length, so the terminal never breaks one (a break inside the JSON string would not paste back).
 * Quoted for the shell as curlCommand is.
 */
export function curlCommandCompact(baseUrl: string, model: string, extras: CurlExtras = {}): string {
  const [system, user] = TEST_MESSAGES;
  const body = [
    `{"model": ${jsonText(model)}, "stream": true,`,
    '       "stream_options": {"include_usage": true},',
    ...(extras.maxTokens === undefined ? [] : [`       "max_completion_tokens": ${extras.maxTokens},`]),
    '       "messages": [',
    `         {"role": "system", "content": ${jsonText(system.content)}},`,
    '         {"role": "user",',
    `          "content": ${jsonText(user.content)}}]}`,
  ].join('\n');
  return [
    `curl -N ${shellWord(shownUrl(endpoint(baseUrl, '/chat/completions')))} \\`,
    '  -H "Content-Type: application/json" \\',
    '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
    ...extraHeaders(extras, '  '),
    `  -d ${shellQuote(body)}`,
  ].join('\n');
}
