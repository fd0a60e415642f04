import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { LOCALES } from '../../src/content/locale.js';
import { supportsUnicode } from '../../src/system/terminal.js';
import { PERSONAL_STEPS as STEPS } from '../../src/wizard/flow.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { renderApp } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** Symbols whose width Korean terminals often draw double. */
const AMBIGUOUS = /[─-╿▀-◿☀-⛿✀-➿←-⇿…·━░❯⚙]/;
const squash = (text: string) => text.replace(/\s+/g, '').replace(/`/g, '');

const cases = LOCALES.flatMap((locale) =>
  [40, 80].flatMap((columns) => [false, true].map((ascii) => ({ locale, columns, ascii }))),
);

describe('every screen at 40 and 80 columns, with and without --ascii', () => {
  it.each(cases)(
    '$locale, $columns columns, ascii $ascii: nothing cut, nothing wider than the terminal',
    async ({ locale, columns, ascii }) => {
      const content = contentFor(locale);
      for (const step of STEPS) {
        const index = stepIndex(step.id);
        const app = renderApp({ locale, columns, rows: 60, ascii, state: { index, reached: index } });
        try {
          const frame = await app.waitForText(`${index + 1}/14`);
          for (const line of frame.split('\n'))
            expect(stringWidth(line), `${step.id}: ${line}`).toBeLessThanOrEqual(columns);
          // Wrapped, never truncated: every word of the title and explanation is there.
          const text = content.steps[step.id];
          const fold = (s: string) => (ascii ? s.replace(/→/g, '->').replace(/—/g, '-') : s);
          expect(squash(frame), step.id).toContain(squash(fold(text.title)));
          for (const paragraph of text.body)
            expect(squash(frame), step.id).toContain(squash(fold(paragraph)));
          if (ascii) expect(frame, step.id).not.toMatch(AMBIGUOUS);
        } finally {
          app.instance.unmount();
        }
      }
    },
  );
});

describe('resizing', () => {
  it('redraws at the new width in the middle of a screen', async () => {
    const index = stepIndex('billing');
    const app = renderApp({ locale: 'ko', columns: 80, rows: 40, state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    await app.waitForText('4/14');
    app.stdout.resize(40, 40);
    const frame = await app.waitFor(
      (f) => f.split('\n').every((line) => stringWidth(line) <= 40),
      'a 40-column frame',
    );
    expect(frame).toContain('ORGANIZATION │ Billing');
  });

  it('asks for a larger terminal below 40×15, and recovers when it grows', async () => {
    const app = renderApp({ columns: 30, rows: 12 });
    unmount = () => app.instance.unmount();
    await app.waitForText('This terminal is 30×12');
    app.stdout.resize(80, 24);
    await app.waitForText('1/14 Welcome');
  });
});

describe('the step list', () => {
  it('stays open beside the screen from 100 columns', async () => {
    const app = renderApp({ columns: 110, rows: 40, state: { index: 3, reached: 5 } });
    unmount = () => app.instance.unmount();
    const frame = await app.waitForText('All steps');
    expect(frame).toContain('4/14 Billing');
    expect(frame).toContain('● 4. Billing');
    expect(frame).toContain('✓ 6. Individual or company');
    expect(frame).toContain('○ 7. Card');
  });

  it('uses ASCII marks with --ascii', async () => {
    const app = renderApp({ columns: 80, ascii: true, state: { index: 3, reached: 5 } });
    unmount = () => app.instance.unmount();
    await app.waitForText('4/14');
    await app.press('s');
    const frame = await app.waitForText('All steps');
    expect(frame).toContain('>* 4. Billing');
    expect(frame).toContain(' v 1. Welcome');
    expect(frame).toContain(' o 7. Card');
  });

  it('does not jump to a step not yet reached', async () => {
    const app = renderApp({ columns: 80, state: { index: 1, reached: 1 } });
    unmount = () => app.instance.unmount();
    await app.waitForText('2/14');
    await app.press('s');
    await app.waitForText('All steps');
    await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
    await app.waitForText('2/14 Log in');
  });
});

describe('screen readers', () => {
  it('get linear text: the progress as text, choices labelled, no spinner animation', async () => {
    const index = stepIndex('account-type');
    const app = renderApp({ columns: 80, rows: 40, screenReader: true, state: { index, reached: index } });
    unmount = () => app.instance.unmount();
    const frame = await app.waitForText('6/14');
    expect(frame).not.toContain('━');
    expect(frame).toMatch(/radio.*Individual/);
    expect(frame).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
  });
});

describe('Unicode detection for automatic --ascii', () => {
  it.each([
    [{ TERM: 'xterm-256color', LANG: 'ko_KR.UTF-8' }, 'linux', true],
    [{ TERM: 'linux' }, 'linux', false],
    [{ LANG: 'C' }, 'linux', false],
    [{ LC_ALL: 'POSIX' }, 'darwin', false],
    [{ WT_SESSION: '1' }, 'win32', true],
    [{}, 'win32', false],
  ] as const)('%j on %s → %s', (env, platform, expected) => {
    expect(supportsUnicode(env, platform)).toBe(expected);
  });
});
