/** The API root: where the key may be sent. Pure. */
import { contentFor, fill } from '../content/content.js';
import type { Locale } from '../content/locale.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Whether a host name is this machine (clear-text http is allowed only there). */
export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Checks an API base URL; returns the problem's message, or undefined when it is fine. */
export function checkBaseUrl(value: string, lang: Locale): string | undefined {
  // The text is read only for a problem.
  const cli = () => contentFor(lang).cli;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fill(cli().baseUrlNotUrl, { value });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return fill(cli().baseUrlScheme, { scheme: url.protocol });
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return fill(cli().baseUrlClearText, { host: url.host });
  return undefined;
}
