import { afterEach, describe, expect, it } from 'vitest';
import { contentFor } from '../../src/content/content.js';
import { LOCALES } from '../../src/content/locale.js';
import { PERSONAL_STEPS } from '../../src/wizard/flow.js';
import { stepIndex } from '../../src/wizard/steps.js';

const STEPS = PERSONAL_STEPS;

import { renderApp } from '../helpers/app.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const cases = LOCALES.flatMap((locale) => STEPS.map((step) => ({ locale, step })));

describe('every screen', () => {
  it.each(cases)(
    '$step.id in $locale shows progress, title, labels, link and keys, within 80×24',
    async ({ locale, step }) => {
      const content = contentFor(locale);
      const index = stepIndex(step.id);
      const app = renderApp({ locale, columns: 80, rows: 24, state: { index, reached: index } });
      unmount = () => app.instance.unmount();
      const text = content.steps[step.id];
      const frame = await app.waitForText(`${index + 1}/14 ${text.name}`);
      const lines = frame.split('\n');
      // The progress bar is the first line.
      expect(lines[0]).toContain(`${index + 1}/14 ${text.name}`);
      // The title and the first words of the explanation are there, or the explanation waits behind Tab.
      expect(frame.replace(/\s+/g, ' ')).toContain(text.title.replace(/\s+/g, ' '));
      const more = 'more' in text ? (text.more as string[]) : [];
      const explanation = (text.body[0] ?? more[0] ?? '').replace(/`/g, '').replace(/\s+/g, '').slice(0, 20);
      if (text.body[0] || !frame.includes(`Tab ${content.ui.hints.more}`))
        expect(frame.replace(/\s+/g, '')).toContain(explanation);
      // Every platform label is spelled as the platform shows it.
      for (const label of step.labels) expect(frame).toContain(label);
      // The URL stands alone on its line, so it copies cleanly.
      if (step.url) expect(lines).toContain(step.url);
      // The key hints: a text field turns the letter keys off, so its screen names only what still works.
      if (step.kind === 'amount' || step.kind === 'api-key') {
        expect(frame).toContain(`Enter ${content.ui.hints.submit}`);
        expect(frame).toContain(`Esc ${content.ui.hints.back}`);
      } else if (step.kind === 'test-call') {
        // Without a key, the test call sends the user back to the key step.
        expect(frame).toContain(content.steps['test-call'].noKey);
        expect(frame).toContain(`? ${content.ui.hints.help}`);
      } else {
        expect(frame).toContain(`l ${content.ui.hints.lang}`);
        expect(frame).toContain(`? ${content.ui.hints.help}`);
      }
      // It fits 80×24 without scrolling.
      expect(lines.length).toBeLessThanOrEqual(24);
      expect(Math.max(...lines.map((line) => [...line].length))).toBeLessThanOrEqual(80);
    },
  );

  it('the welcome screen says what you will do, what you need, how long, and that nothing is charged', async () => {
    const app = renderApp({ columns: 80, rows: 24 });
    unmount = () => app.instance.unmount();
    const frame = (await app.waitForText('1/14')).replace(/\s+/g, ' ');
    expect(frame).toContain('credit card that allows overseas payments');
    expect(frame).toContain('about 10 minutes');
    expect(frame).toContain('never asks for your card details and charges nothing');
    expect(frame).toContain("you pay on OpenAI's own page");
  });

  it('the card screen names 해외 결제, switched on in the card company’s app, and what to do when declined, in Korean', async () => {
    const app = renderApp({ locale: 'ko', state: { index: stepIndex('card'), reached: stepIndex('card') } });
    unmount = () => app.instance.unmount();
    const frame = (await app.waitForText('7/14')).replace(/\s+/g, ' ');
    expect(frame).toContain('해외 결제');
    expect(frame).toContain('카드사 앱에서 켜기 전까지');
    expect(frame).toContain('거절되었나요?');
  });

  it('the confirm screen says tax is added and repeats the planned amount', async () => {
    const index = stepIndex('confirm');
    const app = renderApp({ state: { index, reached: index, answers: { amount: '12.5' } } });
    unmount = () => app.instance.unmount();
    const frame = (await app.waitForText('10/14')).replace(/\s+/g, ' ');
    expect(frame).toContain('tax added');
    expect(frame).toContain('Confirm payment');
    expect(frame).toContain('Planned: $12.50');
  });
});
