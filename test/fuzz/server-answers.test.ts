/**
 * Generated server answers (status line, headers, body, framing, compression, how the bytes are split in
 * time, where the connection drops) from a real loopback server, through the test call as `check` runs it,
 * as the wizard shows it, and through a spawned `check`. Every case ends within its time limit, as an outcome
 * of the table, with nothing unsafe shown and the key only masked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepIndex } from '../../src/wizard/steps.js';
import { startAnswerServer } from '../helpers/answer-server.js';
import {
  answerSpec,
  EXIT_CODES,
  expectNoKey,
  expectReport,
  filesUnder,
  INK_SEQUENCES,
  modelsOk,
  SENTINEL,
  toWire,
  UNSAFE,
} from '../helpers/answers.js';
import { checkAgainst, renderApp, sessionTo, testPolicy } from '../helpers/app.js';
import { baseEnv, runCli } from '../helpers/cli.js';
import { fuzzParams, fuzzTimeout } from '../helpers/fuzz.js';

/** The time limit of each generated check: short, so that stalls end soon. */
const LIMIT_MS = 1000;
/** What a loaded machine may add to a time limit before a run counts as hanging. */
const SLACK_MS = 5000;

const scenario = fc.record({
  // Most runs get the models list and go on to the chat call; some fail at the first request.
  models: fc.oneof({ weight: 3, arbitrary: fc.constant(modelsOk) }, { weight: 1, arbitrary: answerSpec }),
  chat: answerSpec,
  retry: answerSpec,
  maxRetries: fc.integer({ min: 0, max: 2 }),
});

describe('generated server answers', () => {
  it(
    'the test call as check runs it: ends in time, as an outcome of the table, safe and masked',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, async ({ models, chat, retry, maxRetries }) => {
          const server = await startAnswerServer([toWire(models), toWire(chat), toWire(retry)]);
          try {
            const trace: string[] = [];
            const started = performance.now();
            const { report } = await checkAgainst(
              { baseUrl: server.baseUrl, key: SENTINEL, debug: (line) => trace.push(line) },
              { timeoutMs: LIMIT_MS, maxRetries },
            );
            expect(performance.now() - started).toBeLessThan(LIMIT_MS + SLACK_MS);
            expectReport(report as unknown as Record<string, unknown>);
            for (const line of trace) expect(line).not.toMatch(UNSAFE);
            expectNoKey(...trace);
          } finally {
            await server.close();
          }
        }),
        fuzzParams(30),
      );
    },
    fuzzTimeout(120_000),
  );

  it(
    'the test call in the wizard: the screen ends on a result, with nothing unsafe and the key masked',
    async () => {
      const at = stepIndex('test-call');
      await fc.assert(
        fc.asyncProperty(scenario, async ({ models, chat, retry, maxRetries }) => {
          const server = await startAnswerServer([toWire(models), toWire(chat), toWire(retry)]);
          const app = renderApp({
            columns: 80,
            rows: 40,
            state: { index: at, reached: at },
            initialKey: SENTINEL,
            services: {
              openSession: sessionTo(server.baseUrl),
              callPolicy: testPolicy({ timeoutMs: LIMIT_MS, maxRetries }),
            },
          });
          try {
            await app.waitFor(
              (frame) => frame.includes('replied:') || frame.includes('✗'),
              'a result',
              LIMIT_MS + SLACK_MS,
            );
            const frames = app.stdout.frames.join('').replace(INK_SEQUENCES, '');
            expect(frames).not.toMatch(UNSAFE);
            expectNoKey(frames);
          } finally {
            app.instance.unmount();
            await server.close();
          }
        }),
        fuzzParams(12),
      );
    },
    fuzzTimeout(120_000),
  );

  it(
    'a spawned check, --json and the summary: one JSON line, an exit code of the table, safe and masked',
    async () => {
      await fc.assert(
        fc.asyncProperty(scenario, fc.boolean(), async ({ models, chat, retry }, json) => {
          const server = await startAnswerServer([toWire(models), toWire(chat), toWire(retry)]);
          try {
            const env = baseEnv({ OPENAI_API_KEY: SENTINEL });
            const args = ['check', '--debug', '--timeout', '1', '--base-url', server.baseUrl];
            const result = await runCli(json ? [...args, '--json'] : args, {
              env,
              timeoutMs: 1000 + SLACK_MS,
            });
            expect(EXIT_CODES).toContain(result.code);
            if (json) {
              expect(result.stdout.endsWith('\n')).toBe(true);
              expect(result.stdout.trimEnd().split('\n')).toHaveLength(1);
              const report = JSON.parse(result.stdout);
              expectReport(report);
              expect(report.exitCode).toBe(result.code);
            }
            expect(result.stdout.replace(/\n/g, '')).not.toMatch(UNSAFE);
            expect(result.stderr.replace(/\n/g, '')).not.toMatch(UNSAFE);
            expectNoKey(result.stdout, result.stderr, filesUnder(env.XDG_CONFIG_HOME ?? ''));
          } finally {
            await server.close();
          }
        }),
        fuzzParams(6),
      );
    },
    fuzzTimeout(120_000),
  );
});
