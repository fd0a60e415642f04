import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The wireframes are imported as strings, as esbuild's text loader does in the build.
  plugins: [
    {
      name: 'text-files',
      enforce: 'pre',
      load(id) {
        const file = id.split('?')[0] ?? id;
        return file.endsWith('.txt')
          ? `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`
          : undefined;
      },
    },
  ],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Results for .ci/run's closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
