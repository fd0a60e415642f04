import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/**
 * The team file's JSON Schema, the one asset the bundle does not hold (editors read it). 'when-present' until
 * assets/team.schema.json lands in the repository; then set 'required', and the package must ship it.
 */
const TEAM_SCHEMA = 'required' as 'required' | 'when-present';

/** npm with a private cache and no update check, so that tests touch nothing of the user's. */
async function npm(args: readonly string[], cwd: string) {
  const cache = mkdtempSync(join(tmpdir(), 'topup-npm-cache-'));
  return run('npm', [...args], {
    cwd,
    env: {
      ...process.env,
      npm_config_cache: cache,
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
    maxBuffer: 10 * 1024 * 1024,
  });
}

describe('the published package', () => {
  it('packs exactly the bundle, the package.json, the README, the changelog and the licence', async () => {
    // --ignore-scripts: the prepack build would empty dist/ under the other tests.
    const { stdout } = await npm(['pack', '--dry-run', '--json', '--ignore-scripts'], root);
    const [packed] = JSON.parse(stdout) as [{ files: { path: string; mode: number }[] }];
    const paths = packed.files.map((file) => file.path).sort();
    // The build writes which files it made: the package holds those and nothing else of dist/.
    const meta = JSON.parse(readFileSync(join(root, 'build-meta.json'), 'utf8')) as { outputs: object };
    const built = Object.keys(meta.outputs).filter((path) => /\.c?js$/.test(path));
    const schema = existsSync(join(root, 'assets/team.schema.json'));
    if (TEAM_SCHEMA === 'required') expect(schema, 'assets/team.schema.json').toBe(true);
    expect(paths).toEqual(
      [
        ...built,
        'assets/guide/en.json',
        'assets/guide/ko.json',
        ...(schema ? ['assets/team.schema.json'] : []),
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'package.json',
      ].sort(),
    );
    for (const path of paths)
      expect(path).toMatch(
        /^(dist\/(cli\.js|openai-topup\.cjs|chunks\/[\w-]+\.c?js)|[\w./-]+\.(md|json)|LICENSE)$/,
      );
    expect(packed.files.find((file) => file.path === 'dist/openai-topup.cjs')?.mode).toBe(0o755);
  });

  it('runs nothing on install, and every script that needs the build makes it', () => {
    const scripts: Record<string, string> = pkg.scripts;
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'preprepare', 'postprepare']) {
      expect(scripts, hook).not.toHaveProperty(hook);
    }
    // A fresh clone has no dist/: each way in builds it first (.ci/run runs npm test).
    expect(scripts.start).toMatch(/^node scripts\/build\.mjs && /);
    expect(scripts.test).toContain('npm run build &&');
    expect(scripts.bench).toMatch(/^npm run build && /);
    expect(scripts.prepack).toBe('node scripts/build.mjs');
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('says where it comes from, with a changelog for this version', () => {
    expect(pkg.repository.url).toMatch(/^git\+https:\/\/github\.com\/[\w-]+\/openai-topup\.git$/);
    expect(pkg.homepage).toMatch(/^https:\/\/github\.com\/[\w-]+\/openai-topup#readme$/);
    expect(pkg.bugs.url).toMatch(/^https:\/\/github\.com\/[\w-]+\/openai-topup\/issues$/);
    expect(pkg.keywords).toEqual(expect.arrayContaining(['openai', 'cli']));
    expect(pkg.author).not.toBe('');
    expect(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).toContain(`## [${pkg.version}]`);
  });

  it('installs globally from the tarball without a warning, and runs without the source tree', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'topup-pack-'));
    const { stdout } = await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root);
    const [{ filename }] = JSON.parse(stdout) as [{ filename: string }];
    const prefix = join(dir, 'prefix');
    const installed = await npm(['install', '-g', '--offline', '--prefix', prefix, join(dir, filename)], dir);
    expect(installed.stderr).not.toMatch(/warn|script/i);
    const bin = join(prefix, 'bin', 'openai-topup');
    const env = { PATH: process.env.PATH, HOME: dir, LANG: 'en_US.UTF-8' };
    expect((await run(bin, ['--version'], { env, cwd: dir })).stdout).toBe(`${pkg.version}\n`);
    expect((await run(bin, ['help'], { env, cwd: dir })).stdout).toContain('Exit codes:');
    // The guide's text and pictures come from the bundle: the package has no assets/ folder.
    expect((await run(bin, ['--print', '--lang', 'ko'], { env, cwd: dir })).stdout).toContain('ORGANIZATION');
  });
});
