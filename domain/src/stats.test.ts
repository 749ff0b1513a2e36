import { describe, expect, it } from 'vitest';
import {
  addUtcDays,
  applyDelta,
  contribution,
  counterDelta,
  counterDrift,
  countersFrom,
  currencyKey,
  type DailyStats,
  dayToRollUp,
  emptyCounters,
  mergeHistory,
  nestDelta,
  PLATFORM_STAT_SHARDS,
  statsShardFor,
  sumCounterDocs,
  sumDeltas,
  utcDay,
  utcDayRange,
} from './stats';

const day = (d: string, newUsers = 1): DailyStats => ({
  day: d,
  newUsers,
  newEnrollments: 0,
  revenue: {},
  paymentsPaid: 0,
  activeLearners7d: 0,
  activeLearners30d: 0,
  users: 0,
  enrollments: 0,
});

describe('contribution of one document', () => {
  it('counts a user in the total, their status and their roles', () => {
    expect(contribution('users', { status: 'active', roles: ['learner', 'educator'] })).toEqual({
      'users.total': 1,
      'users.active': 1,
      'users.educators': 1,
    });
    expect(contribution('users', { status: 'banned', roles: ['learner', 'admin'] })).toEqual({
      'users.total': 1,
      'users.banned': 1,
      'users.admins': 1,
    });
  });

  it('counts a missing document as nothing', () => {
    expect(contribution('courses', null)).toEqual({});
    expect(contribution('users', undefined)).toEqual({});
  });

  it('ignores statuses outside the contract instead of inventing counters', () => {
    expect(contribution('courses', { status: 'weird' })).toEqual({});
    expect(contribution('users', { status: '__proto__' })).toEqual({ 'users.total': 1 });
  });

  it('counts an enrolment by status and as completed once it has a completion time', () => {
    expect(contribution('enrollments', { status: 'active', completedAt: null })).toEqual({
      'enrollments.total': 1,
      'enrollments.active': 1,
    });
    expect(contribution('enrollments', { status: 'refunded', completedAt: new Date() })).toEqual({
      'enrollments.total': 1,
      'enrollments.refunded': 1,
      'enrollments.completed': 1,
    });
  });

  it('adds revenue only for paid payments, in minor units per upper-case currency', () => {
    expect(contribution('payments', { status: 'paid', amount: 4900, currency: 'usd' })).toEqual({
      'payments.paid': 1,
      'revenue.USD': 4900,
    });
    expect(contribution('payments', { status: 'refunded', amount: 4900, currency: 'USD' })).toEqual({
      'payments.refunded': 1,
    });
    expect(contribution('payments', { status: 'paid', amount: 100, currency: 'dollars' })).toEqual({
      'payments.paid': 1,
    });
  });

  it('counts exchanges, live sessions, courses and applications by status', () => {
    expect(contribution('exchanges', { status: 'active' })).toEqual({ 'exchanges.active': 1 });
    expect(contribution('liveSessions', { status: 'live' })).toEqual({ 'liveSessions.live': 1 });
    expect(contribution('courses', { status: 'pending' })).toEqual({ 'courses.pending': 1 });
    expect(contribution('educatorApplications', { status: 'pending' })).toEqual({
      'educatorApplications.pending': 1,
    });
  });
});

describe('counterDelta', () => {
  it('moves a course from pending to published', () => {
    expect(counterDelta('courses', { status: 'pending' }, { status: 'published' })).toEqual({
      'courses.pending': -1,
      'courses.published': 1,
    });
  });

  it('changes nothing when a write does not touch counted fields', () => {
    expect(
      counterDelta(
        'users',
        { status: 'active', roles: ['learner'], bio: 'a' },
        { status: 'active', roles: ['learner'], bio: 'b' },
      ),
    ).toEqual({});
  });

  it('turns a refund into −revenue, −paid, +refunded', () => {
    expect(
      counterDelta(
        'payments',
        { status: 'paid', amount: 2900, currency: 'USD' },
        { status: 'refunded', amount: 2900, currency: 'USD' },
      ),
    ).toEqual({ 'payments.paid': -1, 'payments.refunded': 1, 'revenue.USD': -2900 });
  });

  it('removes a deleted document entirely', () => {
    expect(counterDelta('exchanges', { status: 'completed' }, null)).toEqual({ 'exchanges.completed': -1 });
  });

  it('reaches the same totals whatever order the writes are delivered in', () => {
    const states = [null, { status: 'pending' }, { status: 'published' }, { status: 'archived' }];
    const deltas = states.slice(1).map((after, i) => counterDelta('courses', states[i], after));
    const inOrder = applyDelta(emptyCounters(), sumDeltas(deltas));
    const reversed = applyDelta(emptyCounters(), sumDeltas([...deltas].reverse()));
    expect(reversed).toEqual(inOrder);
    expect(inOrder.courses).toMatchObject({ pending: 0, published: 0, archived: 1 });
  });
});

