// Abuse: referrals, streaks and spam (issue 15 §8–11), played with fresh accounts and the web SDK.
//  - throwaway accounts naming one referrer earn it nothing; naming a stranger, yourself or a
//    second referrer is refused by the rules; the honest invitee (verified email, first observed
//    activity) earns the referrer 25 points once;
//  - switching the profile time zone between far zones within one real day adds no streak day;
//  - 25 exchange requests fired at once: 10 pending at most, 20 a day at most;
//  - an unverified account cannot request an exchange, buy, or review; once verified it can.
import { createCheckoutSession } from '@skillverse/domain/contracts/billing';
import { requestExchange } from '@skillverse/domain/contracts/exchange';
import { pointEventId } from '@skillverse/domain/gamification';
import { doc, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
  verifyEmail,
  waitFor,
} from './support';

afterAll(async () => {
  await closeAttackers();
});

/** Waits until the ledger trigger has applied every entry of `uid` (so rewards are final). */
async function settled(uid: string): Promise<void> {
  await waitFor(
    async () => {
      const ledger = await testDb().collection(`users/${uid}/pointEvents`).get();
      return ledger.docs.every((d) => d.get('appliedAt'));
    },
    { what: `ledger of ${uid} applied` },
  );
  await new Promise((r) => setTimeout(r, 2000)); // referral checks run after the ledger step
}

/**
 * A learning activity the platform observed (what completeLecture writes once watching was seen):
 * written by the server, never by the attacker.
 */
async function observedLecture(uid: string, lectureId: string, at = new Date()): Promise<void> {
  await testDb()
    .doc(`users/${uid}/pointEvents/${pointEventId.lecture('abuse-course', lectureId)}`)
    .create({ points: 10, reason: 'lecture_completed', refPath: 'courses/abuse-course', createdAt: at });
}

async function onboardAs(attacker: Attacker, referredBy?: string): Promise<void> {
  await updateDoc(doc(attacker.db, `users/${attacker.uid}`), {
    ...(referredBy ? { referredBy } : {}),
    onboarded: true,
    updatedAt: serverTimestamp(),
  });
}

