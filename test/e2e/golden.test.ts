/**
 * Golden screens from a real terminal: the built CLI in a pseudo-terminal, read through a terminal emulator,
 * every screen of a --demo walk in both languages, at 40×24, 80×24 and 120×30, with and without colour,
 * with --ascii and with --screen-reader; a failed test call from the practice server; keys sent in bursts.
 * Each walk is one snapshot file under test/golden/ (text and styles, see screen-capture.ts), and the
 * README's pictures (docs/screens/) are drawn from the same captures. `npm run screens` rewrites them all.
 *
 * Besides the snapshots, every capture is held to the rules in screen-capture.ts (RULES). The rules broken
 * today are listed in KNOWN_FAILURES, which must be exactly right: a listed failure that no longer happens
 * fails the suite as surely as a new one, so the list shrinks as the fixes land.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import xterm from '@xterm/headless';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PICTURES,
  parseWalk,
  pictureSvg,
  readmeSection,
  readmeSectionOf,
  withReadmeSection,
} from '../../scripts/screens-svg.mjs';
import { startDemoServer } from '../../src/demo/server.js';
import { teamFlowStepIds } from '../../src/team/flow.js';
import { parseTeamFile, TEAM_FILE_NAME } from '../../src/team/team-file.js';
import { PERSONAL_STEPS } from '../../src/wizard/flow.js';

const STEP_IDS = PERSONAL_STEPS.map((step) => step.id);

import {
  type Capture,
  type ColourExpectation,
  checkRules,
  describeEvents,
  formatCapture,
  formatWalk,
  freshGoldenHome,
  knownUrls,
  RULES,
  type Rule,
  readScreen,
  type Session,
  startSession,
} from '../helpers/screen-capture.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The example team file (also the README's): a paying team, its organization, project, contact and own step. */
const TEAM_EXAMPLE = 'test/fixtures/openai-topup.team.json';
const TEAM_STEP_IDS = (() => {
  const parsed = parseTeamFile(readFileSync(join(ROOT, TEAM_EXAMPLE), 'utf8'));
  if (!parsed.ok) throw new Error(`${TEAM_EXAMPLE} is not a valid team file`);
  return teamFlowStepIds(parsed.team);
})();

// ---------------------------------------------------------------------------------------------------------
// The walks
// ---------------------------------------------------------------------------------------------------------

type Lang = 'en' | 'ko';
type Mode = 'colour' | 'no-colour' | 'ascii' | 'screen-reader';
type Walk = {
  /** The snapshot's file name under test/golden/ and the first part of every capture's name. */
  readonly id: string;
  readonly lang: Lang;
  readonly cols: number;
  readonly rows: number;
  readonly mode: Mode;
  readonly kind: 'demo' | 'no-credit' | 'bursts' | 'team';
};

/**
 * Which combinations run, and why. Size and language change the layout, so the full --demo walk runs in
 * both languages at every size with colour on (6 walks). The other modes change something else (colour,
 * symbols, linear text): each runs once per language, the two languages at different sizes, so every mode
 * is seen at 40 and at 80 columns (6 walks). The failed test call runs in both languages (2 short walks).
 * Keys in bursts are about input, not layout: they run once, in English at 80×24 (6 cases, each sent in one
 * write and typed apart: 12 short runs). The team flow (a found team file, its yes, the team's guide and the
 * test call accepted with its organization and project) runs in both languages, the two at different sizes
 * (2 walks).
 */