describe('counters', () => {
  it('adds up documents from scratch, and the drift against the truth is empty when they agree', () => {
    const truth = countersFrom([
      { collection: 'users', data: { status: 'active', roles: ['learner'] } },
      { collection: 'users', data: { status: 'suspended', roles: ['learner', 'educator'] } },
      { collection: 'payments', data: { status: 'paid', amount: 1000, currency: 'EUR' } },
    ]);
    expect(truth.users).toEqual({ total: 2, active: 1, suspended: 1, banned: 0, educators: 1, admins: 0 });
    expect(truth.revenue).toEqual({ EUR: 1000 });
    expect(counterDrift(truth, truth)).toEqual({});
    const drifted = applyDelta(truth, { 'users.total': 1, 'revenue.EUR': -1000 });
    expect(counterDrift(drifted, truth)).toEqual({ 'users.total': -1, 'revenue.EUR': 1000 });
    const stored = { ...truth, activeLearners: { last7Days: 4 }, updatedAt: { seconds: 1 } };
    expect(counterDrift(stored as unknown as typeof truth, truth)).toEqual({});
  });

  it('nests dotted paths for a merge write', () => {
    expect(nestDelta({ 'users.total': 1, 'revenue.USD': 50 }, (n) => n * 2)).toEqual({
      users: { total: 2 },
      revenue: { USD: 100 },
    });
  });

  it('accepts only three-letter currency codes', () => {
    expect(currencyKey(' eur ')).toBe('EUR');
    expect(currencyKey('a.b')).toBeNull();
    expect(currencyKey(3)).toBeNull();
  });
});

describe('UTC days', () => {
  it('names and bounds a UTC day, whatever the local time zone', () => {
    expect(utcDay(new Date('2026-11-25T23:59:59.999Z'))).toBe('2026-11-25');
    const { start, end } = utcDayRange('2026-11-25');
    expect(start.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    expect(end.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(() => utcDayRange('2026-02-30')).toThrow();
    expect(() => utcDayRange('yesterday')).toThrow();
  });

  it('closes yesterday when the scheduled rollup runs just after midnight', () => {
    expect(dayToRollUp(new Date('2026-03-01T00:10:00Z'))).toBe('2026-02-28');
    expect(addUtcDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});

describe('mergeHistory', () => {
  it('keeps one entry per day, oldest first, a rerun replacing its day', () => {
    const merged = mergeHistory([day('2026-11-02'), day('2026-11-01')], [day('2026-11-02', 7)]);
    expect(merged.map((d) => [d.day, d.newUsers])).toEqual([
      ['2026-11-01', 1],
      ['2026-11-02', 7],
    ]);
  });

  it('keeps only the newest days', () => {
    const days = Array.from({ length: 95 }, (_, i) => day(addUtcDays('2026-01-01', i)));
    const merged = mergeHistory(days, [], 90);
    expect(merged).toHaveLength(90);
    expect(merged[0]?.day).toBe(addUtcDays('2026-01-01', 5));
  });
});

describe('sharded counters', () => {
  it('sends an event to the same shard every time, and spreads many events over all of them', () => {
    expect(statsShardFor('evt-123')).toBe(statsShardFor('evt-123'));
    const used = new Map<string, number>();
    for (let i = 0; i < 1600; i++) {
      const shard = statsShardFor(`projects/p/events/${i}-${i * 7919}`);
      used.set(shard, (used.get(shard) ?? 0) + 1);
    }
    expect(used.size).toBe(PLATFORM_STAT_SHARDS);
    // No shard takes more than twice its fair share.
    for (const n of used.values()) expect(n).toBeLessThan((1600 / PLATFORM_STAT_SHARDS) * 2);
    expect([...used.keys()].every((k) => /^s\d+$/.test(k))).toBe(true);
  });

  it('reads the base plus every shard, group by group, keeping the base’s other fields', () => {
    const base = {
      ...applyDelta(emptyCounters(), { 'users.total': 10, 'revenue.USD': 500 }),
      reconciledAt: 'x',
    };
    const sum = sumCounterDocs(base, [
      { users: { total: 2, active: 1 }, revenue: { USD: 100, EUR: 50 } },
      { users: { total: -1 }, enrollments: { total: 3, bogus: 'no' } },
      null,
    ]);
    expect(sum.users.total).toBe(11);
    expect(sum.users.active).toBe(1);
    expect(sum.users.banned).toBe(0);
    expect(sum.revenue).toEqual({ USD: 600, EUR: 50 });
    expect(sum.enrollments.total).toBe(3);
    expect((sum.enrollments as unknown as Record<string, unknown>).bogus).toBeUndefined();
    expect(sum.reconciledAt).toBe('x');
  });

  it('reads all zeroes with no base and no shards', () => {
    expect(sumCounterDocs(null, [])).toEqual(emptyCounters());
  });
});
