import { describe, expect, it } from 'vitest';
import { parsePlatformStats, parseStatsHistory } from './stats';

describe('parsePlatformStats', () => {
  it('fills every counter the server has not written yet with 0', () => {
    const stats = parsePlatformStats({ users: { total: 3, active: 3 }, revenue: { USD: 4900, bad: 'x' } });
    expect(stats.users).toEqual({ total: 3, active: 3, suspended: 0, banned: 0, educators: 0, admins: 0 });
    expect(stats.courses.pending).toBe(0);
    expect(stats.revenue).toEqual({ USD: 4900 });
    expect(stats.activeLearners).toBeNull();
  });

  it('reads the rollup’s active learners and times', () => {
    const asOf = new Date('2026-11-25T00:10:00Z');
    const stats = parsePlatformStats({
      activeLearners: { last7Days: 4, last30Days: 9, asOf },
      reconciledAt: asOf,
    });
    expect(stats.activeLearners).toEqual({ last7Days: 4, last30Days: 9, asOf });
    expect(stats.reconciledAt).toEqual(asOf);
  });
});

describe('parseStatsHistory', () => {
  it('keeps well-formed days, oldest first', () => {
    const day = (d: string) => ({
      day: d,
      newUsers: 1,
      newEnrollments: 0,
      revenue: {},
      paymentsPaid: 0,
      activeLearners7d: 0,
      activeLearners30d: 0,
      users: 1,
      enrollments: 0,
    });
    const history = parseStatsHistory({ days: [day('2026-11-02'), { day: 'nope' }, day('2026-11-01')] });
    expect(history.days.map((d) => d.day)).toEqual(['2026-11-01', '2026-11-02']);
  });
});
