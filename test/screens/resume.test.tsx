import { afterEach, describe, expect, it } from 'vitest';
import { stepIndex } from '../../src/wizard/steps.js';
import { renderApp } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('resuming', () => {
  const saved = { index: stepIndex('amount'), reached: stepIndex('amount'), answers: { amount: '25' } };

  it.each(['en', 'ko'] as const)('offers to continue at the saved step, in %s', async (locale) => {
    const app = renderApp({ locale, resumeFrom: saved });
    unmount = () => app.instance.unmount();
    const frame = await app.waitForText(locale === 'en' ? 'Continue at step 8' : '8단계부터 이어서 하기');
    expect(frame).toContain(locale === 'en' ? 'Start over' : '처음부터 다시');
    await app.press(KEYS.enter);
    await app.waitForText('8/14');
    expect(app.frame()).toContain('$25');
  });

  it('hands keys typed with the answer to the screen it opens: Enter Enter continues, then moves on', async () => {
    const app = renderApp({ resumeFrom: saved });
    unmount = () => app.instance.unmount();
    await app.waitForText('Continue at step 8');
    // Written back to back, before the wizard can draw again: as a burst from a terminal.
    app.stdin.write(KEYS.enter);
    app.stdin.write(KEYS.enter);
    await app.waitForText('9/14');
  });

  it('starts over when asked, and does not touch the saved file until then', async () => {
    const writes: number[] = [];
    const app = renderApp({
      resumeFrom: saved,
      services: { saveProgress: async (state) => void writes.push(state.index) },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Continue at step 8');
    expect(writes).toEqual([]);
    await app.press(KEYS.down, KEYS.enter);
    await app.waitForText('1/14 Welcome');
    expect(writes).toEqual([0]);
  });

  it('shows a one-line note when progress cannot be saved, once', async () => {
    const app = renderApp({
      services: {
        saveProgress: async () =>
          'Progress cannot be saved (ENOTDIR): this run works, but cannot be resumed.',
      },
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('Progress cannot be saved (ENOTDIR)');
    await app.press(KEYS.enter);
    await app.waitForText('2/14');
    expect(app.frame()).not.toContain('cannot be saved');
    await app.press('q');
    await app.waitFor(() => app.exit() !== undefined, 'the exit');
    expect(app.exit()?.message).toContain('Progress was not saved');
  });

  it('shows the start notice for a broken file on the first screen', async () => {
    const app = renderApp({
      startNotice: 'Saved progress could not be read (not JSON), so the guide starts over.',
    });
    unmount = () => app.instance.unmount();
    await app.waitForText('could not be read (not JSON)');
  });
});
