/** Keeping secrets and terminal control sequences out of everything the tool prints. Pure. */

/** Masks a key as `sk-proj-…AbCd`: the first 8 and last 4 characters. Short strings keep less. */
export function maskKey(key: string): string {
  if (key.length >= 16) return `${key.slice(0, 8)}…${key.slice(-4)}`;
  if (key.length >= 8) return `${key.slice(0, 3)}…`;
  return '…';
}

// Anything that looks like an OpenAI-style secret key, even one we were not given (servers echo keys).
const KEY_LIKE = /\bsk-[A-Za-z0-9_-]{12,}/g;

/** Replaces each given secret, and anything shaped like a key, with its mask. */
export function maskSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(maskKey(secret));
  }
  return out.replace(KEY_LIKE, (match) => maskKey(match));
}

/** Masks the password of a proxy URL (`http://user:pass@host` → `http://user:****@host`). */
export function maskUrlPassword(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:****@');
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

// CSI (colour, cursor, clear screen), OSC (links, clipboard writes, titles) and other escape sequences.
const ESCAPES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][\s\S]*?(?:\u0007|\u001b\\|$)|\u009b[0-?]*[ -/]*[@-~]|\u009d[\s\S]*?(?:\u0007|\u009c|$)|\u001b[@-Z\\-_]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control sequences and characters; keeps newlines (and tabs as spaces). */
export function stripTerminalControls(text: string): string {
  return text.replace(ESCAPES, '').replace(/\t/g, '  ').replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}

/** Server text made safe to show: no control sequences, no secrets. */
export function safeText(text: string, secrets: readonly string[] = []): string {
  return maskSecrets(stripTerminalControls(text), secrets);
}