const WALKS: readonly Walk[] = [
  { id: 'en-40x24', lang: 'en', cols: 40, rows: 24, mode: 'colour', kind: 'demo' },
  { id: 'ko-40x24', lang: 'ko', cols: 40, rows: 24, mode: 'colour', kind: 'demo' },
  { id: 'en-80x24', lang: 'en', cols: 80, rows: 24, mode: 'colour', kind: 'demo' },
  { id: 'ko-80x24', lang: 'ko', cols: 80, rows: 24, mode: 'colour', kind: 'demo' },
  { id: 'en-120x30', lang: 'en', cols: 120, rows: 30, mode: 'colour', kind: 'demo' },
  { id: 'ko-120x30', lang: 'ko', cols: 120, rows: 30, mode: 'colour', kind: 'demo' },
  { id: 'en-80x24-no-colour', lang: 'en', cols: 80, rows: 24, mode: 'no-colour', kind: 'demo' },
  { id: 'ko-40x24-no-colour', lang: 'ko', cols: 40, rows: 24, mode: 'no-colour', kind: 'demo' },
  { id: 'en-40x24-ascii', lang: 'en', cols: 40, rows: 24, mode: 'ascii', kind: 'demo' },
  { id: 'ko-80x24-ascii', lang: 'ko', cols: 80, rows: 24, mode: 'ascii', kind: 'demo' },
  { id: 'en-80x24-screen-reader', lang: 'en', cols: 80, rows: 24, mode: 'screen-reader', kind: 'demo' },
  { id: 'ko-40x24-screen-reader', lang: 'ko', cols: 40, rows: 24, mode: 'screen-reader', kind: 'demo' },
  { id: 'en-80x24-no-credit', lang: 'en', cols: 80, rows: 24, mode: 'colour', kind: 'no-credit' },
  { id: 'ko-40x24-no-credit', lang: 'ko', cols: 40, rows: 24, mode: 'colour', kind: 'no-credit' },
  { id: 'en-80x24-bursts', lang: 'en', cols: 80, rows: 24, mode: 'colour', kind: 'bursts' },
  { id: 'en-80x24-team', lang: 'en', cols: 80, rows: 24, mode: 'colour', kind: 'team' },
  { id: 'ko-40x24-team', lang: 'ko', cols: 40, rows: 24, mode: 'colour', kind: 'team' },
];

/** A key that is obviously fake, of a real key's shape. */
const FAKE_KEY = 'sk-proj-FAKE0golden0screens0not0a0real0key0000000000000000000000AbCd';
/** The fake key as notes name it: the snapshots never hold a key, even a fake one. */
const FAKE_KEY_NOTE = `<a fake key, ${FAKE_KEY.length} characters>`;

const modeArgs = (walk: Walk): string[] => [
  '--lang',
  walk.lang,
  ...(walk.mode === 'ascii' ? ['--ascii'] : []),
  ...(walk.mode === 'screen-reader' ? ['--screen-reader'] : []),
];
const modeEnv = (walk: Walk): NodeJS.ProcessEnv => (walk.mode === 'no-colour' ? { NO_COLOR: '1' } : {});

/** The colour a walk's captures must have. */
function colourOf(walk: Walk): ColourExpectation {
  if (walk.mode === 'no-colour') return 'off';
  // A screen reader reads the text; whether the frame is coloured does not matter there.
  if (walk.mode === 'screen-reader') return 'any';
  return 'on';
}

const stepName = (n: number) => `${String(n).padStart(2, '0')} ${STEP_IDS[n - 1]}`;
/** The test call's reply has arrived in full: the practice haiku's last line, and then a long quiet. */
const REPLY = { until: (text: string) => text.includes('until the base case.'), quietMs: 250 };

/**
 * Every screen of a --demo walk: welcome, help, login, the step list, on to account-type, quit there, the
 * resume offer on a second run, and on through the test call (confirm and reply) to done and the finish.
 */
