import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { contentFor, fill } from '../src/content/content.js';
import { PRACTICE_KEY, startDemoServer } from '../src/demo/server.js';
import { JSON_FIELDS } from './helpers/answers.js';
import { baseEnv, runCli } from './helpers/cli.js';

describe('the command line, with piped stdio', () => {
  it('prints the plain-text guide when stdin and stdout are not terminals', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OpenAI API credit top-up guide');
    for (let n = 1; n <= 14; n++) expect(result.stdout).toMatch(new RegExp(`^${n}\\. `, 'm'));
    // Each URL stands alone on its own line.
    expect(result.stdout.split('\n')).toContain(
      'https://platform.openai.com/settings/organization/billing/overview',
    );
    expect(result.stdout.split('\n')).toContain('https://platform.openai.com/api-keys');
    expect(result.stdout).toContain('"Add payment details"');
    expect(result.stdout).toContain('"Confirm payment"');
    // Then how to run the test call.
    expect(result.stdout).toContain('openai-topup check');
    expect(result.stdout).toContain('"Write a haiku that explains the concept of recursion."');
    expect(result.stdout).toContain('Authorization: Bearer $OPENAI_API_KEY');
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('prints the guide in Korean with --print --lang ko', async () => {
    const result = await runCli(['--print', '--lang', 'ko']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('OpenAI API 크레딧 충전 안내');
    expect(result.stdout).toContain('해외 결제');
  });

  it('takes Korean from LANG', async () => {
    const result = await runCli(['--print'], { env: baseEnv({ LANG: 'ko_KR.UTF-8' }) });
    expect(result.stdout).toContain('테스트 호출 보내기');
  });

  it('folds symbols to ASCII with --ascii', async () => {
    const result = await runCli(['--print', '--ascii']);
    expect(result.stdout).toContain('Organization -> Billing');
    expect(result.stdout).not.toMatch(/[→●○✓…·]/);
  });

  it('shows help with the progress file, exit 0', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('openai-topup check [flags]');
    expect(result.stdout).toMatch(/openai-topup\/progress\.json/);
  });

  it('shows help with a config folder whose name holds escape sequences: the path, not the sequences', async () => {
    const config = `/tmp/a\u001b]0;PWNED\u0007b\u001b[2Jc\u009b31md`;
    const result = await runCli(['--help'], { env: baseEnv({ XDG_CONFIG_HOME: config }) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('/tmp/abcd/openai-topup/progress.json');
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });

  it('shows the version, exit 0', async () => {
    const result = await runCli(['-V']);
    expect(result).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it.each([
    [['--bogus'], 'Unknown flag --bogus'],
    [['--json'], '--json does not apply to openai-topup'],
    [['--lang'], '--lang needs a value'],
    [['--lang', 'fr'], '--lang fr is not valid'],
  ])('exits 2 on %j with one line naming the problem', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});

const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0123456789WXYZ';

describe('usage errors with check --json', () => {
  it.each([
    [['check', '--json', '--bogus'], {}],
    [['check', '--json', '--jsno'], {}],
    [['check', '--json', KEY], {}],
    [['check', '--json', 'extra'], {}],
    [['check', '--json', '--timeout', '3000000'], {}],
    [['check', '--json', '--timeout', '9999999'], {}],
    [['check', '--json', '--demo', '--key-stdin'], {}],
    [['check', '--json', '--demo', '--base-url', 'https://api.example.test/v1'], {}],
    [['check', '--json', '--lang', KEY], {}],
    [['check', '--json', '--model', KEY], {}],
    [['check', '--json', '--base-url', KEY], {}],
    [['check', '--json', '--allow-host', 'llm.example.test'], {}],
    [['check', '--json'], { HTTPS_PROXY: 'not a url' }],
    [['check', '--json'], { http_proxy: 'proxy.example.test:3128' }],
    [['check', '--json'], { OPENAI_BASE_URL: 'http://remote.example.test/v1' }],
    [['check', '--json', '--lang', 'ko', '--jsno'], {}],
  ])('%j %j: exactly one JSON line with every field, the key masked, exit 2', async (args, extra) => {
    const result = await runCli(args, { env: baseEnv(extra) });
    expect(result.code).toBe(2);
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(JSON_FIELDS);
    expect(report).toMatchObject({ schema: 1, ok: false, kind: 'usage', exitCode: 2, team: null });
    expect(Object.keys(report.error)).toEqual(['kind', 'status', 'code', 'message', 'step', 'retryable']);
    // The same one line on stderr, for a person reading the log.
    expect(result.stderr).toBe(`openai-topup: ${report.error.message}\n`);
    for (const output of [result.stdout, result.stderr]) {
      expect(output).not.toContain(KEY);
      expect(output).not.toContain(KEY.slice(8, -4));
    }
  });

  it('names the proxy variable, and never echoes its value', async () => {
    const result = await runCli(['check', '--json'], {
      env: baseEnv({ HTTPS_PROXY: 'http//me:hunter2@proxy.example.test', OPENAI_API_KEY: KEY }),
    });
    expect(JSON.parse(result.stdout).error.message).toMatch(
      /^HTTPS_PROXY is not a proxy URL that can be used/,
    );
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });
});

describe('OPENAI_ORG_ID and OPENAI_PROJECT_ID that cannot be sent as a header', () => {
  it.each([
    ['OPENAI_ORG_ID', 'org-abc\r\nX-Injected: 1'],
    ['OPENAI_ORG_ID', 'org-\u001b]0;title\u0007abc'],
    ['OPENAI_PROJECT_ID', 'proj_프로젝트'],
    ['OPENAI_PROJECT_ID', `proj_${'a'.repeat(300)}`],
  ])(
    '%s=%j: a usage error that names the variable, exit 2, one JSON line, nothing sent',
    async (name, value) => {
      const server = await startDemoServer();
      try {
        const result = await runCli(['check', '--json', '--base-url', server.baseUrl], {
          env: baseEnv({ OPENAI_API_KEY: KEY, [name]: value }),
        });
        expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
        const report = JSON.parse(result.stdout);
        expect(report).toMatchObject({ ok: false, kind: 'usage', exitCode: 2 });
        expect(report.error.message).toContain(fill(contentFor('en').details.headerEnv, { variable: name }));
        expect(result.code).toBe(2);
        // Refused before the first request, not found out by the HTTP client (a "network" failure, retried).
        expect(server.requests).toEqual([]);
        expect(result.stdout + result.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
      } finally {
        await server.close();
      }
    },
  );
});

describe("the guide's text is read when a sentence needs it", () => {
  /** Runs the CLI with a preload that records every file it reads; resolves with the guide files read. */
  async function guideFilesRead(args: readonly string[], env: NodeJS.ProcessEnv) {
    const dir = mkdtempSync(join(tmpdir(), 'topup-reads-'));
    const log = join(dir, 'reads.txt');
    const hook = join(dir, 'record-reads.cjs');
    // readFileSync as the bundle sees it (an ES module import of node:fs): patched, then synced.
    writeFileSync(
      hook,
      [
        "const fs = require('node:fs');",
        'const original = fs.readFileSync;',
        'fs.readFileSync = function (path, ...rest) {',
        `  fs.appendFileSync(${JSON.stringify(log)}, String(path instanceof URL ? path.pathname : path) + '\\n');`,
        '  return original.call(this, path, ...rest);',
        '};',
        "require('node:module').syncBuiltinESMExports();",
      ].join('\n'),
    );
    const result = await runCli(args, { env, nodeArgs: ['-r', hook] });
    const reads = existsSync(log) ? readFileSync(log, 'utf8').split('\n') : [];
    return { result, guide: reads.filter((path) => path.includes('assets/guide/')) };
  }

  it('a successful check --json reads none of it; a failure reads its own language only', async () => {
    const server = await startDemoServer();
    try {
      const ok = await guideFilesRead(['check', '--json', '--base-url', server.baseUrl], {
        ...baseEnv({ OPENAI_API_KEY: PRACTICE_KEY }),
      });
      expect(JSON.parse(ok.result.stdout)).toMatchObject({ ok: true, exitCode: 0 });
      expect(ok.guide).toEqual([]);
      const failed = await guideFilesRead(['check', '--json', '--lang', 'ko'], baseEnv());
      expect(JSON.parse(failed.result.stdout)).toMatchObject({ ok: false, kind: 'no-key' });
      expect(failed.guide.map((path) => path.replace(/.*\//, ''))).toEqual(['ko.json']);
    } finally {
      await server.close();
    }
  });

  it('--version reads none of it', async () => {
    const { result, guide } = await guideFilesRead(['--version'], baseEnv());
    expect(result.stdout).toBe(`${pkg.version}\n`);
    expect(guide).toEqual([]);
  });
});

describe('help and mistakes, spawned', () => {
  it.each([
    [[], 'en', 'Unknown command chekc. Did you mean check?'],
    [['--lang', 'ko'], 'ko', '알 수 없는 명령입니다: chekc. 혹시 check 말인가요?'],
  ])('chekc %j: one line with did-you-mean (%s), exit 2', async (flags, _lang, text) => {
    const result = await runCli(['chekc', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain(text);
  });

  it('openai-topup help exits 0 with the top-level help', async () => {
    const result = await runCli(['help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes:');
    expect(result.stdout).toContain('Environment:');
  });

  it('a key as an argument is never echoed, without --json either', async () => {
    const result = await runCli(['check', KEY]);
    expect(result.code).toBe(2);
    expect(result.stdout + result.stderr).not.toContain(KEY);
    expect(result.stderr).toContain('sk-proj-…WXYZ');
  });
});
