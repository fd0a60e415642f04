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
      const withMark = lines.filter((l) => l.includes(mark));
      expect(withMark.length).toBeGreaterThan(0);
      /** Where the frame's vertical lines stand, in columns. */
      const frame = (text: string) =>
        [...text].flatMap((char, index) =>
          /[│┃║|]/.test(char) ? [textWidth([...text].slice(0, index).join(''))] : [],
        );
      for (const line of withMark) {
        const parts = quoteInPicture(line, line.indexOf(mark), mark);
        expect(parts.label).toBe(`"${mark}"`);
        const drawn = parts.before + parts.label + parts.after;
        expect(textWidth(drawn)).toBe(textWidth(line));
        // Every cell keeps its place: the quotes take spaces from the label's own cell only.
        expect(frame(drawn)).toEqual(frame(line));
      }
    },
  );
});
