import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { parse } from 'dotenv';
import { describe, expect, it } from 'vitest';
import en from '../../assets/guide/en.json' with { type: 'json' };
import { contentFor } from '../../src/content/content.js';
import {
  type ApplyResult,
  applyEnvFile,
  type EnvPlan,
  type EnvRefusal,
  type PlanRequest,
  type PlanResult,
  planEnvFile,
} from '../../src/store/env-file.js';
import { envFileSentences } from '../../src/store/env-file-text.js';
import { nodeFs, type StoreFs } from '../../src/store/file-system.js';

const KEY = 'sk-proj-FAKEenvFILEkey000000000000000000000000SeCr';
const OLD = 'sk-proj-FAKEoldKEY0000000000000000000000000000OlDd';

const folder = (prefix = 'topup-env-') => realpathSync(mkdtempSync(join(tmpdir(), prefix)));
const bytes = (path: string) => readFileSync(path);
const mode = (path: string) => statSync(path).mode & 0o777;
const failure = (code: string) => Object.assign(new Error(`injected ${code}`), { code });

/** A fresh repository (real `git init`) with the given files. */
function repository(files: Record<string, string> = {}): string {
  const root = folder('topup-env-repo-');
  execFileSync('git', ['init', '-q', root]);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

async function planned(request: PlanRequest): Promise<EnvPlan> {
  const plan = await planEnvFile(request);
  if (plan.kind !== 'plan') throw new Error(`expected a plan, got ${JSON.stringify(plan)}`);
  return plan;
}

/** Everything a caller could print: nothing of it may hold the key. */
function expectNoKey(value: PlanResult | ApplyResult): void {
  for (const text of [
    JSON.stringify(value),
    inspect(value, { depth: 10, showHidden: true }),
    ...envFileSentences(value, contentFor('en')),
    ...envFileSentences(value, contentFor('ko')),
  ]) {
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(KEY.slice(8, -4));
  }
}

/** The real file system, with writes to paths matching `target` failing with `code`. */
function failingWrites(code: string, target: RegExp): StoreFs {
  const paths = new WeakMap<FileHandle, string>();
  return {
    ...nodeFs,
    open: async (path, flags, fileMode) => {
      const handle = await nodeFs.open(path, flags, fileMode);
      paths.set(handle, path);
      return handle;
    },
    write: async (handle, data) => {
      if (target.test(paths.get(handle) ?? '')) throw failure(code);
      return nodeFs.write(handle, data);
    },
  };
}

describe('a new .env', () => {
  it('lists what it will write, then creates it with mode 0600 and only the key line', async () => {
    const dir = folder();
    const plan = await planned({ dir, key: KEY });
    expect(plan).toMatchObject({
      kind: 'plan',
      dir,
      envPath: join(dir, '.env'),
      envExists: false,
      writes: [join(dir, '.env')],
      names: ['OPENAI_API_KEY'],
      replaces: [],
      existingKey: false,
      maskedKey: 'sk-proj-…SeCr',
    });
    expect(plan.gitignore).toBeUndefined();
    expect(plan.repository).toBeUndefined();
    expect(existsSync(join(dir, '.env'))).toBe(false);
    expectNoKey(plan);

    const result = await applyEnvFile(plan, { replaceExistingKey: false });
    expect(result).toMatchObject({ kind: 'written', created: true, written: [join(dir, '.env')] });
    expectNoKey(result);
    expect(bytes(join(dir, '.env')).toString()).toBe(`OPENAI_API_KEY=${KEY}\n`);
    expect(mode(join(dir, '.env'))).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('is refused, not overwritten, when a .env appears between the plan and the yes', async () => {
    const dir = folder();
    const plan = await planned({ dir, key: KEY });
    writeFileSync(join(dir, '.env'), 'MINE=1\n');
    expect(await applyEnvFile(plan, { replaceExistingKey: true })).toMatchObject({
      kind: 'refused',
      reason: 'changed',
    });
    expect(bytes(join(dir, '.env')).toString()).toBe('MINE=1\n');
  });

  it('is created exclusively: one that appears after the last look is still not overwritten', async () => {
    const dir = folder();
    const envPath = join(dir, '.env');
    // The file appears at the last possible moment, just before the exclusive open.
    const racing: StoreFs = {
      ...nodeFs,
      open: async (path, flags, fileMode) => {
        if (path === envPath && fileMode === 0o600) writeFileSync(path, 'RACED=1\n');
        return nodeFs.open(path, flags, fileMode);
      },
    };
    const plan = await planned({ dir, key: KEY, fs: racing });
    expect(await applyEnvFile(plan, { replaceExistingKey: true })).toMatchObject({
      kind: 'refused',
      reason: 'changed',
    });
    expect(bytes(envPath).toString()).toBe('RACED=1\n');
  });

  it('adds the gateway and project when asked, read back exactly by dotenv and by the shell', async () => {
    const dir = folder();
    const extra = { baseUrl: 'https://gw.test/v1?team=a&x=$HOME#frag', projectId: 'proj_FAKE123' };
    const plan = await planned({ dir, key: KEY, extra });
    expect(plan.names).toEqual(['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_PROJECT_ID']);
    await applyEnvFile(plan, { replaceExistingKey: false });
    const file = join(dir, '.env');
    expect(parse(bytes(file))).toEqual({
      OPENAI_API_KEY: KEY,
      OPENAI_BASE_URL: extra.baseUrl,
      OPENAI_PROJECT_ID: extra.projectId,
    });
    const shell = execFileSync(
      'sh',
      [
        '-c',
        'set -a; . ./.env; printf "%s\\n%s\\n%s" "$OPENAI_API_KEY" "$OPENAI_BASE_URL" "$OPENAI_PROJECT_ID"',
      ],
      { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: '/home/someone.invalid' } },
    );
    expect(shell).toBe(`${KEY}\n${extra.baseUrl}\n${extra.projectId}`);
  });

  it('refuses a value no form can write safely, naming the variable and not the value', async () => {
    const dir = folder();
    const refused = await planEnvFile({ dir, key: KEY, extra: { baseUrl: "https://gw.test/it's here" } });
    expect(refused).toMatchObject({ kind: 'refused', reason: 'badValue', detail: 'OPENAI_BASE_URL' });
    const badKey = await planEnvFile({ dir, key: `${KEY} x` });
    expect(badKey).toMatchObject({ kind: 'refused', reason: 'badValue', detail: 'OPENAI_API_KEY' });
    expectNoKey(badKey);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('an existing .env', () => {
  const ALL_KINDS = [
    '\u00ef\u00bb\u00bf# my project\r\n',
    'DATABASE_URL="postgres://u:p@localhost/db"\r\n',
    '\n',
    "export NAME='single quoted'\r\n",
    `OPENAI_API_KEY = "${OLD}"   # work key\r\n`,
    'MULTI="one\ntwo"\n',
    'LAST=1',
  ].join('');

  it('keeps every other byte: BOM, CRLF and LF mixed, comments, quotes, no final newline', async () => {
    const dir = folder();
    const file = join(dir, '.env');
    writeFileSync(file, Buffer.from(ALL_KINDS, 'latin1'), { mode: 0o644 });
    chmodSync(file, 0o644);
    const plan = await planned({ dir, key: KEY });
    expect(plan).toMatchObject({
      envExists: true,
      existingKey: true,
      replaces: ['OPENAI_API_KEY'],
      adds: [],
      keyLines: 1,
      modeFrom: 0o644,
    });
    expectNoKey(plan);
    const result = await applyEnvFile(plan, { replaceExistingKey: true });
    expect(result).toMatchObject({
      kind: 'written',
      created: false,
      replaced: ['OPENAI_API_KEY'],
      modeChanged: true,
    });
    expect(bytes(file).toString('latin1')).toBe(ALL_KINDS.replace(`"${OLD}"`, KEY));
    expect(mode(file)).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['.env']);
    expect(parse(bytes(file)).DATABASE_URL).toBe('postgres://u:p@localhost/db');
  });

  it('adds the key at the end, in the file’s own line ending, keeping a missing final newline', async () => {
    const dir = folder();
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\r\nB=2', { mode: 0o600 });
    const plan = await planned({ dir, key: KEY });
    expect(plan).toMatchObject({ existingKey: false, replaces: [], adds: ['OPENAI_API_KEY'] });
    expect(plan.modeFrom).toBeUndefined();
    await applyEnvFile(plan, { replaceExistingKey: false });
    expect(bytes(file).toString()).toBe(`A=1\r\nB=2\r\nOPENAI_API_KEY=${KEY}`);
  });

  it.each([
    ['export', `export OPENAI_API_KEY=${OLD}\n`, `export OPENAI_API_KEY=${KEY}\n`],
    ['spaced and quoted', `OPENAI_API_KEY = "${OLD}"\n`, `OPENAI_API_KEY = ${KEY}\n`],
    ['single quotes', `OPENAI_API_KEY='${OLD}'\n`, `OPENAI_API_KEY=${KEY}\n`],
  ])('replaces a key line written with %s, in place', async (_name, before, after) => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), `A=1\n${before}B=2\n`);
    const plan = await planned({ dir, key: KEY });
    expect(plan.existingKey).toBe(true);
    await applyEnvFile(plan, { replaceExistingKey: true });
    expect(bytes(join(dir, '.env')).toString()).toBe(`A=1\n${after}B=2\n`);
  });

  it('without its own yes, keeps the key line and changes nothing at all', async () => {
    const dir = folder();
    const file = join(dir, '.env');
    writeFileSync(file, `OPENAI_API_KEY=${OLD}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    const before = lstatSync(file);
    const plan = await planned({ dir, key: KEY });
    const result = await applyEnvFile(plan, { replaceExistingKey: false });
    expect(result).toEqual({ kind: 'kept', envPath: file, kept: ['OPENAI_API_KEY'] });
    expect(bytes(file).toString()).toBe(`OPENAI_API_KEY=${OLD}\n`);
    expect(lstatSync(file)).toMatchObject({ ino: before.ino, mode: before.mode, mtimeMs: before.mtimeMs });
  });

  it('replaces the last of several OPENAI_API_KEY lines, the one dotenv, python-dotenv and the shell use', async () => {
    const dir = folder();
    const file = join(dir, '.env');
    writeFileSync(file, `OPENAI_API_KEY=${OLD}\nA=1\nOPENAI_API_KEY=sk-proj-FAKEsecond\n`);
    const plan = await planned({ dir, key: KEY });
    expect(plan.keyLines).toBe(2);
    expect(envFileSentences(plan, contentFor('en')).join('\n')).toContain('only the last');
    await applyEnvFile(plan, { replaceExistingKey: true });
    expect(bytes(file).toString()).toBe(`OPENAI_API_KEY=${OLD}\nA=1\nOPENAI_API_KEY=${KEY}\n`);
    expect(parse(bytes(file)).OPENAI_API_KEY).toBe(KEY);
    const shell = execFileSync('sh', ['-c', '. ./.env; printf %s "$OPENAI_API_KEY"'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(shell).toBe(KEY);
  });

  it('replaces an existing gateway line under the same yes', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), 'OPENAI_BASE_URL=https://old.test/v1\n');
    const plan = await planned({ dir, key: KEY, extra: { baseUrl: 'https://new.test/v1' } });
    expect(plan).toMatchObject({
      replaces: ['OPENAI_BASE_URL'],
      adds: ['OPENAI_API_KEY'],
      existingKey: false,
    });
    expect(await applyEnvFile(plan, { replaceExistingKey: false })).toMatchObject({ kind: 'kept' });
    await applyEnvFile(plan, { replaceExistingKey: true });
    expect(bytes(join(dir, '.env')).toString()).toBe(
      `OPENAI_BASE_URL=https://new.test/v1\nOPENAI_API_KEY=${KEY}\n`,
    );
  });

  it('is refused when it changed after the plan', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), 'A=1\n');
    const plan = await planned({ dir, key: KEY });
    writeFileSync(join(dir, '.env'), `A=1\nOPENAI_API_KEY=${OLD}\n`);
    expect(await applyEnvFile(plan, { replaceExistingKey: false })).toMatchObject({
      kind: 'refused',
      reason: 'changed',
    });
    expect(bytes(join(dir, '.env')).toString()).toBe(`A=1\nOPENAI_API_KEY=${OLD}\n`);
  });

  it('is refused for a plan it did not make', async () => {
    const dir = folder();
    const plan = await planned({ dir, key: KEY });
    expect(await applyEnvFile({ ...plan }, { replaceExistingKey: true })).toMatchObject({
      reason: 'changed',
    });
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });
});

