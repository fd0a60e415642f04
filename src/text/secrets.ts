/** Keeping secrets and terminal control sequences out of everything the tool prints. Pure. */
import { cleanText } from './sanitize.js';

/** Masks a key as `sk-proj-…AbCd`: the first 8 and last 4 characters. Short strings keep less. */
export function maskKey(key: string): string {
  if (key.length >= 16) return `${key.slice(0, 8)}…${key.slice(-4)}`;
  if (key.length >= 8) return `${key.slice(0, 3)}…`;
  return '…';
}

// Anything that looks like an OpenAI-style secret key, even one we were not given (servers echo keys).
const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{12,}/g;

// How long a piece of a secret must be to count as part of it: a cut-off echo of a key gives most of it away.
const PIECE = 12;

/**
 * Masks what is left of a secret cut short at either end (a server echoing part of the key): a run that
 * starts as the secret starts, or ends as it ends, of PIECE characters or more. Only the end the mask shows
 * anyway is kept.
 */
function maskPieces(text: string, secret: string): string {
  let out = text;
  const head = secret.slice(0, PIECE);
  for (let at = out.indexOf(head); at >= 0; at = out.indexOf(head, at + 1)) {
    let length = PIECE;
    while (at + length < out.length && length < secret.length && out[at + length] === secret[length])
      length++;
    out = `${out.slice(0, at)}${secret.slice(0, 8)}…${out.slice(at + length)}`;
  }
  const tail = secret.slice(-PIECE);
  for (let end = out.indexOf(tail); end >= 0; end = out.indexOf(tail, end + 1)) {
    let start = end;
    let length = PIECE;
    while (start > 0 && length < secret.length && out[start - 1] === secret[secret.length - length - 1]) {
      start--;
      length++;
    }
    out = `${out.slice(0, start)}…${secret.slice(-4)}${out.slice(end + PIECE)}`;
    end = start;
  }
  return out;
}

/** Replaces each given secret, and anything shaped like a key, with its mask; a secret cut short too. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(maskKey(secret));
    if (secret.length >= 2 * PIECE) out = maskPieces(out, secret);
  }
  return out.replace(KEY_LIKE, (match) => maskKey(match));
}

// A URL's user and password anywhere in a text; the password runs to the last `@` before the host, so one
// holding an unencoded `@` is masked whole.
const URL_PASSWORD = /(\/\/[^\s:/@]*):[^\s/]*@/g;

/** What a URL's password is written as wherever a URL is shown. */
export const PASSWORD_MASK = '****';

/** Masks the password of every URL in a text (`http://user:pass@host` → `http://user:****@host`). */
export function maskUrlPassword(text: string): string {
  return text.replace(URL_PASSWORD, `$1:${PASSWORD_MASK}@`);
}

/** The password inside a proxy URL, if any, so it can be masked wherever it appears. */
export function urlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.password ? decodeURIComponent(parsed.password) : undefined;
  } catch {
    return undefined;
  }
}

/** Removes terminal control sequences and characters; keeps newlines (and tabs as spaces). */
export function stripTerminalControls(text: string): string {
  return cleanText(text, { multiline: true });
}

/** Server text made safe to show: no control sequences, no secrets. */
export function safeText(text: string, secrets: readonly string[] = []): string {
  return maskSecrets(cleanText(text, { multiline: true }), secrets);
}
