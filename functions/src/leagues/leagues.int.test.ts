// Weekly leagues on the Firestore emulator. The handlers are called directly with an injected
// `now`, on a database of their own ('leagues-tests', emptied before each test) that no deployed
// trigger watches, so a "repeated delivery" is exactly two calls. One test at the end goes through
// the deployed onPointEventCreated trigger on the default database.
import { pointEventId } from '@skillverse/domain/gamification';
import { getApps } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPointEvent } from '../gamification/apply-point-event';
import { awardPoints } from '../gamification/award-points';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  projectId,
  seedProfile,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { applyLeaguePoints, runLeagueRollover } from './leagues';
import { leagueStateRef, pointEventRef } from '../lib/data/users';
import { memberRef, resultRef } from '../lib/data/leagues';

const DATABASE = 'leagues-tests';
// Wednesday 25 Nov 2026, 12:00 UTC: league week 2026-11-23 everywhere below.
const WEDNESDAY = new Date('2026-11-25T12:00:00Z');
const WEEK = '2026-11-23';

function db(): Firestore {
  testDb();
  const app = getApps()[0];
  if (!app) throw new Error('no app');
  return getFirestore(app, DATABASE);
}

async function clearDatabase(): Promise<void> {
  const res = await fetch(
    `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${projectId}/databases/${DATABASE}/documents`,
    { method: 'DELETE' },
  );
  if (!res.ok) throw new Error(`clearing ${DATABASE} failed: ${res.status}`);
}

async function learner(name: string, timezone = 'UTC', extra: Record<string, unknown> = {}) {
  const uid = uniqueId(name);
  await seedProfile(db(), uid, { displayName: name, timezone, ...extra }, { email: `${uid}@example.test` });
  return uid;
}

/** Awards and delivers a ledger entry like the trigger does (totals, then league). */
async function earn(
  uid: string,
  eventId: string,
  reason: Parameters<typeof awardPoints>[2]['reason'],
  at: Date,
  points?: number,
  refPath: string | null = null,
) {
  await awardPoints(db(), uid, { eventId, reason, refPath, ...(points ? { points } : {}) }, at);
  await applyPointEvent(db(), uid, eventId, at);
  return applyLeaguePoints(db(), uid, eventId, at);
}

const member = async (cohortId: string, uid: string) => (await memberRef(db(), cohortId, uid).get()).data();
const league = async (uid: string) => (await leagueStateRef(db(), uid).get()).data();