describe('what is refused, with nothing changed', () => {
  it.each([
    ['a folder', (file: string) => mkdirSync(file), 'envFolder'],
    ['a symlink to a file', (file: string) => symlinkSync(join(file, '..', 'target'), file), 'envSymlink'],
    ['a dangling symlink', (file: string) => symlinkSync('/nowhere.invalid/x', file), 'envSymlink'],
    [
      'a hard link',
      (file: string) => {
        writeFileSync(join(file, '..', 'other'), 'A=1\n');
        linkSync(join(file, '..', 'other'), file);
      },
      'envHardLink',
    ],
    ['a FIFO', (file: string) => execFileSync('mkfifo', [file]), 'envSpecial'],
  ] as const)('.env is %s', async (_name, make, reason) => {
    const dir = folder();
    writeFileSync(join(dir, 'target'), 'TARGET=1\n');
    make(join(dir, '.env'));
    const before = readdirSync(dir).sort();
    const plan = await planEnvFile({ dir, key: KEY });
    expect(plan).toMatchObject({ kind: 'refused', reason, path: join(dir, '.env') });
    expectNoKey(plan);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(bytes(join(dir, 'target')).toString()).toBe('TARGET=1\n');
    expect(envFileSentences(plan, contentFor('en'))).toHaveLength(1);
  });

  it('says what a FIFO is, in words, without opening it', async () => {
    const dir = folder();
    execFileSync('mkfifo', [join(dir, '.env')]);
    const plan = await planEnvFile({ dir, key: KEY });
    expect(envFileSentences(plan, contentFor('en'))[0]).toContain('(FIFO)');
    expect(lstatSync(join(dir, '.env')).isFIFO()).toBe(true);
  });

  it.each(['EROFS', 'EACCES'])('a folder that cannot be written (%s): refused at the plan', async (code) => {
    const dir = folder();
    const fs: StoreFs = {
      ...nodeFs,
      access: async () => {
        throw failure(code);
      },
    };
    expect(await planEnvFile({ dir, key: KEY, fs })).toMatchObject({
      reason: 'readOnly',
      detail: code,
      path: dir,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a folder that turns read-only before the yes: refused at the write', async () => {
    const dir = folder();
    const fs: StoreFs = {
      ...nodeFs,
      open: async (path, flags, fileMode) => {
        if (fileMode !== undefined) throw failure('EROFS');
        return nodeFs.open(path, flags, fileMode);
      },
    };
    const plan = await planned({ dir, key: KEY, fs });
    expect(await applyEnvFile(plan, { replaceExistingKey: true })).toMatchObject({
      reason: 'readOnly',
      detail: 'EROFS',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a full disk while creating: no .env is left behind', async () => {
    const dir = folder();
    const plan = await planned({ dir, key: KEY, fs: failingWrites('ENOSPC', /\.env$/) });
    const result = await applyEnvFile(plan, { replaceExistingKey: true });
    expect(result).toMatchObject({ kind: 'refused', reason: 'diskFull', path: join(dir, '.env') });
    expectNoKey(result);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a full disk while replacing: the original is untouched and the temporary file removed', async () => {
    const dir = folder();
    const file = join(dir, '.env');
    writeFileSync(file, 'A=1\r\n', { mode: 0o644 });
    chmodSync(file, 0o644);
    const plan = await planned({ dir, key: KEY, fs: failingWrites('ENOSPC', /\.tmp$/) });
    expect(await applyEnvFile(plan, { replaceExistingKey: true })).toMatchObject({ reason: 'diskFull' });
    expect(bytes(file).toString()).toBe('A=1\r\n');
    expect(mode(file)).toBe(0o644);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('a rename that fails: the temporary file is removed', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), 'A=1\n');
    const fs: StoreFs = {
      ...nodeFs,
      rename: async () => {
        throw failure('EIO');
      },
    };
    const plan = await planned({ dir, key: KEY, fs });
    expect(await applyEnvFile(plan, { replaceExistingKey: true })).toMatchObject({
      reason: 'writeFailed',
      detail: 'EIO',
    });
    expect(readdirSync(dir)).toEqual(['.env']);
    expect(bytes(join(dir, '.env')).toString()).toBe('A=1\n');
  });

  it('a .env larger than any .env should be', async () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), Buffer.alloc(1024 * 1024 + 1, 0x41));
    expect(await planEnvFile({ dir, key: KEY })).toMatchObject({ reason: 'envTooLarge' });
  });

  it('a folder that does not exist', async () => {
    const dir = join(folder(), 'missing');
    expect(await planEnvFile({ dir, key: KEY })).toMatchObject({ reason: 'noFolder', path: dir });
  });
});

