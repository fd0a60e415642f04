/** Environment variables that can make the test call impossible before it starts: checked once, at the edge. */
import { contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';

/** The proxy variables undici reads, in the order it prefers them (lower case first). */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

function usableProxyUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * The sentence naming an unusable proxy variable (`HTTPS_PROXY='not a url'`), or undefined when every one
 * that is set can be used. `check` refuses to start with it (exit 2); the wizard shows it on its test-call
 * screen. The value is never echoed: it may hold a password.
 */
export function proxyEnvProblem(env: NodeJS.ProcessEnv, lang: Locale): string | undefined {
  // undici builds an agent for both the http and the https proxy, so a bad one of either breaks every call.
  const bad = PROXY_VARIABLES.find((name) => {
    const value = env[name];
    return value !== undefined && value !== '' && !usableProxyUrl(value);
  });
  return bad ? fill(contentFor(lang).cli.proxyNotUrl, { variable: bad }) : undefined;
}
