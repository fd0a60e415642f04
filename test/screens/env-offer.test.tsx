/**
 * The done screen's `.env` offer, in-process: <App> with an `envFile` service over a temporary folder, keys
 * as a terminal sends them. Only `y` writes; Enter, every other key, a burst and a paste with more than `y`
 * in it cancel; an existing OPENAI_API_KEY line needs its own `y`; the key never reaches the screen.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnvFileService } from '../../src/app-services.js';
import { contentFor, fill } from '../../src/content/content.js';
import type { Locale } from '../../src/content/locale.js';
import { PRACTICE_KEY } from '../../src/demo/practice-key.js';
import { applyEnvFile, planEnvFile } from '../../src/store/env-file.js';
import { oneKeyPerRead } from '../../src/system/key-reader.js';
import { PASTE_END, PASTE_START } from '../../src/system/keys.js';
import { maskKey } from '../../src/text/secrets.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { type AppOptions, renderApp } from '../helpers/app.js';
import { KEYS, settle } from '../helpers/render.js';

const KEY = 'sk-proj-FAKEofferSCREEN00000000000000000000000000000000XyZw';
const OLD = 'sk-proj-FAKEoldLINE000000000000000000000000000000000000OlDd';
const MASK = maskKey(KEY);

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

const folder = () => realpathSync(mkdtempSync(join(tmpdir(), 'topup-offer-')));
const mode = (path: string) => statSync(path).mode & 0o777;
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** A folder that is a git repository of its own (so the plan adds a .gitignore). */
function repository(): string {
  const dir = folder();
  execFileSync('git', ['init', '-q', dir]);
  return dir;
}

/** The store module bound to `dir`, as wizard.tsx binds it to the current folder; counts what it is asked. */
function serviceFor(dir: string) {
  const calls = { plan: 0, apply: [] as boolean[] };
  const service: EnvFileService = {
    plan: (key, extra) => {
      calls.plan += 1;
      return planEnvFile({ dir, key, env: { PATH: process.env.PATH }, ...(extra ? { extra } : {}) });
    },
    apply: (plan, options) => {
      calls.apply.push(options.replaceExistingKey);
      return applyEnvFile(plan, options);
    },
  };
  return { service, calls };
}

type DoneOptions = {
  readonly locale?: Locale;
  readonly columns?: number;
  readonly rows?: number;
  readonly envFile?: EnvFileService;
  readonly practice?: boolean;
  readonly keyReader?: boolean;
};

/**
 * The done screen with a key in the wizard's memory, reached as a user does: the key step takes the key
 * (from OPENAI_API_KEY, or the practice key), then the step list goes on to the last step.
 */
async function atDone(options: DoneOptions = {}) {
  const locale = options.locale ?? 'en';
  const appOptions: AppOptions = {
    locale,
    columns: options.columns ?? 80,
    rows: options.rows ?? 24,
    state: { index: stepIndex('api-key'), reached: stepIndex('done') },
    services: {
      suggestedKey: options.practice ? { key: PRACTICE_KEY, source: 'demo' } : { key: KEY, source: 'env' },
      practice: options.practice ?? false,
      ...(options.envFile ? { envFile: options.envFile } : {}),
    },
    ...(options.keyReader
      ? { wrapStdin: (stdin) => oneKeyPerRead(stdin, { escapeMs: 5, pasteMs: 50 }) }
      : {}),
  };
  const app = renderApp(appOptions);
  unmount = () => app.instance.unmount();
  await app.waitForText('12/14');
  await app.press(KEYS.enter);
  await app.waitForText('13/14');
  await app.press('s');
  await app.press(KEYS.down, KEYS.enter);
  await app.waitForText('14/14');
  return app;
}

type App = Awaited<ReturnType<typeof atDone>>;
const en = contentFor('en');
const ask = (app: App, locale: Locale = 'en') => app.waitForText(contentFor(locale).envFile.plan.heading);

/** Everything the screen has shown so far: no frame may hold the key. */
function expectKeyNeverShown(app: App): void {
  for (const frame of app.stdout.frames) {
    expect(frame).not.toContain(KEY);
    expect(frame).not.toContain(KEY.slice(8, -4));
  }
}

