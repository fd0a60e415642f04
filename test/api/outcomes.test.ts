import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSession } from '../../src/api/test-call.js';
import { type DemoServer, startDemoServer } from '../../src/demo/server.js';
import { stepIndex } from '../../src/wizard/steps.js';
import { type FaultRow, SERVER_ROWS } from '../fault-matrix.js';
import { renderApp } from '../helpers/app.js';
import { baseEnv, runCli } from '../helpers/cli.js';
import { KEYS } from '../helpers/render.js';

/** A sentinel key: it may appear only masked, anywhere. */
const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
const MASKED = 'sk-proj-…AbCd';

const servers: DemoServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function serverFor(row: FaultRow): Promise<DemoServer> {
  const server = await startDemoServer({ scenario: row.scenario });
  servers.push(server);
  return server;
}

describe('check --json over real sockets, every row of the fault matrix', () => {
  it.concurrent.each(SERVER_ROWS)('$name → $kind, exit $exitCode', async (row) => {
    const server = await serverFor(row);
    const env = baseEnv({ OPENAI_API_KEY: SENTINEL });
    const result = await runCli(
      ['check', '--json', '--debug', '--base-url', server.baseUrl, ...(row.flags ?? [])],
      { env },
    );
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0] ?? '{}');
    expect(result.code).toBe(row.exitCode);
    expect(report).toMatchObject({
      schema: 1,
      ok: row.kind === 'ok',
      kind: row.kind,
      exitCode: row.exitCode,
    });
    if (row.kind === 'ok') {
      expect(report.error).toBeNull();
      expect(report.reply.length).toBeGreaterThan(0);
      expect(report.usage).toEqual({ prompt_tokens: 27, completion_tokens: 19, total_tokens: 46 });
    } else {
      expect(report.error).toMatchObject({ kind: row.kind, step: row.step, retryable: row.retryable });
      expect(report.error.message.length).toBeGreaterThan(0);
    }
    // Every field is always present.
    expect(Object.keys(report).sort()).toEqual(
      [
        'schema',
        'ok',
        'kind',
        'exitCode',
        'model',
        'reply',
        'usage',
        'costUsd',
        'organization',
        'requestId',
        'latencyMs',
        'error',
      ].sort(),
    );
    // The key appears only masked, in stdout, stderr (with --debug) and the server's log.
    const all = result.stdout + result.stderr + JSON.stringify(server.requests);
    expect(all).not.toContain(SENTINEL);
    expect(result.stderr).toContain(MASKED);
    // No control sequence from the server reaches the terminal.
    expect(result.stdout + result.stderr).not.toMatch(/\u001b|\u0007|\u009b/);
  });
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

describe('the wizard, every row of the fault matrix', () => {
  it.each(SERVER_ROWS.filter((row) => row.scenario !== 'slow'))(
    '$name: shows "$title" and one key goes to the fix',
    async (row) => {
      const server = await serverFor(row);
      const index = stepIndex('api-key');
      const app = renderApp({
        columns: 80,
        rows: 40,
        state: { index, reached: index },
        services: {
          suggestedKey: { key: SENTINEL, source: 'env' },
          openSession: async (key) =>
            openSession({
              baseUrl: server.baseUrl,
              key,
              model: 'gpt-4o-mini',
              timeoutMs: 10_000,
              transport: { env: {} },
              sleep: async () => undefined,
            }),
        },
      });
      try {
        await app.waitForText('Use this key');
        await app.press(KEYS.enter);
        // Failures at GET /models show at once; otherwise confirm the call.
        await app.waitFor(
          (f) => f.includes('Press Enter to send') || f.includes('✗'),
          'the confirmation or a diagnosis',
        );
        if (app.frame().includes('Press Enter to send')) await app.press(KEYS.enter);
        await app.waitForText(row.title);
        const frames = app.stdout.frames.join('');
        expect(frames).not.toContain(SENTINEL);
        expect(frames).not.toContain('evil.example');
        expect(frames).not.toContain('\u001b]52');
        if (row.kind !== 'ok' && row.step) {
          await app.press(KEYS.enter);
          await app.waitForText(`${stepIndex(row.step) + 1}/14`);
        }
      } finally {
        app.instance.unmount();
      }
    },
  );
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