describe('git', () => {
  it('refuses a .env git already tracks: ignoring it would protect nothing', async () => {
    const root = repository({ '.env': 'A=1\n' });
    execFileSync('git', ['-C', root, 'add', '.env']);
    const plan = await planEnvFile({ dir: root, key: KEY });
    expect(plan).toMatchObject({ kind: 'refused', reason: 'tracked', path: join(root, '.env') });
    expect(envFileSentences(plan, contentFor('en'))[0]).toContain('git rm --cached .env');
    expect(bytes(join(root, '.env')).toString()).toBe('A=1\n');
    expect(existsSync(join(root, '.gitignore'))).toBe(false);
  });

  it('creates the .gitignore at the repository root for a folder inside it, and git then ignores .env', async () => {
    const root = repository();
    const dir = join(root, 'app', 'server');
    mkdirSync(dir, { recursive: true });
    const plan = await planned({ dir, key: KEY });
    expect(plan).toMatchObject({
      repository: root,
      gitignore: { path: join(root, '.gitignore'), exists: false },
      writes: [join(root, '.gitignore'), join(dir, '.env')],
    });
    const result = await applyEnvFile(plan, { replaceExistingKey: false });
    expect(result).toMatchObject({
      kind: 'written',
      gitignore: { path: join(root, '.gitignore'), created: true },
    });
    expect(bytes(join(root, '.gitignore')).toString()).toBe('.env\n');
    execFileSync('git', ['-C', root, 'check-ignore', '-q', 'app/server/.env']);
  });

  it('adds .env to an existing .gitignore once, never twice, keeping its endings and mode', async () => {
    const root = repository({ '.gitignore': 'dist\r\nnode_modules' });
    chmodSync(join(root, '.gitignore'), 0o640);
    const first = await planned({ dir: root, key: KEY });
    expect(first.gitignore).toEqual({ path: join(root, '.gitignore'), exists: true });
    await applyEnvFile(first, { replaceExistingKey: false });
    expect(bytes(join(root, '.gitignore')).toString()).toBe('dist\r\nnode_modules\r\n.env');
    expect(mode(join(root, '.gitignore'))).toBe(0o640);

    const second = await planned({ dir: root, key: KEY });
    expect(second.gitignore).toBeUndefined();
    expect(second.ignoredBy).toBe(join(root, '.gitignore'));
    expect(second.writes).toEqual([join(root, '.env')]);
    await applyEnvFile(second, { replaceExistingKey: true });
    expect(bytes(join(root, '.gitignore')).toString()).toBe('dist\r\nnode_modules\r\n.env');
  });

  it('refuses a repository that keeps .env in git on purpose (!.env)', async () => {
    const root = repository({ '.gitignore': '.env\n!.env\n' });
    expect(await planEnvFile({ dir: root, key: KEY })).toMatchObject({
      reason: 'negated',
      detail: '.gitignore:2: !.env',
    });
    expect(existsSync(join(root, '.env'))).toBe(false);
  });

  it.each([
    ['a symlink', (path: string) => symlinkSync('/nowhere.invalid/ignore', path), 'gitignoreSymlink'],
    ['a folder', (path: string) => mkdirSync(path), 'gitignoreSpecial'],
  ] as const)('refuses a .gitignore that is %s', async (_name, make, reason) => {
    const root = repository();
    make(join(root, '.gitignore'));
    expect(await planEnvFile({ dir: root, key: KEY })).toMatchObject({
      reason,
      path: join(root, '.gitignore'),
    });
    expect(existsSync(join(root, '.env'))).toBe(false);
  });

  it('refuses when git cannot be found to ask', async () => {
    const root = repository();
    const plan = await planEnvFile({ dir: root, key: KEY, env: { PATH: folder() } });
    expect(plan).toMatchObject({ reason: 'gitMissing', path: root });
    expect(readdirSync(root)).toEqual(['.git']);
  });

  it('never runs the command a cloned repository sets as core.fsmonitor', async () => {
    const root = repository({ 'x.txt': 'x' });
    const marker = join(folder(), 'fsmonitor-ran');
    execFileSync('git', ['-C', root, 'config', 'core.fsmonitor', `touch '${marker}'; false`]);
    execFileSync('git', ['-C', root, 'add', 'x.txt']);
    execFileSync('rm', ['-f', marker]);
    const plan = await planned({ dir: root, key: KEY });
    await applyEnvFile(plan, { replaceExistingKey: false });
    expect(existsSync(join(root, '.env'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('undoes the .gitignore it created when the .env then cannot be written', async () => {
    const root = repository();
    const plan = await planned({ dir: root, key: KEY, fs: failingWrites('ENOSPC', /\.env$/) });
    expect(await applyEnvFile(plan, { replaceExistingKey: false })).toMatchObject({ reason: 'diskFull' });
    expect(readdirSync(root)).toEqual(['.git']);
  });

  it('puts an existing .gitignore back, byte for byte, when the .env then cannot be written', async () => {
    const root = repository({ '.gitignore': 'dist\r\n', '.env': 'A=1\n' });
    const plan = await planned({
      dir: root,
      key: KEY,
      fs: failingWrites('ENOSPC', /\.env\.[0-9]+\.[0-9a-f]+\.tmp$/),
    });
    expect(await applyEnvFile(plan, { replaceExistingKey: false })).toMatchObject({ reason: 'diskFull' });
    expect(bytes(join(root, '.gitignore')).toString()).toBe('dist\r\n');
    expect(bytes(join(root, '.env')).toString()).toBe('A=1\n');
    expect(readdirSync(root).sort()).toEqual(['.env', '.git', '.gitignore']);
  });
});

describe('the sentences', () => {
  it('list every file with its full path, and the key only masked, in both languages', async () => {
    const root = repository();
    writeFileSync(join(root, '.env'), `OPENAI_API_KEY=${OLD}\n`, { mode: 0o644 });
    chmodSync(join(root, '.env'), 0o644);
    const plan = await planned({ dir: root, key: KEY });
    for (const locale of ['en', 'ko'] as const) {
      const lines = envFileSentences(plan, contentFor(locale));
      const all = lines.join('\n');
      expect(all).toContain(join(root, '.gitignore'));
      expect(all).toContain(join(root, '.env'));
      expect(all).toContain('sk-proj-…SeCr');
      expect(all).toContain('644');
      expect(all).not.toMatch(/\{[a-zA-Z]+\}/);
    }
    const done = await applyEnvFile(plan, { replaceExistingKey: true });
    expect(envFileSentences(done, contentFor('en')).join('\n')).toContain('now 600');
    expectNoKey(done);
  });

  it('have one complete line for every refusal, in both languages', () => {
    const reasons = Object.keys(en.envFile.refused).filter((name) => name !== 'leftChanged');
    for (const reason of reasons) {
      const refusal = { kind: 'refused', reason, path: '/p/.env', detail: 'fifo' } as EnvRefusal;
      for (const locale of ['en', 'ko'] as const) {
        const lines = envFileSentences(refusal, contentFor(locale));
        expect(lines, reason).toHaveLength(1);
        expect(lines[0], reason).not.toMatch(/\{[a-zA-Z]+\}/);
      }
    }
  });

  it('show a hostile folder name inert', () => {
    const refusal: EnvRefusal = {
      kind: 'refused',
      reason: 'envFolder',
      path: '/tmp/\u001b]0;pwned\u0007x/.env',
    };
    expect(envFileSentences(refusal, contentFor('en'))[0]).not.toMatch(/[\u0000-\u001f]/);
  });
});
