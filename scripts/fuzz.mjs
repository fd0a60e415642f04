// `npm run fuzz`: the property tests of test/fuzz with many more cases than `npm test` runs (FUZZ_SCALE
// times as many, 20 unless set) and a seed of their own, printed (FUZZ_SEED=… replays one). Extra
// arguments go to vitest, e.g. `npm run fuzz -- test/fuzz/server-answers.test.ts --maxWorkers=1`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
const args = process.argv.slice(2);
const files = args.some((arg) => !arg.startsWith('-')) ? [] : ['test/fuzz'];
const result = spawnSync(process.execPath, [vitest, 'run', ...files, ...args], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_SCALE: process.env.FUZZ_SCALE ?? '20' },
});
process.exit(result.status ?? 1);
