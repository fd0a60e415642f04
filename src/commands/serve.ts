/** `openai-topup serve`: the practice server on its own, until Ctrl+C. */

import { curlCommand } from '../api/request.js';
import { asciiFold, contentFor, fill } from '../content/content.js';
import { isScenarioName } from '../demo/scenario-names.js';
import { PRACTICE_KEY, startDemoServer } from '../demo/server.js';
import type { Flags } from './args.js';

/** Runs the practice server; resolves with the exit code when stopped. */
export async function runServe(flags: Flags): Promise<number> {
  const content = contentFor(flags.lang);
  const say = (text: string) => (flags.ascii ? asciiFold(text) : text);
  const scenario = isScenarioName(flags.scenario) ? flags.scenario : 'success';
  const started = await startDemoServer({
    scenario,
    port: flags.port,
    chunkDelayMs: 40,
    // Requests are always logged with the key masked; trainees will paste real keys.
    log: (entry) => {
      const line = fill(content.serve.request, {
        method: entry.method,
        path: entry.path,
        masked: entry.maskedKey ?? '-',
        status: entry.status || '…',
      });
      process.stderr.write(`${say(line)}\n`);
      // --debug: what else the request carried (the key stays masked; ids are not secrets).
      if (flags.debug && entry.status)
        process.stderr.write(
          `[debug] ${entry.method} ${entry.path}: OpenAI-Organization ${entry.organization ?? '-'}, OpenAI-Project ${
            entry.project ?? '-'
          }, body ${entry.bodyBytes} bytes, answered ${entry.status}\n`,
        );
    },
  }).catch((error: NodeJS.ErrnoException) => error);
  // A port that is taken or not ours to open is the user's choice to correct: one line, exit 2.
  if (started instanceof Error) {
    const key = { EADDRINUSE: 'portInUse', EACCES: 'portDenied' } as const;
    const sentence =
      started.code === 'EADDRINUSE' || started.code === 'EACCES' ? key[started.code] : undefined;
    if (!sentence) throw started;
    process.stderr.write(`openai-topup: ${say(fill(content.cli[sentence], { port: flags.port ?? 0 }))}\n`);
    return 2;
  }
  const server = started;
  const lines = [
    fill(content.serve.listening, { url: server.baseUrl }),
    fill(content.serve.practiceKey, { key: PRACTICE_KEY }),
    fill(content.serve.scenario, {
      scenario: `${scenario} (${fill(content.serve.scenarios[scenario], { n: 2 })})`,
    }),
    '',
    content.serve.tryIt,
    `export OPENAI_API_KEY=${PRACTICE_KEY}`,
    `openai-topup check --base-url ${server.baseUrl}`,
    curlCommand(server.baseUrl, 'gpt-4o-mini', false),
    '',
    content.serve.stop,
  ];
  process.stdout.write(`${say(lines.join('\n'))}\n`);
  const code = await new Promise<number>((resolve) => {
    process.once('SIGINT', () => resolve(130));
    process.once('SIGTERM', () => resolve(143));
  });
  await server.close();
  return code;
}
