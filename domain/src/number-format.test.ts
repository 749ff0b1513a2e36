import { describe, expect, it } from 'vitest';
import { formatMoney } from './courses-api';
import { formatMoney as formatEarnings } from './educator';
import { cachedNumberFormat, formatCount, formatCurrencyFast, formatMinorEnUs } from './number-format';

// Amounts in minor units that exercise grouping, padding and sign: every boundary of a group of
// three, values below one major unit, and the largest safe integer.
const MINOR = [
  0,
  1,
  9,
  10,
  99,
  100,
  101,
  999,
  1000,
  4999,
  9999,
  10000,
  99999,
  100000,
  123450,
  999999,
  1000000,
  12345678,
  100000000,
  987654321012,
  Number.MAX_SAFE_INTEGER,
];
const SAMPLES = [...MINOR, ...MINOR.filter((m) => m !== 0).map((m) => -m)];

describe('formatMinorEnUs', () => {
  it.each([0, 2, 3])('matches Intl en-US with %i decimals', (digits) => {
    const intl = new Intl.NumberFormat('en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    for (const minor of SAMPLES) {
      // BigInt-exact reference: Intl formats a decimal string exactly, without float rounding.
      const sign = minor < 0 ? '-' : '';
      const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
      const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
      expect(formatMinorEnUs(minor, digits), `${minor} / 10^${digits}`).toBe(
        intl.format(`${sign}${decimal}` as unknown as number),
      );
    }
  });

  it('answers undefined for what it does not cover', () => {
    expect(formatMinorEnUs(1.5, 2)).toBeUndefined();
    expect(formatMinorEnUs(Number.NaN, 2)).toBeUndefined();
    expect(formatMinorEnUs(2 ** 60, 2)).toBeUndefined();
  });
});

describe('formatCurrencyFast', () => {
  it.each(['USD', 'EUR', 'GBP'])('writes %s exactly as Intl en-US does', (currency) => {
    const digits = 2;
    const intl = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    for (const minor of SAMPLES.filter((m) => Math.abs(m) < 1e15)) {
      expect(formatCurrencyFast(minor, currency, digits, 'en-US'), `${minor} ${currency}`).toBe(
        intl.format(minor / 10 ** digits),
      );
    }
  });

  it('leaves other locales, currencies and amounts to Intl', () => {
    expect(formatCurrencyFast(100, 'USD', 2, 'de-DE')).toBeUndefined();
    expect(formatCurrencyFast(100, 'KWD', 3, 'en-US')).toBeUndefined();
    expect(formatCurrencyFast(0.5, 'USD', 2, 'en-US')).toBeUndefined();
  });
});

describe('formatMoney through the fast path and through Intl', () => {
  it('gives the same text either way', () => {
    expect(formatMoney(123450, 'usd')).toBe('$1,234.50');
    expect(formatMoney(1500, 'JPY')).toBe('¥1,500');
    expect(formatMoney(-300, 'EUR')).toBe('-€3.00');
    expect(formatMoney(1500, 'KWD')).toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'KWD' }).format(1.5),
    );
    expect(formatMoney(4999, 'USD', 'de-DE')).toBe(
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'USD' }).format(49.99),
    );
    // A fraction of a cent is not a safe integer amount: Intl rounds it.
    expect(formatMoney(4999.6, 'USD')).toBe('$50.00');
    expect(formatEarnings(250000, 'usd')).toBe('$2,500.00');
    expect(formatEarnings(250000, 'usd', { compact: true })).toBe('$2.5K');
  });
});

describe('formatCount', () => {
  it('groups whole counts as en-US does', () => {
    for (const n of [0, 1, 999, 1000, 1234567, -4321]) expect(formatCount(n)).toBe(n.toLocaleString('en-US'));
    expect(formatCount(12.9)).toBe('12');
    expect(formatCount(-0.5)).toBe('0');
    expect(formatCount(Number.NaN)).toBe('0');
  });
});

describe('cachedNumberFormat', () => {
  it('creates one formatter per locale and options', () => {
    const a = cachedNumberFormat('en-US', { style: 'percent' });
    expect(cachedNumberFormat('en-US', { style: 'percent' })).toBe(a);
    expect(cachedNumberFormat('en-GB', { style: 'percent' })).not.toBe(a);
  });
});
