/**
 * `--print` is the whole guide: for every step of the personal guide, in both languages, the printed step
 * holds every sentence, label, address and command its screen shows, except what is said only to someone at
 * the keyboard; and nothing in it is addressed to a keyboard user. What a screen shows is read from the screen
 * itself (the wizard drawn wide enough that nothing waits behind Tab), matched against every sentence of the
 * locale file, so the test follows the screens as they change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { curlCommand, DEFAULT_BASE_URL } from '../../src/api/request.js';
import { printGuide } from '../../src/commands/print.js';
import { type Content, contentFor } from '../../src/content/content.js';
import { LOCALES, type Locale } from '../../src/content/locale.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { KEY_PLACEHOLDER, keepKeyLine } from '../../src/text/shell.js';
import { PERSONAL_STEPS } from '../../src/wizard/flow.js';
import type { Step } from '../../src/wizard/steps.js';
import { renderApp, sessionTo } from '../helpers/app.js';
import { KEYS } from '../helpers/render.js';

const FAKE = `sk-proj-${'FAKEfake0123456789'.repeat(8)}`;
/** Just narrower than the width from which the step list sits beside the screen (README: 100 columns). */
const COLUMNS = 99;

/**
 * Shown on a screen, never printed: sentences about this screen's own keys, fields and choices, and what a
 * run found out (the organization of the key). Each must really be shown somewhere (checked below), so the
 * list cannot keep an entry that no screen draws any more.
 */
const INTERACTIVE_ONLY = new Set([
  'steps.account-type.hint',
  'steps.account-type.choices.individual',
  'steps.account-type.choices.company',
  'steps.amount.hint',
  'steps.amount.field',
  'steps.auto-recharge.choices.off',
  'steps.auto-recharge.choices.on',
  'steps.api-key.prompt',
  'steps.api-key.nothingYet',
  'steps.api-key.notStored',
  'steps.test-call.confirm',
  'steps.test-call.organization',
]);

type Leaf = { readonly path: string; readonly value: string };

function leaves(node: unknown, path = ''): Leaf[] {
  if (typeof node === 'string') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof node === 'object' && node !== null)
    return Object.entries(node).flatMap(([key, value]) => leaves(value, path ? `${path}.${key}` : key));
  return [];
}

