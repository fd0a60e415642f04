/**
 * Generated keyboard input on every screen: keys, escape sequences, pastes (bracketed or not, finished or
 * not), control characters and the key itself, several to a read, through the wizard's own key reader.
 * Whatever arrives, the wizard keeps drawing or ends with 0 or 130, draws nothing unsafe, and shows, saves
 * and copies the key only masked.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/content/locale.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { oneKeyPerRead } from '../../src/system/key-reader.js';
import { PERSONAL_FLOW } from '../../src/wizard/flow.js';
import { expectNoKey, INK_SEQUENCES, SENTINEL, UNSAFE } from '../helpers/answers.js';
import { renderApp, sessionTo, testPolicy } from '../helpers/app.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';
import { keyReads } from '../helpers/keyboard.js';
import { settle } from '../helpers/render.js';

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({});
});
afterAll(async () => {
  await server.close();
});

describe('generated keyboard input', () => {
  it(
    'on every screen: drawn safely, the key only masked, and it ends only by q or Ctrl+C',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            index: fc.integer({ min: 0, max: PERSONAL_FLOW.steps.length - 1 }),
            locale: fc.constantFrom<Locale>('en', 'ko'),
            columns: fc.integer({ min: 30, max: 120 }),
            rows: fc.integer({ min: 12, max: 50 }),
            resume: fc.boolean(),
            reads: keyReads,
          }),
          async ({ index, locale, columns, rows, resume, reads }) => {
            const saved: string[] = [];
            const copied: string[] = [];
            const app = renderApp({
              locale,
              columns,
              rows,
              state: { index, reached: index },
              ...(resume ? { resumeFrom: { index, reached: index, answers: {} } } : {}),
              wrapStdin: (stdin) => oneKeyPerRead(stdin, { escapeMs: 5, pasteMs: 20 }),
              services: {
                suggestedKey: { key: SENTINEL, source: 'env' },
                openSession: sessionTo(server.baseUrl),
                callPolicy: testPolicy({ timeoutMs: 5000 }),
                saveProgress: async (state) => void saved.push(JSON.stringify(state)),
                copy: async (text) => {
                  copied.push(text);
                  return 'copied';
                },
                openUrl: async () => 'opened',
              },
            });
            try {
              await settle();
              for (const read of reads) {
                if (app.exit()) break;
                await app.press(read);
              }
              // Let held-back input (a lone Esc, an open paste) go, and the screen catch up.
              await new Promise((resolve) => setTimeout(resolve, 30));
              await settle();
              const ended = app.exit();
              if (ended) expect([0, 130]).toContain(ended.code);
              else expect(app.frame().trim()).not.toBe('');
              const frames = app.stdout.frames.join('').replace(INK_SEQUENCES, '');
              expect(frames).not.toMatch(UNSAFE);
              expectNoKey(frames, ...saved, ...copied, ended?.message ?? '');
            } finally {
              app.instance.unmount();
            }
          },
        ),
        fuzzParams(40),
      );
    },
    fuzzTimeout(120_000),
  );

  it('a key pasted into the amount field by mistake is shown masked', async () => {
    const at = PERSONAL_FLOW.steps.findIndex((step) => step.id === 'amount');
    const app = renderApp({ state: { index: at, reached: at } });
    try {
      await app.waitForText('Amount in US dollars');
      await app.press(SENTINEL);
      const frame = await app.waitForText('sk-proj-…AbCd');
      expectNoKey(frame, ...app.stdout.frames);
    } finally {
      app.instance.unmount();
    }
  });
});
