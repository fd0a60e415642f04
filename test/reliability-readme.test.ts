import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFor } from '../src/content/content.js';
import { describeProduce, FAULT_ROWS, titleOf } from './fault-matrix.js';

const README = join(import.meta.dirname, '../README.md');
const START =
  '<!-- reliability:start (generated from test/fault-matrix.ts; UPDATE_README=1 npx vitest run test/reliability-readme.test.ts) -->';
const END = '<!-- reliability:end -->';

/** The Reliability table, made from the fault matrix. */
function reliabilityTable(): string {
  const en = contentFor('en');
  const rows = FAULT_ROWS.map((row) => {
    const step = row.step ? `\`${row.step}\`` : '';
    const message =
      row.kind === 'ok'
        ? 'the reply'
        : `${titleOf(row, en)}${row.detail ? `: ${en.details[row.detail].replace(/\{\w+\}/g, '…')}` : ''}`;
    return `| ${row.name} | ${describeProduce(row.produce)} | \`${row.kind}\` | ${row.exitCode} | ${step} | ${row.kind === 'ok' ? '' : row.retryable ? 'yes' : 'no'} | ${message} |`;
  });
  return [
    '| fault | how the tests produce it | kind | exit | step | retry helps | message shown |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

describe('the README', () => {
  it('has the Reliability section generated from the fault matrix', () => {
    const readme = readFileSync(README, 'utf8');
    const section = `${START}\n${reliabilityTable()}\n${END}`;
    if (process.env.UPDATE_README === '1') {
      const start = readme.indexOf('<!-- reliability:start');
      const end = readme.indexOf(END);
      writeFileSync(README, `${readme.slice(0, start)}${section}${readme.slice(end + END.length)}`);
      return;
    }
    expect(readme).toContain(section);
  });
});
