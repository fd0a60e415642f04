/** Parsing an address that may only be http(s). Pure. */

/** The URL as the WHATWG parser reads it, when it is an http or https URL; else undefined. */
export function httpUrl(url: string): URL | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed : undefined;
}
