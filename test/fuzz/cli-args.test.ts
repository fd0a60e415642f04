/**
 * Generated argument lists and environment values for the command line: flags in and out of place, values
 * that are wrong, huge, key-like or shell code, proxies and base URLs that are not URLs or carry passwords.
 * The parser never throws and its one line is safe to print; a spawned run ends within its time limit with
 * an exit code of the table, `check --json` prints exactly one JSON line with every field, nothing unsafe
 * reaches the terminal, no command runs, and the key and passwords show only masked.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FLAG_TABLE, parseCommandLine } from '../../src/commands/args.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import {
  EXIT_CODES,
  expectNoKey,
  expectReport,
  filesUnder,
  hostileText,
  SENTINEL,
  UNSAFE,
} from '../helpers/answers.js';
import { baseEnv, runCli } from '../helpers/cli.js';
import { type ClosedPort, closedPort } from '../helpers/faults.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';

const OFFLINE = ['--import', join(import.meta.dirname, '../fixtures/offline.mjs')];
const PASSWORD = 'SECRETpw0proxy';
const SLACK_MS = 10_000;

let server: DemoServer;
let closed: ClosedPort;
beforeAll(async () => {
  server = await startDemoServer({});
  closed = await closedPort();
});
afterAll(async () => {
  await closed.release();
  await server.close();
});

/** Values a user (or a script, or an attacker) might give a flag or a variable. */
const value = () =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'ko',
        'en',
        'ko_KR.UTF-8',
        'fr',
        '1',
        '2',
        '0',
        '-1',
        '3601',
        '9999999',
        '1e3',
        'NaN',
        'gpt-4o-mini',
        "x'; touch PWNED; echo '",
        '$(touch PWNED)',
        'https://api.openai.test/v1',
        `https://user:${PASSWORD}@api.openai.test/v1`,
        'http://remote.test/v1',
        'https://api.openai.test/$(touch PWNED)/v1',
        'not a url',
        SENTINEL,
        'success',
        'nope',
        '99999',
        '',
        ' ',
      ),
    },
    { weight: 1, arbitrary: hostileText },
  );
const urls = () =>
  fc.constantFrom(
    server.baseUrl,
    `http://127.0.0.1:${closed.port}/v1`,
    'https://api.openai.test/v1',
    `https://user:${PASSWORD}@api.openai.test/v1`,
  );

/**
 * Locale variables. Not any text: Node 20's ICU crashes at start-up (SIGSEGV, before any of our code runs)
 * on a value it cannot parse, such as a language of 12 letters or more or a path (`LANG=/usr/share/x
 * node -e 1`); these are values Node survives, odd ones included.
 */
const locale = fc.constantFrom(
  'ko_KR.UTF-8',
  'en_US.UTF-8',
  'ko',
  'ko-KR',
  'C',
  'POSIX',
  'fr_FR',
  '',
  '$(x)',
  'ko\u001b[2J',
  '가나다',
);

/** One token of an argument list. */
const token = () =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...Object.keys(FLAG_TABLE)).map((name) => [`--${name}`]) },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...Object.keys(FLAG_TABLE)), value())
        .map(([name, v]) => [`--${name}`, v]),
    },
    { weight: 3, arbitrary: urls().map((url) => ['--base-url', url]) },
    { weight: 1, arbitrary: value().map((v) => [`--timeout=${v}`]) },
    { weight: 1, arbitrary: fc.constantFrom(['--key', SENTINEL], [SENTINEL], ['--bogus'], ['-x'], ['--']) },
    { weight: 1, arbitrary: value().map((v) => [v]) },
  );
