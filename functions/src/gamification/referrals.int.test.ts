import { pointEventId } from '@skillverse/domain/gamification';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  seedProfile,
  settle,
  testAuth,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import {
  awardReferral,
  handleReferralActivity,
  handleReferralProfileWrite,
  referralNotificationId,
} from './referrals';
import { pointEventRef } from '../lib/data/users';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

async function newUser(
  prefix: string,
  overrides: Record<string, unknown> = {},
  options: { verified?: boolean } = {},
): Promise<string> {
  const uid = uniqueId(prefix);
  cleanup.push(uid);
  if (options.verified !== undefined) {
    await testAuth().createUser({ uid, email: `${uid}@example.test`, emailVerified: options.verified });
  }
  await seedProfile(testDb(), uid, overrides, { email: `${uid}@example.test` });
  return uid;
}

/** The invitee's first observed activity: a lecture completion ledger entry, as completeLecture writes it. */
async function firstLecture(uid: string): Promise<void> {
  await testDb()
    .doc(`users/${uid}/pointEvents/${pointEventId.lecture('course-x', 'lecture-1')}`)
    .create({ points: 10, reason: 'lecture_completed', refPath: 'courses/course-x', createdAt: new Date() });
}

const verified = { emailVerified: async () => true };

async function profile(uid: string) {
  return (await testDb().doc(`users/${uid}`).get()).data() ?? {};
}

