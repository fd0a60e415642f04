// The esbuild settings shared by the CLI's build and the benchmark's peer app, so both are built alike.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const empty = fileURLToPath(new URL('./empty-module.js', import.meta.url));
const assertLite = fileURLToPath(new URL('./assert-lite.cjs', import.meta.url));
const undiciUnused = fileURLToPath(new URL('./undici-unused.cjs', import.meta.url));
const fastStringWidth = fileURLToPath(new URL('../src/vendor/fast-string-width.ts', import.meta.url));

/** Options for an ESM bundle for Node 20: production React, no devtools, CommonJS `require` available. */
export function bundleOptions() {
  return {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: process.env.TOPUP_NO_MINIFY !== '1',
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
    metafile: true,
    plugins: [
      {
        // yoga-layout ships its wasm as a base64 data: URL and, given no bytes, loads it with fetch(), which
        // pulls in Node's internal HTTP client and makes start-up asynchronous. Hand it the bytes instead
        // (reference/startup.md), and drop the unused data: URL from the bundle.
        name: 'yoga-wasm-bytes',
        setup(builder) {
          const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
          let base64;
          const binaryFile = async (path) => {
            const text = await readFile(path, 'utf8');
            base64 ??= DATA_URL.exec(text)?.[1];
            return text;
          };
          builder.onLoad(
            { filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
            async (args) => ({
              contents: (await binaryFile(args.path)).replace(DATA_URL, '""'),
              loader: 'js',
            }),
          );
          builder.onLoad({ filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async (args) => {
            await binaryFile(`${dirname(args.path)}/../binaries/yoga-wasm-base64-esm.js`);
            if (!base64)
              throw new Error('yoga-layout no longer embeds its wasm as a data: URL; update this plugin');
            return {
              contents: [
                "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
                "import wrapAssembly from './wrapAssembly.js';",
                `const wasmBinary = Buffer.from(${JSON.stringify(base64)}, 'base64');`,
                'const Yoga = wrapAssembly(await loadYoga({ wasmBinary }));',
                'export default Yoga;',
                "export * from './generated/YGEnums.js';",
              ].join('\n'),
              resolveDir: dirname(args.path),
              loader: 'js',
            };
          });
        },
      },
      {
        // string-width with a fast path for the text this tool shows (src/vendor/fast-string-width.ts),
        // for every importer but that module itself.
        name: 'fast-string-width',
        setup(builder) {
          builder.onResolve({ filter: /^string-width$/ }, (args) =>
            args.importer === fastStringWidth ? undefined : { path: fastStringWidth },
          );
        },
      },
      {
        // undici's assert(value) without a message makes Node parse the calling file for the message: in
        // this bundle, seconds of acorn at full CPU (scripts/assert-lite.cjs says why).
        name: 'undici-assert',
        setup(builder) {
          builder.onResolve({ filter: /^(node:)?assert$/ }, (args) =>
            args.importer.includes('node_modules/undici/') ? { path: assertLite } : undefined,
          );
        },
      },
      {
        // undici's modules that the test call never reaches, and that cost `check` more than the rest of
        // undici together: the HTTP/2 client (it loads node:http2, and with it tls and crypto), the SOCKS5
        // proxy agent, fetch's body extraction (fetch's utilities, webidl, FormData, zlib, perf_hooks) and
        // node:http (two names undici reads; loading it costs 5 ms). scripts/undici-unused.cjs says why
        // each is safe; each throws if reached, but the limit on headers, read as Node reads it. The tests run undici whole; the bundle test checks these
        // stay out.
        name: 'undici-unused',
        setup(builder) {
          const stubs = {
            './client-h2.js': 'module.exports = unused.connectH2;',
            './socks5-proxy-agent': 'module.exports = unused.Socks5ProxyAgent;',
            '../web/fetch/body.js': 'module.exports = { extractBody: unused.extractBody };',
            'node:http':
              'module.exports = { IncomingMessage: unused.IncomingMessage, maxHeaderSize: unused.maxHeaderSize() };',
          };
          builder.onResolve({ filter: /client-h2|socks5-proxy-agent|fetch\/body|^node:http$/ }, (args) =>
            /[\\/]node_modules[\\/]undici[\\/]lib[\\/]/.test(args.importer) && args.path in stubs
              ? { path: args.path, namespace: 'undici-unused' }
              : undefined,
          );
          builder.onLoad({ filter: /.*/, namespace: 'undici-unused' }, (args) => ({
            contents: `const unused = require(${JSON.stringify(undiciUnused)});\n${stubs[args.path]}`,
            loader: 'js',
            resolveDir: dirname(undiciUnused),
          }));
        },
      },
      {
        // Ink's development-only devtools module loads only when DEV=true; leave it out of the package.
        name: 'no-ink-devtools',
        setup(builder) {
          builder.onResolve({ filter: /^\.\/devtools\.js$/ }, (args) =>
            args.importer.includes('node_modules/ink/') ? { path: empty } : undefined,
          );
        },
      },
    ],
  };
}

/**
 * The same, as one CommonJS file with no chunks: the front door and `check` (src/bin.ts says why). `require`
 * is CommonJS's own; `import.meta.url` (the guide's text is found from it) becomes the file's URL.
 */
export function commonJsOptions() {
  const esm = bundleOptions();
  return {
    ...esm,
    splitting: false,
    format: 'cjs',
    chunkNames: undefined,
    define: { ...esm.define, 'import.meta.url': '__topupModuleUrl' },
    banner: {
      js: [
        '#!/usr/bin/env node',
        "var __topupModuleUrl = require('node:url').pathToFileURL(__filename).href;",
      ].join('\n'),
    },
  };
}
