/**
 * The failure screen of every outcome kind, in both languages: its title, action and page, what Enter does,
 * and hints that match the keys that act (each hinted key does something, every other key nothing). Also:
 * help opened and closed keeps the failure, a timed-out call and then `r`, and the API key field after a
 * refusal (a paste replaces it, Ctrl+U clears it).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { explain } from '../../src/api/explain.js';
import { type FailureKind, OUTCOMES } from '../../src/api/outcomes.js';
import { contentFor, fill, plain } from '../../src/content/content.js';
import type { Locale } from '../../src/content/locale.js';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { DoneScreen } from '../../src/screens/done-screen.js';
import { PERSONAL_STEPS as STEPS } from '../../src/wizard/flow.js';
import { stepAt, stepIndex } from '../../src/wizard/steps.js';
import { renderApp, sessionTo, testPolicy } from '../helpers/app.js';
import { EXAMPLES, FAILURE_KINDS, failingSession } from '../helpers/diagnoses.js';
import { KEYS, render, settle } from '../helpers/render.js';

const FAKE = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
/** A `{token}` left unfilled. */
const TOKEN = /\{[a-zA-Z][a-zA-Z0-9]*\}/;
const flat = (text: string) => text.replace(/\s+/g, ' ');

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** The wizard at the test call, failing with the example diagnosis of `kind` every time. */
async function failingAt(kind: FailureKind, locale: Locale) {
  const session = failingSession(EXAMPLES[kind]);
  const index = stepIndex('api-key');
  const app = renderApp({
    locale,
    columns: 80,
    rows: 60,
    state: { index, reached: index },
    services: {
      suggestedKey: { key: FAKE, source: 'env' },
      openSession: session.open,
      callPolicy: testPolicy({ maxRetries: 0, creditWait: { intervalMs: 60_000, maxTries: 3, auto: false } }),
      copy: async (_text, words) => words.clipboard.osc52,
    },
  });
  cleanup = () => app.instance.unmount();
  const content = contentFor(locale);
  const explanation = explain(EXAMPLES[kind], content, 'gpt-4o-mini');
  await app.waitForText(content.steps['api-key'].useEnv);
  await app.press(KEYS.enter);
  await app.waitForText(`✗ ${explanation.title}`);
  return { app, session, content, explanation };
}

/** The hint line: the last block of the frame, split into [key, label]. */
function hintsOf(frame: string): [string, string][] {
  const blocks = frame.trimEnd().split(/\n\s*\n/);
  // The hint lines break between hints (src/components/layout.ts layoutHints), never inside one.
  const segments = (blocks.at(-1) ?? '')
    .split('\n')
    .flatMap((line) => line.trim().split(' · '))
    .filter(Boolean);
  const keys = ['Enter, r', 'Enter', 'r', 'w', '←', 'Esc', 'c', 's', '?', 'l', 'q'];
  return segments.map((segment) => {
    const key = keys.find((k) => segment.startsWith(`${k} `)) ?? segment;
    return [key, segment.slice(key.length + 1)];
  });
}

/** What the hints must be for a kind, from CLI.md: Enter goes to the fixing step, else tries again. */
function expectedHints(kind: FailureKind, locale: Locale): [string, string][] {
  const content = contentFor(locale);
  const h = content.ui.hints;
  const step = OUTCOMES[kind].step;
  const fix = step && step !== 'test-call' ? step : null;
  return [
    ...(fix
      ? ([
          ['Enter', fill(h.fix, { n: stepIndex(fix) + 1, name: content.steps[fix].name })],
          ['r', h.retry],
        ] as [string, string][])
      : ([['Enter, r', h.retry]] as [string, string][])),
    ...(kind === 'no-credit' ? ([['w', h.wait]] as [string, string][]) : []),
    ['←', h.back],
    ['c', h.copy],
    ['s', h.steps],
    ['?', h.help],
    ['l', h.lang],
    ['q', h.quit],
  ];
}

