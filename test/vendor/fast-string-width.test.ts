import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import en from '../../assets/guide/en.json' with { type: 'json' };
import ko from '../../assets/guide/ko.json' with { type: 'json' };
import { textWidth } from '../../src/components/text-width.js';
import fastStringWidth from '../../src/vendor/fast-string-width.js';

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (node && typeof node === 'object') return Object.values(node).flatMap(strings);
  return [];
}

const wireframes = join(import.meta.dirname, '../../assets/wireframes');
const samples = [
  ...strings(en),
  ...strings(ko),
  ...readdirSync(wireframes)
    .filter((file) => file.endsWith('.txt'))
    .flatMap((file) => readFileSync(join(wireframes, file), 'utf8').split('\n')),
  // What servers and users may send: emoji, joiners, marks, jamo, full-width, controls, colour codes.
  'A haiku 🌀 about recursion',
  '👩‍💻 coder',
  '❤️ and ❤',
  'e\u0301 café',
  '\u1100\u1161\u11a8 jamo',
  '１２．５０ full width',
  'tab\tand\u0007bell',
  '\u001b[31mred\u001b[39m 빨강',
  '\u00ad soft hyphen',
  '▶ ◀ ▲ ● ○ ✓ ⚙ ━ ░ │ ┌',
  '',
];

describe('the fast string width', () => {
  it.each(samples.map((text) => [text]))('agrees with string-width on %j', (text) => {
    expect(fastStringWidth(text)).toBe(stringWidth(text));
    expect(fastStringWidth(text, { ambiguousIsNarrow: false })).toBe(
      stringWidth(text, { ambiguousIsNarrow: false }),
    );
  });

  it("agrees with the first frame's own width on every sentence", () => {
    for (const text of [...strings(en), ...strings(ko)])
      expect(textWidth(text), text).toBe(stringWidth(text));
  });
});
