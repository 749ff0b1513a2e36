import {
  addDays,
  initialGamification,
  isoWeekId,
  leaderboardPeriods,
  pointEventId,
} from '@skillverse/domain/gamification';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  seedProfile,
  settle,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { applyPointEvent } from './apply-point-event';
import { awardPoints } from './award-points';
import { recheckBadges } from './recheck-badges';
import { activityRef, pointEventRef } from '../lib/data/users';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

async function newUser(overrides: Record<string, unknown> = {}): Promise<string> {
  const uid = uniqueId('points');
  cleanup.push(uid);
  await seedProfile(testDb(), uid, overrides, { email: `${uid}@example.test` });
  return uid;
}

function applied(db: Firestore, uid: string, eventId: string) {
  return waitForDoc(pointEventRef(db, uid, eventId), (snap) => Boolean(snap.get('appliedAt')));
}

async function gamification(db: Firestore, uid: string) {
  return (await db.doc(`users/${uid}`).get()).get('gamification');
}

describe.skipIf(!emulatorsRunning)('points ledger', () => {
  it('awards 10 points once per lecture, even when the award is made twice', async () => {
    const db = testDb();
    const uid = await newUser();
    const award = {
      eventId: pointEventId.lecture('c1', 'l1'),
      reason: 'lecture_completed',
      refPath: 'courses/c1',
    } as const;

    expect(await awardPoints(db, uid, award)).toBe(true);
    expect(await awardPoints(db, uid, award)).toBe(false);
    const event = await applied(db, uid, award.eventId);
    expect(event.data()).toMatchObject({ points: 10, reason: 'lecture_completed', refPath: 'courses/c1' });

    await settle();
    expect((await gamification(db, uid)).points).toBe(10);
    expect((await db.doc(`leaderboards/allTime/entries/${uid}`).get()).get('points')).toBe(10);
  });

  it('applies a ledger entry once when the trigger is delivered twice', async () => {
    const db = testDb();
    const uid = await newUser();
    const eventId = pointEventId.course('c-dup');
    await awardPoints(db, uid, { eventId, reason: 'course_completed', refPath: 'courses/c-dup' });

    // Two concurrent deliveries, a late third one — and the real trigger racing all of them.
    const now = new Date();
    const results = await Promise.all([
      applyPointEvent(db, uid, eventId, now),
      applyPointEvent(db, uid, eventId, now),
    ]);
    const late = await applyPointEvent(db, uid, eventId, now);
    expect(results.filter((r) => r.applied).length).toBeLessThanOrEqual(1);
    expect(late).toEqual({ applied: false, reason: 'already-applied' });

    await settle();
    const g = await gamification(db, uid);
    expect(g.points).toBe(100);
    expect((await db.doc(`leaderboards/allTime/entries/${uid}`).get()).get('points')).toBe(100);
  });

  it('reports a missing entry or profile without applying anything', async () => {
    const db = testDb();
    const uid = await newUser();
    expect(await applyPointEvent(db, uid, 'lecture_nope_nope')).toEqual({
      applied: false,
      reason: 'missing',
    });

    const ghost = uniqueId('ghost');
    cleanup.push(ghost);
    await pointEventRef(db, ghost, 'manual').set({
      points: 10,
      reason: 'lecture_completed',
      refPath: null,
      createdAt: new Date(),
    });
    expect(await applyPointEvent(db, ghost, 'manual')).toEqual({ applied: false, reason: 'no-profile' });
    expect((await pointEventRef(db, ghost, 'manual').get()).get('appliedAt')).toBeUndefined();
  });

  it('rejects awards with an unknown reason or a bad id', async () => {
    const db = testDb();
    await expect(
      awardPoints(db, 'u', { eventId: 'x', reason: 'bribery' as never, refPath: null }),
    ).rejects.toThrow(/unknown reason/);
    await expect(awardPoints(db, 'u', { eventId: 'a/b', reason: 'referral', refPath: null })).rejects.toThrow(
      /invalid eventId/,
    );
  });

  it('levels up at 1000 points', async () => {
    const db = testDb();
    const uid = await newUser({ gamification: { ...initialGamification(), points: 990 } });
    const eventId = pointEventId.lecture('c-level', 'l9');
    await awardPoints(db, uid, { eventId, reason: 'lecture_completed', refPath: null });
    await applied(db, uid, eventId);

    const g = await gamification(db, uid);
    expect(g.points).toBe(1000);
    expect(g.level).toBe(2);
  });

  it('earns a badge and notifies about it exactly once', async () => {
    const db = testDb();
    const uid = await newUser({ stats: { coursesCompleted: 1 } });
    const mailer = new FakeMailer();
    const first = pointEventId.course('c-badge');
    await pointEventRef(db, uid, first).create({
      points: 100,
      reason: 'course_completed',
      refPath: null,
      createdAt: new Date(),
    });
    await applyPointEvent(db, uid, first, new Date(), { mailer });
    await applied(db, uid, first);

    const notice = await waitForDoc(db.doc(`notifications/${uid}/items/badge_first-course`));
    expect(notice.data()).toMatchObject({ type: 'badge_earned', link: '/achievements', read: false });

    // A later award re-checks badges but grants nothing twice.
    const second = pointEventId.review('c-badge');
    await awardPoints(db, uid, { eventId: second, reason: 'review_written', refPath: null });
    await applied(db, uid, second);
    await settle();

    const g = await gamification(db, uid);
    expect(g.badges).toEqual(['first-course']);
    expect(g.badgeEarnedAt['first-course']).toBeTruthy();
    expect(g.points).toBe(115);
    const notices = await db
      .collection(`notifications/${uid}/items`)
      .where('type', '==', 'badge_earned')
      .get();
    expect(notices.size).toBe(1);
    const mails = await db
      .collection('mailLog')
      .where('uid', '==', uid)
      .where('type', '==', 'badge_earned')
      .get();
    expect(mails.size).toBe(1);
  });

  it('grants badges without points through recheckBadges, once', async () => {
    const db = testDb();
    const uid = await newUser({ stats: { coursesPublished: 1 }, rating: { average: 4.8, count: 3 } });
    const mailer = new FakeMailer();
    expect(await recheckBadges(db, uid, new Date(), { mailer })).toEqual(['top-rated', 'course-creator']);
    expect(await recheckBadges(db, uid, new Date(), { mailer })).toEqual([]);

    const g = await gamification(db, uid);
    expect(g.badges).toEqual(['top-rated', 'course-creator']);
    expect(g.points).toBe(0);
    expect((await db.collection(`notifications/${uid}/items`).get()).size).toBe(2);
    expect(mailer.sent.map((m) => m.subject)).toEqual([
      expect.stringContaining('Top Rated'),
      expect.stringContaining('Course Creator'),
    ]);
  });
});