describe('the failure screen of every outcome kind', () => {
  it.each((['en', 'ko'] as const).flatMap((locale) => FAILURE_KINDS.map((kind) => [kind, locale] as const)))(
    '%s in %s: title, action, page, hints, and what Enter does',
    async (kind, locale) => {
      const { app, session, content, explanation } = await failingAt(kind, locale);
      const frame = app.frame();
      const text = flat(frame);
      expect(text).toContain(`✗ ${explanation.title}`);
      expect(text).toContain(flat(plain(explanation.action)));
      expect(text).toContain(flat(plain(explanation.retry)));
      for (const link of explanation.links) expect(text).toContain(link.url);
      expect(frame).not.toMatch(TOKEN);
      expect(hintsOf(frame)).toEqual(expectedHints(kind, locale));

      const step = OUTCOMES[kind].step;
      const before = session.chats();
      await app.press(KEYS.enter);
      if (step && step !== 'test-call') {
        const sentBack = flat(fill(content.steps['test-call'].sentBack, { title: explanation.title }));
        // The step says which failure sent the user back to it (a notice, drawn once the step is).
        await app.waitFor(
          (frame) =>
            frame.includes(`${stepIndex(step) + 1}/${STEPS.length} ${content.steps[step].name}`) &&
            flat(frame).includes(sentBack),
          'the fixing step with the reason',
        );
      } else {
        // Where no other step fixes it, Enter tries again: a new request, and the failure once more.
        await app.waitFor(() => session.chats() === before + 1, 'a new request');
        await app.waitForText(`✗ ${explanation.title}`);
      }
    },
  );

  it.each(FAILURE_KINDS)('%s: every hinted key acts, and no other key does', async (kind) => {
    const { app, session, content, explanation } = await failingAt(kind, 'en');
    const hinted = new Set(hintsOf(app.frame()).flatMap(([key]) => key.split(', ')));
    const title = `✗ ${explanation.title}`;

    // Keys the wizard knows that are not hinted here: nothing changes, nothing is sent, nothing ends.
    const others: [string, string][] = [
      ['o', 'o'],
      ['↑', KEYS.up],
      ['↓', KEYS.down],
      ['Tab', '\t'],
      ['PgUp', '\u001b[5~'],
      ['PgDn', '\u001b[6~'],
      ['x', 'x'],
      ['w', 'w'],
    ];
    for (const [name, sequence] of others.filter(([name]) => !hinted.has(name))) {
      const frame = app.frame();
      const chats = session.chats();
      await app.press(sequence);
      await settle();
      expect(app.frame(), `${name} changed the screen`).toBe(frame);
      expect(session.chats(), `${name} sent a request`).toBe(chats);
      expect(app.exit(), `${name} ended the wizard`).toBeUndefined();
    }

    expect(hinted).toEqual(
      new Set(['Enter', 'r', ...(kind === 'no-credit' ? ['w'] : []), '←', 'c', 's', '?', 'l', 'q']),
    );
    await app.press('c');
    await app.waitForText(content.clipboard.osc52.slice(0, 30));
    await app.press('?');
    await app.waitForText(content.ui.help.title);
    await app.press('?');
    await app.waitForText(title);
    await app.press('s');
    await app.waitForText(content.ui.stepList.title);
    await app.press(KEYS.escape);
    await app.waitForText(title);
    await app.press('l');
    await app.waitForText(`✗ ${explain(EXAMPLES[kind], contentFor('ko'), 'gpt-4o-mini').title}`);
    await app.press('l');
    await app.waitForText(title);
    const chats = session.chats();
    await app.press('r');
    await app.waitFor(() => session.chats() === chats + 1, 'r to send a new request');
    await app.waitForText(title);
    if (hinted.has('w')) {
      await app.press('w');
      await app.waitForText('Next try in');
      await app.press(KEYS.escape);
      await app.waitForText(title);
    }
    await app.press(KEYS.left);
    await app.waitForText(`12/14 ${content.steps['api-key'].name}`);
  });

  it.each(FAILURE_KINDS)('%s: q quits', async (kind) => {
    const { app } = await failingAt(kind, 'en');
    await app.press('q');
    await app.waitFor(() => app.exit() !== undefined, 'the wizard to end');
    expect(app.exit()?.code).toBe(0);
  });
});

describe('help on a failure', () => {
  it.each([['?'], [KEYS.escape]])(
    'opened with ? and closed with %j leaves the failure on screen',
    async (close) => {
      const { app, session, explanation } = await failingAt('no-credit', 'en');
      const before = app.frame();
      await app.press('?');
      await app.waitForText(`? ${contentFor('en').ui.hints.close}`);
      expect(app.frame()).not.toContain(explanation.title);
      await app.press(close);
      await app.waitForText(`✗ ${explanation.title}`);
      expect(app.frame()).toBe(before);
      expect(session.chats()).toBe(1);
    },
  );
});

