import { describe, expect, it } from 'vitest';
import {
  isInPlus,
  PLUS_PAST_DUE_GRACE_DAYS,
  PLUS_RENEWAL_LEEWAY_HOURS,
  plusAccess,
  plusEnrollmentLapsed,
  plusMonthOf,
  plusPeriodEnd,
  plusPlanOfInterval,
} from './plus';

describe('isInPlus', () => {
  const paid = { price: 4900, status: 'published' as const };
  it('includes a published paid course by default', () => {
    expect(isInPlus(paid)).toBe(true);
  });
  it('leaves out free, unpublished, opted-out and admin-excluded courses', () => {
    expect(isInPlus({ ...paid, price: 0 })).toBe(false);
    expect(isInPlus({ ...paid, status: 'draft' })).toBe(false);
    expect(isInPlus({ ...paid, includedInPlus: false })).toBe(false);
    expect(isInPlus({ ...paid, plusExcluded: true })).toBe(false);
  });
});

describe('plusMonthOf', () => {
  it('is the UTC calendar month', () => {
    expect(plusMonthOf(new Date('2026-12-31T23:59:59Z'))).toBe('2026-12');
    expect(plusMonthOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01');
  });
});

describe('plusAccess (mirrored by firestore.rules plusEntitled)', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const day = 86_400_000;
  const at = (ms: number) => new Date(now.getTime() + ms);
  const sub = (over: Partial<Parameters<typeof plusAccess>[0] & object> = {}) => ({
    status: 'active' as const,
    currentPeriodEnd: at(10 * day),
    cancelAtPeriodEnd: false,
    pastDueSince: null,
    ...over,
  });

  it('active and trialing: until the period end plus the renewal leeway', () => {
    expect(plusAccess(sub(), now)).toMatchObject({ entitled: true, reason: 'active' });
    expect(plusAccess(sub({ status: 'trialing' }), now).entitled).toBe(true);
    expect(plusAccess(sub({ currentPeriodEnd: at(-day) }), now).entitled).toBe(true);
    expect(
      plusAccess(sub({ currentPeriodEnd: at(-(PLUS_RENEWAL_LEEWAY_HOURS + 1) * 3_600_000) }), now),
    ).toMatchObject({
      entitled: false,
      reason: 'lapsed',
    });
  });

  it('cancelling at period end: exactly until the period end, no leeway', () => {
    expect(plusAccess(sub({ cancelAtPeriodEnd: true }), now)).toMatchObject({
      entitled: true,
      reason: 'cancelling',
    });
    expect(plusAccess(sub({ cancelAtPeriodEnd: true, currentPeriodEnd: at(-1000) }), now).entitled).toBe(
      false,
    );
  });

  it('past due: a grace period from pastDueSince, none without it', () => {
    const pastDue = sub({ status: 'past_due', pastDueSince: at(-(PLUS_PAST_DUE_GRACE_DAYS - 1) * day) });
    expect(plusAccess(pastDue, now)).toMatchObject({ entitled: true, reason: 'past-due-grace' });
    expect(
      plusAccess(sub({ status: 'past_due', pastDueSince: at(-(PLUS_PAST_DUE_GRACE_DAYS + 1) * day) }), now)
        .entitled,
    ).toBe(false);
    expect(plusAccess(sub({ status: 'past_due', pastDueSince: null }), now).entitled).toBe(false);
  });

  it('canceled keeps the paid period; unpaid, incomplete, paused and no subscription open nothing', () => {
    expect(plusAccess(sub({ status: 'canceled' }), now).entitled).toBe(true);
    expect(plusAccess(sub({ status: 'canceled', currentPeriodEnd: at(-1000) }), now).entitled).toBe(false);
    for (const status of ['unpaid', 'incomplete', 'incomplete_expired', 'paused'] as const) {
      expect(plusAccess(sub({ status }), now).entitled).toBe(false);
    }
    expect(plusAccess(null, now)).toEqual({ entitled: false, until: null, reason: 'none' });
  });
});

describe('plusEnrollmentLapsed', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  const course = { status: 'published', price: 4900 };
  const active = {
    status: 'active' as const,
    currentPeriodEnd: new Date('2027-01-01'),
    cancelAtPeriodEnd: false,
  };
  it('only Plus enrolments lapse, when the membership or the course leaves Plus', () => {
    expect(plusEnrollmentLapsed({ source: 'stripe' }, course, null, now)).toBe(false);
    expect(plusEnrollmentLapsed({ source: 'plus' }, course, active, now)).toBe(false);
    expect(plusEnrollmentLapsed({ source: 'plus' }, course, null, now)).toBe(true);
    expect(plusEnrollmentLapsed({ source: 'plus' }, { ...course, plusExcluded: true }, active, now)).toBe(
      true,
    );
  });
});

describe('plans and periods', () => {
  it('maps Stripe intervals and adds calendar periods', () => {
    expect(plusPlanOfInterval('month')).toBe('monthly');
    expect(plusPlanOfInterval('year')).toBe('yearly');
    expect(plusPlanOfInterval('week')).toBeNull();
    expect(plusPeriodEnd(new Date('2026-01-31T00:00:00Z'), 'yearly').toISOString()).toBe(
      '2027-01-31T00:00:00.000Z',
    );
    expect(plusPeriodEnd(new Date('2026-03-15T00:00:00Z'), 'monthly').toISOString()).toBe(
      '2026-04-15T00:00:00.000Z',
    );
  });
});

describe('catalog filter "Included with Plus"', () => {
  it('keeps paid courses in Plus only', async () => {
    const { matchesCatalogFilters, parseCatalogParams } = await import('./catalog');
    const filters = { ...parseCatalogParams(new URLSearchParams('price=plus')) };
    const base = { price: 4900, rating: { average: 4 }, searchTokens: [] };
    expect(filters.price).toBe('plus');
    expect(matchesCatalogFilters(base, filters)).toBe(true);
    expect(matchesCatalogFilters({ ...base, price: 0 }, filters)).toBe(false);
    expect(matchesCatalogFilters({ ...base, includedInPlus: false }, filters)).toBe(false);
    expect(matchesCatalogFilters({ ...base, plusExcluded: true }, filters)).toBe(false);
  });
});