describe.skipIf(!emulatorsRunning)('leaderboards', () => {
  it('adds points to the all-time board and to the ISO week of each award', async () => {
    const db = testDb();
    const uid = await newUser({ displayName: 'Leader Lee', photoURL: 'https://example.test/lee.png' });
    const week48 = new Date('2026-11-24T10:00:00Z');
    const week49 = new Date('2026-12-01T10:00:00Z');
    await awardPoints(
      db,
      uid,
      { eventId: 'exchange_x1', reason: 'exchange_completed', refPath: null },
      week48,
    );
    await applied(db, uid, 'exchange_x1');
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_c_l', reason: 'lecture_completed', refPath: null },
      week49,
    );
    await applied(db, uid, 'lecture_c_l');

    const allTime = await db.doc(`leaderboards/allTime/entries/${uid}`).get();
    expect(allTime.data()).toMatchObject({
      uid,
      points: 85,
      displayName: 'Leader Lee',
      photoURL: 'https://example.test/lee.png',
    });
    expect(isoWeekId(week48)).toBe('2026-W48');
    expect((await db.doc(`leaderboards/2026-W48/entries/${uid}`).get()).get('points')).toBe(75);
    expect((await db.doc(`leaderboards/2026-W49/entries/${uid}`).get()).get('points')).toBe(10);
  });
});

