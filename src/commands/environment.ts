/** Environment variables that can make the test call impossible before it starts: checked once, at the edge. */
import { unusableProxyVariable } from '../api/proxy-env.js';
import { contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';

/**
 * The sentence naming an unusable proxy variable (`HTTPS_PROXY='not a url'`), or undefined when every one
 * that is set can be used. `check` refuses to start with it (exit 2); the wizard's test call fails with the
 * same variable named (api/proxy-env.ts). The value is never echoed: it may hold a password.
 */
export function proxyEnvProblem(env: NodeJS.ProcessEnv, lang: Locale): string | undefined {
  const bad = unusableProxyVariable(env);
  return bad ? fill(contentFor(lang).details.proxyEnv, { variable: bad }) : undefined;
}
