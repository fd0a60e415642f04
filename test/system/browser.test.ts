import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { browserBlocker, browserTarget, openInBrowser } from '../../src/system/browser.js';
import { parseTeamFile } from '../../src/team/team-file.js';

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
      for (const sentence of [text.ssh, text.ci, text.noDisplay, text.failed, text.unsafe]) {
        expect(sentence).toMatch(lang === 'en' ? /above/ : /위에/);
        expect(sentence).not.toMatch(lang === 'en' ? /below/ : /아래/);
      }
    }
  });
});

/** A team file's step page, as the team file check leaves it (it accepts any https address without spaces). */
function teamPage(url: string): string {
  const parsed = parseTeamFile(
    JSON.stringify({
      name: 'Acme',
      payer: 'self',
      steps: [{ id: 'wiki', after: 'login', title: { en: 'Wiki' }, url }],
    }),
  );
  const page = parsed.ok ? parsed.team.steps[0]?.url : undefined;
  if (page === undefined) throw new Error(`the team file check refused ${url}`);
  return page;
}

/** Opens as on Windows (where `open` wraps the address in PowerShell's double quotes); returns what reached it. */
async function openOnWindows(url: string): Promise<{ notice: string; opened: string[] }> {
  const opened: string[] = [];
  const notice = await openInBrowser(url, {}, contentFor('en'), {
    platform: 'win32',
    open: async (target) => {
      opened.push(target);
      return { on: () => undefined };
    },
  });
  return { notice, opened };
}

describe('the address handed to the opener', () => {
  // On Windows and WSL the `open` package runs PowerShell with `Start "<address>"`: inside those quotes
  // `$(…)` runs a command and `$env:OPENAI_API_KEY` is replaced by the key, sent to the page's host.
  it('a team file page holding $(…), $env:… and quotes reaches the opener with nothing PowerShell acts on', async () => {
    const page = teamPage('https://wiki.acme.test/$(calc)/a`b?k=$env:OPENAI_API_KEY&q="x"#$(id)`');
    const { notice, opened } = await openOnWindows(page);
    expect(notice).toBe(contentFor('en').ui.browser.opened);
    expect(opened).toHaveLength(1);
    const target = opened[0] ?? '';
    expect(target).not.toMatch(/[$`"]/);
    expect(target).toMatch(/^[\x21-\x7e]+$/);
    // Still the same page: the same host, and the same path, query and fragment once decoded.
    const shown = new URL(page);
    const sent = new URL(target);
    expect(sent.host).toBe('wiki.acme.test');
    const whole = (url: URL) => decodeURIComponent(`${url.pathname}${url.search}${url.hash}`);
    expect(whole(sent)).toBe(whole(shown));
  });

  it('a host holding such characters is not opened at all, and the notice says to copy the address', async () => {
    const page = teamPage('https://wiki$(calc).acme.test/x');
    const { notice, opened } = await openOnWindows(page);
    expect(opened).toEqual([]);
    expect(notice).toBe(contentFor('en').ui.browser.unsafe);
  });

  it.each([
    [
      'https://platform.openai.com/settings/organization/billing/overview',
      'https://platform.openai.com/settings/organization/billing/overview',
    ],
    ['https://wiki.acme.test/a?b=c#d', 'https://wiki.acme.test/a?b=c#d'],
    ['https://wiki.acme.test/$HOME', 'https://wiki.acme.test/%24HOME'],
    ['https://user:$(x)@wiki.acme.test/', 'https://user:%24(x)@wiki.acme.test/'],
    ['https://xn--9n2bp8q.test/안내', 'https://xn--9n2bp8q.test/%EC%95%88%EB%82%B4'],
    ['https://a`b.test/', undefined],
    ['javascript:alert(1)', undefined],
    ['file:///etc/passwd', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(browserTarget(url)).toBe(expected);
  });
});

describe('the program that opens the browser on Linux', () => {
  const cwd = process.cwd();
  const path = process.env.PATH;
  afterEach(() => {
    process.chdir(cwd);
    process.env.PATH = path;
  });

  /** An `xdg-open` in `dir` that records the address it was given in `record`. */
  function stub(dir: string, record: string): void {
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${record}'\n`);
    chmodSync(join(dir, 'xdg-open'), 0o755);
  }

  async function appeared(file: string): Promise<string> {
    const deadline = Date.now() + 5000;
    while (!existsSync(file) || readFileSync(file, 'utf8') === '') {
      if (Date.now() > deadline) throw new Error(`${file} never appeared`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return readFileSync(file, 'utf8');
  }

  it('is run from the system folders by its absolute path: never from PATH, never the current folder', async () => {
    const root = mkdtempSync(join(tmpdir(), 'topup-open-'));
    const system = join(root, 'system');
    const repository = join(root, 'repository');
    mkdirSync(system);
    mkdirSync(repository);
    stub(system, join(root, 'system.run'));
    // A cloned repository's own xdg-open, and a PATH whose empty first entry means the current folder.
    stub(repository, join(root, 'repository.run'));
    process.chdir(repository);
    process.env.PATH = `:${path ?? ''}`;
    const env = { DISPLAY: ':0', PATH: process.env.PATH };
    const notice = await openInBrowser('https://wiki.acme.test/vpn', env, contentFor('en'), {
      platform: 'linux',
      searchDirs: [system],
    });
    expect(notice).toBe(contentFor('en').ui.browser.opened);
    expect(await appeared(join(root, 'system.run'))).toBe('https://wiki.acme.test/vpn');
    expect(existsSync(join(root, 'repository.run'))).toBe(false);
  });
});