describe.skipIf(!emulatorsRunning)('leaderboard display names', () => {
  it('follow a renamed profile on the all-time and current-week boards', async () => {
    const db = testDb();
    const uid = await newUser({ displayName: 'Old Name' });
    await awardPoints(db, uid, { eventId: 'referral_r1', reason: 'referral', refPath: null });
    await applied(db, uid, 'referral_r1');
    await db
      .doc(`users/${uid}`)
      .update({ displayName: 'New Name', photoURL: 'https://example.test/new.png' });

    for (const period of leaderboardPeriods(new Date())) {
      const entry = await waitForDoc(
        db.doc(`leaderboards/${period}/entries/${uid}`),
        (snap) => snap.get('displayName') === 'New Name',
      );
      expect(entry.data()).toMatchObject({ points: 25, photoURL: 'https://example.test/new.png' });
    }
  });
});

describe.skipIf(!emulatorsRunning)('streaks', () => {
  // 06:00 UTC on 10 March is still 9 March in Los Angeles; 20:00 UTC is 10 March there.
  const lateEvening = new Date('2026-03-10T06:00:00Z');
  const nextAfternoon = new Date('2026-03-10T20:00:00Z');

  async function twoActivities(uid: string) {
    const db = testDb();
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_s_1', reason: 'lecture_completed', refPath: null },
      lateEvening,
    );
    await applied(db, uid, 'lecture_s_1');
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_s_2', reason: 'lecture_completed', refPath: null },
      nextAfternoon,
    );
    await applied(db, uid, 'lecture_s_2');
  }

  it("counts consecutive days in the user's time zone and awards the 5-point streak bonus once", async () => {
    const db = testDb();
    const uid = await newUser({ timezone: 'America/Los_Angeles' });
    await twoActivities(uid);
    await applied(db, uid, 'streak_2026-03-10');
    await settle();

    const g = await gamification(db, uid);
    expect(g).toMatchObject({ currentStreak: 2, longestStreak: 2, lastActiveDay: '2026-03-10', points: 25 });
    const bonus = await pointEventRef(db, uid, 'streak_2026-03-10').get();
    expect(bonus.data()).toMatchObject({ points: 5, reason: 'daily_streak' });
    expect((await db.collection(`users/${uid}/pointEvents`).get()).size).toBe(3);
  });

  it('treats the same two instants as one day for a user in UTC', async () => {
    const db = testDb();
    const uid = await newUser({ timezone: 'UTC' });
    await twoActivities(uid);
    await settle();

    const g = await gamification(db, uid);
    expect(g).toMatchObject({ currentStreak: 1, longestStreak: 1, lastActiveDay: '2026-03-10', points: 20 });
    expect((await pointEventRef(db, uid, 'streak_2026-03-10').get()).exists).toBe(false);
  });

  it('earns the 7-day streak badge on the seventh consecutive day', async () => {
    const db = testDb();
    const uid = await newUser({
      gamification: {
        ...initialGamification(),
        currentStreak: 6,
        longestStreak: 6,
        lastActiveDay: '2026-03-09',
      },
    });
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_s7', reason: 'lecture_completed', refPath: null },
      nextAfternoon,
    );
    await applied(db, uid, 'lecture_s7');
    await waitForDoc(db.doc(`notifications/${uid}/items/badge_streak-7`));

    const g = await gamification(db, uid);
    expect(g.currentStreak).toBe(7);
    expect(g.badges).toEqual(['streak-7']);
  });

  it('leaves the streak alone for activity older than the last active day', async () => {
    const db = testDb();
    const uid = await newUser({
      gamification: {
        ...initialGamification(),
        currentStreak: 3,
        longestStreak: 3,
        lastActiveDay: '2026-03-10',
      },
    });
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_old', reason: 'lecture_completed', refPath: null },
      lateEvening,
    );
    await applied(db, uid, 'lecture_old');
    const g = await gamification(db, uid);
    expect(g).toMatchObject({ currentStreak: 3, lastActiveDay: '2026-03-10', points: 10 });
  });
});

