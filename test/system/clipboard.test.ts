import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { type CopyResult, copyNotice, copyText, osc52, systemCopiers } from '../../src/system/clipboard.js';
import { findCommand } from '../../src/system/commands.js';

// Quotes, a command substitution, a newline and Korean: it must arrive byte for byte, through no shell.
const TEXT = `curl -d '{"a":"$(touch PWNED)"}' "x" \`id\`\n한국어 ✓`;
const FILES = { pbcopy: 'pbcopy', 'wl-copy': 'wl-copy', xclip: 'xclip', xsel: 'xsel', clip: 'clip.exe' };
type Stub = keyof typeof FILES;

/** A folder of stub copy commands that record how they were run; `behaviour` makes some fail or hang. */
function stubFolder(behaviour: Partial<Record<Stub, 'fail' | 'hang' | 'not-executable'>> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'topup-clip-'));
  const bin = join(root, 'bin');
  const records = join(root, 'records');
  mkdirSync(bin);
  mkdirSync(records);
  for (const [name, file] of Object.entries(FILES) as [Stub, string][]) {
    const end = { fail: 'exit 1', hang: 'exec sleep 30', 'not-executable': 'exit 0', works: 'exit 0' }[
      behaviour[name] ?? 'works'
    ];
    const script = [
      '#!/bin/sh',
      `printf '%s\\n' "$0" "$#" "$@" "display=$DISPLAY" > '${records}/${name}.run'`,
      `cat > '${records}/${name}.stdin'`,
      end,
    ].join('\n');
    writeFileSync(join(bin, file), `${script}\n`);
    chmodSync(join(bin, file), behaviour[name] === 'not-executable' ? 0o644 : 0o755);
  }
  const ran = (name: Stub) => existsSync(join(records, `${name}.run`));
  const run = (name: Stub) => readFileSync(join(records, `${name}.run`), 'utf8').split('\n');
  const stdin = (name: Stub) => readFileSync(join(records, `${name}.stdin`), 'utf8');
  const ranAny = () => (Object.keys(FILES) as Stub[]).some(ran);
  return { root, bin, ran, run, stdin, ranAny };
}

/** A terminal stand-in that keeps what was written to it. */
function terminal(isTTY = true) {
  const written: string[] = [];
  return { isTTY, write: (text: string) => written.push(text), written };
}

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