/** Text as compared: no spaces or line breaks (screens wrap, print does not), no label marks or quotes. */
const squeeze = (text: string) => text.replace(/[\s`"“”]/g, '');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const TOKEN = /\{[a-zA-Z][a-zA-Z0-9]*\}/;

/**
 * A sentence of the locale file as a pattern over squeezed text: its words literally, each `{token}` inside
 * it as any text. Tokens at either end are left out, so a match never reaches into the text around it.
 * Undefined for sentences too short to tell apart from chrome (step names, hints, single words).
 */
function patternOf(value: string): RegExp | undefined {
  const parts = value.split(TOKEN).map(squeeze);
  while (parts.length > 0 && parts[0] === '') parts.shift();
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  if (parts.join('').length < 4) return undefined;
  // Words between tokens too short to anchor a match ("{h} h {m} min") would match anything.
  if (parts.length > 1 && parts.some((part) => part.length < 3)) return undefined;
  return new RegExp(parts.map(escapeRegExp).join('.+?'), 'u');
}

/**
 * Which sentences of the locale file a screen shows: each text shown (squeezed), with the keys of the
 * sentences that read so (two keys can hold the same words, as `Organization: {…}` does).
 */
function shownSentences(frame: string, content: Content): { paths: string[]; text: string }[] {
  // The picture of the platform's page is not a sentence of the guide (its labels are checked below).
  const screen = squeeze(
    frame
      .split('\n')
      .filter((line) => !/^\s*[┌│└]/.test(line))
      .join('\n'),
  );
  const found: { path: string; text: string; start: number; end: number }[] = [];
  for (const leaf of leaves(content)) {
    // The progress line, hints, step list and help are the screen's own chrome, not the guide's words.
    if (
      leaf.path.startsWith('ui.') ||
      /^steps\.[^.]+\.name$/.test(leaf.path) ||
      leaf.path.startsWith('meta.')
    )
      continue;
    const match = patternOf(leaf.value)?.exec(screen);
    if (match)
      found.push({ path: leaf.path, text: match[0], start: match.index, end: match.index + match[0].length });
  }
  // A short sentence found inside a longer one that was found (a word of it) is not shown on its own.
  const inside = (a: (typeof found)[number]) =>
    found.some((b) => b !== a && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start);
  const shown = new Map<string, { paths: string[]; text: string }>();
  for (const item of found.filter((item) => !inside(item))) {
    const key = `${item.start}:${item.text}`;
    shown.set(key, { paths: [...(shown.get(key)?.paths ?? []), item.path], text: item.text });
  }
  return [...shown.values()];
}

/** The printed step `n`: from its numbered line up to the next one (or the end of the steps). */
function printedStep(printed: string, n: number): string {
  const start = printed.search(new RegExp(`^${n}\\. `, 'm'));
  const next = printed.slice(start + 1).search(new RegExp(`^${n + 1}\\. `, 'm'));
  return next < 0 ? printed.slice(start) : printed.slice(start, start + 1 + next);
}

/** Words addressed to someone at the keyboard: the keys the help lists by name, and pressing. */
function keyboardWords(content: Content): RegExp[] {
  const names = content.ui.help.rows
    .flatMap(([keys]) => (keys ?? '').split(' '))
    // → also joins menu paths (Organization → Billing); digits and single letters are typed text.
    .filter((key) => key.length > 1 && key !== '→' && !/^\d/.test(key));
  const arrows = ['←', '↑', '↓'];
  return [
    ...names.map((key) => new RegExp(`(^|[^A-Za-z])${escapeRegExp(key)}([^A-Za-z]|$)`)),
    ...arrows.map((arrow) => new RegExp(escapeRegExp(arrow))),
    /\bpress(es|ed|ing)?\b/i,
    /누르|눌러|단축키/,
  ];
}

let server: DemoServer;
beforeAll(async () => {
  server = await startDemoServer({ scenario: 'success' });
});
afterAll(async () => {
  await server.close();
});

/**
 * The screen of a step, drawn tall enough that nothing waits behind Tab and narrower than the width that adds
 * the step list beside it (its names would sit inside wrapped sentences); the test call up to its confirmation.
 */
async function screenOf(step: Step, locale: Locale, content: Content): Promise<string> {
  const position = PERSONAL_STEPS.indexOf(step);
  if (step.id === 'test-call') {
    const index = position - 1;
    const app = renderApp({
      locale,
      columns: COLUMNS,
      rows: 100,
      state: { index, reached: index },
      services: {
        shell: 'bash',
        suggestedKey: { key: FAKE, source: 'env' },
        openSession: sessionTo(server.baseUrl),
      },
    });
    try {
      await app.waitForText(content.steps['api-key'].useEnv);
      await app.press(KEYS.enter);
      return await app.waitForText(content.steps['test-call'].confirm);
    } finally {
      app.instance.unmount();
    }
  }
  const app = renderApp({
    locale,
    columns: COLUMNS,
    rows: 100,
    state: { index: position, reached: position },
    services: { shell: 'bash' },
  });
  try {
    return await app.waitForText(`${position + 1}/${PERSONAL_STEPS.length} ${content.steps[step.id].name}`);
  } finally {
    app.instance.unmount();
  }
}

const cases = LOCALES.flatMap((locale) => PERSONAL_STEPS.map((step) => ({ locale, step })));
const shownInteractive = new Set<string>();

describe('--print holds what every screen shows', () => {
  it.each(cases)(
    '$step.id in $locale: every fact, label, address and command of its screen',
    async ({ locale, step }) => {
      const content = contentFor(locale);
      const printed = printGuide(locale, { ascii: false });
      const n = PERSONAL_STEPS.indexOf(step) + 1;
      const section = printedStep(printed, n);
      const header = printed.slice(0, printed.search(/^1\. /m));
      const frame = await screenOf(step, locale, content);
      expect(frame, 'the step list beside the screen').not.toContain(content.ui.stepList.title);

      const shown = shownSentences(frame, content);
      const missing = shown
        .filter(({ paths }) => !paths.some((path) => INTERACTIVE_ONLY.has(path)))
        .filter(({ text }) => !squeeze(header + section).includes(text))
        .map(({ paths }) => paths.join(' = '));
      expect(missing, `shown on the ${step.id} screen but not printed in step ${n}`).toEqual([]);
      for (const { paths } of shown)
        for (const path of paths) if (INTERACTIVE_ONLY.has(path)) shownInteractive.add(path);
      // What is said only at the keyboard stays out of print.
      for (const path of INTERACTIVE_ONLY) {
        const value = leaves(content).find((leaf) => leaf.path === path)?.value ?? '';
        const pattern = patternOf(value);
        if (pattern) expect(pattern.test(squeeze(printed)), path).toBe(false);
      }

      expect(section).toMatch(new RegExp(`^${n}\\. ${escapeRegExp(content.steps[step.id].title)}$`, 'm'));
      for (const label of step.labels) expect(section, label).toContain(`"${label}"`);
      // Every address the screen shows stands alone on a line (the practice server stands in for the API).
      for (const url of frame.match(/https?:\/\/[^\s"'`<>()]+/g) ?? [])
        if (!url.startsWith('http://127.0.0.1')) expect(section.split('\n'), url).toContain(url);
      if (step.url) expect(section.split('\n')).toContain(step.url);
    },
  );

  it('lists as keyboard-only only sentences some screen shows', () => {
    // Runs after the screens above: an entry no screen drew any more would be a stale exception.
    expect([...INTERACTIVE_ONLY].filter((path) => !shownInteractive.has(path))).toEqual([]);
  });

  it.each(LOCALES)(
    'the test call in %s: the post’s export line, then the check and the curl command',
    (locale) => {
      const content = contentFor(locale);
      const printed = printGuide(locale, { ascii: false });
      const section = printedStep(printed, PERSONAL_STEPS.findIndex((step) => step.id === 'test-call') + 1);
      const exportLine = `export OPENAI_API_KEY="${KEY_PLACEHOLDER}"`;
      const curl = curlCommand(DEFAULT_BASE_URL, 'gpt-4o-mini', false);
      expect(section.split('\n')).toContain(exportLine);
      expect(section.split('\n')).toContain('openai-topup check');
      expect(section).toContain(curl);
      expect(section.indexOf(exportLine)).toBeLessThan(section.indexOf(curl));
      expect(section).toContain(content.steps['test-call'].curlTitle);
      // A placeholder, never a key.
      expect(printed).not.toMatch(/sk-[A-Za-z0-9_-]{8,}/);
    },
  );

  it.each(LOCALES)(
    'the last step in %s, whole: the shell line, history, git, revoking, limits and usage',
    (locale) => {
      const content = contentFor(locale);
      const done = content.steps.done;
      const printed = printGuide(locale, { ascii: false, shell: 'zsh' });
      const section = printedStep(printed, PERSONAL_STEPS.length);
      const keep = keepKeyLine('zsh');
      expect(section).toContain(keep.file ?? '');
      expect(section.split('\n')).toContain(keep.line);
      for (const sentence of [done.keepKeyNote, done.history, done.git, done.revoke, done.limits])
        expect(section).toContain(sentence);
      for (const url of [
        'https://platform.openai.com/api-keys',
        'https://platform.openai.com/settings/organization/limits',
        'https://platform.openai.com/usage',
      ])
        expect(section.split('\n')).toContain(url);
    },
  );

  it.each(LOCALES)('nothing in the %s guide is addressed to a keyboard user', (locale) => {
    const printed = printGuide(locale, { ascii: false });
    const hits = keyboardWords(contentFor(locale)).filter((word) => word.test(printed));
    expect(hits.map(String)).toEqual([]);
  });

  it('the keyboard words would be found where they are used', () => {
    for (const locale of LOCALES) {
      const content = contentFor(locale);
      const words = keyboardWords(content);
      for (const sentence of [content.steps['test-call'].confirm, content.ui.stepList.hint])
        expect(
          words.some((word) => word.test(sentence)),
          sentence,
        ).toBe(true);
      // A platform label is not a key: "Log in" is clicked.
      expect(words.some((word) => word.test(content.steps.login.body[0] ?? ''))).toBe(false);
    }
  });
});
