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
    expect(result.stdout).toContain('✓ 키가 작동합니다');
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