describe.skipIf(!emulatorsRunning)('weekly leagues', () => {
  beforeEach(clearDatabase);

  it('adds a ledger entry to the cohort once, even when delivered twice', async () => {
    const uid = await learner('Once');
    const first = await earn(uid, pointEventId.lecture('c1', 'l1'), 'lecture_completed', WEDNESDAY);
    expect(first).toMatchObject({ applied: true, cohortId: `${WEEK}_bronze_0`, points: 10, joined: true });
    const again = await applyLeaguePoints(db(), uid, pointEventId.lecture('c1', 'l1'), WEDNESDAY);
    expect(again).toEqual({ applied: false, reason: 'already-applied' });
    await earn(uid, pointEventId.lecture('c1', 'l2'), 'lecture_completed', WEDNESDAY);
    expect((await member(`${WEEK}_bronze_0`, uid))?.points).toBe(20);
    expect(await league(uid)).toMatchObject({ tier: 'bronze', weekKey: WEEK, cohortId: `${WEEK}_bronze_0` });
    expect((await db().doc(`leagues/${WEEK}_bronze_0`).get()).get('size')).toBe(1);
  });

  it('places a first week by level', async () => {
    const uid = await learner('Achiever', 'UTC', { gamification: { points: 3000, level: 3 } });
    const r = await earn(uid, 'lecture_c_l', 'lecture_completed', WEDNESDAY);
    expect(r).toMatchObject({ cohortId: `${WEEK}_gold_0` });
  });

  it('doubles a hosted session with attendance and a completed exchange where they taught, and earns a freeze', async () => {
    const host = await learner('Host');
    const attendee = await learner('Attendee');
    await db().doc('liveSessions/s1').set({ hostId: host, status: 'ended' });
    await db().doc(`liveSessions/s1/attendance/${attendee}`).set({ totalSec: 600 });
    await db().doc('liveSessions/s2').set({ hostId: host, status: 'ended' });
    await db().doc(`liveSessions/s2/attendance/${host}`).set({ totalSec: 600 });
    const hosted = await earn(
      host,
      pointEventId.sessionHosted('s1'),
      'session_hosted',
      WEDNESDAY,
      undefined,
      'liveSessions/s1',
    );
    expect(hosted).toMatchObject({ points: 100, teaching: true });
    // Nobody but the host attended: no double points.
    const empty = await earn(
      host,
      pointEventId.sessionHosted('s2'),
      'session_hosted',
      WEDNESDAY,
      undefined,
      'liveSessions/s2',
    );
    expect(empty).toMatchObject({ points: 50, teaching: false });

    await db().doc('exchanges/x1').set({
      requesterId: host,
      providerId: attendee,
      offeredSkill: 'Guitar',
      requestedSkill: '',
      status: 'completed',
    });
    const taught = await earn(
      host,
      pointEventId.exchange('x1'),
      'exchange_completed',
      WEDNESDAY,
      undefined,
      'exchanges/x1',
    );
    const learnt = await earn(
      attendee,
      pointEventId.exchange('x1'),
      'exchange_completed',
      WEDNESDAY,
      undefined,
      'exchanges/x1',
    );
    expect(taught).toMatchObject({ points: 150, teaching: true });
    expect(learnt).toMatchObject({ points: 75, teaching: false });
    const g = (await db().doc(`users/${host}`).get()).get('gamification');
    expect(g.streakFreezes).toBe(2); // two teaching events, capped at 2
    expect((await member(`${WEEK}_bronze_0`, host))?.points).toBe(300);
  });

  it('uses a streak freeze for a missed day exactly once', async () => {
    const uid = await learner('Freezer', 'UTC', {
      gamification: {
        points: 0,
        level: 1,
        currentStreak: 3,
        longestStreak: 3,
        lastActiveDay: '2026-11-23',
        streakFreezes: 1,
      },
    });
    await earn(uid, 'lecture_a_b', 'lecture_completed', WEDNESDAY); // 24 Nov missed
    await applyPointEvent(db(), uid, 'lecture_a_b', WEDNESDAY);
    const g = (await db().doc(`users/${uid}`).get()).get('gamification');
    expect(g).toMatchObject({ currentStreak: 4, streakFreezes: 0, lastActiveDay: '2026-11-25' });
  });

  it('ignores points delivered after the week was rolled over', async () => {
    const uid = await learner('Late');
    await earn(uid, 'lecture_a_1', 'lecture_completed', WEDNESDAY);
    await runLeagueRollover(db(), new Date('2026-11-30T00:30:00Z'), { deps: { mailer: new FakeMailer() } });
    await earn(uid, 'lecture_a_2', 'lecture_completed', new Date('2026-11-30T01:00:00Z'));
    const late = await awardPoints(
      db(),
      uid,
      { eventId: 'lecture_a_3', reason: 'lecture_completed', refPath: null },
      WEDNESDAY,
    );
    expect(late).toBe(true);
    expect(await applyLeaguePoints(db(), uid, 'lecture_a_3', new Date('2026-11-30T02:00:00Z'))).toEqual({
      applied: false,
      reason: 'late',
    });
    expect((await member(`${WEEK}_bronze_0`, uid))?.points).toBe(10);
  });

  it('fills cohorts of 30 and opens the next', async () => {
    const uids: string[] = [];
    for (let i = 0; i < 31; i++) uids.push(await learner(`Fill${i}`));
    for (const uid of uids) await earn(uid, 'lecture_x_y', 'lecture_completed', WEDNESDAY);
    expect((await league(uids[29] as string))?.cohortId).toBe(`${WEEK}_bronze_0`);
    expect((await league(uids[30] as string))?.cohortId).toBe(`${WEEK}_bronze_1`);
    expect((await db().doc(`leagues/${WEEK}_bronze_0`).get()).get('size')).toBe(30);
  }, 120_000);

  it('promotes the top and demotes the bottom at rollover, once, even when the job runs twice', async () => {
    const mailer = new FakeMailer();
    const uids: string[] = [];
    // 12 learners in Silver (level 2), points 12×10 … 1×10.
    for (let i = 0; i < 12; i++) {
      const uid = await learner(`Rank${i}`, 'UTC', { gamification: { points: 1000, level: 2 } });
      uids.push(uid);
      await earn(uid, 'lecture_big', 'lecture_completed', WEDNESDAY, (12 - i) * 10);
    }
    const cohort = `${WEEK}_silver_0`;
    const sunday = new Date('2026-11-29T23:59:00Z');
    expect(await runLeagueRollover(db(), sunday, { deps: { mailer } })).toEqual({ due: 0, rolledOver: 0 });

    const monday = new Date('2026-11-30T00:15:00Z');
    expect(await runLeagueRollover(db(), monday, { deps: { mailer } })).toEqual({ due: 12, rolledOver: 12 });
    expect(await runLeagueRollover(db(), monday, { deps: { mailer } })).toEqual({ due: 0, rolledOver: 0 });

    const results = await db().collection(`leagues/${cohort}/results`).get();
    expect(results.size).toBe(12);
    const top = (await resultRef(db(), cohort, uids[0] as string).get()).data();
    expect(top).toMatchObject({ rank: 1, size: 12, outcome: 'promoted', nextTier: 'gold', points: 120 });
    expect((await resultRef(db(), cohort, uids[5] as string).get()).get('outcome')).toBe('stayed');
    expect((await resultRef(db(), cohort, uids[11] as string).get()).data()).toMatchObject({
      rank: 12,
      outcome: 'demoted',
      nextTier: 'bronze',
    });
    expect(await league(uids[0] as string)).toMatchObject({
      tier: 'gold',
      cohortId: null,
      rolloverAt: null,
      lastResult: { weekKey: WEEK, rank: 1, outcome: 'promoted' },
    });
    // One notification per user per week.
    const items = await db().collection(`notifications/${uids[0]}/items`).get();
    expect(items.docs.map((d) => d.id)).toEqual([`league_${WEEK}`]);
    expect(mailer.sent.filter((m) => m.to === `${uids[0]}@example.test`)).toHaveLength(1);

    // Next week the promoted learner joins a Gold cohort with their first points.
    const next = await earn(
      uids[0] as string,
      'lecture_next',
      'lecture_completed',
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(next).toMatchObject({ cohortId: '2026-11-30_gold_0', joined: true });
  }, 120_000);

  it('rolls each user over at their own local Monday', async () => {
    const tokyo = await learner('Tokyo', 'Asia/Tokyo');
    const london = await learner('London', 'Europe/London');
    const newYork = await learner('NewYork', 'America/New_York');
    for (const uid of [tokyo, london, newYork]) await earn(uid, 'lecture_tz', 'lecture_completed', WEDNESDAY);
    const deps = { mailer: new FakeMailer() };
    // Sunday 15:30 UTC: Monday 00:30 in Tokyo only.
    expect(await runLeagueRollover(db(), new Date('2026-11-29T15:30:00Z'), { deps })).toEqual({
      due: 1,
      rolledOver: 1,
    });
    expect((await league(tokyo))?.lastResult?.weekKey).toBe(WEEK);
    expect((await league(london))?.cohortId).toBe(`${WEEK}_bronze_0`);
    // Monday 00:30 UTC: London.
    expect(await runLeagueRollover(db(), new Date('2026-11-30T00:30:00Z'), { deps })).toEqual({
      due: 1,
      rolledOver: 1,
    });
    expect((await league(newYork))?.cohortId).toBe(`${WEEK}_bronze_0`);
    // Monday 05:30 UTC: New York (UTC-5).
    expect(await runLeagueRollover(db(), new Date('2026-11-30T05:30:00Z'), { deps })).toEqual({
      due: 1,
      rolledOver: 1,
    });
    expect((await league(newYork))?.cohortId).toBeNull();
  });

  it('settles the finished week first when next week’s points arrive before the hourly job', async () => {
    const leader = await learner('Leader', 'UTC', { gamification: { points: 1000, level: 2 } });
    const others: string[] = [];
    for (let i = 0; i < 3; i++)
      others.push(await learner(`Other${i}`, 'UTC', { gamification: { points: 1000, level: 2 } }));
    await earn(leader, 'lecture_w1', 'lecture_completed', WEDNESDAY, 100);
    for (const uid of others) await earn(uid, 'lecture_w1', 'lecture_completed', WEDNESDAY, 10);
    // Monday 00:05 UTC: the job has not run; the leader earns again.
    const monday = new Date('2026-11-30T00:05:00Z');
    const r = await earn(leader, 'lecture_w2', 'lecture_completed', monday);
    // 4 in the cohort: 1 promoted (Silver → Gold), and the new week starts in Gold.
    expect(r).toMatchObject({ applied: true, cohortId: '2026-11-30_gold_0', joined: true });
    expect(await league(leader)).toMatchObject({
      tier: 'gold',
      lastResult: { weekKey: WEEK, rank: 1, size: 4, outcome: 'promoted' },
    });
    // The job later rolls over only the others, and records nothing twice for the leader.
    const deps = { mailer: new FakeMailer() };
    expect(await runLeagueRollover(db(), new Date('2026-11-30T01:15:00Z'), { deps })).toEqual({
      due: 3,
      rolledOver: 3,
    });
    expect((await db().collection(`leagues/${WEEK}_silver_0/results`).get()).size).toBe(4);
  });

  it('keeps each run bounded', async () => {
    for (let i = 0; i < 5; i++)
      await earn(await learner(`Bound${i}`), 'lecture_b', 'lecture_completed', WEDNESDAY);
    const monday = new Date('2026-11-30T01:00:00Z');
    const deps = { mailer: new FakeMailer() };
    expect(await runLeagueRollover(db(), monday, { limit: 3, deps })).toEqual({ due: 3, rolledOver: 3 });
    expect(await runLeagueRollover(db(), monday, { limit: 3, deps })).toEqual({ due: 2, rolledOver: 2 });
    expect(await runLeagueRollover(db(), monday, { limit: 3, deps })).toEqual({ due: 0, rolledOver: 0 });
  });
});

describe.skipIf(!emulatorsRunning)('weekly leagues through the deployed trigger', () => {
  it('puts awarded points into the cohort once', async () => {
    const uid = uniqueId('league-trigger');
    await seedProfile(
      testDb(),
      uid,
      { displayName: 'Trigger', timezone: 'UTC' },
      { email: `${uid}@example.test` },
    );
    try {
      const eventId = pointEventId.lecture('c9', 'l9');
      await awardPoints(testDb(), uid, { eventId, reason: 'lecture_completed', refPath: null });
      // Generous: the Functions emulator runs triggers one after another, behind the profile's own.
      const snap = await waitForDoc(
        pointEventRef(testDb(), uid, eventId),
        (s) => Boolean(s.get('leagueAt')),
        120_000,
      );
      const cohortId = snap.get('leagueCohortId') as string;
      expect((await memberRef(testDb(), cohortId, uid).get()).get('points')).toBe(10);
      // A repeated award is a no-op: the ledger id is deterministic.
      expect(await awardPoints(testDb(), uid, { eventId, reason: 'lecture_completed', refPath: null })).toBe(
        false,
      );
    } finally {
      await deleteUserData(testDb(), uid);
    }
  }, 300_000);
});
