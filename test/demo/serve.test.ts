import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { curlCommand } from '../../src/api/request.js';
import { SCENARIOS } from '../../src/demo/scenario-names.js';
import { baseEnv, CLI, runCli } from '../helpers/cli.js';

const run = promisify(execFile);
const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';

/** Starts `serve`, waits for its base URL, and returns it with a way to stop it and read its logs. */
async function serve(args: string[] = []) {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { env: baseEnv(), stdio: 'pipe' });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no URL:\n${stdout}${stderr}`)), 10_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/v1)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.on('close', (code) => resolve(code));
      child.kill('SIGINT');
    });
  return { baseUrl, stop, output: () => stdout, log: () => stderr };
}

describe('openai-topup serve', () => {
  it('lists every scenario in serve --help', async () => {
    const result = await runCli(['serve', '--help']);
    expect(result.code).toBe(0);
    for (const name of SCENARIOS) expect(result.stdout).toContain(name);
  });

  it("prints its base URL and a practice key, and answers the guide's curl command with a completion", async () => {
    const server = await serve();
    try {
      expect(server.baseUrl).toMatch(/\/v1$/);
      expect(server.output()).toContain('Practice key: sk-proj-PRACTICE');
      // The guide's own command, pointed at the practice server, run by the real curl.
      const command = curlCommand(server.baseUrl, 'gpt-4o-mini', false);
      const { stdout } = await run('sh', ['-c', command], {
        env: { ...process.env, OPENAI_API_KEY: SENTINEL },
      });
      const body = JSON.parse(stdout);
      expect(body.object).toBe('chat.completion');
      expect(body.choices[0].message.content).toContain('base case');
    } finally {
      expect(await server.stop()).toBe(130);
    }
    // Its log shows the key masked, never whole.
    expect(server.log()).toContain('sk-proj-…AbCd');
    expect(server.log()).not.toContain(SENTINEL);
  });

  it('--debug: each request’s headers and body size too, the key still masked', async () => {
    const server = await serve(['--debug']);
    try {
      const result = await runCli(['check', '--json', '--base-url', server.baseUrl], {
        env: baseEnv({ OPENAI_API_KEY: SENTINEL, OPENAI_ORG_ID: 'org-FAKEdebug0000' }),
      });
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
    } finally {
      await server.stop();
    }
    expect(server.log()).toMatch(
      /\[debug\] POST \/v1\/chat\/completions: OpenAI-Organization org-FAKEdebug0000, OpenAI-Project -, body \d+ bytes, answered 200/,
    );
    expect(server.log()).not.toContain(SENTINEL);
  });

  it('answers as its scenario says', async () => {
    const server = await serve(['--scenario', 'no-credit']);
    try {
      const result = await runCli(['check', '--json', '--base-url', server.baseUrl], {
        env: baseEnv({ OPENAI_API_KEY: SENTINEL }),
      });
      expect(JSON.parse(result.stdout)).toMatchObject({ kind: 'no-credit', exitCode: 4 });
    } finally {
      await server.stop();
    }
  });
});
