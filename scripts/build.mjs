// Bundles the CLI into dist/: one ESM entry plus lazily loaded chunks, so that the first screen
// loads only what it needs and the published package has no runtime dependencies.
import { chmod, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from './esbuild-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

await rm(`${root}dist`, { recursive: true, force: true });
const result = await build({
  ...bundleOptions(),
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
});
// The bin runs directly, as npm links it.
await chmod(`${root}dist/cli.js`, 0o755);
// Which module went into which chunk: the lazy-loading test and the benchmark read it.
await writeFile(`${root}build-meta.json`, JSON.stringify(result.metafile));