describe.skipIf(!emulatorsRunning)('abuse: referrals', () => {
  it('throwaway accounts naming one referrer earn it nothing, and it hears nothing', async () => {
    const inviter = await newAttacker('inviter');
    const before = await rewardsOf(inviter.uid);
    const throwaways = await Promise.all([1, 2, 3].map((i) => newAttacker(`throwaway-${i}`)));
    for (const t of throwaways) await onboardAs(t, inviter.uid);
    // Even a verified throwaway with no real activity earns nothing.
    await verifyEmail(throwaways[0] as Attacker);
    const { ensureProfile } = await import('@skillverse/domain/contracts/accounts');
    await (throwaways[0] as Attacker).call(ensureProfile, {});
    await new Promise((r) => setTimeout(r, 4000));
    expectNothingMinted(before, await rewardsOf(inviter.uid), 'referral by throwaway accounts');
    expect(
      (await testDb().collection(`notifications/${inviter.uid}/items`).where('type', '==', 'referral').get())
        .size,
    ).toBe(0);
    expect(
      (
        await testDb()
          .collection('mailLog')
          .where('uid', '==', inviter.uid)
          .where('type', '==', 'referral')
          .get()
      ).size,
    ).toBe(0);
  });

  it('naming a stranger, yourself, or a second referrer is refused', async () => {
    const inviter = await newAttacker('inviter');
    const a = await newAttacker('namer');
    const ref = doc(a.db, `users/${a.uid}`);
    await expect(updateDoc(ref, { referredBy: uniqueId('nobody') })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(updateDoc(ref, { referredBy: a.uid })).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(updateDoc(ref, { referredBy: 'a/b/c' })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await updateDoc(ref, { referredBy: inviter.uid });
    const other = await newAttacker('other');
    await expect(updateDoc(ref, { referredBy: other.uid })).rejects.toMatchObject({
      code: 'permission-denied',
    });
    // After onboarding, a referrer can no longer be named.
    const late = await newAttacker('late');
    await onboardAs(late);
    await expect(
      updateDoc(doc(late.db, `users/${late.uid}`), { referredBy: inviter.uid }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('honest path: a verified invitee with a first observed lecture earns the referrer 25 points once', async () => {
    const inviter = await newAttacker('inviter');
    const before = await rewardsOf(inviter.uid);
    const invitee = await newAttacker('invitee');
    await onboardAs(invitee, inviter.uid);
    await verifyEmail(invitee);
    await observedLecture(invitee.uid, 'lecture-1');
    await waitFor(
      async () =>
        (
          await testDb()
            .doc(`users/${inviter.uid}/pointEvents/${pointEventId.referral(invitee.uid)}`)
            .get()
        ).exists,
      { what: 'referral award' },
    );
    // A second activity changes nothing.
    await observedLecture(invitee.uid, 'lecture-2');
    await settled(invitee.uid);
    await settled(inviter.uid);
    const after = await rewardsOf(inviter.uid);
    expect(after.points - before.points).toBe(25);
    expect(after.ledgerEntries - before.ledgerEntries).toBe(1);
    expect(after.stats.referrals).toBe(1);
    const items = await testDb()
      .collection(`notifications/${inviter.uid}/items`)
      .where('type', '==', 'referral')
      .get();
    expect(items.size).toBe(1);
  });
});

describe.skipIf(!emulatorsRunning)('abuse: streaks', () => {
  it('hopping between far time zones within one real day adds no streak day', async () => {
    const hopper = await newAttacker('hopper', { timezone: 'UTC' });
    const profile = doc(hopper.db, `users/${hopper.uid}`);
    await observedLecture(hopper.uid, 'hop-0');
    await settled(hopper.uid);
    const before = await rewardsOf(hopper.uid);
    expect(before.currentStreak).toBe(1);
    const zones = ['Pacific/Kiritimati', 'Etc/GMT+12', 'Pacific/Kiritimati', 'Asia/Tokyo'];
    for (const [i, timezone] of zones.entries()) {
      await updateDoc(profile, { timezone, updatedAt: serverTimestamp() });
      await observedLecture(hopper.uid, `hop-${i + 1}`);
      await settled(hopper.uid);
    }
    const after = await rewardsOf(hopper.uid);
    expect(after.currentStreak).toBe(1);
    const streakBonuses = (await testDb().collection(`users/${hopper.uid}/pointEvents`).get()).docs.filter(
      (d) => d.get('reason') === 'daily_streak',
    );
    expect(streakBonuses).toHaveLength(0);
    // Only the lectures' own points: 10 each.
    expect(after.points - before.points).toBe(10 * zones.length);
  });

  it('honest path: activity on two consecutive days makes a 2-day streak', async () => {
    const learner = await newAttacker('steady', { timezone: 'UTC' });
    const yesterday = new Date(Date.now() - 24 * 3_600_000);
    await observedLecture(learner.uid, 'day-1', yesterday);
    await settled(learner.uid);
    await observedLecture(learner.uid, 'day-2');
    await settled(learner.uid);
    const after = await rewardsOf(learner.uid);
    expect(after.currentStreak).toBe(2);
    expect(after.points).toBe(10 + 10 + 5);
  });
});

describe.skipIf(!emulatorsRunning)('abuse: spam and unverified accounts', () => {
  const request = (providerId: string) => ({
    requestId: uniqueId('req'),
    providerId,
    offeredSkill: 'Spanish',
    requestedSkill: 'Guitar',
    message: 'Buy followers at http://spam.example',
  });

  it('an unverified account cannot request, buy or review; verified, it can', async () => {
    const provider = await newAttacker('provider');
    const fresh = await newAttacker('unverified');
    expectRefused(await fresh.call(requestExchange, request(provider.uid)), 'failed-precondition');
    expectRefused(await fresh.call(createCheckoutSession, { courseId: 'any-course' }), 'failed-precondition');
    // Writing the exchange directly is refused for everyone: only the callable creates requests.
    await expect(
      setDoc(doc(fresh.db, `exchanges/${uniqueId('direct')}`), {
        requesterId: fresh.uid,
        providerId: provider.uid,
        participants: [fresh.uid, provider.uid],
        offeredSkill: 'Spanish',
        requestedSkill: 'Guitar',
        status: 'pending',
        createdAt: serverTimestamp(),
      }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    // Reviews: enrolled in a free course (allowed unverified), but the review is refused.
    const courseId = uniqueId('abuse-course');
    await testDb().doc(`courses/${courseId}`).set({
      title: 'Free course',
      instructorId: provider.uid,
      status: 'published',
      price: 0,
      currency: 'usd',
      sections: [],
      totalLectures: 0,
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await testDb()
      .doc(`enrollments/${courseId}_${fresh.uid}`)
      .set({ uid: fresh.uid, courseId, status: 'active', instructorId: provider.uid });
    const review = { uid: fresh.uid, rating: 5, comment: 'Great', createdAt: serverTimestamp() };
    await expect(
      setDoc(doc(fresh.db, `courses/${courseId}/reviews/${fresh.uid}`), review),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await testDb().collection('exchanges').where('requesterId', '==', fresh.uid).get()).size).toBe(0);

    await verifyEmail(fresh);
    const ok = await fresh.call(requestExchange, request(provider.uid));
    expect(ok.ok).toBe(true);
    await setDoc(doc(fresh.db, `courses/${courseId}/reviews/${fresh.uid}`), review);
  });

  it('25 requests in bursts: at most 10 pending; at most 20 a day; retries create nothing twice', async () => {
    const spammer = await newAttacker('spammer');
    const victims = await Promise.all([newAttacker('victim-a'), newAttacker('victim-b')]);
    await verifyEmail(spammer);
    const calls = Array.from({ length: 25 }, (_, i) => request((victims[i % 2] as Attacker).uid));
    // Fired five at a time, as fast as the SDK allows: the count is taken in the transaction.
    const outcomes: Awaited<ReturnType<typeof spammer.call<typeof requestExchange>>>[] = [];
    for (let i = 0; i < calls.length; i += 5) {
      outcomes.push(
        ...(await Promise.all(calls.slice(i, i + 5).map((c) => spammer.call(requestExchange, c)))),
      );
    }
    const accepted = outcomes.filter((o) => o.ok);
    expect(accepted).toHaveLength(10);
    for (const o of outcomes.filter((x) => !x.ok)) expectRefused(o, 'resource-exhausted');
    const mine = () => testDb().collection('exchanges').where('requesterId', '==', spammer.uid).get();
    expect((await mine()).size).toBe(10);

    // A retried call (same requestId) answers the same exchange and creates nothing.
    const first = calls[outcomes.findIndex((o) => o.ok)];
    const retry = await spammer.call(requestExchange, first as Record<string, unknown>);
    expect(retry.ok).toBe(true);
    expect((await mine()).size).toBe(10);

    // The victims decline all ten; ten more fit today, then the daily cap (20) holds.
    for (const d of (await mine()).docs) {
      const victim = victims.find((v) => v.uid === d.get('providerId')) as Attacker;
      await updateDoc(doc(victim.db, `exchanges/${d.id}`), {
        status: 'rejected',
        updatedAt: serverTimestamp(),
      });
    }
    const more = [];
    for (let i = 0; i < 11; i++) {
      more.push(await spammer.call(requestExchange, request((victims[i % 2] as Attacker).uid)));
    }
    expect(more.filter((o) => o.ok)).toHaveLength(10);
    const refused = more.find((o) => !o.ok);
    expectRefused(refused ?? { ok: true, data: null }, 'resource-exhausted');
    expect((await mine()).size).toBe(20);
    // With nothing pending any more, the daily cap alone still refuses the 21st.
    for (const d of (await mine()).docs.filter((x) => x.get('status') === 'pending')) {
      const victim = victims.find((v) => v.uid === d.get('providerId')) as Attacker;
      await updateDoc(doc(victim.db, `exchanges/${d.id}`), {
        status: 'rejected',
        updatedAt: serverTimestamp(),
      });
    }
    const daily = await spammer.call(requestExchange, request((victims[0] as Attacker).uid));
    expectRefused(daily, 'resource-exhausted');
    expect(daily.ok ? '' : daily.message).toMatch(/today/);
    expect((await mine()).size).toBe(20);
  });
});
