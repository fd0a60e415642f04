import chalk from 'chalk';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/content/locale.js';
import { welcomeFrame } from '../../src/screens/first-frame.js';
import { renderApp } from '../helpers/app.js';

const widths = [40, 41, 50, 57, 60, 63, 72, 79, 80, 81, 99, 100, 101, 120, 160];

const level = chalk.level;
afterEach(() => {
  chalk.level = level;
});

describe('the static first frame', () => {
  it.each(LOCALES.flatMap((locale) => [40, 80, 120].map((columns) => ({ locale, columns }))))(
    'has the same colours and weights as <App>: $locale, $columns columns',
    async ({ locale, columns }) => {
      // Ink and this module share one chalk: colour on for both.
      chalk.level = 1;
      const app = renderApp({ locale, columns, rows: 40 });
      try {
        await app.waitForText('1/14');
        const frame = app.rawFrame();
        expect(frame).toContain('\u001b[1m');
        expect(welcomeFrame({ locale, columns, rows: 40, ascii: false, colorLevel: 1 })).toBe(frame);
      } finally {
        app.instance.unmount();
      }
    },
  );

  it.each(
    LOCALES.flatMap((locale) =>
      [false, true].flatMap((ascii) =>
        widths.flatMap((columns) => [15, 24, 40].map((rows) => ({ locale, ascii, columns, rows }))),
      ),
    ),
  )(
    'is exactly what <App> draws first: $locale, $columns×$rows, ascii $ascii',
    async ({ locale, columns, rows, ascii }) => {
      const app = renderApp({ locale, columns, rows, ascii });
      try {
        await app.waitForText('1/14');
        expect(welcomeFrame({ locale, columns, rows, ascii, colorLevel: chalk.level })).toBe(app.rawFrame());
      } finally {
        app.instance.unmount();
      }
    },
  );

  it.each(LOCALES.flatMap((locale) => [40, 80, 120].map((columns) => ({ locale, columns }))))(
    'follows the colour decision, not chalk: off, it is <App> drawn without colour: $locale, $columns columns',
    async ({ locale, columns }) => {
      // cli.ts tells chalk the same decision; here chalk still has colour, and the first frame must not.
      chalk.level = 3;
      const off = welcomeFrame({ locale, columns, rows: 40, ascii: false, colorLevel: 0 });
      expect(off).not.toContain('\u001b');
      chalk.level = 0;
      const app = renderApp({ locale, columns, rows: 40, color: false });
      try {
        await app.waitForText('1/14');
        expect(off).toBe(app.rawFrame());
      } finally {
        app.instance.unmount();
      }
    },
  );
});
