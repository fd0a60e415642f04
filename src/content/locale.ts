/** The languages of the guide, and how the user's language is found. */

export const LOCALES = ['en', 'ko'] as const;
/** A language the guide is written in. */
export type Locale = (typeof LOCALES)[number];

/** Reads `ko`, `ko-KR`, `ko_KR.UTF-8`, `EN` and the like; undefined for anything else. */
export function parseLocale(value: string | undefined): Locale | undefined {
  if (!value) return undefined;
  const base = value
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

/** The language from LC_ALL, LC_MESSAGES, LANG in that order (ko* → ko), else English. */
export function detectLocale(env: NodeJS.ProcessEnv): Locale {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    // An empty variable does not count, as in POSIX; the first set one decides.
    if (value) return value.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  }
  return 'en';
}
