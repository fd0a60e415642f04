/**
 * Where an API root sends the key, as an origin the user can say yes to, and whether `--allow-host` names
 * it. Pure and small: `check` loads it for every run, the team file or not.
 */
import { domainToASCII } from 'node:url';
import { httpUrl } from '../text/http-url.js';

/** The origin the key goes to without asking. */
export const DEFAULT_ORIGIN = 'https://api.openai.com:443';

/**
 * A URL's origin as `scheme://host:port`, always with the port, a non-ASCII host as punycode (the WHATWG URL
 * parser's form), so that what the user says yes to is exactly where the key goes. Undefined for anything but
 * an http(s) URL.
 */
export function originOf(url: string): string | undefined {
  const parsed = httpUrl(url);
  if (!parsed || parsed.hostname === '') return undefined;
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.protocol}//${parsed.hostname}:${port}`;
}

/** Whether sending the key to this API root needs the user's yes first (it is not api.openai.com). */
export function needsOriginConsent(baseUrl: string): boolean {
  return originOf(baseUrl) !== DEFAULT_ORIGIN;
}

/**
 * Whether `check --allow-host HOST` names exactly the host of this API root: no parent domain, no other port
 * syntax, no prefix. Case does not matter (URLs lowercase hosts), and a non-ASCII name may be given in either
 * form, as it is written or as punycode; an IPv6 address with or without its brackets.
 */
export function allowHostMatches(baseUrl: string, host: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname;
  } catch {
    return false;
  }
  const given = host.trim().toLowerCase();
  if (given === '' || hostname === '') return false;
  return given === hostname || `[${given}]` === hostname || domainToASCII(given) === hostname;
}
