import { describe, expect, it } from 'vitest';
import {
  addDays,
  BADGE_IDS,
  BADGES,
  badgeProgress,
  countsTowardStreak,
  dayNumber,
  earnedBadges,
  emptyStats,
  initialGamification,
  isoWeekId,
  isValidTimeZone,
  LEVELS,
  leaderboardPeriods,
  levelForPoints,
  localDay,
  newlyEarnedBadges,
  nextStreak,
  POINTS,
  POINT_EVENT_ID_RE,
  pointEventId,
  streakDay,
  streakTimeZone,
} from './gamification';
import { POINT_REASONS } from './models';

describe('POINTS', () => {
  it('matches the points table in SPEC §5.5', () => {
    expect(POINTS).toEqual({
      lecture_completed: 10,
      course_completed: 100,
      quiz_mastered: 50,
      exchange_completed: 75,
      review_written: 15,
      daily_streak: 5,
      referral: 25,
      session_attended: 20,
      session_hosted: 50,
      refund_reversal: 0,
    });
  });

  it('has a value for every point reason (a refund reversal carries its own negative amount)', () => {
    for (const reason of POINT_REASONS) {
      if (reason === 'refund_reversal') continue;
      expect(POINTS[reason]).toBeGreaterThan(0);
    }
  });

  it('does not count a refund reversal toward the streak', () => {
    expect(countsTowardStreak('refund_reversal')).toBe(false);
  });

  it('counts learning activity toward the streak, but not the streak bonus or referrals', () => {
    expect(countsTowardStreak('lecture_completed')).toBe(true);
    expect(countsTowardStreak('session_attended')).toBe(true);
    expect(countsTowardStreak('daily_streak')).toBe(false);
    expect(countsTowardStreak('referral')).toBe(false);
  });
});

describe('pointEventId', () => {
  it('builds deterministic ledger ids', () => {
    expect(pointEventId.lecture('c1', 'l2')).toBe('lecture_c1_l2');
    expect(pointEventId.course('c1')).toBe('course_c1');
    expect(pointEventId.quiz('c1', 'q1')).toBe('quiz_c1_q1');
    expect(pointEventId.exchange('x9')).toBe('exchange_x9');
    expect(pointEventId.review('c1')).toBe('review_c1');
    expect(pointEventId.streak('2026-11-24')).toBe('streak_2026-11-24');
    expect(pointEventId.referral('u7')).toBe('referral_u7');
    expect(pointEventId.sessionAttended('s1')).toBe('session_attended_s1');
    expect(pointEventId.sessionHosted('s1')).toBe('session_hosted_s1');
  });

  it('returns the same id for the same achievement', () => {
    expect(pointEventId.lecture('c1', 'l2')).toBe(pointEventId.lecture('c1', 'l2'));
  });

  it('rejects parts that would break the document path', () => {
    expect(() => pointEventId.course('a/b')).toThrow(/courseId/);
    expect(() => pointEventId.lecture('c1', '')).toThrow(/lectureId/);
    expect(() => pointEventId.streak('2026-13-01')).toThrow(/calendar day/);
    expect(() => pointEventId.streak('yesterday')).toThrow(/YYYY-MM-DD/);
  });

  it('keeps readable ids (auto-ids, seed slugs) exactly as before, so existing ledger ids stay valid', () => {
    expect(pointEventId.lecture('Xr3kP9aQ2mN7bV1cD5eF', 'web-dev.intro:1')).toBe(
      'lecture_Xr3kP9aQ2mN7bV1cD5eF_web-dev.intro:1',
    );
    expect(pointEventId.quiz('c1', 'final')).toBe('quiz_c1_final');
    expect(pointEventId.reversal('lecture_c1_l2')).toBe('reversal_lecture_c1_l2');
  });

  it('hashes an id that has other characters or is too long, deterministically', () => {
    const spaced = pointEventId.lecture('c1', 'hx intro');
    expect(spaced).toMatch(/^lecture_c1_~[0-9a-f]{32}$/);
    expect(pointEventId.lecture('c1', 'hx intro')).toBe(spaced);
    expect(pointEventId.lecture('c1', 'hx  intro')).not.toBe(spaced);
    expect(pointEventId.quiz('🎓 course', 'q1')).toMatch(/^quiz_~[0-9a-f]{32}_q1$/);
    expect(pointEventId.course('a'.repeat(150))).toBe(`course_${'a'.repeat(150)}`);
    expect(pointEventId.course('a'.repeat(151))).toMatch(/^course_~[0-9a-f]{32}$/);
  });

  it('yields a valid ledger id for any valid document id', () => {
    const odd = ['hx intro', 'ünï', '🎓', '__x', 'a.b', '..x', '#1?', 'x'.repeat(1500), '\u00a0', 'a~b'];
    for (const id of odd) {
      for (const eventId of [
        pointEventId.lecture(id, id),
        pointEventId.quiz(id, id),
        pointEventId.course(id),
        pointEventId.exchange(id),
        pointEventId.sessionAttended(id),
        pointEventId.sessionHosted(id),
        pointEventId.referral(id),
      ]) {
        expect(eventId).toMatch(POINT_EVENT_ID_RE);
        expect(eventId.startsWith('__')).toBe(false);
        expect(pointEventId.reversal(eventId)).toMatch(POINT_EVENT_ID_RE);
      }
    }
  });
});

