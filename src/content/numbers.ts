/** Number formats per language (Korean groups large numbers by 만). */
import type { Locale } from './locale.js';

/** About how many: two significant digits, grouped ("650,000"). */
export function formatAbout(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 2 }).format(value);
}

/** A large count in short form: "67M" in English, "6700만" in Korean. */
export function formatCompact(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 2 }).format(value);
}
