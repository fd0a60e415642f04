import { describe, expect, it } from 'vitest';
import { labelsAsDrawn, quoteInPicture } from '../../src/components/label-marker.js';
import { textWidth } from '../../src/components/text-width.js';
import { asciiFold } from '../../src/content/content.js';
import { STEPS } from '../../src/wizard/steps.js';
import { WIREFRAMES } from '../../src/wizard/wireframes.js';

describe('a platform label without colour', () => {
  it.each([
    ['press `Log in` at the top right', false, 'press "Log in" at the top right'],
    ['`Log in`을 누릅니다', false, '"Log in"을 누릅니다'],
    ['press `Log in` at the top right', true, 'press Log in at the top right'],
  ])('%j with colour %s reads %j', (text, color, drawn) => {
    expect(labelsAsDrawn(text, color)).toBe(drawn);
  });

  const marked = STEPS.flatMap(({ id, wireframe }) =>
    wireframe
      ? (['wide', 'narrow'] as const).flatMap((size) =>
          [false, true].map((ascii) => ({ step: id, size, ascii, ...wireframe })),
        )
      : [],
  );

  it.each(marked)(
    'is quoted in the $step picture ($size, ascii $ascii) without moving its frame',
    ({ name, mark, size, ascii }) => {
      const lines = WIREFRAMES[name][size].map((line) => (ascii ? asciiFold(line) : line));
      const line = lines.find((l) => l.includes(mark));
      expect(line).toBeDefined();
      if (!line) return;
      const parts = quoteInPicture(line, line.indexOf(mark), mark);
      expect(parts.label).toBe(`"${mark}"`);
      expect(textWidth(parts.before + parts.label + parts.after)).toBe(textWidth(line));
    },
  );
});
