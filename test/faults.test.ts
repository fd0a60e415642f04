import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../src/api/call-machine.js';
import { contentFor, fill } from '../src/content/content.js';
import { stepIndex } from '../src/wizard/steps.js';
import { FAULT_ROWS, retryOf, titleOf } from './fault-matrix.js';
import { filesUnder } from './helpers/answers.js';
import { renderApp, sessionTo } from './helpers/app.js';
import { baseEnv, runCli } from './helpers/cli.js';
import { PROXY_PASSWORD, setupFault } from './helpers/faults.js';
import { KEYS } from './helpers/render.js';

/** A sentinel key: it may appear only masked, anywhere. */
const SENTINEL = 'sk-proj-SENTINEL0fake0key0never0print0me0000000000AbCd';
const MASKED = 'sk-proj-…AbCd';
const en = contentFor('en');
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A `{token}` left unfilled: it must never be shown. */
const TOKEN = /\{[a-zA-Z][a-zA-Z0-9]*\}/;

describe('the fault matrix through a spawned check', () => {
  it.concurrent.each(FAULT_ROWS)('$name → $kind, exit $exitCode', async (row) => {
    const fault = await setupFault(row);
    try {
      const env = baseEnv({ OPENAI_API_KEY: SENTINEL, ...fault.env });
      const args = [
        'check',
        '--debug',
        '--base-url',
        fault.baseUrl,
        ...(row.timeout ? ['--timeout', String(row.timeout)] : []),
      ];
      const json = await runCli([...args, '--json'], { env, nodeArgs: fault.nodeArgs });
      const summary = await runCli(args, { env, nodeArgs: fault.nodeArgs });

      const report = JSON.parse(json.stdout);
      expect(json.code).toBe(row.exitCode);
      expect(summary.code).toBe(row.exitCode);
      expect(report).toMatchObject({
        schema: 1,
        ok: row.kind === 'ok',
        kind: row.kind,
        exitCode: row.exitCode,
      });
      if (row.kind === 'ok') {
        expect(report.reply.length).toBeGreaterThan(0);
        expect(summary.stdout).toContain('✓ The key works');
      } else {
        expect(report.error).toMatchObject({ kind: row.kind, step: row.step, retryable: row.retryable });
        expect(report.error.message).toContain(titleOf(row, en));
        if (row.detail)
          expect(report.error.message).toContain(
            fill(en.details[row.detail], { limit: '1 MB', seconds: row.timeout ?? 60 }),
          );
        expect(summary.stderr).toContain(`✗ ${titleOf(row, en)}`);
        expect(summary.stderr.replace(/\s+/g, ' ')).toContain(retryOf(row, en));
      }
      expect(report.error?.message ?? '').not.toMatch(TOKEN);
      expect(summary.stdout + summary.stderr).not.toMatch(TOKEN);
      // The key only masked, the proxy password never: in every output, the files written, the server's log.
      const everything = [
        json.stdout,
        json.stderr,
        summary.stdout,
        summary.stderr,
        filesUnder(env.XDG_CONFIG_HOME ?? ''),
        JSON.stringify(fault.requests()),
      ].join('\n');
      expect(everything).not.toContain(SENTINEL);
      expect(everything).not.toContain(`:${PROXY_PASSWORD}@`);
      expect(json.stderr + summary.stderr).toContain(MASKED);
      // No control sequence reaches the terminal (the JSON escapes them, and there are none to escape).
      expect(json.stdout + json.stderr + summary.stdout + summary.stderr).not.toMatch(CONTROL);
      expect(json.stdout).not.toContain('\\u001b');
    } finally {
      await fault.close();
    }
  });
});

describe('the fault matrix through the wizard', () => {
  it.each(FAULT_ROWS)('$name: shows what happened, and one key goes back to the fix', async (row) => {
    const fault = await setupFault(row);
    const index = stepIndex('api-key');
    const app = renderApp({
      columns: 80,
      rows: 50,
      state: { index, reached: index },
      services: {
        suggestedKey: { key: SENTINEL, source: 'env' },
        openSession: sessionTo(fault.baseUrl, { transport: fault.transport }),
        callPolicy: { ...DEFAULT_POLICY, timeoutMs: (row.timeout ?? 10) * 1000 },
      },
    });
    try {
      await app.waitForText('Use this key');
      await app.press(KEYS.enter);
      // Bounds, not sleeps: generous, because this suite runs beside the spawned checks above.
      await app.waitFor(
        (f) => f.includes('Press Enter to send') || f.includes('✗'),
        'the confirmation or a diagnosis',
        20_000,
      );
      if (app.frame().includes('Press Enter to send')) await app.press(KEYS.enter);
      const shown = await app.waitForText(row.kind === 'ok' ? 'replied:' : `✗ ${titleOf(row, en)}`, 20_000);
      if (row.detail)
        expect(shown.replace(/\s+/g, ' ')).toContain(
          fill(en.details[row.detail], { limit: '1 MB', seconds: row.timeout ?? 10 }),
        );
      const frames = app.stdout.frames.join('');
      expect(frames).not.toContain(SENTINEL);
      expect(frames).not.toContain(`:${PROXY_PASSWORD}@`);
      expect(frames).not.toContain('evil.example');
      expect(frames).not.toContain('\u001b]52');
      expect(frames).not.toContain('\u001b[2J');
      expect(frames.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(TOKEN);
      if (row.kind !== 'ok') {
        expect(shown.replace(/\s+/g, ' ')).toContain(retryOf(row, en));
        // Waiting for credit is offered only where credit is what is missing.
        expect(shown.replace(/\s+/g, ' ').includes('w wait for credit')).toBe(row.kind === 'no-credit');
      }
      if (row.step) {
        await app.press(KEYS.enter);
        await app.waitForText(`${stepIndex(row.step) + 1}/14`);
      }
    } finally {
      app.instance.unmount();
      await fault.close();
    }
  });
});
