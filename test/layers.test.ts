/**
 * The layout as a rule: each folder of src/ has a layer, and no module imports from a layer above its own
 * (STYLE.md: "nothing below imports from above"). Folders on one layer that must stay apart are listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../src');

/** Lower numbers are lower layers; a module may import from its own layer's folder and from lower layers. */
const LAYERS: Record<string, number> = {
  '..': 0, // package.json and assets/, read-only data
  text: 0,
  vendor: 0,
  types: 0,
  content: 1,
  wizard: 1.5,
  system: 2,
  demo: 2,
  api: 2,
  store: 3,
  team: 3.5,
  components: 4,
  hooks: 4.5,
  screens: 5,
  'app-services.ts': 5.5,
  'app.tsx': 5.5,
  commands: 6,
  'cli.ts': 6,
  // The front door: it picks an entry (cli.ts, or commands/check-main.ts).
  'bin.ts': 7,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The top-level folder (or file) of src/ a path belongs to. */
function area(path: string): string {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return '..';
  const top = rel.split('/')[0] ?? rel;
  // A specifier names the built file (`./app.js`); the layer table names the source (`app.tsx`).
  const source = [top, top.replace(/\.js$/, '.ts'), top.replace(/\.js$/, '.tsx')].find(
    (name) => name in LAYERS,
  );
  return source ?? top;
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

const edges = files(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => ({
    file: relative(SRC, file),
    from: area(file),
    to: area(normalize(join(dirname(file), match[1] ?? ''))),
  })),
);

describe('the layout', () => {
  it('gives every folder of src/ a layer', () => {
    const areas = new Set(readdirSync(SRC).map((name) => name));
    for (const name of areas) expect(LAYERS, name).toHaveProperty([name]);
  });

  it('has no import that runs up a layer', () => {
    const upward = edges.filter((edge) => (LAYERS[edge.to] ?? 99) > (LAYERS[edge.from] ?? -1));
    expect(upward).toEqual([]);
  });

  it('keeps the practice server, the test call and the operating system apart', () => {
    const apart = new Set(['api', 'demo', 'system']);
    const across = edges.filter(
      (edge) => edge.from !== edge.to && apart.has(edge.from) && apart.has(edge.to),
    );
    expect(across).toEqual([]);
  });

  it('has one home for each command, side by side', () => {
    const commands = readdirSync(join(SRC, 'commands'));
    for (const command of ['wizard.tsx', 'check.ts', 'serve.ts', 'print.ts', 'team.ts', 'help.ts'])
      expect(commands).toContain(command);
  });
});
