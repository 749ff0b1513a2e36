import { describe, expect, it } from 'vitest';
import {
  COHORT_SIZE,
  cohortId,
  earnFreeze,
  formatTimeLeft,
  isVerifiedTeaching,
  leagueOutcome,
  leaguePoints,
  leagueWeekKey,
  localMidnight,
  nextCohortSlot,
  nextStreakWithFreezes,
  placementTier,
  rankCohort,
  rolloverAt,
  zoneCounts,
} from './leagues';

const member = (uid: string, points: number, lastEarnedAt = 0) => ({ uid, points, lastEarnedAt });

describe('tier placement', () => {
  it('places a first week by level and never straight into Diamond', () => {
    expect(placementTier(1)).toBe('bronze');
    expect(placementTier(2)).toBe('silver');
    expect(placementTier(3)).toBe('gold');
    expect(placementTier(4)).toBe('sapphire');
    expect(placementTier(5)).toBe('ruby');
    expect(placementTier(99)).toBe('ruby');
    expect(placementTier(0)).toBe('bronze');
    expect(placementTier(Number.NaN)).toBe('bronze');
  });
});

describe('ranking', () => {
  it('orders by points, then by who reached the total first, then by uid', () => {
    const ranked = rankCohort([
      member('c', 50, 300),
      member('a', 80, 500),
      member('b', 50, 100),
      member('e', 50, 100),
      member('d', 50, 100),
    ]);
    expect(ranked.map((m) => [m.uid, m.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['d', 3],
      ['e', 4],
      ['c', 5],
    ]);
  });

  it('is the same whatever order the members arrive in', () => {
    const members = Array.from({ length: 30 }, (_, i) => member(`u${i}`, (i * 7) % 11, i % 3));
    const a = rankCohort(members).map((m) => m.uid);
    const b = rankCohort([...members].reverse()).map((m) => m.uid);
    expect(a).toEqual(b);
  });
});

describe('promotion and demotion', () => {
  it('promotes the top 5 and demotes the bottom 5 of a full cohort', () => {
    const outcomes = Array.from({ length: 30 }, (_, i) => leagueOutcome(i + 1, 30, 'gold'));
    expect(outcomes.slice(0, 5).every((o) => o.outcome === 'promoted' && o.nextTier === 'sapphire')).toBe(
      true,
    );
    expect(outcomes[5]).toEqual({ outcome: 'stayed', nextTier: 'gold' });
    expect(outcomes[24]).toEqual({ outcome: 'stayed', nextTier: 'gold' });
    expect(outcomes.slice(25).every((o) => o.outcome === 'demoted' && o.nextTier === 'silver')).toBe(true);
  });

  it('never promotes above Diamond or demotes below Bronze', () => {
    expect(leagueOutcome(1, 30, 'diamond')).toEqual({ outcome: 'stayed', nextTier: 'diamond' });
    expect(leagueOutcome(30, 30, 'diamond')).toEqual({ outcome: 'demoted', nextTier: 'ruby' });
    expect(leagueOutcome(30, 30, 'bronze')).toEqual({ outcome: 'stayed', nextTier: 'bronze' });
    expect(leagueOutcome(1, 30, 'bronze')).toEqual({ outcome: 'promoted', nextTier: 'silver' });
  });

  it('moves a third each way in cohorts smaller than 10', () => {
    expect(zoneCounts(10, 'gold')).toEqual({ promote: 5, demote: 5 });
    expect(zoneCounts(9, 'gold')).toEqual({ promote: 3, demote: 3 });
    expect(zoneCounts(4, 'gold')).toEqual({ promote: 1, demote: 1 });
    expect(zoneCounts(2, 'gold')).toEqual({ promote: 0, demote: 0 });
    expect(leagueOutcome(1, 2, 'gold').outcome).toBe('stayed');
    expect(leagueOutcome(4, 4, 'gold').outcome).toBe('demoted');
    expect(leagueOutcome(3, 4, 'gold').outcome).toBe('stayed');
  });

  it('keeps the zones apart in a cohort of exactly 10', () => {
    const outcomes = Array.from({ length: 10 }, (_, i) => leagueOutcome(i + 1, 10, 'silver').outcome);
    expect(outcomes).toEqual([...Array(5).fill('promoted'), ...Array(5).fill('demoted')]);
  });
});

describe('cohorts', () => {
  it('fills cohorts of 30 in order', () => {
    expect(nextCohortSlot(undefined)).toEqual({ index: 0, size: 1 });
    expect(nextCohortSlot({ open: 0, size: 29 })).toEqual({ index: 0, size: 30 });
    expect(nextCohortSlot({ open: 0, size: COHORT_SIZE })).toEqual({ index: 1, size: 1 });
    expect(cohortId('2026-11-23', 'gold', 2)).toBe('2026-11-23_gold_2');
  });
});

describe('rollover timing', () => {
  it('keys a week by the local Monday', () => {
    // Sunday 23:30 in New York is Monday 04:30 UTC.
    const t = new Date('2026-11-30T04:30:00Z');
    expect(leagueWeekKey(t, 'America/New_York')).toBe('2026-11-23');
    expect(leagueWeekKey(t, 'UTC')).toBe('2026-11-30');
    expect(leagueWeekKey(t, 'Asia/Tokyo')).toBe('2026-11-30');
  });

  it('rolls over at local Monday midnight in each time zone', () => {
    expect(rolloverAt('2026-11-23', 'UTC').toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(rolloverAt('2026-11-23', 'Asia/Tokyo').toISOString()).toBe('2026-11-29T15:00:00.000Z');
    expect(rolloverAt('2026-11-23', 'America/New_York').toISOString()).toBe('2026-11-30T05:00:00.000Z');
    expect(rolloverAt('2026-11-23', 'Asia/Kolkata').toISOString()).toBe('2026-11-29T18:30:00.000Z');
    expect(rolloverAt('2026-11-23', 'Not/AZone').toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('follows daylight saving time', () => {
    // Europe: clocks go back on Sunday 25 Oct 2026 — the Monday after is in winter time (UTC+1).
    expect(rolloverAt('2026-10-19', 'Europe/Paris').toISOString()).toBe('2026-10-25T23:00:00.000Z');
    // The week before is still summer time (UTC+2).
    expect(rolloverAt('2026-10-12', 'Europe/Paris').toISOString()).toBe('2026-10-18T22:00:00.000Z');
    // US: clocks go forward on Sunday 8 Mar 2026 — Monday 9 Mar starts at 04:00 UTC (UTC-4).
    expect(rolloverAt('2026-03-02', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('finds the first instant of a day whose midnight is skipped', () => {
    // Chile springs forward at 00:00 (Sat 5 Sep 2026 → 01:00): the day starts at 01:00 local.
    const start = localMidnight('2026-09-06', 'America/Santiago');
    expect(leagueWeekKey(start, 'America/Santiago')).toBe('2026-08-31');
    expect(new Date(start.getTime() - 1).getTime()).toBeLessThan(start.getTime());
  });

  it('says how long is left', () => {
    expect(formatTimeLeft(2 * 86_400_000 + 5 * 3_600_000)).toBe('2 days 5 hours');
    expect(formatTimeLeft(3_600_000 + 60_000)).toBe('1 hour 1 minute');
    expect(formatTimeLeft(30_000)).toBe('1 minute');
    expect(formatTimeLeft(-1)).toBe('any minute now');
  });
});

describe('teaching multiplier', () => {
  it('doubles verified teaching only', () => {
    expect(leaguePoints(50, true)).toBe(100);
    expect(leaguePoints(10, false)).toBe(10);
    expect(leaguePoints(-5, true)).toBe(0);
    expect(isVerifiedTeaching({ reason: 'session_hosted', attendeesOtherThanHost: 1 })).toBe(true);
    expect(isVerifiedTeaching({ reason: 'session_hosted', attendeesOtherThanHost: 0 })).toBe(false);
    expect(isVerifiedTeaching({ reason: 'exchange_completed', taughtInExchange: true })).toBe(true);
    expect(isVerifiedTeaching({ reason: 'exchange_completed', taughtInExchange: false })).toBe(false);
    expect(isVerifiedTeaching({ reason: 'lecture_completed' })).toBe(false);
  });
});

describe('streak freezes', () => {
  const prev = { currentStreak: 4, longestStreak: 6, lastActiveDay: '2026-11-20' };

  it('earns one freeze per teaching event, up to 2', () => {
    expect(earnFreeze(0)).toBe(1);
    expect(earnFreeze(1)).toBe(2);
    expect(earnFreeze(2)).toBe(2);
    expect(earnFreeze(Number.NaN)).toBe(1);
  });

  it('keeps the streak over one missed day and uses one freeze', () => {
    expect(nextStreakWithFreezes(prev, '2026-11-22', 1)).toEqual({
      streak: { currentStreak: 5, longestStreak: 6, lastActiveDay: '2026-11-22' },
      freezesUsed: 1,
    });
  });

  it('uses two freezes for two missed days, and none when there are not enough', () => {
    expect(nextStreakWithFreezes(prev, '2026-11-23', 2).freezesUsed).toBe(2);
    expect(nextStreakWithFreezes(prev, '2026-11-23', 1)).toEqual({
      streak: { currentStreak: 1, longestStreak: 6, lastActiveDay: '2026-11-23' },
      freezesUsed: 0,
    });
  });

  it('uses no freeze on consecutive days, the same day, or without freezes', () => {
    expect(nextStreakWithFreezes(prev, '2026-11-21', 2)).toEqual({
      streak: { currentStreak: 5, longestStreak: 6, lastActiveDay: '2026-11-21' },
      freezesUsed: 0,
    });
    expect(nextStreakWithFreezes(prev, '2026-11-20', 2).freezesUsed).toBe(0);
    expect(nextStreakWithFreezes(prev, '2026-11-22', 0).streak.currentStreak).toBe(1);
  });
});
