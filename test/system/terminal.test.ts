import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/system/terminal.js';
import { openTraceFile, traceFileName } from '../../src/system/trace-file.js';

describe('the colour decision', () => {
  const term = { TERM: 'xterm-256color' };
  it.each<[string, NodeJS.ProcessEnv, boolean, number]>([
    ['a 256-colour terminal', term, true, 2],
    ['the same with CI=true', { ...term, CI: 'true' }, true, 2],
    ['the same with a CI_ variable', { ...term, CI_JOB_ID: '1' }, true, 2],
    ['a basic xterm', { TERM: 'xterm' }, true, 1],
    ['no TERM at all (a terminal all the same)', {}, true, 1],
    ['COLORTERM=truecolor', { ...term, COLORTERM: 'truecolor' }, true, 3],
    ['COLORTERM=24bit', { TERM: 'xterm', COLORTERM: '24bit' }, true, 3],
    ['FORCE_COLOR=1 names the level', { ...term, FORCE_COLOR: '1' }, true, 1],
    ['FORCE_COLOR=3', { TERM: 'xterm', FORCE_COLOR: '3' }, true, 3],
    ['FORCE_COLOR=9 is at most 3', { TERM: 'xterm', FORCE_COLOR: '9' }, true, 3],
    ['FORCE_COLOR= (empty) is basic', { TERM: 'xterm', FORCE_COLOR: '' }, true, 1],
    ['NO_COLOR=1', { ...term, NO_COLOR: '1' }, true, 0],
    ['NO_COLOR= (empty) does not count', { ...term, NO_COLOR: '' }, true, 2],
    ['NO_COLOR beats FORCE_COLOR', { ...term, NO_COLOR: '1', FORCE_COLOR: '3' }, true, 0],
    ['FORCE_COLOR=0', { ...term, FORCE_COLOR: '0' }, true, 0],
    ['FORCE_COLOR=false', { ...term, FORCE_COLOR: 'false' }, true, 0],
    ['TERM=dumb', { TERM: 'dumb' }, true, 0],
    ['stdout not a terminal', term, false, 0],
  ])('%s → %i', (_name, env, tty, level) => {
    expect(colorLevel(env, tty)).toBe(level);
  });
});

describe('the --debug trace file', () => {
  it('is created fresh, for the user only, and takes lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-trace-unit-'));
    const opened = openTraceFile(dir, 4242, new Date('2026-11-29T01:02:03.456Z'));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.file.path).toBe(join(dir, 'openai-topup-debug-2026-11-29T01-02-03-456Z-4242.log'));
    expect(statSync(opened.file.path).mode & 0o777).toBe(0o600);
    opened.file.write('→ POST http://127.0.0.1:1/v1/chat/completions');
    opened.file.close();
    opened.file.write('after close: dropped');
    const text = readFileSync(opened.file.path, 'utf8');
    expect(text).toMatch(/^\S+ → POST http:\/\/127\.0\.0\.1:1\/v1\/chat\/completions\n$/);
  });

  it('never opens a file already there (a planted file or link): it says why instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-trace-unit-'));
    const now = new Date('2026-11-29T01:02:03.456Z');
    writeFileSync(join(dir, traceFileName(7, now)), 'planted');
    const opened = openTraceFile(dir, 7, now);
    expect(opened).toMatchObject({ ok: false, reason: 'EEXIST' });
    expect(readFileSync(join(dir, traceFileName(7, now)), 'utf8')).toBe('planted');
  });
});
