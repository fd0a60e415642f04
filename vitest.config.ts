import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Results for .ci/run's closing line.
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
