/**
 * The proxy settings of the environment, checked before anything is sent: an unusable HTTPS_PROXY is a
 * usage error that names the variable, not "Invalid URL" from deep inside the HTTP client. Pure, and free
 * of undici so that the wizard can load it before the test call.
 */

/** The proxy variables, in the order they are read (lower case wins, as in curl). */
export const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'] as const;

/** A setting from the environment that cannot be used; `variable` names it for the user, `detail` says why. */
export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    readonly detail: 'proxyEnv' | 'headerEnv' = 'proxyEnv',
  ) {
    super(`${variable} is not usable (${detail})`);
  }
}

// What an organization or project id sent as a header may hold: printable ASCII (not only spaces), no longer
// than any id needs. undici refuses line breaks and most control characters with an error that would read as
// a network failure; the rest (C1 controls, bidirectional overrides) would reach the server as sent.
const HEADER_VALUE = /^(?=.*[\x21-\x7e])[\x20-\x7e]{1,256}$/;

/** Whether a value can be sent as the OpenAI-Organization or OpenAI-Project header as it is. */
export function isSendableHeaderValue(value: string): boolean {
  return HEADER_VALUE.test(value);
}

/** The first proxy variable that is set but is not an http:// or https:// URL, if any. */
export function unusableProxyVariable(env: NodeJS.ProcessEnv): string | undefined {
  return PROXY_VARIABLES.find((name) => {
    const value = env[name];
    if (!value) return false;
    try {
      const url = new URL(value);
      return (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '';
    } catch {
      return true;
    }
  });
}

/** Whether NO_PROXY exempts a URL: `*`, a host, `.domain` or `*.domain`, each with an optional port. */
export function exemptFromProxy(url: URL, noProxy: string): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const match = /^(.*?)(?::(\d+))?$/.exec(entry.toLowerCase());
      const name = (match?.[1] ?? '').replace(/^\*/, '').replace(/^\[|\]$/g, '');
      if (match?.[2] && match[2] !== port) return false;
      if (name.startsWith('.')) return host.endsWith(name) || host === name.slice(1);
      return host === name || host.endsWith(`.${name}`);
    });
}