describe('levelForPoints', () => {
  it.each([
    [0, 1, 'Novice'],
    [999, 1, 'Novice'],
    [1000, 2, 'Learner'],
    [2499, 2, 'Learner'],
    [2500, 3, 'Achiever'],
    [4999, 3, 'Achiever'],
    [5000, 4, 'Expert'],
    [9999, 4, 'Expert'],
    [10000, 5, 'Master'],
    [250000, 5, 'Master'],
  ])('%i points is level %i (%s)', (points, level, name) => {
    const info = levelForPoints(points);
    expect(info.level).toBe(level);
    expect(info.name).toBe(name);
  });

  it('reports the bounds and progress within the level', () => {
    expect(levelForPoints(0)).toEqual({ level: 1, name: 'Novice', min: 0, nextMin: 1000, progress: 0 });
    expect(levelForPoints(500).progress).toBe(0.5);
    expect(levelForPoints(1750)).toEqual({
      level: 2,
      name: 'Learner',
      min: 1000,
      nextMin: 2500,
      progress: 0.5,
    });
    expect(levelForPoints(999).progress).toBeLessThan(1);
  });

  it('has no next level at the top and full progress', () => {
    expect(levelForPoints(10000)).toEqual({
      level: 5,
      name: 'Master',
      min: 10000,
      nextMin: null,
      progress: 1,
    });
  });

  it('treats negative or invalid totals as zero', () => {
    expect(levelForPoints(-50).level).toBe(1);
    expect(levelForPoints(Number.NaN)).toEqual(levelForPoints(0));
  });

  it('lists five levels in ascending order', () => {
    expect(LEVELS.map((l) => l.min)).toEqual([0, 1000, 2500, 5000, 10000]);
  });
});

describe('starting values', () => {
  it('starts every counter at zero and the level at 1', () => {
    expect(initialGamification()).toEqual({
      points: 0,
      level: 1,
      badges: [],
      currentStreak: 0,
      longestStreak: 0,
      lastActiveDay: null,
      badgeEarnedAt: {},
    });
    expect(Object.values(emptyStats()).every((v) => v === 0)).toBe(true);
  });

  it('returns fresh objects', () => {
    const a = initialGamification();
    a.badges.push('x');
    expect(initialGamification().badges).toEqual([]);
  });
});

