// npm run screens: rewrites every golden screen (test/golden/), every picture (docs/screens/) and the
// README's section of pictures in one go. Builds dist/, clears both folders (so a walk or picture that is
// gone leaves no file behind), then runs the golden suite with SCREENS_UPDATE=1, which captures every walk in a
// pseudo-terminal and writes what it saw. The suite still checks the rules and the list of known failures:
// when those disagree it says so (and this exits non-zero), but the files are written all the same.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args, env = {}) =>
  spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    shell: process.platform === 'win32',
  });

const build = run('npm', ['run', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);
for (const [folder, ext] of [
  ['test/golden', '.txt'],
  ['docs/screens', '.svg'],
]) {
  mkdirSync(join(root, folder), { recursive: true });
  for (const name of readdirSync(join(root, folder)))
    if (name.endsWith(ext)) rmSync(join(root, folder, name));
}
const suite = run('npx', ['vitest', 'run', 'test/e2e/golden.test.ts'], { SCREENS_UPDATE: '1' });
process.exit(suite.status ?? 1);
