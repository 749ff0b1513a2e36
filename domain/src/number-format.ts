// Numbers and money as en-US text without touching Intl on the common path.
//
// The first Intl formatter a browser tab creates loads ICU's locale data: 35–50 ms of main thread
// on a fast desktop, four times that on a mid-range phone (measured in Chromium, docs/rendering.md
// "Intl on the first render"). Course cards show prices and counts on every public page, so doing
// that formatting by hand for en-US in USD, EUR and GBP (the seeded courses sell in USD) keeps ICU out of the
// first render. Anything else still goes through Intl, with one cached formatter per
// locale and options instead of one per call. Unit tests compare every fast path with Intl.

/** en-US symbols of the currencies the fast path formats; others go through Intl. */
const EN_US_SYMBOLS: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
};

/** "1234567" → "1,234,567" for a string of decimal digits. */
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+$)/g, ',');

/**
 * A whole number of minor units as en-US text with `digits` decimals, the way
 * `Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })`
 * writes `minor / 10 ** digits`: `formatMinorEnUs(123450, 2)` → "1,234.50". Integer arithmetic, so
 * no rounding question arises; undefined for anything but a safe integer.
 */
export function formatMinorEnUs(minor: number, digits: number): string | undefined {
  if (!Number.isSafeInteger(minor)) return undefined;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const whole = groupThousands(text.slice(0, text.length - digits));
  const sign = minor < 0 ? '-' : '';
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${text.slice(text.length - digits)}`;
}

/** A whole count with en-US grouping: 1234 → "1,234" (fractions are dropped toward zero). */
export function formatCount(count: number): string {
  if (!Number.isFinite(count)) return '0';
  const n = Math.trunc(count);
  return formatMinorEnUs(n === 0 ? 0 : n, 0) ?? String(n);
}

const formatters = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per locale and options, created on first use. Throws as Intl does. */
export function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * `minor` units of `currency` with `digits` decimals, as Intl's en-US currency style writes them
 * ("$1,234.50", "-€3.00", "£12.00"), or undefined when the fast path does not cover the locale,
 * the currency or the amount (not a safe integer).
 */
export function formatCurrencyFast(
  minor: number,
  currency: string,
  digits: number,
  locale: string,
): string | undefined {
  if (locale !== 'en-US') return undefined;
  const symbol = EN_US_SYMBOLS[currency];
  if (symbol === undefined) return undefined;
  const text = formatMinorEnUs(minor, digits);
  if (text === undefined) return undefined;
  return text.startsWith('-') ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}
