import { afterEach, describe, expect, it } from 'vitest';
import { fitBlocks, type LayoutBlock } from '../../src/components/layout.js';
import { contentFor } from '../../src/content/content.js';
import { LOCALES } from '../../src/content/locale.js';
import { PERSONAL_STEPS } from '../../src/wizard/flow.js';
import { stepIndex } from '../../src/wizard/steps.js';

const STEPS = PERSONAL_STEPS;

import { renderApp } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const SIZES = [
  [40, 15],
  [40, 24],
  [60, 20],
  [80, 24],
] as const;
const cases = LOCALES.flatMap((locale) =>
  SIZES.flatMap(([columns, rows]) => STEPS.map((step) => ({ locale, step, columns, rows }))),
);

describe('every screen fits', () => {
  it.each(cases)(
    '$step.id in $locale at $columns×$rows keeps its progress line and title, one row spare',
    async ({ locale, step, columns, rows }) => {
      const content = contentFor(locale);
      const index = stepIndex(step.id);
      const app = renderApp({ locale, columns, rows, state: { index, reached: index } });
      unmount = () => app.instance.unmount();
      const text = content.steps[step.id];
      const frame = await app.waitForText(`${index + 1}/14 ${text.name}`);
      const lines = frame.replace(/\n+$/, '').split('\n');
      expect(lines[0]).toContain(`${index + 1}/14 ${text.name}`);
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      expect(frame.replace(/\s+/g, '')).toContain(text.title.replace(/\s+/g, '').slice(0, 12));
    },
  );

  it('Tab shows what did not fit, under the same progress line, and Tab comes back', async () => {
    const index = stepIndex('amount');
    const app = renderApp({ locale: 'en', columns: 40, rows: 24, state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    const en = contentFor('en');
    await app.waitForText('Tab more');
    expect(app.frame()).not.toContain('only a plan');
    await app.press('\t');
    const more = await app.waitFor(
      (f) => f.replace(/\s+/g, ' ').includes('only a plan'),
      'the rest of the step',
    );
    expect(more.split('\n')[0]).toContain('8/14');
    expect(more).toContain(`Tab, Enter ${en.ui.hints.less}`);
    await app.press('\t');
    await app.waitForText('Tab more');
    // Enter closes it too, and submits nothing on the way.
    await app.press('\t');
    await app.waitForText('only a plan');
    await app.press(KEYS.enter);
    await app.waitForText('Tab more');
    expect(app.frame().split('\n')[0]).toContain('8/14');
    // Tab typed nothing into the field.
    expect(app.frame()).toContain('$10');
    await app.press(KEYS.backspace, '7', KEYS.enter);
    await app.waitForText('9/14');
  });
});

describe('fitBlocks', () => {
  const block = (
    id: string,
    lines: number,
    role: LayoutBlock['role'] = 'must',
    keep?: number,
  ): LayoutBlock => ({
    id,
    lines,
    role,
    margin: true,
    ...(keep === undefined ? {} : { keep }),
  });

  it('shows everything when it fits, with a row to spare', () => {
    expect(fitBlocks([block('a', 5), block('b', 5, 'picture')], 13).shown).toEqual(new Set(['a', 'b']));
    expect(fitBlocks([block('a', 5), block('b', 5, 'picture')], 12).shown).toEqual(new Set(['a']));
  });

  it('lets the picture go first, then the longer explanation, keeping the screen facts first', () => {
    const blocks = [
      block('title', 2),
      block('general', 3, 'more', 0),
      block('picture', 8, 'picture'),
      block('facts', 2, 'more', 1),
    ];
    const fit = fitBlocks(blocks, 10);
    expect(fit.shown).toEqual(new Set(['title', 'facts']));
    expect(fit.hiddenMore).toBe(true);
  });

  it('collapses blank rows only when the must blocks do not fit otherwise', () => {
    const fit = fitBlocks([block('a', 4), block('b', 4), block('c', 1, 'more')], 10);
    expect(fit).toMatchObject({ collapsed: true, hiddenMore: true });
    expect(fit.shown).toEqual(new Set(['a', 'b']));
  });
});