describe('which copy commands are tried', () => {
  it.each([
    ['darwin', {}, ['pbcopy']],
    ['win32', {}, ['clip']],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, ['wl-copy', 'xclip', 'xsel']],
    ['linux', { DISPLAY: ':0' }, ['xclip', 'xsel']],
    ['linux', { WSL_DISTRO_NAME: 'Ubuntu' }, ['clip']],
    ['linux', {}, []],
    ['freebsd', { DISPLAY: ':0' }, ['xclip', 'xsel']],
    ['linux', { DISPLAY: ':0', SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22' }, []],
    ['darwin', { SSH_TTY: '/dev/ttys001' }, []],
    ['win32', { SSH_CLIENT: '10.0.0.1 5 22' }, []],
  ] as const)('%s %j → %j', (platform, env, expected) => {
    expect(systemCopiers(env, platform)).toEqual(expected);
  });
});

describe('copyText', () => {
  it('runs the command by its absolute path, with the text on stdin and never as an argument', async () => {
    const stubs = stubFolder();
    const out = terminal();
    const result = await copyText(
      TEXT,
      { DISPLAY: ':7' },
      { platform: 'linux', searchDirs: [stubs.bin], out },
    );
    expect(result).toEqual({ method: 'xclip', failed: [] });
    const [argv0, count, ...args] = stubs.run('xclip');
    expect(argv0).toBe(join(stubs.bin, 'xclip'));
    expect(count).toBe('3');
    expect(args.slice(0, 3)).toEqual(['-selection', 'clipboard', '-i']);
    expect(args).toContain('display=:7');
    expect(stubs.stdin('xclip')).toBe(TEXT);
    expect(existsSync(join(stubs.bin, 'PWNED'))).toBe(false);
    expect(out.written).toEqual([]);
  });

  it.each([
    ['darwin', {}, 'pbcopy'],
    ['win32', {}, 'clip'],
    ['linux', { WSL_DISTRO_NAME: 'Ubuntu', DISPLAY: ':0' }, 'clip'],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0', DISPLAY: ':0' }, 'wl-copy'],
  ] as const)('on %s %j it uses %s', async (platform, env, method) => {
    const stubs = stubFolder();
    const result = await copyText(TEXT, env, { platform, searchDirs: [stubs.bin], out: terminal() });
    expect(result.method).toBe(method);
    expect(stubs.stdin(method)).toBe(TEXT);
  });

  it('over SSH sends OSC 52 to the terminal and runs no command', async () => {
    const stubs = stubFolder();
    const out = terminal();
    const env = { SSH_CONNECTION: '10.0.0.1 5 10.0.0.2 22', DISPLAY: ':0', WAYLAND_DISPLAY: 'w' };
    const result = await copyText(TEXT, env, { platform: 'linux', searchDirs: [stubs.bin], out });
    expect(result).toEqual({ method: 'osc52', failed: [] });
    expect(out.written).toEqual([osc52(TEXT)]);
    expect(stubs.ranAny()).toBe(false);
  });

  it('with no display falls through to OSC 52, or to none where stdout is not a terminal', async () => {
    const stubs = stubFolder();
    const options = { platform: 'linux' as const, searchDirs: [stubs.bin] };
    expect(await copyText(TEXT, {}, { ...options, out: terminal() })).toEqual({
      method: 'osc52',
      failed: [],
    });
    expect(await copyText(TEXT, {}, { ...options, out: terminal(false) })).toEqual({
      method: 'none',
      failed: [],
    });
    expect(stubs.ranAny()).toBe(false);
  });

  it('falls back to the next command when one fails, then to OSC 52, then to none', async () => {
    const oneFails = stubFolder({ xclip: 'fail' });
    expect(
      await copyText(
        TEXT,
        { DISPLAY: ':0' },
        { platform: 'linux', searchDirs: [oneFails.bin], out: terminal() },
      ),
    ).toEqual({ method: 'xsel', failed: ['xclip'] });
    expect(oneFails.stdin('xsel')).toBe(TEXT);

    const allFail = stubFolder({ xclip: 'fail', xsel: 'fail' });
    const out = terminal();
    const options = { platform: 'linux' as const, searchDirs: [allFail.bin] };
    expect(await copyText(TEXT, { DISPLAY: ':0' }, { ...options, out })).toEqual({
      method: 'osc52',
      failed: ['xclip', 'xsel'],
    });
    expect(out.written).toEqual([osc52(TEXT)]);
    // Apple's Terminal ignores OSC 52: nothing can work, and the screen must say so.
    expect(
      await copyText(
        TEXT,
        { DISPLAY: ':0', TERM_PROGRAM: 'Apple_Terminal' },
        { ...options, out: terminal() },
      ),
    ).toEqual({ method: 'none', failed: ['xclip', 'xsel'] });
  });

  it('gives up on a command that hangs, within its time limit', async () => {
    const stubs = stubFolder({ pbcopy: 'hang' });
    const result = await copyText(
      TEXT,
      {},
      { platform: 'darwin', searchDirs: [stubs.bin], out: terminal(), timeoutMs: 300 },
    );
    expect(result).toEqual({ method: 'osc52', failed: ['pbcopy'] });
  });

  it('skips a file that is not executable', async () => {
    const stubs = stubFolder({ xclip: 'not-executable' });
    const result = await copyText(
      TEXT,
      { DISPLAY: ':0' },
      { platform: 'linux', searchDirs: [stubs.bin], out: terminal() },
    );
    expect(result).toEqual({ method: 'xsel', failed: [] });
    expect(stubs.ran('xclip')).toBe(false);
  });

  it('runs nothing from the current folder or PATH, even when told to look there', async () => {
    const stubs = stubFolder();
    const empty = mkdtempSync(join(tmpdir(), 'topup-clip-empty-'));
    process.chdir(stubs.bin);
    const env = { DISPLAY: ':0', WAYLAND_DISPLAY: 'w', PATH: `.:${stubs.bin}` };
    const searchDirs = ['.', '', '../bin', empty];
    expect(findCommand('xclip', searchDirs)).toBeUndefined();
    const out = terminal();
    expect(await copyText(TEXT, env, { platform: 'linux', searchDirs, out })).toEqual({
      method: 'osc52',
      failed: [],
    });
    expect(await copyText(TEXT, env, { platform: 'darwin', searchDirs, out })).toEqual({
      method: 'osc52',
      failed: [],
    });
    // The system's own folders, with a PATH and a current folder full of stubs: none of the stubs runs.
    await copyText(TEXT, env, { platform: 'linux', out, timeoutMs: 2000 });
    expect(stubs.ranAny()).toBe(false);
  });
});

describe('copyNotice', () => {
  const results: CopyResult[] = [
    { method: 'pbcopy', failed: [] },
    { method: 'wl-copy', failed: [] },
    { method: 'xclip', failed: [] },
    { method: 'xsel', failed: ['xclip'] },
    { method: 'clip', failed: [] },
    { method: 'osc52', failed: [] },
    { method: 'none', failed: [] },
  ];

  it.each(['en', 'ko'] as const)('says how the text was copied (%s)', (lang) => {
    const content = contentFor(lang);
    const notices = results.map((result) => copyNotice(result, content));
    expect(new Set(notices).size).toBe(results.length);
    for (const [index, command] of ['pbcopy', 'wl-copy', 'xclip', 'xsel', 'clip.exe'].entries()) {
      expect(notices[index]).toContain(command);
    }
    expect(notices[5]).toContain('OSC 52');
    for (const notice of notices) expect(notice).not.toMatch(/\{[a-z]+\}/);
  });

  it('says in both languages that nothing can copy here: select the text on screen, or find it in --print', () => {
    expect(copyNotice({ method: 'none', failed: [] }, contentFor('en'))).toBe(
      'No way of copying can work here: select the text on screen with the mouse, or find it in openai-topup --print.',
    );
    expect(copyNotice({ method: 'none', failed: [] }, contentFor('ko'))).toBe(
      '여기서는 복사할 방법이 없습니다. 화면의 글자를 마우스로 선택하거나 openai-topup --print 출력에서 찾으세요.',
    );
  });
});
