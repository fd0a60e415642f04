// Bundles the CLI into dist/: one ESM entry plus lazily loaded chunks, so that the first screen
// loads only what it needs and the published package has no runtime dependencies.
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const empty = fileURLToPath(new URL('./empty-module.js', import.meta.url));

await rm(`${root}dist`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Ink imports react-devtools-core only in development mode.
  alias: { 'react-devtools-core': empty },
  loader: { '.wasm': 'binary', '.txt': 'text' },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __topupCreateRequire } from 'node:module';",
      'const require = __topupCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
