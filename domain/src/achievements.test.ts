import { describe, expect, it } from 'vitest';
import {
  badgeStatuses,
  ledgerTarget,
  ledgerTargetLabel,
  levelLadder,
  levelProgress,
  nextIsoWeekStart,
  pointReasonLabel,
  rankFromAhead,
  ranksOf,
  recentBadges,
} from './achievements';
import { BADGE_IDS, isoWeekId } from './gamification';
import { POINT_REASONS } from './models';

describe('levelProgress', () => {
  it('starts a new account at level 1 with 1000 points to go', () => {
    expect(levelProgress(0)).toMatchObject({
      level: 1,
      name: 'Novice',
      intoLevel: 0,
      toNext: 1000,
      progress: 0,
      next: { level: 2, name: 'Learner', min: 1000 },
    });
  });

  it('measures progress within the current level', () => {
    expect(levelProgress(1750)).toMatchObject({ level: 2, intoLevel: 750, toNext: 750, progress: 0.5 });
    expect(levelProgress(2499)).toMatchObject({ level: 2, toNext: 1 });
    expect(levelProgress(2500)).toMatchObject({ level: 3, name: 'Achiever', intoLevel: 0, toNext: 2500 });
  });

  it('has nothing to go at the top level', () => {
    expect(levelProgress(12000)).toMatchObject({ level: 5, next: null, toNext: 0, progress: 1 });
  });

  it('treats invalid totals as zero', () => {
    expect(levelProgress(Number.NaN)).toMatchObject({ level: 1, points: 0, toNext: 1000 });
    expect(levelProgress(-10)).toMatchObject({ level: 1, points: 0 });
  });
});

describe('levelLadder', () => {
  it('marks levels below as reached, mine as current and above as ahead', () => {
    expect(levelLadder(2600).map((s) => [s.level, s.state, s.min, s.max])).toEqual([
      [1, 'reached', 0, 1000],
      [2, 'reached', 1000, 2500],
      [3, 'current', 2500, 5000],
      [4, 'ahead', 5000, 10000],
      [5, 'ahead', 10000, null],
    ]);
  });
});

describe('badgeStatuses', () => {
  it('lists every badge in order with progress from stats, streak and rating', () => {
    const statuses = badgeStatuses({
      stats: { coursesCompleted: 3, perfectQuizzes: 1 },
      gamification: { currentStreak: 4, longestStreak: 2 },
      rating: { average: 4.9, count: 5 },
      held: ['first-course', 'top-rated'],
      earnedAt: { 'first-course': new Date('2026-11-01T00:00:00Z') },
    });
    expect(statuses.map((s) => s.badge.id)).toEqual([...BADGE_IDS]);
    const by = Object.fromEntries(statuses.map((s) => [s.badge.id, s]));
    expect(by.bookworm).toMatchObject({ earned: false, progress: { current: 3, target: 10 } });
    expect(by['streak-7']).toMatchObject({ earned: false, progress: { current: 4, target: 7 } });
    expect(by['quiz-master']).toMatchObject({ earned: false, progress: { current: 1, target: 5 } });
    expect(by['top-rated']).toMatchObject({ earned: true, progress: { current: 3, target: 3 } });
    expect(by['first-course']).toMatchObject({ earned: true, earnedAt: new Date('2026-11-01T00:00:00Z') });
    expect(by['top-rated']!.earnedAt).toBeNull();
  });

  it('keeps a held badge earned after its counter drops (a broken streak, a lower rating)', () => {
    const [streak] = badgeStatuses({
      gamification: { currentStreak: 1, longestStreak: 1 },
      held: ['streak-7'],
    }).filter((s) => s.badge.id === 'streak-7');
    expect(streak).toMatchObject({ earned: true, progress: { current: 7, target: 7, earned: true } });
  });

  it('picks the most recently earned badges first', () => {
    const statuses = badgeStatuses({
      stats: { coursesCompleted: 1, exchangesCompleted: 1 },
      held: ['first-course', 'skill-sharer'],
      earnedAt: {
        'first-course': new Date('2026-10-01T00:00:00Z'),
        'skill-sharer': new Date('2026-11-01T00:00:00Z'),
      },
    });
    expect(recentBadges(statuses, 3).map((s) => s.badge.id)).toEqual(['skill-sharer', 'first-course']);
    expect(recentBadges(statuses, 1).map((s) => s.badge.id)).toEqual(['skill-sharer']);
  });
});

