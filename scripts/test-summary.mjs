// Prints "N passed, N failed" from vitest's JSON results; a run that never reached the tests counts as one failure.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results.json';
try {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const failed =
    results.numFailedTests + (results.numFailedTestSuites > 0 && results.numFailedTests === 0 ? 1 : 0);
  console.log(`${results.numPassedTests} passed, ${failed} failed`);
} catch {
  console.log('0 passed, 1 failed');
}
