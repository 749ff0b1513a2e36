import { describe, expect, it } from 'vitest';
import {
  completionRate,
  earningsByMonth,
  earningsTotals,
  formatMoney,
  monthKey,
  monthStart,
  netEarnings,
  niceMax,
} from './educator';

describe('completionRate', () => {
  it('is completions over enrolments in whole percent, capped at 100', () => {
    expect(completionRate(1, 3)).toBe(33);
    expect(completionRate(2, 3)).toBe(67);
    expect(completionRate(5, 5)).toBe(100);
    expect(completionRate(7, 5)).toBe(100);
    expect(completionRate(0, 4)).toBe(0);
  });

  it('is null when nobody has enrolled', () => {
    expect(completionRate(0, 0)).toBeNull();
    expect(completionRate(3, Number.NaN)).toBeNull();
  });
});

describe('earnings', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  const entry = (createdAt: string, amount: number, extra: Record<string, unknown> = {}) => ({
    amount,
    currency: 'USD',
    createdAt: new Date(createdAt),
    ...extra,
  });

  it('nets refunds and counts a reversed entry as nothing', () => {
    expect(netEarnings(entry('2026-11-01', 4900))).toBe(4900);
    expect(netEarnings(entry('2026-11-01', 4900, { refundedAmount: 900 }))).toBe(4000);
    expect(netEarnings(entry('2026-11-01', 4900, { refundedAmount: 4900, status: 'reversed' }))).toBe(0);
  });

  it('sums the last six months oldest first, in UTC months, with empty months as 0', () => {
    const months = earningsByMonth(
      [
        entry('2026-11-24T23:59:00Z', 4900),
        entry('2026-11-01T00:00:00Z', 5900),
        entry('2026-09-15T12:00:00Z', 4900, { refundedAmount: 1000 }),
        entry('2026-05-31T23:59:59Z', 9999), // before the window
        { ...entry('2026-10-10', 700), currency: 'EUR' }, // another currency
      ],
      'USD',
      now,
    );
    expect(months.map((m) => m.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(months.map((m) => m.amount)).toEqual([0, 0, 0, 3900, 0, 10800]);
    expect(months[5]?.label).toBe('Nov 2026');
  });

  it('rolls over the year boundary', () => {
    const months = earningsByMonth(
      [entry('2025-12-31T23:00:00Z', 100)],
      'usd',
      new Date('2026-01-05T00:00:00Z'),
      3,
    );
    expect(months.map((m) => [m.month, m.amount])).toEqual([
      ['2025-11', 0],
      ['2025-12', 100],
      ['2026-01', 0],
    ]);
    expect(monthKey(monthStart(new Date('2026-03-31T12:00:00Z'), 1))).toBe('2026-02');
  });

  it('treats everything as pending until payouts record what was paid', () => {
    expect(earningsTotals({ USD: 20600, EUR: 700 })).toEqual([
      { currency: 'USD', total: 20600, paidOut: 0, pending: 20600 },
      { currency: 'EUR', total: 700, paidOut: 0, pending: 700 },
    ]);
    expect(earningsTotals({ USD: 20600 }, { USD: 15000 })).toEqual([
      { currency: 'USD', total: 20600, paidOut: 15000, pending: 5600 },
    ]);
    expect(earningsTotals(null)).toEqual([]);
  });

  it('picks a round chart maximum at or above the largest bar', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(10800)).toBe(20000);
    expect(niceMax(4900)).toBe(5000);
    expect(niceMax(100)).toBe(100);
    expect(niceMax(101)).toBe(200);
  });
});

describe('formatMoney', () => {
  it('formats minor units, zero included, and compacts axis labels', () => {
    expect(formatMoney(0, 'USD')).toBe('$0.00');
    expect(formatMoney(10800, 'usd')).toBe('$108.00');
    expect(formatMoney(500, 'JPY')).toBe('¥500');
    expect(formatMoney(2_000_000, 'USD', { compact: true })).toBe('$20K');
  });
});
