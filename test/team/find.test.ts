import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTeamFile, gitRoot, readTeamFile } from '../../src/team/find.js';
import { TEAM_FILE_NAME } from '../../src/team/team-file.js';

const NAME = TEAM_FILE_NAME;
const dir = () => realpathSync(mkdtempSync(join(tmpdir(), 'topup-team-find-')));
const FILE = '{"name": "Acme", "payer": "self"}\n';

/** A repository root with a folder two levels down. */
function repo(gitEntry: 'folder' | 'file' = 'folder') {
  const root = dir();
  if (gitEntry === 'folder') mkdirSync(join(root, '.git'));
  else writeFileSync(join(root, '.git'), 'gitdir: /elsewhere/.git/worktrees/x\n');
  const deep = join(root, 'packages', 'app');
  mkdirSync(deep, { recursive: true });
  return { root, deep };
}

describe('findTeamFile', () => {
  it('finds the file in the current folder first', () => {
    const { root, deep } = repo();
    writeFileSync(join(root, NAME), FILE);
    writeFileSync(join(deep, NAME), FILE);
    expect(findTeamFile(deep)).toBe(join(deep, NAME));
  });

  it("else finds it in the git repository's root", () => {
    const { root, deep } = repo();
    writeFileSync(join(root, NAME), FILE);
    expect(gitRoot(deep)).toBe(root);
    expect(findTeamFile(deep)).toBe(join(root, NAME));
  });

  it('takes a .git file (a worktree or submodule) as the root too', () => {
    const { root, deep } = repo('file');
    writeFileSync(join(root, NAME), FILE);
    expect(findTeamFile(deep)).toBe(join(root, NAME));
  });

  it('finds nothing when neither place has the file', () => {
    const { deep } = repo();
    expect(findTeamFile(deep)).toBeUndefined();
    expect(findTeamFile(dir())).toBeUndefined();
  });

  it('does not look in folders between the current one and the root', () => {
    const { root, deep } = repo();
    writeFileSync(join(root, 'packages', NAME), FILE);
    expect(findTeamFile(deep)).toBeUndefined();
  });

  it('reports a folder at the path as found, so reading it can say why it is refused', () => {
    const cwd = dir();
    mkdirSync(join(cwd, NAME));
    expect(findTeamFile(cwd)).toBe(join(cwd, NAME));
  });
});

describe('readTeamFile', () => {
  it('reads a regular file, with the sha256 of its bytes', () => {
    const path = join(dir(), NAME);
    writeFileSync(path, FILE);
    expect(readTeamFile(path)).toEqual({
      ok: true,
      text: FILE,
      hash: createHash('sha256').update(FILE).digest('hex'),
    });
  });

  it('says when there is no file', () => {
    expect(readTeamFile(join(dir(), NAME))).toEqual({ ok: false, reason: 'missing' });
  });

  it('refuses a folder', () => {
    const path = join(dir(), NAME);
    mkdirSync(path);
    expect(readTeamFile(path)).toEqual({ ok: false, reason: 'not-file' });
  });

  it('refuses a FIFO without opening it (opening would wait for a writer forever)', () => {
    const path = join(dir(), NAME);
    execFileSync('mkfifo', [path]);
    expect(readTeamFile(path)).toEqual({ ok: false, reason: 'not-file' });
  });

  it('refuses a device', () => {
    expect(readTeamFile('/dev/zero')).toEqual({ ok: false, reason: 'not-file' });
  });

  it('refuses a symbolic link, even to a valid file', () => {
    const folder = dir();
    writeFileSync(join(folder, 'real.json'), FILE);
    symlinkSync(join(folder, 'real.json'), join(folder, NAME));
    expect(readTeamFile(join(folder, NAME))).toEqual({ ok: false, reason: 'symlink' });
  });

  it('refuses a symbolic link to a FIFO without opening it', () => {
    const folder = dir();
    execFileSync('mkfifo', [join(folder, 'pipe')]);
    symlinkSync(join(folder, 'pipe'), join(folder, NAME));
    expect(readTeamFile(join(folder, NAME))).toEqual({ ok: false, reason: 'symlink' });
  });

  it('reads a file of exactly 64 KB and refuses one byte more', () => {
    const path = join(dir(), NAME);
    writeFileSync(path, ' '.repeat(65_536));
    expect(readTeamFile(path).ok).toBe(true);
    writeFileSync(path, ' '.repeat(65_537));
    expect(readTeamFile(path)).toEqual({ ok: false, reason: 'too-large', size: 65_537, max: 65_536 });
  });

  it('refuses bytes that are not UTF-8', () => {
    const path = join(dir(), NAME);
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(readTeamFile(path)).toEqual({ ok: false, reason: 'not-utf8' });
  });

  it('keeps a byte order mark in the text and in the hash', () => {
    const path = join(dir(), NAME);
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FILE)]);
    writeFileSync(path, bytes);
    expect(readTeamFile(path)).toEqual({
      ok: true,
      text: `\uFEFF${FILE}`,
      hash: createHash('sha256').update(bytes).digest('hex'),
    });
  });
});
