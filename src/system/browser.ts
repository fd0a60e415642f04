/**
 * Opening a step's page in the system browser, except where no browser can be seen. On Linux and macOS the
 * system's opener is run by its absolute path from the system's own folders (as clipboard.ts runs its
 * commands): the `open` package would look `xdg-open` up on PATH, where an empty or relative entry is the
 * current folder, a cloned repository that may ship its own. Windows and WSL go through `open` (PowerShell,
 * which it finds by absolute path).
 */
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import type { Content } from '../content/content.js';
import { fill } from '../content/content.js';
import { httpUrl } from '../text/http-url.js';
import { findCommand, SYSTEM_DIRS } from './commands.js';

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
  const parsed = httpUrl(url);
  if (!parsed || !PLAIN_HOST.test(parsed.hostname)) return undefined;
  const href = parsed.href.replace(ACTIVE, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  // URL.href writes non-ASCII percent-encoded: anything else left is a character no opener needs.
  return /^[\x21-\x7e]+$/.test(href) ? href : undefined;
}

/** What opening needs from the machine; tests inject each. */
export type OpenOptions = {
  readonly platform?: NodeJS.Platform;
  /** The opener for Windows and WSL (the `open` package, loaded only when asked). */
  readonly open?: (target: string) => Promise<{ on(event: 'error', listener: () => void): unknown }>;
  /** Absolute folders to find `xdg-open` or `open` in, instead of the system's own. */
  readonly searchDirs?: readonly string[];
};

// Folders the system's package manager owns; never the current folder, never PATH (which may contain it).

function isWsl(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.WSL_DISTRO_NAME || env.WSL_INTEROP);
}

/** Hands the address to the system's opener; throws when there is none. */
async function launch(target: string, env: NodeJS.ProcessEnv, options: OpenOptions): Promise<void> {
  const platform = options.platform ?? process.platform;
  if (platform === 'darwin' || (platform === 'linux' && !isWsl(env))) {
    const file = platform === 'darwin' ? 'open' : 'xdg-open';
    const path = findCommand(file, options.searchDirs ?? SYSTEM_DIRS);
    if (!path) throw new Error(`${file}: not found`);
    // Detached, with nothing to read: xdg-open may wait for the browser it started.
    const child = spawn(path, [target], {
      stdio: 'ignore',
      detached: true,
      shell: false,
      env,
      cwd: dirname(path),
    });
    child.on('error', () => undefined);
    child.unref();
    return;
  }
  const open = options.open ?? (await import('open')).default;
  const child = await open(target);
  child.on('error', () => undefined);
}

/** Opens the URL in the browser; resolves with the sentence to show. */
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
    await launch(target, env, options);
    return text.opened;
  } catch (error) {
    return fill(text.failed, { reason: error instanceof Error ? error.message : String(error) });
  }
}
