import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { asciiFold } from '../../src/content/content.js';
import { LOCALES } from '../../src/content/locale.js';
import { STEPS, stepIndex } from '../../src/wizard/steps.js';
import { WIREFRAMES } from '../../src/wizard/wireframes.js';
import { renderApp } from '../helpers/app.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const pictured = STEPS.filter((step) => step.wireframe);

describe('the pictures of the platform pages', () => {
  it('picture every step that happens on the platform', () => {
    expect(pictured.map((step) => step.id)).toEqual([
      'login',
      'settings',
      'billing',
      'add-payment',
      'account-type',
      'card',
      'amount',
      'auto-recharge',
      'confirm',
      'balance',
      'api-key',
    ]);
  });

  it.each(pictured)('$id: at most 8 lines, 60 and 36 columns, the marked label in both sizes', (step) => {
    const wireframe = step.wireframe;
    if (!wireframe) throw new Error('no picture');
    const picture = WIREFRAMES[wireframe.name];
    for (const [lines, width] of [
      [picture.wide, 60],
      [picture.narrow, 36],
    ] as const) {
      expect(lines.length).toBeLessThanOrEqual(8);
      for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
      expect(lines.join('\n')).toContain(wireframe.mark);
      // In ASCII the picture keeps its label and loses every box-drawing character.
      const ascii = asciiFold(lines.join('\n'));
      expect(ascii).toContain(wireframe.mark);
      expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });

  it.each(
    LOCALES.flatMap((locale) =>
      [80, 40].flatMap((columns) => [false, true].map((ascii) => ({ locale, columns, ascii }))),
    ),
  )(
    'are drawn in $locale at $columns columns (ascii: $ascii), with the explanation in that language',
    async ({ locale, columns, ascii }) => {
      for (const step of pictured.filter((s) => s.kind === 'guide' || s.kind === 'choice')) {
        const index = stepIndex(step.id);
        const app = renderApp({ locale, columns, rows: 60, ascii, state: { index, reached: index } });
        try {
          const frame = await app.waitForText(`${index + 1}/14`);
          const picture = WIREFRAMES[step.wireframe?.name ?? 'login'][columns >= 60 ? 'wide' : 'narrow'];
          const firstRow = ascii ? asciiFold(picture[1] ?? '') : (picture[1] ?? '');
          expect(frame, step.id).toContain(firstRow.trimEnd());
          for (const line of frame.split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
        } finally {
          app.instance.unmount();
        }
      }
    },
  );

  it('are left out where the screen would not fit the terminal, and for screen readers', async () => {
    const index = stepIndex('card');
    const short = renderApp({ columns: 80, rows: 20, state: { index, reached: index } });
    unmount = () => short.instance.unmount();
    const frame = await short.waitForText('7/14');
    expect(frame).not.toContain('┌');
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
    short.instance.unmount();
    const reader = renderApp({ columns: 80, rows: 60, screenReader: true, state: { index, reached: index } });
    unmount = () => reader.instance.unmount();
    expect(await reader.waitForText('7/14')).not.toContain('┌');
  });
});

describe('a screen with its picture', () => {
  it.each(LOCALES.flatMap((locale) => [40, 80].map((columns) => ({ locale, columns }))))(
    'always fits the terminal when the picture is shown ($locale, $columns columns, 16 to 44 rows)',
    async ({ locale, columns }) => {
      for (const step of pictured) {
        const index = stepIndex(step.id);
        for (let rows = 16; rows <= 44; rows += 4) {
          const app = renderApp({ locale, columns, rows, state: { index, reached: index } });
          try {
            const frame = await app.waitForText(`${index + 1}/14`);
            if (frame.includes('┌'))
              expect(frame.split('\n').length, `${step.id} at ${rows} rows`).toBeLessThan(rows);
          } finally {
            app.instance.unmount();
          }
        }
      }
    },
  );
});
