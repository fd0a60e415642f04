import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGit, findRepositoryRoot, gitFileStatus } from '../../src/system/git.js';

const temp = (prefix = 'topup-git-') => realpathSync(mkdtempSync(join(tmpdir(), prefix)));
const realGit = () => execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** A fresh repository (real `git init`), with the given files written. */
function repository(files: Record<string, string> = {}): string {
  const root = temp('topup-repo-');
  execFileSync('git', ['init', '-q', root]);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

/** A folder holding an executable `git` script. */
function fakeGit(script: string, dir = temp('topup-bin-')): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'git');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return dir;
}

describe('finding the repository', () => {
  it('walks up from a nested folder to the one holding .git', async () => {
    const root = repository({ 'app/src/x.txt': 'x' });
    expect(await findRepositoryRoot(join(root, 'app', 'src'))).toBe(root);
    expect(await findRepositoryRoot(root)).toBe(root);
  });

  it('takes a .git file as worktrees and submodules have', async () => {
    const root = temp();
    writeFileSync(join(root, '.git'), 'gitdir: /elsewhere.invalid/.git/worktrees/x\n');
    mkdirSync(join(root, 'sub'));
    expect(await findRepositoryRoot(join(root, 'sub'))).toBe(root);
  });

  it('is undefined outside any repository', async () => {
    expect(await findRepositoryRoot(temp())).toBeUndefined();
  });
});

describe('finding git', () => {
  it('skips empty and relative PATH entries, which mean the current folder', async () => {
    const root = repository();
    // A relative entry that does lead to a git (from the current folder): still not taken.
    const relativeBin = relative(process.cwd(), fakeGit('exit 0'));
    expect(await findGit(relativeBin, root)).toBeUndefined();
    expect(await findGit(['', '.', relativeBin, realGit().replace(/\/git$/, '')].join(':'), root)).toBe(
      realGit(),
    );
  });

  it('never takes a git inside the repository, even when it comes first on PATH', async () => {
    const root = repository();
    const inside = fakeGit('exit 0', join(root, 'tools'));
    const found = await findGit(`${inside}:${realGit().replace(/\/git$/, '')}`, root);
    expect(found).toBe(realGit());
  });

  it('is undefined when no usable git is on PATH', async () => {
    const root = repository();
    const notExecutable = temp('topup-bin-');
    writeFileSync(join(notExecutable, 'git'), '#!/bin/sh\n');
    chmodSync(join(notExecutable, 'git'), 0o644);
    expect(await findGit(`${notExecutable}:${temp()}`, root)).toBeUndefined();
    expect(await findGit(undefined, root)).toBeUndefined();
  });
});

describe('asking git about a file', () => {
  const ask = async (root: string, file: string, env: NodeJS.ProcessEnv = process.env) => {
    const git = await findGit(env.PATH, root);
    if (!git) throw new Error('no git on PATH');
    return gitFileStatus({ git, root, file: join(root, file), env });
  };

  it('says a tracked file is tracked', async () => {
    const root = repository({ '.env': 'OPENAI_API_KEY=sk-proj-FAKE\n' });
    execFileSync('git', ['-C', root, 'add', '.env']);
    expect(await ask(root, '.env')).toEqual({ kind: 'tracked' });
  });

  it('names the pattern that ignores a file', async () => {
    const root = repository({ '.gitignore': 'node_modules\n.env\n' });
    expect(await ask(root, '.env')).toEqual({
      kind: 'ignored',
      source: '.gitignore',
      line: 2,
      pattern: '.env',
    });
  });

  it('reports a negation, which keeps the file in git on purpose', async () => {
    const root = repository({ '.gitignore': '.env\n', 'app/.gitignore': '!.env\n' });
    expect(await ask(root, 'app/.env')).toEqual({
      kind: 'negated',
      source: 'app/.gitignore',
      line: 1,
      pattern: '!.env',
    });
  });

  it('says not-ignored when no pattern matches', async () => {
    const root = repository({ '.gitignore': 'dist\n' });
    expect(await ask(root, '.env')).toEqual({ kind: 'not-ignored' });
  });

  it('reads a folder name with * in it literally', async () => {
    const root = repository({ 'a*/x': '', 'ab/.env': '' });
    execFileSync('git', ['-C', root, 'add', 'ab/.env']);
    expect(await ask(root, 'a*/.env')).toEqual({ kind: 'not-ignored' });
    expect(await ask(root, 'ab/.env')).toEqual({ kind: 'tracked' });
  });

  it('never runs the command a repository sets as core.fsmonitor', async () => {
    const root = repository({ 'x.txt': 'x' });
    const marker = join(temp(), 'fsmonitor-ran');
    execFileSync('git', ['-C', root, 'config', 'core.fsmonitor', `touch '${marker}'; false`]);
    execFileSync('git', ['-C', root, 'add', 'x.txt']);
    // The premise: plain git does run it.
    execFileSync('git', ['-C', root, 'ls-files'], { stdio: 'ignore' });
    expect(existsSync(marker)).toBe(true);
    execFileSync('rm', [marker]);

    expect((await ask(root, '.env')).kind).toBe('not-ignored');
    expect((await ask(root, 'x.txt')).kind).toBe('tracked');
    expect(existsSync(marker)).toBe(false);
  });

  it('ignores GIT_DIR and friends from the environment', async () => {
    const root = repository({ '.gitignore': '.env\n' });
    const other = repository();
    const env = { ...process.env, GIT_DIR: join(other, '.git'), GIT_WORK_TREE: other };
    expect((await ask(root, '.env', env)).kind).toBe('ignored');
  });

  it('gives up on a git that does not answer in time', async () => {
    const root = repository();
    const slow = join(fakeGit('exec sleep 30'), 'git');
    const started = Date.now();
    const status = await gitFileStatus({ git: slow, root, file: join(root, '.env'), timeoutMs: 200 });
    expect(status).toEqual({ kind: 'failed', reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("reports git's own complaint as a failure, on one clean line", async () => {
    const root = repository();
    const broken = join(fakeGit('printf "fatal: \\033[31mbroken\\033[0m\\n" >&2; exit 128'), 'git');
    expect(await gitFileStatus({ git: broken, root, file: join(root, '.env') })).toEqual({
      kind: 'failed',
      reason: 'fatal: broken',
    });
  });
});