async function demoWalk(walk: Walk, sessions: Session[]): Promise<Capture[]> {
  const size = { cols: walk.cols, rows: walk.rows, env: modeEnv(walk) };
  const first = startSession({ args: ['--demo', ...modeArgs(walk)], ...size });
  sessions.push(first);
  await first.shot(stepName(1));
  await first.burst('?');
  await first.shot('help');
  await first.burst('Escape');
  await first.burst('Enter');
  await first.shot(stepName(2));
  await first.burst('s');
  await first.shot('step list');
  await first.burst('Escape');
  for (let n = 3; n <= 6; n++) {
    await first.burst('Enter');
    await first.shot(stepName(n));
  }
  first.send('q');
  await first.exitShot('quit at 6');
  const second = startSession({ args: ['--demo', ...modeArgs(walk)], ...size, home: first.home });
  sessions.push(second);
  await second.shot('resume offer');
  await second.burst('Enter');
  for (let n = 7; n <= 13; n++) {
    await second.burst('Enter');
    await second.shot(n === 13 ? `${stepName(n)}: before sending` : stepName(n));
  }
  await second.burst('Enter', REPLY);
  await second.shot(`${stepName(13)}: reply`, REPLY);
  await second.burst('Enter');
  await second.shot(stepName(14));
  second.send('Enter');
  await second.exitShot('finished');
  return [...first.captures, ...second.captures];
}

const teamStepName = (n: number) => `${String(n).padStart(2, '0')} ${TEAM_STEP_IDS[n - 1]}`;

/**
 * The team flow, as a newcomer meets it: started in a folder that holds the team's file (TEAM_EXAMPLE, under
 * its own name), with a fresh config folder, so the file is found and asked about; `y`, then every step of
 * the team's guide (its own step among them), the test call accepted with the team's organization and
 * project (--demo: the practice key belongs to them), done, and the finish.
 */
async function teamWalk(walk: Walk, sessions: Session[]): Promise<Capture[]> {
  const home = freshGoldenHome();
  const folder = join(home, 'project');
  mkdirSync(folder);
  copyFileSync(join(ROOT, TEAM_EXAMPLE), join(folder, TEAM_FILE_NAME));
  const session = startSession({
    args: ['--demo', ...modeArgs(walk)],
    cols: walk.cols,
    rows: walk.rows,
    env: modeEnv(walk),
    home,
    cwd: folder,
  });
  sessions.push(session);
  await session.shot('team file offer');
  await session.burst('y');
  await session.shot(teamStepName(1));
  const testCall = TEAM_STEP_IDS.indexOf('test-call') + 1;
  for (let n = 2; n < testCall; n++) {
    await session.burst('Enter');
    await session.shot(teamStepName(n));
  }
  await session.burst('Enter');
  await session.shot(`${teamStepName(testCall)}: before sending`);
  await session.burst('Enter', REPLY);
  await session.shot(`${teamStepName(testCall)}: reply`, REPLY);
  await session.burst('Enter');
  await session.shot(teamStepName(testCall + 1));
  session.send('Enter');
  await session.exitShot('finished');
  return session.captures;
}

