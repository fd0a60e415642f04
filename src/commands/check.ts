/** `openai-topup check`: the test call for scripts and terminals without the wizard. */

import { type CheckProgress, type CheckResult, performCheck } from '../api/check.js';
import { formatUsd } from '../api/prices.js';
import { DEFAULT_BASE_URL } from '../api/request.js';
import { asciiFold, contentFor, fill } from '../content/content.js';
import type { Flags } from './args.js';
import { callConfig } from './call-config.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs `check`; resolves with the exit code. */
export async function runCheck(flags: Flags, env: NodeJS.ProcessEnv): Promise<number> {
  const content = contentFor(flags.lang);
  const say = (text: string) => (flags.ascii ? asciiFold(text) : text);
  const controller = new AbortController();
  let signalExit: number | undefined;
  const stop = (code: number) => () => {
    signalExit = code;
    controller.abort();
  };
  const onInt = stop(130);
  const onTerm = stop(143);
  process.once('SIGINT', onInt);
  process.once('SIGTERM', onTerm);

  let demo: { baseUrl: string; close: () => Promise<void> } | undefined;
  let key: string | undefined;
  let baseUrl = flags.baseUrl ?? DEFAULT_BASE_URL;
  if (flags.demo) {
    const { startDemoServer, PRACTICE_KEY } = await import('../demo/server.js');
    demo = await startDemoServer({});
    key = PRACTICE_KEY;
    baseUrl = demo.baseUrl;
  } else if (flags.keyStdin) {
    key = await readStdin();
  } else {
    key = env.OPENAI_API_KEY;
  }

  const onProgress = (progress: CheckProgress) => {
    if (flags.json) return;
    const seconds = Math.round(('delayMs' in progress ? progress.delayMs : 0) / 1000);
    if (progress.type === 'retry') {
      const title = content.outcomes[progress.diagnosis.kind].title;
      process.stderr.write(`${say(fill(content.check.retrying, { title, seconds }))}\n`);
    } else if (progress.type === 'waiting-for-credit') {
      process.stderr.write(
        `${say(fill(content.check.waiting, { seconds, minutes: flags.waitForCreditMinutes ?? 0 }))}\n`,
      );
    } else {
      process.stderr.write(`${say(content.steps['test-call'].modelsWarning)}\n`);
    }
  };

  let result: CheckResult;
  try {
    result = await performCheck({
      ...callConfig(flags, env),
      key,
      baseUrl,
      locale: flags.lang,
      waitForCreditMinutes: flags.waitForCreditMinutes,
      signal: controller.signal,
      onProgress,
    });
  } finally {
    await demo?.close();
    process.off('SIGINT', onInt);
    process.off('SIGTERM', onTerm);
  }
  let { report } = result;
  if (signalExit !== undefined && report.kind === 'interrupted') report = { ...report, exitCode: signalExit };

  if (flags.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.exitCode;
  }
  if (report.ok) {
    const lines = [
      fill(content.check.okLine, { model: report.model ?? flags.model, total: report.latencyMs?.total ?? 0 }),
      '',
      ...(report.reply ?? '').split('\n').map((line) => `  ${line}`),
      '',
    ];
    const details = [
      report.usage
        ? fill(report.costUsd === null ? content.check.costUnknown : content.check.cost, {
            prompt: report.usage.prompt_tokens,
            completion: report.usage.completion_tokens,
            cost: report.costUsd === null ? '' : formatUsd(report.costUsd),
          })
        : '',
      report.organization ? fill(content.check.organization, { organization: report.organization }) : '',
      report.requestId ?? '',
    ].filter(Boolean);
    lines.push(details.join(' · '));
    process.stdout.write(`${say(lines.join('\n'))}\n`);
    return 0;
  }
  const explanation = result.explanation;
  if (!explanation) return report.exitCode;
  const lines = [
    fill(content.check.failLine, { title: explanation.title }),
    `  ${explanation.meaning}`,
    `  ${explanation.action}`,
  ];
  for (const note of explanation.notes) lines.push(`  ${note}`);
  if (explanation.serverMessage) lines.push(`  ${content.diagnosis.serverSaid} ${explanation.serverMessage}`);
  lines.push(`  ${explanation.retry}`);
  if (explanation.step)
    lines.push(
      `  ${fill(content.check.nextStep, { n: explanation.step.number, name: explanation.step.name })}`,
    );
  process.stderr.write(`${say(lines.join('\n'))}\n`);
  return report.exitCode;
}
