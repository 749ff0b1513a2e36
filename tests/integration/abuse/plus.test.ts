// Attacks on Plus membership (issue 18; docs/plus.md), played with the web SDK as an attacker would:
// write your own subscription document, create a 'plus' enrolment, read a Plus lecture or start a
// Plus course without paying, forge a subscription event, and keep earning after Plus lapsed. None
// mints anything; the honest subscriber earns exactly what a lecture is worth (10 points) while
// Plus lasts, and keeps it after.
import { completeLecture } from '@skillverse/domain/contracts/courses';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import {
  completeLocalPlusCheckout,
  createPlusCheckoutSession,
  localPlusPortalAction,
  startPlusLearning,
} from '@skillverse/domain/contracts/plus-membership';
import { observedWatching } from '@skillverse/domain/watch-time';
import { doc, getDoc, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../functions/test/course-fixtures';
import { httpFunctionUrl } from '../../../functions/test/emulator';
import { subscriptionEvent, subscriptionState } from '../../../functions/test/plus-events';
import {
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

const courses: string[] = [];
const denied = async (p: Promise<unknown>) => {
  await expect(p).rejects.toMatchObject({ code: 'permission-denied' });
};

describe.skipIf(!emulatorsRunning)('abuse: Plus membership', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of courses) await deleteCourse(testDb(), id);
  });

  it('a client cannot grant itself Plus, a Plus enrolment, a Plus lecture or a forged subscription event', async () => {
    const db = testDb();
    const { courseId, lectureIds } = await seedCourse(db, {
      instructorId: uniqueId('instructor'),
      price: 4900,
    });
    courses.push(courseId);
    const a = await newAttacker('plus-forger');
    const before = await rewardsOf(a.uid);
    const lectureId = lectureIds[1] ?? 'l2'; // l1 is the course's free preview
    const farFuture = Timestamp.fromDate(new Date(Date.now() + 365 * 86_400_000));

    // 1. Write its own subscription document (create, then as an "update").
    await denied(
      setDoc(doc(a.db, `users/${a.uid}/private/subscription`), {
        subscriptionId: 'sub_fake',
        customerId: 'cus_fake',
        plan: 'yearly',
        status: 'active',
        currentPeriodEnd: farFuture,
        cancelAtPeriodEnd: false,
        stripeUpdatedAt: farFuture,
        updatedAt: farFuture,
      }),
    );
    // 2. Create a 'plus' enrolment, or one of any source.
    await denied(
      setDoc(doc(a.db, `enrollments/${courseId}_${a.uid}`), {
        uid: a.uid,
        courseId,
        instructorId: 'x',
        status: 'active',
        source: 'plus',
      }),
    );
    // 3. Read a Plus lecture (not the free preview) without a membership.
    await denied(getDoc(doc(a.db, `courses/${courseId}/lectures/${lectureId}`)));
    // 4. Start a Plus course without a membership.
    expectRefused(await a.call(startPlusLearning, { courseId }), 'permission-denied');
    // 5. Forge a customer.subscription.created: signed with a guessed secret, and unsigned.
    const forged = JSON.stringify(
      subscriptionEvent(
        'customer.subscription.created',
        subscriptionState(a.uid),
        Math.floor(Date.now() / 1000),
      ),
    );
    for (const signature of ['t=1,v1=deadbeef', '']) {
      const res = await fetch(httpFunctionUrl(HTTP_FUNCTIONS.stripeWebhook), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(signature ? { 'stripe-signature': signature } : {}),
        },
        body: forged,
      });
      expect(res.status).toBe(400);
    }
    // 6. Subscribing needs a verified email.
    expectRefused(await a.call(createPlusCheckoutSession, { plan: 'monthly' }), 'failed-precondition');

    expect((await db.doc(`users/${a.uid}/private/subscription`).get()).exists).toBe(false);
    expect((await db.doc(`enrollments/${courseId}_${a.uid}`).get()).exists).toBe(false);
    expectNothingMinted(before, await rewardsOf(a.uid), 'granting itself Plus');
  }, 300_000);

  it('a lapsed Plus enrolment earns nothing more and reads nothing more; what was earned honestly stays', async () => {
    const db = testDb();
    const { courseId, lectureIds } = await seedCourse(db, {
      instructorId: uniqueId('instructor'),
      price: 4900,
      lectures: 3,
    });
    courses.push(courseId);
    const a = await newAttacker('plus-lapser');
    await verifyEmail(a);
    const [l1 = 'l1', l2 = 'l2'] = lectureIds;

    // Honest: subscribe (the local checkout signs the events Stripe would send), start, learn.
    expect((await a.call(createPlusCheckoutSession, { plan: 'monthly' })).ok).toBe(true);
    const paid = await a.call(completeLocalPlusCheckout, { plan: 'monthly', outcome: 'paid' });
    expect(paid.ok, paid.ok ? '' : paid.message).toBe(true);
    expect((await a.call(startPlusLearning, { courseId })).ok).toBe(true);
    await getDoc(doc(a.db, `courses/${courseId}/lectures/${l1}`));
    const before = await rewardsOf(a.uid);
    // Watched (as recordLectureProgress records it; courses-without-watching.test.ts plays that part).
    await db.doc(`enrollments/${courseId}_${a.uid}`).update(observedWatching(lectureIds, 3600));
    const done = await a.call(completeLecture, { courseId, lectureId: l1 });
    expect(done.ok, done.ok ? '' : done.message).toBe(true);
    const earned = await waitFor(
      async () => {
        const r = await rewardsOf(a.uid);
        return r.points === before.points + 10 ? r : false;
      },
      { what: 'the lecture points' },
    );

    // Cancel in the (local) portal, then the period ends (the clock moved in the data).
    expect((await a.call(localPlusPortalAction, { action: 'cancel' })).ok).toBe(true);
    await db
      .doc(`users/${a.uid}/private/subscription`)
      .update({ currentPeriodEnd: new Date(Date.now() - 60_000) });

    // Attack: keep reading and completing through the Plus enrolment; "extend" the period itself.
    await denied(getDoc(doc(a.db, `courses/${courseId}/lectures/${l2}`)));
    expectRefused(await a.call(completeLecture, { courseId, lectureId: l2 }), 'permission-denied');
    await denied(
      updateDoc(doc(a.db, `users/${a.uid}/private/subscription`), {
        currentPeriodEnd: Timestamp.fromDate(new Date(Date.now() + 86_400_000)),
      }),
    );
    expectRefused(await a.call(localPlusPortalAction, { action: 'resume' }), 'failed-precondition');
    expectRefused(await a.call(startPlusLearning, { courseId }), 'permission-denied');

    // Nothing more minted; the honest lecture's points stay; the enrolment (progress) stays.
    expectNothingMinted(earned, await rewardsOf(a.uid), 'learning after Plus lapsed');
    const enrollment = await db.doc(`enrollments/${courseId}_${a.uid}`).get();
    expect(enrollment.get('completedLectureIds')).toEqual([l1]);
  }, 300_000);
});