/** Flags `check` takes, with values it accepts (the model may still be shell code): most runs get going. */
const validToken = () =>
  fc.oneof(
    fc.constantFrom(
      ['--debug'],
      ['--ascii'],
      ['--timeout', '2'],
      ['--lang', 'ko'],
      ['--key-stdin'],
      ['--wait-for-credit', '1'],
      ['--model', 'gpt-4o-mini'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell expansion, on purpose
      ['--model', "x';touch${IFS}PWNED;echo'"],
    ),
    urls().map((url) => ['--base-url', url]),
  );
/** An argument list: mostly flags that go together, or anything at all. */
const tokens = () =>
  fc.oneof(
    fc.uniqueArray(validToken(), { selector: (t) => t[0], maxLength: 4 }),
    fc.array(token(), { maxLength: 4 }),
  );

const command = fc.constantFrom(
  ['check'],
  ['check', '--json'],
  ['check', '--json'],
  ['check', '--json', '--debug'],
  [],
  ['--print'],
  ['help'],
  ['serve', '--help'],
  ['team', 'check'],
  ['team', 'init'],
  ['chekc'],
);
const environment = () =>
  fc.record(
    {
      OPENAI_API_KEY: fc.oneof(
        { weight: 4, arbitrary: fc.constant(SENTINEL) },
        { weight: 1, arbitrary: value() },
      ),
      OPENAI_BASE_URL: fc.oneof({ weight: 6, arbitrary: urls() }, { weight: 1, arbitrary: value() }),
      HTTPS_PROXY: fc.oneof(
        { weight: 4, arbitrary: fc.constant(`http://user:${PASSWORD}@127.0.0.1:${closed.port}`) },
        { weight: 1, arbitrary: fc.constant('not a url') },
        { weight: 1, arbitrary: value() },
      ),
      http_proxy: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: value() },
      ),
      NO_PROXY: fc.constantFrom('*', 'api.openai.test', '.test', ''),
      LANG: locale,
      LC_ALL: locale,
      OPENAI_ORG_ID: value(),
      OPENAI_PROJECT_ID: value(),
      NO_COLOR: fc.constant('1'),
      TERM: fc.constantFrom('dumb', 'xterm-256color'),
    },
    { requiredKeys: [] },
  );

describe('generated command lines', () => {
  it('the parser never throws, and a usage error is one safe line with the key and passwords masked', () => {
    fc.assert(
      fc.property(command, fc.array(token(), { maxLength: 6 }), environment(), (first, tokens, env) => {
        const argv = [...first, ...tokens.flat()];
        const parsed = parseCommandLine(argv, env);
        if (parsed.kind !== 'usage-error') return;
        expect(parsed.message).not.toContain('\n');
        expect(parsed.message).not.toMatch(UNSAFE);
        expect(parsed.message).not.toContain(PASSWORD);
        expectNoKey(parsed.message);
      }),
      fuzzParams(500),
    );
  });

  it(
    'a spawned run ends in time, with an exit code of the table, one JSON line for check --json, safe and masked',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          command,
          tokens(),
          environment(),
          fc.boolean(),
          async (first, tokens, extraEnv, keyOnStdin) => {
            // A process's arguments and environment are C strings: they cannot hold a NUL.
            const argv = [...first, ...tokens.flat()].map((arg) => arg.replace(/\0/g, ''));
            const env = baseEnv(
              Object.fromEntries(Object.entries(extraEnv).map(([name, v]) => [name, v?.replace(/\0/g, '')])),
            );
            const parsed = parseCommandLine(argv, env);
            // `serve` itself runs until stopped: its start is tested elsewhere.
            fc.pre(!(parsed.kind === 'run' && parsed.command === 'serve'));
            const seconds = parsed.kind === 'run' ? parsed.flags.timeoutSeconds : 60;
            const cwd = mkdtempSync(join(tmpdir(), 'topup-cwd-'));
            const started = performance.now();
            const result = await runCli(argv, {
              env,
              cwd,
              nodeArgs: OFFLINE,
              input: keyOnStdin ? `${SENTINEL}\n` : '',
              timeoutMs: Math.min(seconds * 1000, 20_000) + SLACK_MS,
            });
            expect(performance.now() - started).toBeLessThan(seconds * 1000 + SLACK_MS);
            expect(EXIT_CODES).toContain(result.code);
            const json = argv[0] === 'check' && argv.includes('--json');
            const helpOrVersion = parsed.kind === 'help' || parsed.kind === 'version';
            if (json && !helpOrVersion) {
              expect(result.stdout.endsWith('\n')).toBe(true);
              expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
              const report = JSON.parse(result.stdout);
              expectReport(report);
              expect(report.exitCode).toBe(result.code);
            }
            for (const output of [result.stdout, result.stderr]) {
              expect(output.replace(/\n/g, '')).not.toMatch(UNSAFE);
              expect(output).not.toContain(PASSWORD);
            }
            expect(readdirSync(cwd).filter((name) => name !== 'openai-topup.team.json')).toEqual([]);
            expectNoKey(result.stdout, result.stderr, filesUnder(env.XDG_CONFIG_HOME ?? ''), filesUnder(cwd));
          },
        ),
        fuzzParams(24),
      );
    },
    fuzzTimeout(180_000),
  );
});
