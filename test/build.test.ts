import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };

type Meta = {
  inputs: Record<string, { imports: Array<{ path: string }> }>;
  outputs: Record<
    string,
    { imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown>; entryPoint?: string }
  >;
};
// npm test builds first; the build writes which module went into which chunk.
const meta = JSON.parse(readFileSync(join(import.meta.dirname, '../build-meta.json'), 'utf8')) as Meta;

/** Every input module loaded by `start` and what it imports statically (not `import()`). */
function staticInputs(start: string): Set<string> {
  const seen = new Set<string>();
  const inputs = new Set<string>();
  const visit = (output: string) => {
    if (seen.has(output)) return;
    seen.add(output);
    const entry = meta.outputs[output];
    if (!entry) return;
    for (const input of Object.keys(entry.inputs)) inputs.add(input);
    for (const imported of entry.imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(start);
  return inputs;
}

const wizardChunk = Object.keys(meta.outputs).find((name) => /\/wizard-[A-Z0-9]+\.js$/.test(name)) ?? '';

describe('the bundle', () => {
  it('starts with only the first screen: no Ink, undici or practice server before the wizard loads', () => {
    const entry = [...staticInputs('dist/cli.js')];
    for (const heavy of [
      'node_modules/ink/',
      'node_modules/react',
      'node_modules/undici/',
      'src/demo/server.ts',
      'node_modules/yoga-layout/',
    ]) {
      expect(
        entry.filter((input) => input.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
  });

  it('loads undici, the test call and the practice server only when the test call starts', () => {
    const wizard = [...staticInputs(wizardChunk)];
    expect(wizard.some((input) => input.includes('node_modules/ink/'))).toBe(true);
    for (const late of ['node_modules/undici/', 'src/api/test-call.ts', 'src/demo/server.ts']) {
      expect(
        wizard.filter((input) => input.includes(late)),
        late,
      ).toEqual([]);
    }
  });

  it('publishes no runtime dependencies, and not the assets the bundle already holds', () => {
    expect(Object.keys((pkg as { dependencies?: object }).dependencies ?? {})).toEqual([]);
    // Not bundled: the guide's text, read one language at a time when a sentence is needed
    // (src/content/content.ts), and the team file's JSON Schema, for editors (test/package.test.ts).
    expect(pkg.files).toEqual([
      'dist',
      'assets/guide/en.json',
      'assets/guide/ko.json',
      'assets/team.schema.json',
      'CHANGELOG.md',
      'README.md',
      'LICENSE',
    ]);
    expect(pkg.bin).toEqual({ 'openai-topup': 'dist/openai-topup.cjs' });
  });

  it("reads the guide's text from assets/guide: the module that reads it sits two folders below the package", () => {
    const holders = Object.entries(meta.outputs)
      .filter(([, output]) => 'src/content/content.ts' in output.inputs)
      .map(([name]) => name);
    // Once in the ES module chunks, once in check's CommonJS file; never in the front door (dist/, one up).
    expect(holders).toHaveLength(2);
    // src/content/content.ts and dist/chunks/* both reach assets/ by ../../
    for (const holder of holders) expect(holder).toMatch(/^dist\/chunks\/[^/]+\.c?js$/);
  });

  it('keeps the front door small: no text, no undici, no Ink', () => {
    const door = meta.outputs['dist/openai-topup.cjs'];
    expect(Object.keys(door?.inputs ?? {}).sort()).toEqual(['src/bin.ts', 'src/commands/flags.ts']);
  });

  it("leaves out undici's HTTP/2 client, SOCKS5 agent and fetch, and never loads node:http or node:http2", () => {
    const all = Object.values(meta.outputs).flatMap((output) => Object.keys(output.inputs));
    for (const unused of [
      'node_modules/undici/lib/dispatcher/client-h2.js',
      'node_modules/undici/lib/dispatcher/socks5-proxy-agent.js',
      'node_modules/undici/lib/web/fetch/body.js',
      'node_modules/undici/lib/web/fetch/util.js',
      'node_modules/undici/lib/web/webidl/index.js',
    ])
      expect(all, unused).not.toContain(unused);
    // What undici's own modules import (the practice server, bundled beside it, may load node:http).
    const undiciImports = Object.entries(meta.inputs)
      .filter(([name]) => name.startsWith('node_modules/undici/'))
      .flatMap(([, input]) => input.imports.map((imported) => imported.path));
    expect(undiciImports).toContain('node:net');
    expect(undiciImports).not.toContain('node:http');
    expect(undiciImports).not.toContain('node:http2');
  });

  it("reads undici's limit on headers as Node does, from --max-http-header-size, without loading node:http", () => {
    const { maxHeaderSize } = createRequire(import.meta.url)('../scripts/undici-unused.cjs') as {
      maxHeaderSize: (execArgv: string[], nodeOptions: string) => number;
    };
    expect(maxHeaderSize([], '')).toBe(16384);
    expect(maxHeaderSize([], '--max-http-header-size=65536')).toBe(65536);
    expect(maxHeaderSize(['--max-http-header-size', '32768'], '')).toBe(32768);
    // The command line comes after NODE_OPTIONS, so it wins; nonsense is ignored.
    expect(maxHeaderSize(['--max-http-header-size=1000'], '--max-http-header-size=2000')).toBe(1000);
    expect(maxHeaderSize(['--max-http-header-size=abc'], '--inspect')).toBe(16384);
  });
});
