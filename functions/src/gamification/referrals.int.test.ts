import { pointEventId } from '@skillverse/domain/gamification';
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
import { awardReferral, handleReferralProfileWrite, referralNotificationId } from './referrals';
import { pointEventRef } from '../lib/data/users';

const cleanup: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  for (const uid of cleanup) await deleteUserData(testDb(), uid);
});

async function newUser(prefix: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const uid = uniqueId(prefix);
  cleanup.push(uid);
  await seedProfile(testDb(), uid, overrides, { email: `${uid}@example.test` });
  return uid;
}

async function profile(uid: string) {
  return (await testDb().doc(`users/${uid}`).get()).data() ?? {};
}

describe.skipIf(!emulatorsRunning)('referrals', () => {
  it('awards the referrer 25 points once, with one notification, however often the trigger runs', async () => {
    const db = testDb();
    const mailer = new FakeMailer();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee', { displayName: 'Ivy Invitee' });
    const before = { ...(await profile(invitee)), referredBy: referrer, onboarded: false };
    const after = { ...before, onboarded: true };

    // The same delivery three times, two of them concurrently.
    const results = await Promise.all([
      handleReferralProfileWrite(db, invitee, before, after, { mailer }),
      handleReferralProfileWrite(db, invitee, before, after, { mailer }),
    ]);
    const again = await handleReferralProfileWrite(db, invitee, before, after, { mailer });
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
    expect(items.docs[0]?.get('title')).toContain('Ivy Invitee');
    expect(mailer.sent.filter((m) => m.to === `${referrer}@example.test`)).toHaveLength(1);
    expect((await db.doc(`users/${invitee}/private/account`).get()).get('referredBy')).toBe(referrer);
  });

  it('awards nothing twice when onboarding is switched off and on again (through the deployed trigger)', async () => {
    const db = testDb();
    const referrer = await newUser('referrer');
    const invitee = await newUser('invitee');
    const inviteeRef = db.doc(`users/${invitee}`);
    await inviteeRef.update({ referredBy: referrer });
    await inviteeRef.update({ onboarded: true });
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
    const result = await awardReferral(db, invitee, ghost);
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
});
