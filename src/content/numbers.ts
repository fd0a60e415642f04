/** Number formats per language (Korean groups large numbers by 만). */
import type { Locale } from './locale.js';

// Building a NumberFormat costs milliseconds; the amount screen formats on every keypress.
const formats = new Map<string, Intl.NumberFormat>();
function format(locale: Locale, compact: boolean): Intl.NumberFormat {
  const key = `${locale}:${compact}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      maximumSignificantDigits: 2,
      // Compact numbers group only from five digits by default ("6700만"); Korean writes 6,700만.
      ...(compact ? { notation: 'compact', useGrouping: true } : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/** About how many: two significant digits, grouped ("650,000"). */
export function formatAbout(value: number, locale: Locale): string {
  return format(locale, false).format(value);
}

/** A large count in short form: "67M" in English, "6,700만" in Korean. */
export function formatCompact(value: number, locale: Locale): string {
  return format(locale, true).format(value);
}

/** Builds both formats ahead of need (ICU loads its data on first use: about 13 ms). */
export function warmNumberFormats(locale: Locale): void {
  format(locale, false);
  format(locale, true);
}
