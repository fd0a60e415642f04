/** Checking the dollar amounts typed on the amount and auto-recharge screens. Pure. */

/** Why an amount was refused; each has its own message in the locale files. */
export type AmountError = 'empty' | 'notNumber' | 'negative' | 'belowMinimum' | 'tooManyDecimals';

/** The result of reading an amount. */
export type AmountResult =
  | { readonly ok: true; readonly value: string; readonly dollars: number; readonly aboveGuide: boolean }
  | { readonly ok: false; readonly error: AmountError };

/** The smallest purchase OpenAI takes, and the largest the post's form offered. */
export const MIN_DOLLARS = 5;
export const GUIDE_MAX_DOLLARS = 100;

/**
 * Reads a typed dollar amount. Full-width digits and signs (typed by Korean input methods) count as their
 * ASCII forms; a leading `$` is allowed. More than $100 is accepted with a warning flag.
 */
export function parseAmount(raw: string, min: number = MIN_DOLLARS): AmountResult {
  // NFKC turns full-width digits, dots, minus and dollar signs into ASCII.
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/^\$\s*/, '')
    .replace(/\s+/g, '');
  if (text === '') return { ok: false, error: 'empty' };
  const match = /^(-|−)?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return { ok: false, error: 'notNumber' };
  const [, sign, whole = '', fraction = ''] = match;
  if (sign) return { ok: false, error: 'negative' };
  if (fraction.length > 2) return { ok: false, error: 'tooManyDecimals' };
  const dollars = Number(`${whole || '0'}.${fraction || '0'}`);
  if (dollars < min) return { ok: false, error: 'belowMinimum' };
  const trimmedFraction = fraction.replace(/0+$/, '');
  const value = `${String(Number(whole || '0'))}${trimmedFraction ? `.${trimmedFraction}` : ''}`;
  return { ok: true, value, dollars, aboveGuide: dollars > GUIDE_MAX_DOLLARS };
}

/**
 * Shows an amount with cents when it has them, and thousands grouped as both languages write dollars:
 * "10", "12.50", "2,500", "12,345.60".
 */
export function formatDollars(value: string): string {
  const [whole = '', cents] = (value.includes('.') ? Number(value).toFixed(2) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return cents === undefined ? grouped : `${grouped}.${cents}`;
}
