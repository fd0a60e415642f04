import { describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { browserBlocker, openInBrowser } from '../../src/system/browser.js';

describe('opening a page in the browser', () => {
  it.each([
    [{ SSH_CONNECTION: '1 2 3 4', DISPLAY: ':0' }, 'linux', 'ssh'],
    [{ SSH_TTY: '/dev/pts/1' }, 'darwin', 'ssh'],
    [{ CI: 'true', DISPLAY: ':0' }, 'linux', 'ci'],
    [{ GITHUB_ACTIONS: 'true' }, 'darwin', 'ci'],
    [{}, 'linux', 'noDisplay'],
    [{ DISPLAY: ':0' }, 'linux', undefined],
    [{ WAYLAND_DISPLAY: 'wayland-0' }, 'linux', undefined],
    [{}, 'darwin', undefined],
    [{ CI: 'false' }, 'win32', undefined],
  ] as const)('%j on %s → %s', (env, platform, expected) => {
    expect(browserBlocker(env, platform)).toBe(expected);
  });

  it('says why it does not open one, in the chosen language, and opens nothing', async () => {
    expect(
      await openInBrowser('https://platform.openai.com/api-keys', { SSH_CONNECTION: '1' }, contentFor('ko')),
    ).toContain('SSH');
    expect(
      await openInBrowser('https://platform.openai.com/api-keys', { CI: 'true' }, contentFor('en')),
    ).toContain('Not opening a browser in CI');
  });

  it('points at the address where it is: on the screen above the notice, never below', () => {
    for (const lang of ['en', 'ko'] as const) {
      const text = contentFor(lang).ui.browser;
      for (const sentence of [text.ssh, text.ci, text.noDisplay, text.failed]) {
        expect(sentence).toMatch(lang === 'en' ? /above/ : /위에/);
        expect(sentence).not.toMatch(lang === 'en' ? /below/ : /아래/);
      }
    }
  });
});
