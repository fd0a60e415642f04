/**
 * Colour, TERM=dumb and bracketed paste, as a real terminal sees the built CLI (npm run build first).
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PTY_KEYS, ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);
const TEAM_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'openai-topup.team.json');

/** An SGR sequence that sets a foreground or background colour (16, 256 or truecolor). */
const COLOUR = /\u001b\[(?:[0-9;]*;)?(?:3[0-7]|9[0-7]|4[0-7]|10[0-7]|[34]8;[25];[0-9;]+)m/;
/** Any SGR sequence: colour, bold, dim, inverse. */
const SGR = /\u001b\[[0-9;]*m/;
const PASTE_ON = '\u001b[?2004h';
const PASTE_OFF = '\u001b[?2004l';

describe('colour in a real terminal (80×24, TERM=xterm-256color)', () => {
  it.each([
    ['CI unset', undefined],
    ['CI=true', 'true'],
  ])('is on with %s, and Ink draws live', async (_name, ci) => {
    const run = start([], { ci });
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    // Live: the second screen is drawn while the program runs (in CI mode Ink would draw only at exit).
    await run.waitForText('2/14 Log in');
    expect(run.raw()).toMatch(COLOUR);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['FORCE_COLOR=0', { FORCE_COLOR: '0' }],
    ['NO_COLOR=1 and CI=true', { NO_COLOR: '1' }, 'true'],
  ])('is off with %s: no colour codes at all', async (_name, env, ci?: string) => {
    const run = start([], { env, ci });
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14 Log in');
    expect(run.raw()).not.toMatch(COLOUR);
    expect(run.raw()).not.toMatch(SGR);
  });

  it.each([
    ['en', 'click "Log in" at the top right'],
    ['ko', '"Log in"을'],
  ])('without colour a platform label stands out from its sentence (%s)', async (lang, text) => {
    const run = start(['--lang', lang], { env: { NO_COLOR: '1' }, rows: 40 });
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    const screen = await run.waitForText('2/14');
    expect(screen.replace(/\n/g, ' ')).toContain(text);
    // The picture marks the same label the same way, and its frame keeps its width.
    expect(screen).toMatch(/\["Log in"\]/);
    const frame = screen.split('\n').filter((line) => line.startsWith('│'));
    expect(new Set(frame.map((line) => [...line].length)).size).toBe(1);
  });
});

describe('TERM=dumb', () => {
  it('prints the guide and a line on running check, exits 0, and draws nothing', async () => {
    const run = start([], { env: { TERM: 'dumb' }, rows: 24 });
    const exit = await run.waitForExit();
    expect(exit.exitCode).toBe(0);
    const raw = run.raw();
    expect(raw).toContain('1. Top up your OpenAI API credit');
    expect(raw).toContain('TERM=dumb');
    expect(raw.trimEnd().split(/\r?\n/).at(-1)).toMatch(/the test call with: openai-topup check$/);
    expect(raw).not.toContain('\u001b');
  });

  it('with --demo: the line names check --demo', async () => {
    const run = start(['--demo'], { env: { TERM: 'dumb' }, rows: 24 });
    expect((await run.waitForExit()).exitCode).toBe(0);
    expect(run.raw().trimEnd().split(/\r?\n/).at(-1)).toMatch(/: openai-topup check --demo$/);
  });

  it('with a team file: the team’s guide, and the line names check --team with that file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-dumb-'));
    copyFileSync(TEAM_FIXTURE, join(dir, 'our team.json'));
    const run = start(['--team', 'our team.json', '--lang', 'en'], {
      env: { TERM: 'dumb' },
      rows: 24,
      cwd: dir,
    });
    const exit = await run.waitForExit();
    expect(exit.exitCode).toBe(0);
    const raw = run.raw();
    expect(raw).toContain('Team file in use: our team.json');
    expect(raw).toContain(`openai-topup check --team 'our team.json'`);
    expect(raw.trimEnd().split(/\r?\n/).at(-1)).toMatch(
      /the test call with: openai-topup check --team 'our team\.json'$/,
    );
  });
});

describe('bracketed paste', () => {
  /** Bracketed paste was on before the first screen, and the last word on it, after the end, is "off". */
  function pasteOnThenOff(raw: string, lastText: string) {
    expect(raw.indexOf(PASTE_ON)).toBeGreaterThanOrEqual(0);
    expect(raw.indexOf(PASTE_ON)).toBeLessThan(raw.indexOf('1/14'));
    expect(raw.lastIndexOf(PASTE_OFF)).toBeGreaterThan(raw.lastIndexOf(PASTE_ON));
    expect(raw.lastIndexOf(PASTE_OFF)).toBeGreaterThan(raw.lastIndexOf(lastText));
  }

  it('is on while the wizard runs and off after q', async () => {
    const run = start([]);
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14');
    run.write('q');
    expect((await run.waitForExit()).exitCode).toBe(0);
    pasteOnThenOff(run.raw(), 'Progress saved');
  });

  it('is off after Ctrl+C', async () => {
    const run = start([]);
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14');
    run.write(PTY_KEYS.ctrlC);
    expect((await run.waitForExit()).exitCode).toBe(130);
    pasteOnThenOff(run.raw(), 'Interrupted');
  });

  it('is off after SIGTERM', async () => {
    const run = start([]);
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14 Log in');
    process.kill(run.child.pid, 'SIGTERM');
    expect((await run.waitForExit()).exitCode).toBe(143);
    pasteOnThenOff(run.raw(), 'Log in');
  });

  it('is off after a SIGINT from outside (kill -INT, timeout -s INT): exit 130, as Ctrl+C', async () => {
    // In raw mode Ctrl+C is a key; a SIGINT can only come from another process.
    const run = start([]);
    await run.waitForText('1/14');
    run.write(PTY_KEYS.enter);
    await run.waitForText('2/14 Log in');
    process.kill(run.child.pid, 'SIGINT');
    expect((await run.waitForExit()).exitCode).toBe(130);
    pasteOnThenOff(run.raw(), 'Log in');
  });

  it('is never turned on outside the wizard (--print)', async () => {
    const run = start(['--print']);
    await run.waitForExit();
    expect(run.raw()).not.toContain(PASTE_ON);
  });
});