describe('the .env offer on the done screen', () => {
  it('names e in the hints, and e lists every file it will write with full paths, writing nothing', async () => {
    const dir = repository();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    expect(app.frame()).toContain(`e ${en.envFile.screen.hint}`);
    await app.press('e');
    const frame = flat(await ask(app));
    expect(frame).toContain(`${join(dir, '.gitignore')}:`);
    expect(frame).toContain(`${join(dir, '.env')}:`);
    expect(frame).toContain(fill(en.envFile.plan.key, { key: MASK }));
    expect(frame).toContain(flat(en.envFile.screen.ask));
    expect(frame).toContain(`y ${en.envFile.screen.write}`);
    expect(calls).toEqual({ plan: 1, apply: [] });
    expect(existsSync(join(dir, '.env'))).toBe(false);
    expect(existsSync(join(dir, '.gitignore'))).toBe(false);
    expectKeyNeverShown(app);
  });

  it('y writes the .env (mode 0600, the key inside) and the .gitignore, and shows what it wrote, masked', async () => {
    const dir = repository();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    await ask(app);
    await app.press('y');
    const frame = flat(await app.waitForText(en.envFile.done.use.slice(0, 30)));
    expect(frame).toContain(fill(en.envFile.done.gitignoreNew, { path: join(dir, '.gitignore') }));
    expect(frame).toContain(
      fill(en.envFile.done.envNew, { path: join(dir, '.env'), names: 'OPENAI_API_KEY' }),
    );
    expect(frame).toContain(fill(en.envFile.done.key, { key: MASK }));
    expect(calls.apply).toEqual([false]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(`OPENAI_API_KEY=${KEY}\n`);
    expect(mode(join(dir, '.env'))).toBe(0o600);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toBe('.env\n');
    expectKeyNeverShown(app);
    // Still the done screen: Enter finishes as before.
    expect(app.exit()).toBeUndefined();
    await app.press(KEYS.enter);
    await app.waitFor(() => app.exit() !== undefined, 'the wizard to finish');
    expect(app.exit()?.code).toBe(0);
  });

  it('Enter is not a yes: it cancels, says nothing was written, and does not finish the wizard', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    await ask(app);
    await app.press(KEYS.enter);
    await app.waitForText(en.envFile.screen.cancelled);
    expect(app.exit()).toBeUndefined();
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
    // The screen is back: Enter finishes now.
    expect(app.frame()).toContain(`Enter ${en.ui.hints.finish}`);
  });

  it.each([
    ['n', 'n'],
    ['Y', 'Y'],
    ['space', ' '],
    ['Esc', KEYS.escape],
    ['←', KEYS.left],
    ['q', 'q'],
    ['l', 'l'],
    ['?', '?'],
    ['1', '1'],
    ['Alt+y', '\u001by'],
    ['Ctrl+Y', '\u0019'],
  ])('%s cancels and writes nothing, and does nothing else', async (_name, key) => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    await ask(app);
    await app.press(key);
    const frame = await app.waitForText(en.envFile.screen.cancelled);
    expect(frame).toContain('14/14 Done');
    expect(app.exit()).toBeUndefined();
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  it('ㅛ (the y key with Korean input on) cancels and says why', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service, locale: 'ko' });
    await app.press('e');
    await ask(app, 'ko');
    await app.press('ㅛ');
    const sentence = flat(contentFor('ko').envFile.screen.cancelledHangul);
    await app.waitFor((f) => flat(f).includes(sentence), 'the note on Korean input');
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  it('keys that arrive together as yy are one piece of text, not a yes', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service, keyReader: true });
    await app.press('e');
    await ask(app);
    await app.press('yy');
    await app.waitForText(en.envFile.screen.cancelled);
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  it.each([
    ['y with a newline', 'y\n'],
    ['yes', 'yes'],
    ['a key', KEY],
    ['y twice', 'yy'],
  ])('a bracketed paste of %s is not a yes', async (_name, text) => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service, keyReader: true });
    await app.press('e');
    await ask(app);
    await app.press(`${PASTE_START}${text}${PASTE_END}`);
    await app.waitForText(en.envFile.screen.cancelled);
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
    expectKeyNeverShown(app);
  });

  it('a bracketed paste of a lone y reaches the screen as a typed y, and counts as one (documented)', async () => {
    // The input layer drops the paste markers (system/keys.ts forInk): a lone pasted y cannot be told apart.
    const dir = folder();
    const { service } = serviceFor(dir);
    const app = await atDone({ envFile: service, keyReader: true });
    await app.press('e');
    await ask(app);
    await app.press(`${PASTE_START}y${PASTE_END}`);
    await app.waitForText(en.envFile.done.use.slice(0, 30));
    expect(mode(join(dir, '.env'))).toBe(0o600);
  });

  it('y then Enter in one read writes once, and the Enter that follows does not finish the wizard', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service, keyReader: true });
    await app.press('e');
    await ask(app);
    await app.press(`y${KEYS.enter}`);
    await app.waitForText(en.envFile.done.use.slice(0, 30));
    expect(calls.apply).toEqual([false]);
    expect(app.exit()).toBeUndefined();
  });

  it('a y pressed while the folder is still being looked at is not a yes to a list not yet shown', async () => {
    const dir = folder();
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { service, calls } = serviceFor(dir);
    const slow: EnvFileService = {
      ...service,
      plan: async (key, extra) => gate.then(() => service.plan(key, extra)),
    };
    const app = await atDone({ envFile: slow });
    await app.press('e');
    await app.waitForText(en.envFile.screen.looking);
    await app.press('y');
    await app.waitForText(en.envFile.screen.cancelled);
    release();
    await app.waitFor(() => calls.plan === 1, 'the late plan');
    await settle();
    // The late plan is dropped: no question comes back, nothing is written.
    expect(app.frame()).toContain(en.envFile.screen.cancelled);
    expect(app.frame()).not.toContain(en.envFile.plan.heading);
    expect(calls.apply).toEqual([]);
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });
});

