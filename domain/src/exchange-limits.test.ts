import { describe, expect, it } from 'vitest';
import {
  createdOnDay,
  exchangeQuotaDay,
  exchangeRequestAllowed,
  MAX_EXCHANGE_REQUESTS_PER_DAY,
  MAX_PENDING_EXCHANGE_REQUESTS,
} from './exchange-limits';

const now = new Date('2026-03-04T23:30:00Z');

describe('exchange request limits', () => {
  it('counts the UTC day', () => {
    expect(exchangeQuotaDay(now)).toBe('2026-03-04');
    expect(createdOnDay({ day: '2026-03-04', createdToday: 3 }, '2026-03-04')).toBe(3);
    expect(createdOnDay({ day: '2026-03-03', createdToday: 19 }, '2026-03-04')).toBe(0);
    expect(createdOnDay(null, '2026-03-04')).toBe(0);
    expect(createdOnDay({ day: '2026-03-04', createdToday: 'x' }, '2026-03-04')).toBe(0);
  });

  it('allows up to the pending cap and the daily cap', () => {
    expect(exchangeRequestAllowed(0, null, now)).toEqual({ allowed: true, createdToday: 1 });
    expect(exchangeRequestAllowed(MAX_PENDING_EXCHANGE_REQUESTS - 1, null, now).allowed).toBe(true);
    const pending = exchangeRequestAllowed(MAX_PENDING_EXCHANGE_REQUESTS, null, now);
    expect(pending).toMatchObject({ allowed: false, reason: 'too-many-pending' });
    const daily = exchangeRequestAllowed(
      0,
      { day: '2026-03-04', createdToday: MAX_EXCHANGE_REQUESTS_PER_DAY },
      now,
    );
    expect(daily).toMatchObject({ allowed: false, reason: 'daily-limit' });
    // Yesterday's count does not hold today back.
    expect(
      exchangeRequestAllowed(0, { day: '2026-03-03', createdToday: MAX_EXCHANGE_REQUESTS_PER_DAY }, now),
    ).toEqual({ allowed: true, createdToday: 1 });
  });
});
