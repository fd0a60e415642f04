/** The test call's settings from the command line and the environment, shared by the wizard and `check`. */
import pkg from '../../package.json' with { type: 'json' };
import type { CallPolicy } from '../api/call-machine.js';
import type { SessionConfig } from '../api/session.js';
import type { Flags } from './args.js';

/** Where `check --debug` writes its trace: stderr, line by line. */
const toStderr = (line: string) => void process.stderr.write(`[debug] ${line}\n`);

/**
 * Everything but the key and the API root, which each command finds its own way. With `--debug` the trace
 * goes to `debugSink` (the wizard's trace file), or to stderr.
 */
export function callConfig(
  flags: Flags,
  env: NodeJS.ProcessEnv,
  debugSink: (line: string) => void = toStderr,
): Omit<SessionConfig, 'key' | 'baseUrl'> {
  return {
    model: flags.model,
    // As the official SDKs: sent as OpenAI-Organization / OpenAI-Project only when set.
    organization: env.OPENAI_ORG_ID || undefined,
    project: env.OPENAI_PROJECT_ID || undefined,
    transport: { env },
    userAgent: `openai-topup/${pkg.version}`,
    debug: flags.debug ? debugSink : undefined,
  };
}

/** The machine's policy: CLI.md's retries within --timeout, and how long to wait for credit. */
export function callPolicy(
  flags: Flags,
  command: 'wizard' | 'check',
  creditWait: CallPolicy['creditWait'],
): CallPolicy {
  return {
    timeoutMs: flags.timeoutSeconds * 1000,
    maxRetries: 2,
    confirmBeforeChat: command === 'wizard',
    creditWait,
  };
}
