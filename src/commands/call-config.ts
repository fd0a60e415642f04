/** The test call's settings from the command line and the environment, shared by the wizard and `check`. */
import pkg from '../../package.json' with { type: 'json' };
import type { CallConfig } from '../api/test-call.js';
import type { Flags } from './args.js';

/** Everything but the key and the API root, which each command finds its own way. */
export function callConfig(flags: Flags, env: NodeJS.ProcessEnv): Omit<CallConfig, 'key' | 'baseUrl'> {
  return {
    model: flags.model,
    timeoutMs: flags.timeoutSeconds * 1000,
    // As the official SDKs: sent as OpenAI-Organization / OpenAI-Project only when set.
    organization: env.OPENAI_ORG_ID || undefined,
    project: env.OPENAI_PROJECT_ID || undefined,
    transport: { env },
    userAgent: `openai-topup/${pkg.version}`,
    debug: flags.debug ? (line) => process.stderr.write(`[debug] ${line}\n`) : undefined,
  };
}
