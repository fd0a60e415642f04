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

/** Opens the URL with `open` (loaded only when asked); resolves with the sentence to show. */
export async function openInBrowser(url: string, env: NodeJS.ProcessEnv, content: Content): Promise<string> {
  const text = content.ui.browser;
  const blocker = browserBlocker(env, process.platform);
  if (blocker) return text[blocker];
  try {
    const { default: open } = await import('open');
    const child = await open(url);
    child.on('error', () => undefined);
    return text.opened;
  } catch (error) {
    return fill(text.failed, { reason: error instanceof Error ? error.message : String(error) });
  }
}
