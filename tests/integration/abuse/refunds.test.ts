// Attack: buy a course, finish it, ask for the money back — and keep the certificate, its signed
// credential, the points, the badge and the leaderboard place. A refund now takes all of it back
// (functions/src/billing/refund-rewards.ts); the honest purchase still earns exactly the course's
// points (10 a lecture, 100 for the course), the First Course badge and a signed certificate.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { completeLecture } from '@skillverse/domain/contracts/courses';
import { completeLocalCheckout, createCheckoutSession } from '@skillverse/domain/contracts/billing';
import { gunzipSync } from 'node:zlib';
import { fromMultibase, getStatusBit } from '@skillverse/domain/credentials';
import { observedWatching } from '@skillverse/domain/watch-time';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../functions/test/course-fixtures';
import { httpFunctionUrl } from '../../../functions/test/emulator';
import { chargeRefunded, deliverStripeEvent } from '../../../functions/test/stripe-events';
import {
  closeAttackers,
  emulatorsRunning,
  expectRefused,
  newAttacker,
  verifyEmail,
  rewardsOf,
  testDb,
  uniqueId,
  waitFor,
} from './support';

const courses: string[] = [];

describe.skipIf(!emulatorsRunning)('abuse: buy, finish, refund', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of courses) await deleteCourse(testDb(), id);
  });

  it('keeps nothing after the refund; the honest purchase earned exactly the course rewards', async () => {
    const db = testDb();
    const { courseId, lectureIds } = await seedCourse(db, {
      instructorId: uniqueId('instructor'),
      price: 1900,
      lectures: 2,
    });
    courses.push(courseId);
    const a = await newAttacker('refunder');
    await verifyEmail(a); // only verified accounts can buy
    const before = await rewardsOf(a.uid);

    // Buy (the local test checkout: a signed checkout.session.completed through stripeWebhook).
    const session = await a.call(createCheckoutSession, { courseId });
    expect(session.ok).toBe(true);
    const paymentId = session.ok ? new URL(session.data.url, 'http://x').searchParams.get('payment') : null;
    expect(paymentId).toBeTruthy();
    const paid = await a.call(completeLocalCheckout, { paymentId: paymentId as string, outcome: 'paid' });
    expect(paid.ok).toBe(true);
    await waitFor(
      async () => (await db.doc(`enrollments/${courseId}_${a.uid}`).get()).get('status') === 'active',
      {
        what: 'the paid enrolment',
      },
    );

    // Watched: this test is about what a refund takes back, so it records the observed watching on
    // the enrolment as recordLectureProgress would (courses-without-watching.test.ts plays that part).
    await db.doc(`enrollments/${courseId}_${a.uid}`).update(observedWatching(lectureIds, 3600));

    // Finish.
    let certificateId: string | null = null;
    for (const lectureId of lectureIds) {
      const done = await a.call(completeLecture, { courseId, lectureId });
      expect(done.ok, done.ok ? '' : done.message).toBe(true);
      if (done.ok && done.data.certificateId) certificateId = done.data.certificateId;
    }
    expect(certificateId).toBeTruthy();
    const certRef = db.doc(`certificates/${certificateId}`);
    await waitFor(async () => typeof (await certRef.get()).get('credentialJwt') === 'string', {
      what: 'the signed credential',
    });
    const earned = await waitFor(
      async () => {
        const r = await rewardsOf(a.uid);
        return r.points === before.points + 120 ? r : false;
      },
      { what: 'the course points' },
    );
    // The honest path: exactly the rules of the game.
    expect(earned.badges).toContain('first-course');
    expect(earned.stats).toMatchObject({ coursesCompleted: 1, lecturesCompleted: 2 });
    expect(earned.certificates).toBe(before.certificates + 1);
    expect(earned.leaderboardPoints).toBe(before.leaderboardPoints + 120);

    // Refund: Stripe delivers charge.refunded (twice, as it may).
    const payment = await db.doc(`payments/${paymentId}`).get();
    const refund = chargeRefunded({
      paymentId: paymentId as string,
      courseId,
      uid: a.uid,
      sessionId: String(payment.get('stripeCheckoutSessionId')),
      paymentIntentId: String(payment.get('stripePaymentIntentId')),
      amount: 1900,
    });
    expect((await deliverStripeEvent(refund)).body?.outcome).toBe('refunded');
    expect((await deliverStripeEvent(refund)).body?.outcome).toBe('duplicate');

    const after = await waitFor(
      async () => {
        const r = await rewardsOf(a.uid);
        return r.points === before.points && r.leaderboardPoints === before.leaderboardPoints ? r : false;
      },
      { what: 'the points taken back' },
    );
    // Nothing kept: points, level, badges, stats, rating, leaderboard are as before the purchase.
    // (The ledger holds the entries and their reversals; the certificate stays, revoked. Today's
    // streak day stays: streaks record days of activity, not the course — docs/refunds.md.)
    const net = (r: typeof before) => ({ ...r, ledgerEntries: 0, certificates: 0, currentStreak: 0 });
    expect(net(after)).toEqual(net(before));
    expect(after.currentStreak).toBeLessThanOrEqual(1);
    // The certificate stays on record, revoked: the signed status list says so, the PDF too.
    const cert = await certRef.get();
    expect(cert.get('revocation.reason')).toMatch(/refunded/);
    const list = await db.doc(`credentialStatusLists/${cert.get('statusListId')}`).get();
    expect(
      getStatusBit(
        new Uint8Array(gunzipSync(fromMultibase(list.get('encodedList')))),
        cert.get('statusListIndex'),
      ),
    ).toBe(true);
    const pdf = await fetch(`${httpFunctionUrl(HTTP_FUNCTIONS.certificatePdf)}?id=${certificateId}`);
    expect(pdf.headers.get('x-certificate-status')).toBe('revoked');

    // And completing the lectures again earns nothing: the access is gone.
    expectRefused(
      await a.call(completeLecture, { courseId, lectureId: lectureIds[0] as string }),
      'permission-denied',
    );
  });
});