describe('a timed-out call, then r', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ scenario: 'slow-then-ok' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends a second request with a fresh time limit, and no {placeholder} shows anywhere', async () => {
    const index = stepIndex('api-key');
    const app = renderApp({
      columns: 80,
      rows: 60,
      state: { index, reached: index },
      services: {
        suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
        openSession: sessionTo(server.baseUrl),
        callPolicy: testPolicy({ timeoutMs: 1000 }),
      },
    });
    cleanup = () => app.instance.unmount();
    await app.waitForText('Use this key');
    await app.press(KEYS.enter);
    const failed = await app.waitForText('✗ The call took too long', 10_000);
    expect(flat(failed)).toContain('the whole check took longer than its 1 s limit');
    expect(flat(failed)).toContain('openai-topup --timeout 120');
    const chats = () => server.requests.filter((request) => request.path === '/v1/chat/completions').length;
    expect(chats()).toBe(1);
    await app.press('r');
    await app.waitFor(() => chats() === 2, 'the second request to reach the server', 10_000);
    await app.waitForText('✓ The key works', 10_000);
    expect(app.stdout.frames.join('').replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(TOKEN);
  });
});

describe('the API key field', () => {
  it('after a refusal, a paste replaces the refused key and Ctrl+U clears the field', async () => {
    const index = stepIndex('api-key');
    const app = renderApp({ columns: 80, rows: 40, state: { index, reached: index } });
    cleanup = () => app.instance.unmount();
    await app.waitForText('nothing yet');
    const anthropic = `sk-ant-api03-${'FAKE'.repeat(20)}`;
    await app.press(anthropic, KEYS.enter);
    await app.waitForText('key for Anthropic');
    // A bracketed paste, as a terminal sends it: it replaces the refused key instead of joining it.
    await app.press(`\u001b[200~${FAKE}\u001b[201~`);
    await app.waitForText(`${FAKE.length} characters: sk-proj-…6789`);
    expect(app.frame()).not.toContain('key for Anthropic');
    expect(app.frame()).not.toContain('cut off');
    await app.press('\u0015');
    await app.waitForText('nothing yet');
    await app.press('sk-');
    await app.waitForText('3 characters');
  });

  it('after a refusal, a plain paste (no brackets) replaces the refused key too', async () => {
    const index = stepIndex('api-key');
    const app = renderApp({ columns: 80, rows: 40, state: { index, reached: index } });
    cleanup = () => app.instance.unmount();
    await app.waitForText('nothing yet');
    await app.press('sk-proj-FAKE', KEYS.enter);
    await app.waitForText('cut off');
    await app.press(FAKE);
    await app.waitForText(`${FAKE.length} characters`);
  });
});

describe('practice mode', () => {
  it('the done screen says the practice server answered and no real key or credit was checked', async () => {
    for (const practice of [true, false]) {
      const content = contentFor('en');
      const rendered = render(
        <DoneScreen
          step={stepAt(stepIndex('done'))}
          content={content}
          shell="bash"
          copy={undefined}
          onNotice={() => undefined}
          practice={practice}
          keyStep={stepIndex('api-key') + 1}
        />,
        { columns: 80, rows: 40 },
      );
      const frame = flat(await rendered.waitForText('14/14'));
      expect(frame.includes(content.steps.done.practice)).toBe(practice);
      rendered.instance.unmount();
    }
  });

  it('the success says the key works first, then that it was the practice server, and explains its lines', async () => {
    const server = await startDemoServer({});
    try {
      const index = stepIndex('api-key');
      const app = renderApp({
        columns: 80,
        rows: 60,
        state: { index, reached: index },
        services: {
          suggestedKey: { key: PRACTICE_KEY, source: 'demo' },
          openSession: sessionTo(server.baseUrl),
          callPolicy: testPolicy(),
          practice: true,
        },
      });
      cleanup = () => app.instance.unmount();
      await app.waitForText('Use this key');
      await app.press(KEYS.enter);
      const frame = flat(await app.waitForText('replied:'));
      const works = frame.indexOf('✓ The key works');
      expect(works).toBeGreaterThan(-1);
      expect(frame.indexOf('This came from the practice server')).toBeGreaterThan(works);
      expect(frame).toContain('Organization the key belongs to (its credit pays for the calls)');
      expect(frame).toContain('(network and model together)');
    } finally {
      await server.close();
    }
  });
});