describe.skipIf(!emulatorsRunning)('referrals', () => {
  it('awards the referrer 25 points once, with one notification, however often the trigger runs', async () => {
    const db = testDb();
    const mailer = new FakeMailer();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee', { displayName: 'Ivy Invitee' });
    await firstLecture(invitee);
    const before = { ...(await profile(invitee)), referredBy: referrer, onboarded: false };
    const after = { ...before, onboarded: true };

    // The same delivery three times, two of them concurrently.
    const results = await Promise.all([
      handleReferralProfileWrite(db, invitee, before, after, { mailer, ...verified }),
      handleReferralProfileWrite(db, invitee, before, after, { mailer, ...verified }),
    ]);
    const again = await handleReferralProfileWrite(db, invitee, before, after, { mailer, ...verified });
    expect(results.map((r) => r.action).sort()).toEqual(['already-awarded', 'awarded']);
    expect(again).toEqual({ action: 'already-awarded', referrerUid: referrer });

    const event = await waitForDoc(pointEventRef(db, referrer, pointEventId.referral(invitee)), (s) =>
      Boolean(s.get('appliedAt')),
    );
    expect(event.data()).toMatchObject({ points: 25, reason: 'referral', refPath: `users/${invitee}` });
    const ledger = await db.collection(`users/${referrer}/pointEvents`).get();
    expect(ledger.docs.map((d) => d.id)).toEqual([pointEventId.referral(invitee)]);

    await settle();
    const r = await profile(referrer);
    expect(r.gamification.points).toBe(25);
    expect(r.stats.referrals).toBe(1);
    const items = await db.collection(`notifications/${referrer}/items`).get();
    expect(items.docs.map((d) => d.id)).toEqual([referralNotificationId(invitee)]);
    expect(items.docs[0]?.get('type')).toBe('referral');
    // The invitee's name is quoted in the body, not the subject.
    expect(items.docs[0]?.get('title')).toBe('🎉 Your invite earned you 25 points');
    expect(items.docs[0]?.get('body')).toContain('“Ivy Invitee”');
    expect(mailer.sent.filter((m) => m.to === `${referrer}@example.test`)).toHaveLength(1);
    expect((await db.doc(`users/${invitee}/private/account`).get()).get('referredBy')).toBe(referrer);
  });

  it('awards nothing twice when onboarding is switched off and on again (through the deployed trigger)', async () => {
    const db = testDb();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee', {}, { verified: true });
    const inviteeRef = db.doc(`users/${invitee}`);
    await inviteeRef.update({ referredBy: referrer });
    await inviteeRef.update({ onboarded: true });
    // Verified and onboarded, but no activity yet: nothing. The first observed lecture awards.
    await settle();
    expect((await db.collection(`users/${referrer}/pointEvents`).get()).size).toBe(0);
    await firstLecture(invitee);
    await waitForDoc(pointEventRef(db, referrer, pointEventId.referral(invitee)), (s) =>
      Boolean(s.get('appliedAt')),
    );
    await inviteeRef.update({ onboarded: false });
    await inviteeRef.update({ onboarded: true });
    await settle(2500);

    const r = await profile(referrer);
    expect(r.gamification.points).toBe(25);
    expect(r.stats.referrals).toBe(1);
    expect((await db.collection(`users/${referrer}/pointEvents`).get()).size).toBe(1);
    expect((await db.collection(`notifications/${referrer}/items`).get()).size).toBe(1);
  });

  it('awards nothing before onboarding is complete', async () => {
    const db = testDb();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee');
    const p = await profile(invitee);
    const result = await handleReferralProfileWrite(db, invitee, p, { ...p, referredBy: referrer });
    expect(result).toEqual({ action: 'skipped', reason: 'not-onboarded' });
    // Through the trigger too.
    await db.doc(`users/${invitee}`).update({ referredBy: referrer });
    await settle();
    expect((await db.collection(`users/${referrer}/pointEvents`).get()).size).toBe(0);
    expect((await profile(referrer)).stats.referrals).toBe(0);
  });

  it('awards nothing for a self-referral', async () => {
    const db = testDb();
    const me = await newUser('self');
    const p = await profile(me);
    const result = await handleReferralProfileWrite(db, me, p, { ...p, referredBy: me, onboarded: true });
    expect(result).toEqual({ action: 'skipped', reason: 'self' });
    expect((await db.collection(`users/${me}/pointEvents`).get()).size).toBe(0);
  });

  it('awards nothing (and creates nothing) for a referrer who does not exist', async () => {
    const db = testDb();
    const invitee = await newUser('invitee');
    const ghost = uniqueId('ghost');
    const result = await awardReferral(db, invitee, ghost, verified);
    expect(result).toEqual({ action: 'unknown-referrer', referrerUid: ghost });
    expect((await db.doc(`users/${ghost}`).get()).exists).toBe(false);
    expect((await db.collection(`users/${ghost}/pointEvents`).get()).size).toBe(0);
    expect((await db.doc(`users/${invitee}/private/account`).get()).get('referredBy')).toBeNull();
  });

  it('ignores profile writes that change neither onboarding nor the referrer', async () => {
    const db = testDb();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee');
    const p = { ...(await profile(invitee)), referredBy: referrer, onboarded: true };
    const result = await handleReferralProfileWrite(db, invitee, p, { ...p, bio: 'Hello' });
    expect(result).toEqual({ action: 'skipped', reason: 'unchanged' });
    expect((await db.collection(`users/${referrer}/pointEvents`).get()).size).toBe(0);
  });

  it('awards nothing until the invitee verified their email and did a first real activity', async () => {
    const db = testDb();
    const mailer = new FakeMailer();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee', { referredBy: null });
    const p = { ...(await profile(invitee)), referredBy: referrer, onboarded: true };
    const unverified = { mailer, emailVerified: async () => false };
    expect(await handleReferralProfileWrite(db, invitee, null, p, unverified)).toEqual({
      action: 'not-yet',
      referrerUid: referrer,
      reason: 'email-not-verified',
    });
    expect(await handleReferralProfileWrite(db, invitee, null, p, { mailer, ...verified })).toEqual({
      action: 'not-yet',
      referrerUid: referrer,
      reason: 'no-activity',
    });
    // A streak bonus or a referral of their own is not a real activity.
    expect(await handleReferralActivity(db, invitee, 'daily_streak', { mailer, ...verified })).toBeNull();
    expect((await db.collection(`users/${referrer}/pointEvents`).get()).size).toBe(0);
    expect((await db.collection(`notifications/${referrer}/items`).get()).size).toBe(0);
    expect(mailer.sent).toHaveLength(0);
  });

  it('awards at most 10 referrals in 7 days per referrer', async () => {
    const db = testDb();
    const mailer = new FakeMailer();
    const referrer = await newUser('referrer');
    const now = new Date();
    for (let i = 0; i < 10; i++) {
      await db.doc(`users/${referrer}/pointEvents/referral_earlier-${i}`).create({
        points: 25,
        reason: 'referral',
        refPath: `users/earlier-${i}`,
        createdAt: new Date(now.getTime() - i * 3_600_000),
      });
    }
    const invitee = await newUser('invitee');
    await firstLecture(invitee);
    const result = await awardReferral(db, invitee, referrer, { mailer, now, ...verified });
    expect(result).toEqual({ action: 'not-yet', referrerUid: referrer, reason: 'weekly-cap' });
    // Eight days on, the window has room again.
    const later = new Date(now.getTime() + 8 * 86_400_000);
    const retry = await awardReferral(db, invitee, referrer, { mailer, now: later, ...verified });
    expect(retry).toEqual({ action: 'awarded', referrerUid: referrer });
  });
});
