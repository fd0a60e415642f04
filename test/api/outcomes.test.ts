import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { baseEnv, runCli } from '../helpers/cli.js';

/** A sentinel key: it may appear only masked, anywhere. */
const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
const MASKED = 'sk-proj-…AbCd';

const servers: DemoServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('check without a usable key', () => {
  it('no key → no-key, exit 3, step api-key', async () => {
    const result = await runCli(['check', '--json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout)).toMatchObject({
      kind: 'no-key',
      error: { step: 'api-key', retryable: false },
    });
  });

  it.each([
    ['a GitHub token', `ghp_${'FAKE'.repeat(9)}`, 'GitHub'],
    ['a URL', 'https://platform.openai.com/api-keys', 'web address'],
    ['a cut-off key', 'sk-proj-FAKE', 'cut off'],
  ])('%s → key-format, exit 3, nothing sent', async (_name, key, words) => {
    const result = await runCli(['check', '--json', '--base-url', 'http://127.0.0.1:9/v1'], {
      env: baseEnv({ OPENAI_API_KEY: key }),
    });
    expect(result.code).toBe(3);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ kind: 'key-format', error: { step: 'api-key' } });
    expect(report.error.message).toContain(words);
  });

  it('reads the key from stdin with --key-stdin, newline and all', async () => {
    const server = await startDemoServer({});
    servers.push(server);
    const result = await runCli(['check', '--json', '--key-stdin', '--base-url', server.baseUrl], {
      input: `${SENTINEL}\n`,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain(SENTINEL);
    expect(server.requests.every((request) => request.maskedKey === MASKED)).toBe(true);
  });

  it('answers bad flags with JSON too, exit 2', async () => {
    const result = await runCli(['check', '--json', '--timeout', 'soon']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, kind: 'usage', exitCode: 2 });
  });
});

describe('check --demo', () => {
  it('prints ok true with a haiku, usage and cost, offline', async () => {
    const result = await runCli(['check', '--demo', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      kind: 'ok',
      model: 'gpt-4o-mini-2024-07-18',
      costUsd: 0.00001545,
    });
    expect(report.reply).toContain('base case');
    expect(report.requestId).toMatch(/^req_[0-9a-f]{32}$/);
  });

  it('prints a readable summary without --json', async () => {
    const result = await runCli(['check', '--demo', '--lang', 'ko']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('✓ API 키가 작동합니다');
    expect(result.stdout).toContain('연습 서버의 응답입니다');
  });
});

describe('files', () => {
  it('the practice fixtures are the shared ones', () => {
    const shared = join(import.meta.dirname, '../../../shared/fixtures/openai-api.json');
    const copy = join(import.meta.dirname, '../../src/demo/fixtures/openai-api.json');
    let sharedText: string | undefined;
    try {
      sharedText = readFileSync(shared, 'utf8');
    } catch {
      // A clone without ../shared has only the copy; CI and developers have both.
    }
    if (sharedText !== undefined)
      expect(JSON.parse(readFileSync(copy, 'utf8'))).toEqual(JSON.parse(sharedText));
    expect(readdirSync(join(import.meta.dirname, '../../src/demo/fixtures'))).toEqual(['openai-api.json']);
  });
});

describe('check --json: what the answer says beyond the reply', () => {
  const KEY = 'sk-proj-FAKEfakeFAKEfakeFAKEfakeFAKEfakeFAKEfake0000';
  const serve = async (
    scenario: 'free-tier' | 'stream-needs-verification' | 'hostile-fields' | 'success',
  ) => {
    const server = await startDemoServer({ scenario });
    servers.push(server);
    return server;
  };

  it('reports the rate limits from the headers, and the tier they match', async () => {
    const server = await serve('success');
    const result = await runCli(['check', '--json', '--base-url', server.baseUrl], {
      env: baseEnv({ OPENAI_API_KEY: KEY }),
    });
    expect(JSON.parse(result.stdout)).toMatchObject({
      rateLimits: {
        requests: { limit: 10000, remaining: 9999, resetMs: 8640 },
        tokens: { limit: 200000, remaining: 199576, resetMs: 126 },
      },
      usageTier: '1',
      streamed: true,
    });
  });

  it('names the free tier, with what raises it, in both languages', async () => {
    const server = await serve('free-tier');
    const env = baseEnv({ OPENAI_API_KEY: KEY });
    const json = JSON.parse(
      (await runCli(['check', '--json', '--base-url', server.baseUrl], { env })).stdout,
    );
    expect(json.usageTier).toBe('free');
    const en = await runCli(['check', '--base-url', server.baseUrl], { env });
    expect(en.stdout).toContain('199 of 200 requests a day left');
    expect(en.stdout).toContain('Paying $5 in total moves the account to tier 1.');
    const ko = await runCli(['check', '--lang', 'ko', '--base-url', server.baseUrl], { env });
    expect(ko.stdout).toContain('무료 등급');
  });

  it('answers without streaming when streaming needs a verified organization, and says why', async () => {
    const server = await serve('stream-needs-verification');
    const env = baseEnv({ OPENAI_API_KEY: KEY });
    const json = await runCli(['check', '--json', '--model', 'o3', '--base-url', server.baseUrl], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, streamed: false, model: 'o3' });
    expect(JSON.parse(json.stdout).reply).toContain('base case');
    const summary = await runCli(['check', '--model', 'o3', '--base-url', server.baseUrl], { env });
    expect(summary.stderr).toContain('asking once more without streaming');
    expect(summary.stdout).toContain('Settings → Organization → General with Verify Organization');
    expect(server.requests.filter((r) => r.path.endsWith('/chat/completions')).map((r) => r.status)).toEqual([
      400, 200, 400, 200,
    ]);
  });

  it('keeps nothing of a hostile relay: model, usage, request id and organization are validated', async () => {
    const server = await serve('hostile-fields');
    const result = await runCli(['check', '--json', '--base-url', server.baseUrl], {
      env: baseEnv({ OPENAI_API_KEY: KEY }),
    });
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      ok: true,
      model: 'gpt-4o-mini',
      usage: null,
      costUsd: null,
      requestId: null,
    });
    expect(report.rateLimits.requests).toEqual({ limit: null, remaining: null, resetMs: 8640 });
    expect(result.stdout).not.toMatch(/\\u001b|\\u009b|\\u009d|pwned|ZXZpbA/);
  });

  it('reads the key from a .env file on stdin', async () => {
    const server = await serve('success');
    const result = await runCli(['check', '--json', '--key-stdin', '--base-url', server.baseUrl], {
      input: `# local settings\nOTHER=1\nexport OPENAI_API_KEY="${SENTINEL}"\n`,
    });
    expect(result.code).toBe(0);
    expect(server.requests.at(-1)?.maskedKey).toBe(MASKED);
  });

  it('says so when a .env file on stdin has no key', async () => {
    const result = await runCli(['check', '--json', '--key-stdin'], { input: 'OTHER=1\n' });
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stdout).error.message).toContain('no OPENAI_API_KEY line');
  });
});