describe.skipIf(!emulatorsRunning)('daily activity and lastActiveAt', () => {
  // Relative to today, so the activity stays inside the map's one-year window.
  const utcDay = (daysAgo: number) => addDays(new Date().toISOString().slice(0, 10), -daysAgo);
  const utcTime = (daysAgo: number, time: string) => new Date(`${utcDay(daysAgo)}T${time}Z`);

  async function activity(db: Firestore, uid: string) {
    return (await activityRef(db, uid).get()).get('days') as Record<string, number> | undefined;
  }

  it("adds learning points to the user's local day once, however often the entry is applied", async () => {
    const db = testDb();
    const uid = await newUser({ timezone: 'America/New_York' });
    // 03:00 UTC is still the evening of the day before in New York.
    const at = utcTime(1, '03:00:00');
    const eventId = pointEventId.lecture('c-act', 'l1');
    await pointEventRef(db, uid, eventId).create({
      points: 10,
      reason: 'lecture_completed',
      refPath: 'courses/c-act/lectures/l1',
      createdAt: at,
    });
    const first = await applyPointEvent(db, uid, eventId, at);
    const repeat = await applyPointEvent(db, uid, eventId, at);
    await applied(db, uid, eventId);
    await settle();

    // The trigger may have applied it before us; either way exactly one application counts.
    expect([first.applied, repeat.applied].filter(Boolean).length).toBeLessThanOrEqual(1);
    expect(repeat).toEqual({ applied: false, reason: 'already-applied' });
    expect(await activity(db, uid)).toEqual({ [utcDay(2)]: 10 });
    const g = await gamification(db, uid);
    expect(g.lastActiveAt.toDate()).toEqual(at);
    expect(g.points).toBe(10);
  });

  it('sums a day, adds the streak bonus to it, and moves lastActiveAt forward only', async () => {
    const db = testDb();
    const uid = await newUser({
      timezone: 'UTC',
      gamification: {
        ...initialGamification(),
        currentStreak: 1,
        longestStreak: 1,
        lastActiveDay: utcDay(3),
      },
    });
    const morning = utcTime(2, '09:00:00');
    const evening = utcTime(2, '20:00:00');
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_a_1', reason: 'lecture_completed', refPath: null },
      morning,
    );
    await applied(db, uid, 'lecture_a_1');
    await applied(db, uid, pointEventId.streak(utcDay(2)));
    await awardPoints(db, uid, { eventId: 'review_a', reason: 'review_written', refPath: null }, evening);
    await applied(db, uid, 'review_a');
    // A late delivery of something earlier that day does not move lastActiveAt back.
    await awardPoints(
      db,
      uid,
      { eventId: 'lecture_a_0', reason: 'lecture_completed', refPath: null },
      utcTime(2, '07:00:00'),
    );
    await applied(db, uid, 'lecture_a_0');
    await settle();

    expect(await activity(db, uid)).toEqual({ [utcDay(2)]: 10 + 5 + 15 + 10 });
    expect((await gamification(db, uid)).lastActiveAt.toDate()).toEqual(evening);
  });

  it('leaves activity and lastActiveAt alone for points that are not learning (a referral)', async () => {
    const db = testDb();
    const uid = await newUser();
    await awardPoints(db, uid, { eventId: 'referral_someone', reason: 'referral', refPath: null });
    await applied(db, uid, 'referral_someone');
    await settle();

    expect((await activityRef(db, uid).get()).exists).toBe(false);
    const g = await gamification(db, uid);
    expect(g.points).toBe(25);
    expect(g.lastActiveAt).toBeUndefined();
  });
});