describe('an existing OPENAI_API_KEY line', () => {
  const withOldKey = () => {
    const dir = folder();
    writeFileSync(join(dir, '.env'), `# mine\nOPENAI_API_KEY=${OLD}\nOTHER=1\n`, { mode: 0o600 });
    return dir;
  };

  it('is replaced only after its own second y, asked with the plan sentence about it', async () => {
    const dir = withOldKey();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    expect(flat(await ask(app))).toContain(flat(fill(en.envFile.plan.replace, { names: 'OPENAI_API_KEY' })));
    await app.press('y');
    const second = flat(await app.waitForText(en.envFile.screen.askReplace.slice(0, 20)));
    expect(second).toContain(flat(fill(en.envFile.plan.replace, { names: 'OPENAI_API_KEY' })));
    expect(second).toContain(`y ${en.envFile.screen.replace}`);
    expect(calls.apply).toEqual([]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toContain(OLD);
    await app.press('y');
    await app.waitForText(en.envFile.done.use.slice(0, 30));
    expect(calls.apply).toEqual([true]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe(`# mine\nOPENAI_API_KEY=${KEY}\nOTHER=1\n`);
    expectKeyNeverShown(app);
  });

  it.each([
    ['Enter', KEYS.enter],
    ['n', 'n'],
  ])('%s at the second question keeps the line and writes nothing', async (_name, key) => {
    const dir = withOldKey();
    const before = readFileSync(join(dir, '.env'));
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    await ask(app);
    await app.press('y');
    await app.waitForText(en.envFile.screen.askReplace.slice(0, 20));
    await app.press(key);
    const frame = flat(await app.waitFor((f) => flat(f).includes('nothing was written'), 'kept'));
    expect(frame).toContain(fill(en.envFile.done.kept, { path: join(dir, '.env'), names: 'OPENAI_API_KEY' }));
    expect(calls.apply).toEqual([false]);
    expect(readFileSync(join(dir, '.env'))).toEqual(before);
    expect(app.exit()).toBeUndefined();
  });
});

describe('refusals and the cases where nothing is offered', () => {
  it('a .env that is a folder is refused in its one sentence, and nothing is asked', async () => {
    const dir = folder();
    mkdirSync(join(dir, '.env'));
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    const sentence = fill(en.envFile.refused.envFolder, { path: join(dir, '.env') });
    const frame = flat(await app.waitFor((f) => flat(f).includes(sentence), 'the refusal'));
    expect(frame).not.toContain(en.envFile.plan.heading);
    expect(frame).not.toContain(flat(en.envFile.screen.ask));
    expect(calls.apply).toEqual([]);
  });

  it('a .env that git tracks is refused, with why', async () => {
    const dir = repository();
    writeFileSync(join(dir, '.env'), 'OTHER=1\n');
    execFileSync('git', ['-C', dir, 'add', '.env']);
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service });
    await app.press('e');
    const sentence = flat(fill(en.envFile.refused.tracked, { path: join(dir, '.env') }));
    await app.waitFor((f) => flat(f).includes(sentence), 'the refusal');
    expect(calls.apply).toEqual([]);
    expect(readFileSync(join(dir, '.env'), 'utf8')).toBe('OTHER=1\n');
  });

  it('practice mode says the practice key is not written, and never asks the writer', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const app = await atDone({ envFile: service, practice: true });
    expect(app.frame()).toContain(`e ${en.envFile.screen.hint}`);
    await app.press('e');
    await app.waitFor((f) => flat(f).includes(flat(en.envFile.screen.practice)), 'the practice note');
    expect(calls).toEqual({ plan: 0, apply: [] });
    expect(existsSync(join(dir, '.env'))).toBe(false);
  });

  it('without a key in memory, e is not offered; pressed anyway, it says where to enter the key', async () => {
    const dir = folder();
    const { service, calls } = serviceFor(dir);
    const index = stepIndex('done');
    const app = renderApp({ state: { index, reached: index }, services: { envFile: service } });
    unmount = () => app.instance.unmount();
    await app.waitForText('14/14');
    expect(app.frame()).not.toContain(en.envFile.screen.hint);
    await app.press('e');
    const sentence = flat(fill(en.envFile.screen.noKey, { n: stepIndex('api-key') + 1 }));
    await app.waitFor((f) => flat(f).includes(sentence), 'the no-key note');
    expect(calls.plan).toBe(0);
  });

  it('without the service (check, tests) e is neither shown nor acted on', async () => {
    const app = await atDone();
    expect(app.frame()).not.toContain(en.envFile.screen.hint);
    await app.press('e');
    await settle();
    expect(app.frame()).not.toContain(en.envFile.plan.heading);
  });

  it('the help lists e', async () => {
    for (const locale of ['en', 'ko'] as const) {
      expect(contentFor(locale).ui.help.rows.map(([key]) => key)).toContain('e');
    }
    const app = await atDone({ envFile: serviceFor(folder()).service });
    await app.press('?');
    await app.waitForText(en.ui.help.rows.find(([key]) => key === 'e')?.[1]?.slice(0, 25) ?? '?');
  });
});