describe('ledger entries', () => {
  it('has a label for every point reason', () => {
    for (const reason of POINT_REASONS) expect(pointReasonLabel(reason)).not.toBe('Points awarded');
    expect(pointReasonLabel('lecture_completed')).toBe('Completed a lecture');
    expect(pointReasonLabel('daily_streak')).toBe('Daily streak bonus');
    expect(pointReasonLabel('something_new')).toBe('Points awarded');
  });

  it('links each refPath to what earned the points', () => {
    expect(ledgerTarget('courses/c1/lectures/l2')).toEqual({
      kind: 'lecture',
      courseId: 'c1',
      lectureId: 'l2',
    });
    expect(ledgerTarget('courses/c1')).toEqual({ kind: 'course', courseId: 'c1' });
    expect(ledgerTarget('courses/c1/quizzes/final')).toEqual({ kind: 'course', courseId: 'c1' });
    expect(ledgerTarget('courses/c1/reviews/u1')).toEqual({ kind: 'course', courseId: 'c1' });
    expect(ledgerTarget('exchanges/x1')).toEqual({ kind: 'exchange', exchangeId: 'x1' });
    expect(ledgerTarget('liveSessions/s1')).toEqual({ kind: 'liveSession', sessionId: 's1' });
    expect(ledgerTarget('users/u9')).toEqual({ kind: 'profile', uid: 'u9' });
  });

  it('has no link for a streak bonus, a missing refPath or an unknown path', () => {
    expect(ledgerTarget('users/u1/pointEvents/lecture_c1_l1')).toBeNull();
    expect(ledgerTarget(null)).toBeNull();
    expect(ledgerTarget('')).toBeNull();
    expect(ledgerTarget('payments/p1')).toBeNull();
    expect(ledgerTarget('courses//lectures/l1')).toBeNull();
  });

  it('words the link by what it opens', () => {
    expect(ledgerTargetLabel({ kind: 'lecture', courseId: 'c', lectureId: 'l' })).toBe('Open the lecture');
    expect(ledgerTargetLabel({ kind: 'exchange', exchangeId: 'x' })).toBe('Open the exchange');
  });
});

describe('leaderboard helpers', () => {
  it('finds the Monday 00:00 UTC that starts the next ISO week', () => {
    expect(nextIsoWeekStart(new Date('2026-11-25T10:00:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextIsoWeekStart(new Date('2026-11-29T23:59:59Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(nextIsoWeekStart(new Date('2026-11-30T00:00:00Z')).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(nextIsoWeekStart(new Date('2026-12-31T12:00:00Z')).toISOString()).toBe('2027-01-04T00:00:00.000Z');
  });

  it('agrees with isoWeekId: the week changes exactly at that instant', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const next = nextIsoWeekStart(now);
    expect(isoWeekId(new Date(next.getTime() - 1))).toBe(isoWeekId(now));
    expect(isoWeekId(next)).not.toBe(isoWeekId(now));
  });

  it('ranks one more than the entries ahead, with ties sharing a rank', () => {
    expect(rankFromAhead(0)).toBe(1);
    expect(rankFromAhead(57)).toBe(58);
    expect(ranksOf([300, 200, 200, 150, 150, 150, 10])).toEqual([1, 2, 2, 4, 4, 4, 7]);
    expect(ranksOf([])).toEqual([]);
  });
});