/** A practice server that answers `scenario`, behind a door that holds every request until it is opened. */
async function heldPracticeServer(scenario: 'no-credit') {
  const upstream = await startDemoServer({ scenario });
  let open = () => {};
  const door = new Promise<void>((resolve) => {
    open = resolve;
  });
  const server = createServer((req, res) => {
    void door.then(() => {
      const forward = request(
        { host: '127.0.0.1', port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    open,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await upstream.close();
    },
  };
}

/**
 * A failed test call, as a user with no credit meets it: the practice server's `no-credit` scenario, found
 * through OPENAI_BASE_URL with a fake key in OPENAI_API_KEY (no hidden switch in the product). The key
 * check's request is held until its in-flight screen (the spinner) has been captured.
 */
async function noCreditWalk(walk: Walk, sessions: Session[]): Promise<Capture[]> {
  const server = await heldPracticeServer('no-credit');
  try {
    const session = startSession({
      args: modeArgs(walk),
      cols: walk.cols,
      rows: walk.rows,
      env: { ...modeEnv(walk), OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: FAKE_KEY },
    });
    sessions.push(session);
    await session.shot(stepName(1));
    await session.apart('Enter '.repeat(11));
    await session.shot(stepName(12));
    // Arriving at the test call checks the key at once (GET /models): held, it shows the spinner.
    await session.burst('Enter');
    await session.shot(`${stepName(13)}: checking the key`);
    server.open();
    await session.wait('the key check answered');
    await session.shot(`${stepName(13)}: before sending`);
    await session.burst('Enter', { until: 'changed', quietMs: 250 });
    await session.shot(`${stepName(13)}: no credit`, { quietMs: 250 });
    await session.burst('Enter');
    await session.shot('after Enter on the failure');
    session.send('q');
    await session.exitShot('quit');
    return session.captures;
  } finally {
    await server.close();
  }
}

/**
 * Keys that arrive together, on every screen with a field or a choice (and a guide screen). Typed apart,
 * each word is one write: the pasted key stays one piece (a paste), its Enter comes after it.
 */
const BURSTS: ReadonlyArray<{ readonly name: string; readonly setup: string; readonly keys: string }> = [
  { name: 'guide screen (02 login): Enter Enter', setup: 'Enter', keys: 'Enter Enter' },
  { name: 'account type: ↓ Enter', setup: 'Enter '.repeat(5), keys: '↓ Enter' },
  { name: 'amount: BSpace BSpace 2 5 Enter', setup: 'Enter '.repeat(7), keys: 'BSpace BSpace 2 5 Enter' },
  { name: 'auto-recharge: ↓ Enter', setup: 'Enter '.repeat(8), keys: '↓ Enter' },
  { name: 'threshold: BSpace 8 Enter', setup: `${'Enter '.repeat(8)}↓ Enter`, keys: 'BSpace 8 Enter' },
  { name: 'API key: a key pasted with its newline', setup: `${'Enter '.repeat(11)}↓ Enter`, keys: FAKE_KEY },
];

/** Each burst twice, in its own run: sent in one write, and typed apart. The rule compares the two. */
function burstParts(walk: Walk, sessions: Session[]): Array<() => Promise<Capture[]>> {
  const one = async (burst: (typeof BURSTS)[number], apart: boolean): Promise<Capture[]> => {
    const session = startSession({ args: ['--demo', ...modeArgs(walk)], cols: walk.cols, rows: walk.rows });
    sessions.push(session);
    await session.started();
    await session.apart(burst.setup);
    // The pasted key comes with the newline a terminal sends for it.
    const keys = burst.keys === FAKE_KEY ? `${FAKE_KEY} Enter` : burst.keys;
    if (apart) await session.apart(keys, { until: 'changed-or-same' });
    else await session.burst(keys, { until: 'changed-or-same' });
    const capture = await session.shot(`${burst.name} · ${apart ? 'typed apart' : 'in one write'}`);
    session.kill();
    const note = `${shorter(burst.setup)}, then ${keys.replace(FAKE_KEY, FAKE_KEY_NOTE)} ${apart ? 'typed apart' : 'in one write'}`;
    return [{ ...capture, after: note }];
  };
  return BURSTS.flatMap((burst) => [() => one(burst, false), () => one(burst, true)]);
}

/** Keys typed apart, for a note: repeats counted ("Enter ×7"), the fake key named. */
function shorter(notation: string): string {
  return describeEvents(
    notation
      .split(' ')
      .filter(Boolean)
      .map((word) => (word === FAKE_KEY ? FAKE_KEY_NOTE : word)),
  );
}

/** Runs jobs with at most `limit` at a time; results in the jobs' order. */
async function inPool<T>(limit: number, jobs: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await (jobs[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

function headerOf(walk: Walk): string[] {
  const command =
    walk.kind === 'no-credit'
      ? `OPENAI_BASE_URL=<practice server, scenario no-credit> OPENAI_API_KEY=<fake> openai-topup ${modeArgs(walk).join(' ')}`
      : walk.kind === 'team'
        ? `openai-topup --demo ${modeArgs(walk).join(' ')}, in a folder holding ${TEAM_FILE_NAME} (a copy of ${TEAM_EXAMPLE}), a fresh config folder`
        : `openai-topup --demo ${modeArgs(walk).join(' ')}`;
  return [
    `walk ${walk.id}: ${command}`,
    `size: ${walk.cols}x${walk.rows}`,
    `terminal: TERM=xterm-256color${walk.mode === 'no-colour' ? ' NO_COLOR=1' : ''}, no CI; keys in tmux send-keys notation`,
    'regenerate: npm run screens; pins and masks: test/helpers/screen-capture.ts',
  ];
}

// ---------------------------------------------------------------------------------------------------------
// The rules broken today
// ---------------------------------------------------------------------------------------------------------

/**
 * The rules broken today, each as `capture` (walk id, "/", screen name; `*` matches any text, `{a,b}` either
 * a or b) and the rule. Exactly these must fail: a capture an entry names that keeps its rule now fails the
 * suite as surely as a failure that is not listed, so this list shrinks as the fixes of issue 10 land.
 * Empty it then; `npm run screens` rewrites the snapshots, not this list.
 */
const KNOWN_FAILURES: ReadonlyArray<{ readonly capture: string; readonly rule: Rule }> = [];

/** A capture pattern as a regular expression: `*` any text, `{a,b}` a or b, everything else literal. */
function patternToRegExp(pattern: string): RegExp {
  let source = '';
  let depth = 0;
  for (const ch of pattern) {
    if (ch === '*') source += '.*';
    else if (ch === '{') {
      source += '(?:';
      depth++;
    } else if (ch === '}' && depth > 0) {
      source += ')';
      depth--;
    } else if (ch === ',' && depth > 0) source += '|';
    else source += ch.replace(/[.+?^$()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

// ---------------------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------------------

const results = new Map<string, { walk: Walk; captures: Capture[] }>();
const sessions: Session[] = [];
const URLS = knownUrls([
  join(ROOT, 'assets/guide/en.json'),
  join(ROOT, 'assets/guide/ko.json'),
  join(ROOT, 'src/wizard/steps.ts'),
]);

beforeAll(async () => {
  // Every run is a job; the long walks come first so the short ones fill the gaps at the end.
  const jobs = WALKS.flatMap((walk) =>
    (walk.kind === 'demo'
      ? [() => demoWalk(walk, sessions)]
      : walk.kind === 'no-credit'
        ? [() => noCreditWalk(walk, sessions)]
        : walk.kind === 'team'
          ? [() => teamWalk(walk, sessions)]
          : burstParts(walk, sessions)
    ).map((job) => async () => ({ walk, captures: await job() })),
  );
  // Runs wait on the terminal far more than they compute: two per core keeps a 2-core machine busy.
  const done = await inPool(Math.max(2, Math.min(6, availableParallelism() * 2)), jobs);
  for (const { walk, captures } of done) {
    const known = results.get(walk.id);
    if (known) known.captures.push(...captures);
    else results.set(walk.id, { walk, captures: [...captures] });
  }
}, 300_000);

afterAll(() => {
  for (const session of sessions) {
    session.kill();
    rmSync(session.home, { recursive: true, force: true });
  }
});

/** Every rule on every capture, kept or broken, named `<walk>/<screen>`. */
function allChecks(): Array<{ capture: string; rule: Rule; broken?: string }> {
  const checks: Array<{ capture: string; rule: Rule; broken?: string }> = [];
  for (const { walk, captures } of results.values()) {
    for (const capture of captures)
      for (const check of checkRules(capture, { colour: colourOf(walk), knownUrls: URLS }))
        checks.push({ capture: `${walk.id}/${capture.name}`, ...check });
    if (walk.kind !== 'bursts') continue;
    for (const burst of BURSTS) {
      const inOne = captures.find((c) => c.name === `${burst.name} · in one write`);
      const apart = captures.find((c) => c.name === `${burst.name} · typed apart`);
      if (!inOne || !apart) continue;
      const a = formatCapture({ ...inOne, name: '', after: '' }).split('\n');
      const b = formatCapture({ ...apart, name: '', after: '' }).split('\n');
      const row = a.findIndex((line, i) => line !== b[i]);
      checks.push({
        capture: `${walk.id}/${burst.name}`,
        rule: 'burst',
        ...(row >= 0 ? { broken: `in one write: ${a[row]} / typed apart: ${b[row] ?? '(nothing)'}` } : {}),
      });
    }
  }
  return checks;
}

describe('golden screens', () => {
  it.each(WALKS.map((walk) => walk.id))('%s matches its snapshot in test/golden/', (id) => {
    const result = results.get(id);
    expect(result, `walk ${id} did not run`).toBeDefined();
    if (!result) return;
    matchFile(join(ROOT, 'test/golden', `${id}.txt`), formatWalk(headerOf(result.walk), result.captures));
  });

  it('every capture keeps the rules, except exactly the known failures', () => {
    const checks = allChecks();
    const problems: string[] = [];
    const listed = KNOWN_FAILURES.map((known) => ({ ...known, pattern: patternToRegExp(known.capture) }));
    for (const check of checks) {
      if (!check.broken) continue;
      if (!listed.some((known) => known.rule === check.rule && known.pattern.test(check.capture)))
        problems.push(`${check.capture} breaks "${check.rule}" (${RULES[check.rule]}): ${check.broken}`);
    }
    for (const known of listed) {
      const covered = checks.filter((c) => c.rule === known.rule && known.pattern.test(c.capture));
      if (covered.length === 0)
        problems.push(`listed "${known.rule}" on ${known.capture}: no capture the rule applies to matches`);
      for (const kept of covered.filter((c) => !c.broken))
        problems.push(`listed "${known.rule}" on ${known.capture}, but ${kept.capture} keeps it now`);
    }
    expect(problems.join('\n')).toBe('');
  });
});

/**
 * Compares a file with what the suite made of the current screens; with SCREENS_UPDATE set (npm run
 * screens), writes it instead.
 */
function matchFile(path: string, content: string): void {
  if (process.env.SCREENS_UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    return;
  }
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  expect(committed, `${path} differs from the current screens: run npm run screens and review`).toBe(content);
}

/** The snapshot text of a walk, as the suite captured it now. */
function walkText(id: string): string {
  const result = results.get(id);
  if (!result) throw new Error(`walk ${id} did not run`);
  return formatWalk(headerOf(result.walk), result.captures);
}

describe('pictures for the README', () => {
  it.each(PICTURES.map((picture) => [picture.file, picture] as const))(
    'docs/screens/%s is drawn from the current capture',
    (file, picture) => {
      matchFile(join(ROOT, 'docs/screens', file), pictureSvg(picture, walkText(picture.walk)));
    },
  );

  it('the README shows every picture and one screen as text, as the captures are now', () => {
    const path = join(ROOT, 'README.md');
    const readme = readFileSync(path, 'utf8');
    const section = readmeSection(walkText);
    // npm run screens rewrites the section; a plain run compares.
    if (process.env.SCREENS_UPDATE) writeFileSync(path, withReadmeSection(readme, section));
    else expect(readmeSectionOf(readme)).toBe(section);
  });

  it('a picture is self-contained: no link, font or image from elsewhere', () => {
    for (const picture of PICTURES) {
      const svg = pictureSvg(picture, walkText(picture.walk));
      // The markup, without the text the screen shows (which has URLs in it) and the SVG namespace.
      const markup = svg.replace(/>[^<]*</g, '><').replace('xmlns="http://www.w3.org/2000/svg"', '');
      expect(markup).not.toMatch(/https?:|href|@import|@font-face|url\(|<image|<use|<foreignObject/);
      expect(markup).toMatch(/^<svg [^>]*><title><\/title><style><\/style>/);
    }
  });

  it('test/golden/ and docs/screens/ hold only what the suite writes', () => {
    expect(readdirSync(join(ROOT, 'test/golden')).sort()).toEqual(WALKS.map((w) => `${w.id}.txt`).sort());
    expect(readdirSync(join(ROOT, 'docs/screens')).sort()).toEqual(PICTURES.map((p) => p.file).sort());
  });
});

describe('the capture harness', () => {
  /** Writes ANSI text into an emulator and captures it. */
  async function captured(ansi: string, cols = 20, rows = 3): Promise<Capture> {
    const terminal = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    await new Promise<void>((resolve) => terminal.write(ansi, resolve));
    return { name: 'sample', after: 'test', kind: 'screen', cols, rows, lines: readScreen(terminal) };
  }

  it("writes each cell's colours and attributes under the text, a wide character over two columns", async () => {
    const capture = await captured(
      '\u001b[1;36mOK\u001b[0m 한글 \u001b[38;5;208mx\u001b[48;2;1;2;3my\u001b[0m\r\n\u001b[2;4;7mdim\u001b[0m',
    );
    expect(formatCapture(capture)).toBe(
      [
        '━━ sample ━━ after: test',
        '1│OK 한글 xy',
        '2│dim',
        '3│',
        'styles:',
        '  a  fg:cyan bold',
        '  b  fg:208',
        '  c  fg:208 bg:#010203',
        '  d  dim underline inverse',
        '1┊aa      bc',
        '2┊ddd',
      ].join('\n'),
    );
  });

  it('the notation reads back as written (the pictures are drawn from it)', async () => {
    const capture = await captured('\u001b[31mred\u001b[0m 가나\u001b[1m!\u001b[0m');
    const walk = parseWalk(formatWalk(['size: 20x3'], [capture]));
    expect(walk.screens[0]?.rows[0]).toBe('red 가나!');
    expect(walk.screens[0]?.legend.get('a')).toBe('fg:red');
    expect(walk.screens[0]?.marks.get(0)).toBe('aaa     b');
  });

  it('masks ports, request ids and the spinner, also across a row break; a value of another length fails', async () => {
    const cut = await captured(
      'x http://127.0.0.1:43\r\n  775/v1 req_0123456789abcdef0123456789abcdef \u2839',
      24,
      4,
    );
    expect(formatCapture(cut).split('\n').slice(1, 4)).toEqual([
      '1│x http://127.0.0.1:xx',
      // The id runs past the edge: the terminal wraps it onto the next row, where the mask follows it.
      '2│  xxx/v1 req_xxxxxxxxxxx',
      '3│xxxxxxxxxxxxxxxxxxxxx \u280b',
    ]);
    await expect(captured('127.0.0.1:4377 ')).rejects.toThrow(/cannot pin the loopback port/);
  });

  it('finds the rules broken: a cut URL, a cut command, a wrapped row, no colour', async () => {
    // 40 characters: the URL fills the row, and its end goes on on the next one.
    const url = await captured('https://example.test/abcdefghijklmnopqrs\r\ntuv', 40, 3);
    const command = await captured('curl -N "http://127.0.0.1:12345/v1/ch\r\nat" \\\r\n  -H "A: b"', 40, 3);
    const exported = await captured('export\r\nOPENAI_API_KEY="x"', 40, 3);
    const wrapped = await captured(`1/14 ${'w'.repeat(40)}`, 40, 3);
    const broken = (capture: Capture, colour: ColourExpectation = 'any') =>
      checkRules(capture, { colour, knownUrls: new Set() })
        .filter((check) => check.broken)
        .map((check) => check.rule);
    expect(broken(url)).toEqual(['progress', 'url']);
    expect(broken(command)).toEqual(['progress', 'command']);
    expect(broken(exported)).toEqual(['progress', 'command']);
    expect(broken(wrapped, 'on')).toEqual(['fits', 'colour']);
    expect(broken(await captured('\u001b[32m1/14\u001b[0m ok', 40, 3), 'off')).toEqual(['no-colour']);
  });
});
