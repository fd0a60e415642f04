/** Opening a step's page in the system browser, except where no browser can be seen. */
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';

/** Why a browser should not be opened here, if it should not: SSH, CI, or no display. */
export function browserBlocker(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): 'ssh' | 'ci' | 'noDisplay' | undefined {
  if (env.SSH_CONNECTION || env.SSH_TTY || env.SSH_CLIENT) return 'ssh';
  // The environment as the user gave it (cli.ts sets CI=false for Ink only after copying it).
  if ((env.CI && env.CI !== 'false' && env.CI !== '0') || env.GITHUB_ACTIONS || env.CONTINUOUS_INTEGRATION)
    return 'ci';
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY && !env.WSL_DISTRO_NAME)
    return 'noDisplay';
  return undefined;
}

// A host as DNS and the URL parser write it (punycode for non-ASCII), or an IP address.
const PLAIN_HOST = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;
// What PowerShell acts on inside the double quotes `open` wraps the address in on Windows and WSL
// (`Start "<address>"`): `$(…)` runs a command and `$env:NAME` reads a variable, the backquote escapes, a
// double quote ends the string.
const ACTIVE = /[$`"]/g;

/**
 * The address as handed to the opener: an http(s) URL in the parser's form, with `$`, the backquote and `"`
 * percent-encoded (a team file's page may hold them), so that no shell between here and the browser acts on
 * it. Undefined when that cannot be done without changing where it leads (such a character in the host).
 */
export function browserTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (!PLAIN_HOST.test(parsed.hostname)) return undefined;
  const href = parsed.href.replace(ACTIVE, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  // URL.href writes non-ASCII percent-encoded: anything else left is a character no opener needs.
  return /^[\x21-\x7e]+$/.test(href) ? href : undefined;
}

/** What opening needs from the machine; tests inject both. */
export type OpenOptions = {
  readonly platform?: NodeJS.Platform;
  /** The opener (the `open` package, loaded only when asked). */
  readonly open?: (target: string) => Promise<{ on(event: 'error', listener: () => void): unknown }>;
};

/** Opens the URL with `open` (loaded only when asked); resolves with the sentence to show. */
export async function openInBrowser(
  url: string,
  env: NodeJS.ProcessEnv,
  content: Content,
  options: OpenOptions = {},
): Promise<string> {
  const text = content.ui.browser;
  const blocker = browserBlocker(env, options.platform ?? process.platform);
  if (blocker) return text[blocker];
  const target = browserTarget(url);
  if (target === undefined) return text.unsafe;
  try {
    const open = options.open ?? (await import('open')).default;
    const child = await open(target);
    child.on('error', () => undefined);
    return text.opened;
  } catch (error) {
    return fill(text.failed, { reason: error instanceof Error ? error.message : String(error) });
  }
}
