/**
 * Generated keyboard input to the built wizard in a real pseudo-terminal, at generated sizes: whatever
 * arrives, Ctrl+C still ends it (130, or 0 if q already did), the terminal is given back (echo, line
 * editing, the cursor), nothing the input held comes back out as a terminal command, and the key shows
 * only masked, on screen and in the progress file.
 */
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { BRACKETED_PASTE_OFF, PASTE_END } from '../../src/system/keys.js';
import { expectNoKey, filesUnder, SENTINEL } from '../helpers/answers.js';
import { freshConfigHome } from '../helpers/cli.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';
import { keyReads } from '../helpers/keyboard.js';
import { cursorShown, ptyRuns } from '../helpers/pty.js';

const start = ptyRuns(afterEach);
let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({});
});
afterAll(async () => {
  await server.close();
});

describe('generated keyboard input in a terminal', () => {
  it(
    'Ctrl+C still ends it, the terminal is given back, and nothing unsafe or unmasked comes out',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            cols: fc.integer({ min: 30, max: 120 }),
            rows: fc.integer({ min: 12, max: 40 }),
            reads: keyReads,
          }),
          async ({ cols, rows, reads }) => {
            const config = freshConfigHome();
            const run = start(['--base-url', server.baseUrl], {
              cols,
              rows,
              sttyAfter: true,
              env: { XDG_CONFIG_HOME: config, OPENAI_API_KEY: SENTINEL },
            });
            try {
              await run.waitFor(() => /\d+\/14|This terminal is/.test(run.raw()), 'the first screen');
              // The wizard turns bracketed paste off as it gives the terminal back: then it has ended.
              const released = () => run.raw().includes(BRACKETED_PASTE_OFF);
              for (const read of reads) {
                if (released()) break;
                run.write(read);
                await new Promise((resolve) => setImmediate(resolve));
              }
              // An open paste would take Ctrl+C as text: close it first (a stray end marker is ignored).
              if (!released()) run.write(`${PASTE_END}\u0003`);
              // From the raw output, not the screen: on a short terminal stty's report scrolls the line away.
              const { code, stty: after } = await run.afterExit(15_000);
              expect([0, 130]).toContain(code);
              // What the wizard wrote: after it, the terminal echoes whatever was still being typed.
              const raw = run.raw().slice(0, run.raw().lastIndexOf(BRACKETED_PASTE_OFF));
              expect(after).toMatch(/(^|\s)echo(\s|$)/m);
              expect(after).toMatch(/(^|\s)icanon(\s|$)/m);
              expect(cursorShown(run.raw())).toBe(true);
              // Only Ink's own sequences: no title, no clipboard write, no 8-bit controls from the input.
              const output = raw.replace(/\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '');
              expect(output).not.toMatch(/\u001b\]|\u0007|[\u0080-\u009f]/);
              expectNoKey(raw, filesUnder(config));
            } finally {
              run.kill();
            }
          },
        ),
        fuzzParams(8),
      );
    },
    fuzzTimeout(90_000),
  );
});