describe('badges', () => {
  const none = { stats: emptyStats(), gamification: initialGamification(), rating: { average: 0, count: 0 } };

  it('defines the seven badges in order with unique ids', () => {
    expect(BADGES.map((b) => b.id)).toEqual([...BADGE_IDS]);
    expect(BADGES.map((b) => b.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    for (const b of BADGES) {
      expect(b.name).not.toBe('');
      expect(b.icon).not.toBe('');
      expect(b.criteria).not.toBe('');
    }
  });

  it('awards nothing to a new account', () => {
    expect(earnedBadges(none.stats, none.gamification, none.rating)).toEqual([]);
  });

  it('awards first-course at one completed course and bookworm at ten', () => {
    expect(earnedBadges({ coursesCompleted: 1 }, null, null)).toEqual(['first-course']);
    expect(earnedBadges({ coursesCompleted: 9 }, null, null)).toEqual(['first-course']);
    expect(earnedBadges({ coursesCompleted: 10 }, null, null)).toEqual(['first-course', 'bookworm']);
  });

  it('awards streak-7 from the longest or current streak', () => {
    expect(earnedBadges(null, { currentStreak: 6, longestStreak: 6 }, null)).toEqual([]);
    expect(earnedBadges(null, { currentStreak: 1, longestStreak: 7 }, null)).toEqual(['streak-7']);
    expect(earnedBadges(null, { currentStreak: 7 }, null)).toEqual(['streak-7']);
  });

  it('awards skill-sharer, course-creator and quiz-master on their counters', () => {
    expect(earnedBadges({ exchangesCompleted: 1 }, null, null)).toEqual(['skill-sharer']);
    expect(earnedBadges({ coursesPublished: 1 }, null, null)).toEqual(['course-creator']);
    expect(earnedBadges({ perfectQuizzes: 4 }, null, null)).toEqual([]);
    expect(earnedBadges({ perfectQuizzes: 5 }, null, null)).toEqual(['quiz-master']);
  });

  it('awards top-rated only with an average ≥ 4.5 and at least 3 ratings', () => {
    expect(earnedBadges(null, null, { average: 4.5, count: 3 })).toEqual(['top-rated']);
    expect(earnedBadges(null, null, { average: 4.49, count: 10 })).toEqual([]);
    expect(earnedBadges(null, null, { average: 5, count: 2 })).toEqual([]);
  });

  it('lists only badges not yet held as newly earned', () => {
    const inputs = { stats: { coursesCompleted: 10 } };
    expect(newlyEarnedBadges(inputs, ['first-course'])).toEqual(['bookworm']);
    expect(newlyEarnedBadges(inputs, ['first-course', 'bookworm'])).toEqual([]);
  });

  it('reports progress toward each badge, capped at the target', () => {
    expect(badgeProgress('bookworm', { stats: { coursesCompleted: 3 } })).toEqual({
      current: 3,
      target: 10,
      earned: false,
    });
    expect(badgeProgress('bookworm', { stats: { coursesCompleted: 12 } })).toEqual({
      current: 10,
      target: 10,
      earned: true,
    });
    expect(badgeProgress('streak-7', { gamification: { currentStreak: 4, longestStreak: 2 } })).toEqual({
      current: 4,
      target: 7,
      earned: false,
    });
    expect(badgeProgress('top-rated', { rating: { average: 4.8, count: 2 } })).toEqual({
      current: 2,
      target: 3,
      earned: false,
    });
    expect(badgeProgress('top-rated', { rating: { average: 4.0, count: 20 } })).toEqual({
      current: 0,
      target: 3,
      earned: false,
    });
    expect(badgeProgress('quiz-master', {})).toEqual({ current: 0, target: 5, earned: false });
  });
});

describe('nextStreak', () => {
  const fresh = { currentStreak: 0, longestStreak: 0, lastActiveDay: null };

  it('starts at 1 on the first activity', () => {
    expect(nextStreak(fresh, '2026-11-24')).toEqual({
      currentStreak: 1,
      longestStreak: 1,
      lastActiveDay: '2026-11-24',
    });
  });

  it('does not change on a second activity the same day', () => {
    const s = { currentStreak: 3, longestStreak: 5, lastActiveDay: '2026-11-24' };
    expect(nextStreak(s, '2026-11-24')).toEqual(s);
  });

  it('adds one on the next day and raises the longest streak', () => {
    expect(
      nextStreak({ currentStreak: 5, longestStreak: 5, lastActiveDay: '2026-11-24' }, '2026-11-25'),
    ).toEqual({
      currentStreak: 6,
      longestStreak: 6,
      lastActiveDay: '2026-11-25',
    });
  });

  it('counts consecutive days across month and year ends', () => {
    expect(
      nextStreak({ currentStreak: 2, longestStreak: 2, lastActiveDay: '2026-12-31' }, '2027-01-01'),
    ).toMatchObject({ currentStreak: 3 });
    expect(
      nextStreak({ currentStreak: 2, longestStreak: 2, lastActiveDay: '2028-02-28' }, '2028-02-29'),
    ).toMatchObject({ currentStreak: 3 });
  });

  it('resets to 1 after a gap and keeps the longest streak', () => {
    expect(
      nextStreak({ currentStreak: 5, longestStreak: 9, lastActiveDay: '2026-11-24' }, '2026-11-26'),
    ).toEqual({
      currentStreak: 1,
      longestStreak: 9,
      lastActiveDay: '2026-11-26',
    });
  });

  it('ignores activity older than the last active day (out-of-order delivery)', () => {
    const s = { currentStreak: 4, longestStreak: 4, lastActiveDay: '2026-11-24' };
    expect(nextStreak(s, '2026-11-23')).toEqual(s);
    expect(nextStreak(s, '2026-10-01')).toEqual(s);
  });

  it('rejects malformed days', () => {
    expect(() => nextStreak(fresh, '2026-02-30')).toThrow();
    expect(() => nextStreak(fresh, '24/11/2026')).toThrow();
  });
});

describe('days', () => {
  it('numbers and adds days', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('gives the local calendar day in a time zone', () => {
    const instant = new Date('2026-03-10T06:00:00Z');
    expect(localDay(instant, 'UTC')).toBe('2026-03-10');
    expect(localDay(instant, 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDay(instant, 'Asia/Tokyo')).toBe('2026-03-10');
    expect(localDay(new Date('2026-12-31T15:30:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
    expect(localDay(new Date('2026-11-24T23:59:59Z'), 'Asia/Kolkata')).toBe('2026-11-25');
  });

  it('treats an unknown time zone as UTC', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(localDay(new Date('2026-03-10T23:30:00Z'), 'Mars/Olympus')).toBe('2026-03-10');
  });
});

describe('isoWeekId', () => {
  it.each([
    ['2026-11-24T12:00:00Z', '2026-W48'],
    ['2026-01-01T00:00:00Z', '2026-W01'], // Thursday
    ['2026-12-28T00:00:00Z', '2026-W53'], // Monday of the last week of 2026
    ['2026-12-31T23:59:59Z', '2026-W53'],
    ['2027-01-01T00:00:00Z', '2026-W53'], // Friday: still 2026's week 53
    ['2027-01-03T12:00:00Z', '2026-W53'], // Sunday
    ['2027-01-04T00:00:00Z', '2027-W01'], // Monday
    ['2020-12-31T12:00:00Z', '2020-W53'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2021-01-04T12:00:00Z', '2021-W01'],
    ['2024-12-30T12:00:00Z', '2025-W01'], // Monday belongs to next year's week 1
    ['2019-12-30T00:00:00Z', '2020-W01'],
    ['2025-06-15T12:00:00Z', '2025-W24'],
  ])('%s is in %s', (iso, week) => {
    expect(isoWeekId(new Date(iso))).toBe(week);
  });

  it('uses UTC, so the week changes at Monday 00:00 UTC', () => {
    expect(isoWeekId(new Date('2026-11-29T23:59:59.999Z'))).toBe('2026-W48');
    expect(isoWeekId(new Date('2026-11-30T00:00:00Z'))).toBe('2026-W49');
  });

  it('names the all-time and weekly leaderboard periods', () => {
    expect(leaderboardPeriods(new Date('2026-11-24T12:00:00Z'))).toEqual(['allTime', '2026-W48']);
  });
});

describe('streaks in the user’s time zone', () => {
  /** Replays activities (instants) through localDay + nextStreak, as the ledger trigger does. */
  function replay(instants: string[], timeZone: string) {
    let state = { currentStreak: 0, longestStreak: 0, lastActiveDay: null as string | null };
    for (const at of instants) state = nextStreak(state, localDay(new Date(at), timeZone));
    return state;
  }

  it('counts a day just before local midnight and one just after as two days in a row', () => {
    // New York is UTC-5 in November: 23:59 local is 04:59 UTC the next day.
    expect(replay(['2026-11-24T04:59:00Z', '2026-11-24T05:01:00Z'], 'America/New_York')).toEqual({
      currentStreak: 2,
      longestStreak: 2,
      lastActiveDay: '2026-11-24',
    });
  });

  it('counts the same two instants as one day in UTC, where they are minutes apart on one date', () => {
    expect(replay(['2026-11-24T04:59:00Z', '2026-11-24T05:01:00Z'], 'UTC')).toEqual({
      currentStreak: 1,
      longestStreak: 1,
      lastActiveDay: '2026-11-24',
    });
  });

  it('gives the same instants different streaks in Tokyo and Los Angeles', () => {
    // 14:00 UTC on the 1st and 13:00 UTC on the 2nd: in Tokyo (UTC+9) that is 23:00 on the 1st
    // and 22:00 on the 2nd; in Los Angeles (UTC-8) 06:00 on the 1st and 05:00 on the 2nd.
    const instants = ['2026-12-01T14:00:00Z', '2026-12-02T13:00:00Z'];
    expect(replay(instants, 'Asia/Tokyo').currentStreak).toBe(2);
    expect(replay(instants, 'America/Los_Angeles').currentStreak).toBe(2);
    // 16:00 UTC is already the next day in Tokyo (01:00), but not in Los Angeles (08:00).
    const late = ['2026-12-01T14:00:00Z', '2026-12-02T16:00:00Z'];
    expect(replay(late, 'Asia/Tokyo')).toMatchObject({ currentStreak: 1, lastActiveDay: '2026-12-03' });
    expect(replay(late, 'America/Los_Angeles')).toMatchObject({
      currentStreak: 2,
      lastActiveDay: '2026-12-02',
    });
  });

  it('does not double-count repeats on the same local day', () => {
    const sameDay = ['2026-11-24T13:00:00Z', '2026-11-24T18:00:00Z', '2026-11-25T03:00:00Z'];
    // All three are 24 November in New York (the last is 22:00 local).
    expect(replay(sameDay, 'America/New_York')).toEqual({
      currentStreak: 1,
      longestStreak: 1,
      lastActiveDay: '2026-11-24',
    });
  });

  it('resets to 1 after a missed local day, keeping the longest streak', () => {
    const days = ['2026-11-20T15:00:00Z', '2026-11-21T15:00:00Z', '2026-11-22T15:00:00Z'];
    expect(replay([...days, '2026-11-24T15:00:00Z'], 'Europe/Berlin')).toEqual({
      currentStreak: 1,
      longestStreak: 3,
      lastActiveDay: '2026-11-24',
    });
  });

  it('keeps the streak across a daylight-saving change', () => {
    // Europe/Berlin leaves summer time on 25 October 2026 (a 25-hour day).
    expect(
      replay(['2026-10-24T21:30:00Z', '2026-10-25T22:30:00Z', '2026-10-26T22:30:00Z'], 'Europe/Berlin'),
    ).toMatchObject({ currentStreak: 3, lastActiveDay: '2026-10-26' });
  });
});

describe('streak time zone (issue 15 §10)', () => {
  const at = new Date('2026-06-10T10:00:00Z');
  const base = { streakTimezone: 'UTC', streakTimezoneChangedAt: null, lastActiveDay: '2026-06-10' };

  it('adopts the profile zone first, and keeps the same zone', () => {
    expect(streakTimeZone({ ...base, streakTimezone: null }, 'Europe/Berlin', at)).toEqual({
      dayZone: 'Europe/Berlin',
      timezone: 'Europe/Berlin',
      changedAt: null,
    });
    expect(streakTimeZone(base, 'UTC', at)).toMatchObject({ dayZone: 'UTC', timezone: 'UTC' });
  });

  it('keeps the old zone while the day that began in it is not over', () => {
    // Active today (UTC); switching to +14 the same day changes nothing.
    expect(streakTimeZone(base, 'Pacific/Kiritimati', at)).toEqual({
      dayZone: 'UTC',
      timezone: 'UTC',
      changedAt: null,
    });
  });

  it('switches on the next local day, counting that activity in the old zone', () => {
    const next = new Date('2026-06-11T01:00:00Z');
    expect(streakTimeZone(base, 'Pacific/Kiritimati', next)).toEqual({
      dayZone: 'UTC',
      timezone: 'Pacific/Kiritimati',
      changedAt: next,
    });
  });

  it('switches at most once in 7 days', () => {
    const changed = new Date('2026-06-08T00:00:00Z');
    const next = new Date('2026-06-11T01:00:00Z');
    const state = { ...base, streakTimezoneChangedAt: changed };
    expect(streakTimeZone(state, 'Pacific/Kiritimati', next)).toMatchObject({ timezone: 'UTC' });
    const weekLater = new Date('2026-06-15T01:00:00Z');
    expect(
      streakTimeZone({ ...state, lastActiveDay: '2026-06-14' }, 'Pacific/Kiritimati', weekLater),
    ).toMatchObject({
      timezone: 'Pacific/Kiritimati',
    });
  });

  it('never counts a day before the last active day', () => {
    expect(streakDay(new Date('2026-06-10T05:00:00Z'), 'Etc/GMT+12', '2026-06-10')).toBe('2026-06-10');
    expect(streakDay(at, 'UTC', '2026-06-09')).toBe('2026-06-10');
  });
});
