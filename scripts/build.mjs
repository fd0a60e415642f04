// Bundles the CLI into dist/, so that the published package has no runtime dependencies:
// - dist/openai-topup.cjs, the front door (the `openai-topup` command), CommonJS and small;
// - dist/chunks/check-main.cjs, `check` as one CommonJS file (no ES module loader for scripts and CI);
// - dist/cli.js, the ES module entry for every other command, plus lazily loaded chunks, so that the first
//   screen loads only what it needs.
import { chmod, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions, commonJsOptions } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(`${root}dist`, { recursive: true, force: true });
const [esm, bin, check] = await Promise.all([
  build({ ...bundleOptions(), absWorkingDir: root, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist' }),
  build({
    ...commonJsOptions(),
    absWorkingDir: root,
    entryPoints: ['src/bin.ts'],
    outfile: 'dist/openai-topup.cjs',
    external: ['./chunks/check-main.cjs', './cli.js'],
  }),
  build({
    ...commonJsOptions(),
    absWorkingDir: root,
    entryPoints: ['src/commands/check-main.ts'],
    outfile: 'dist/chunks/check-main.cjs',
    external: ['../cli.js'],
  }),
]);
// The command runs directly, as npm links it; so may the ES module entry.
await chmod(`${root}dist/openai-topup.cjs`, 0o755);
await chmod(`${root}dist/cli.js`, 0o755);
// Which module went into which file: the lazy-loading test and the benchmark read it.
const outputs = { ...esm.metafile.outputs, ...bin.metafile.outputs, ...check.metafile.outputs };
const inputs = { ...esm.metafile.inputs, ...bin.metafile.inputs, ...check.metafile.inputs };
await writeFile(`${root}build-meta.json`, JSON.stringify({ inputs, outputs }));