describe('the offer fits', () => {
  const sizes = [
    [40, 15],
    [80, 24],
  ] as const;
  const cases = (['en', 'ko'] as const).flatMap((locale) =>
    sizes.map(([columns, rows]) => ({ locale, columns, rows })),
  );

  /** The frame keeps the progress line on top, one row spare, and every given text on screen. */
  function expectFits(frame: string, rows: number, texts: readonly string[]): void {
    const lines = frame.replace(/\n+$/, '').split('\n');
    expect(lines[0]).toMatch(/^14\/14 /);
    expect(lines.length).toBeLessThanOrEqual(rows - 1);
    const joined = lines.join('');
    for (const text of texts) expect(joined.replace(/\s/g, '')).toContain(text.replace(/\s/g, ''));
  }

  it.each(cases)(
    'in $locale at $columns×$rows: the list with both full paths, the second question, and the result',
    async ({ locale, columns, rows }) => {
      const content = contentFor(locale);
      const dir = repository();
      writeFileSync(join(dir, '.env'), `OPENAI_API_KEY=${OLD}\n`, { mode: 0o644 });
      const { service } = serviceFor(dir);
      const app = await atDone({ envFile: service, locale, columns, rows });
      expectFits(app.frame(), rows, [`e ${content.envFile.screen.hint}`]);
      await app.press('e');
      expectFits(await ask(app, locale), rows, [join(dir, '.gitignore'), join(dir, '.env')]);
      await app.press('y');
      const second = await app.waitFor(
        (f) => f.includes(`y ${content.envFile.screen.replace}`),
        'the second question',
      );
      expectFits(second, rows, [
        join(dir, '.env'),
        fill(content.envFile.plan.replace, { names: 'OPENAI_API_KEY' }),
      ]);
      await app.press('y');
      const done = await app.waitFor(
        (f) =>
          f.replace(/\s/g, '').includes(join(dir, '.gitignore').replace(/\s/g, '')) && f.includes('14/14'),
        'the result',
      );
      expectFits(app.frame(), rows, [join(dir, '.gitignore'), join(dir, '.env')]);
      expect(done).not.toContain(content.envFile.plan.heading);
      expect(mode(join(dir, '.env'))).toBe(0o600);
      expectKeyNeverShown(app);
    },
  );
});
