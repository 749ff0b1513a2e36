// A refund takes back what the purchase earned: certificate and credential revoked (the signed
// status list says so), the course's points reversed by compensating ledger entries, stats and
// course badges taken back — once, however the refund is delivered (twice, concurrently, with a
// new event id), and nothing that the course did not earn.
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { fromMultibase, getStatusBit } from '@skillverse/domain/credentials';
import { REFUND_REVOCATION_REASON } from '@skillverse/domain/refunds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { deleteUserData, emulatorsRunning, testDb, uniqueId, waitFor } from '../../test/emulator';
import {
  chargeRefunded,
  checkoutCompleted,
  deliverStripeEvent,
  type StripePurchase,
} from '../../test/stripe-events';
import { devSigningKey, projectIdFromEnv } from '../credentials/signing-key';
import { issuerUrls } from '../credentials/sign-certificate';
import { takeBackRefundedRewards } from './refund-rewards';
import { counterOf } from '../../test/counters';

const PRICE = 2900;
const courses: string[] = [];
const users: string[] = [];

async function paidPurchase(uid: string): Promise<StripePurchase & { instructorId: string }> {
  const instructorId = uniqueId('instructor');
  const { courseId } = await seedCourse(testDb(), {
    instructorId,
    price: PRICE,
    lectures: 2,
    quiz: { passingScore: 70 },
  });
  courses.push(courseId);
  const paymentRef = testDb().collection('payments').doc();
  const sessionId = `cs_test_${randomBytes(12).toString('hex')}`;
  await paymentRef.set({
    uid,
    courseId,
    instructorId,
    courseTitle: 'Paid Course',
    amount: PRICE,
    currency: 'USD',
    status: 'pending',
    mode: 'stripe',
    stripeCheckoutSessionId: sessionId,
    stripePaymentIntentId: null,
    createdAt: new Date(),
  });
  const p = {
    paymentId: paymentRef.id,
    courseId,
    uid,
    sessionId,
    paymentIntentId: `pi_${randomBytes(10).toString('hex')}`,
    amount: PRICE,
    instructorId,
  };
  expect((await deliverStripeEvent(checkoutCompleted(p))).body?.outcome).toBe('paid');
  return p;
}

/** What finishing the course left behind (as completeLecture / submitQuiz record it). */
async function finished(p: StripePurchase) {
  const db = testDb();
  const now = new Date();
  const certificateId = uniqueId('cert');
  await db.doc(`certificates/${certificateId}`).set({
    uid: p.uid,
    userName: 'Pat Payer',
    courseId: p.courseId,
    courseTitle: 'Paid Course',
    instructorId: 'x',
    instructorName: 'Ina',
    issuedAt: now,
  });
  await db.doc(`enrollments/${p.courseId}_${p.uid}`).update({
    completedLectureIds: ['l1', 'l2'],
    passedQuizIds: ['final'],
    perfectQuizIds: ['final'],
    progress: 100,
    completedAt: now,
    certificateId,
  });
  await db.doc(`courses/${p.courseId}`).update({ completionCount: 1 });
  await db.doc(`users/${p.uid}`).update({
    'stats.lecturesCompleted': 2,
    'stats.coursesCompleted': 1,
    'stats.perfectQuizzes': 1,
    'gamification.badges': ['first-course'],
  });
  const ledger: [string, string, number, string][] = [
    [`lecture_${p.courseId}_l1`, 'lecture_completed', 10, `courses/${p.courseId}/lectures/l1`],
    [`lecture_${p.courseId}_l2`, 'lecture_completed', 10, `courses/${p.courseId}/lectures/l2`],
    [`course_${p.courseId}`, 'course_completed', 100, `courses/${p.courseId}`],
    [`quiz_${p.courseId}_final`, 'quiz_mastered', 50, `courses/${p.courseId}/quizzes/final`],
    // Earned elsewhere: a refund of the course must leave it alone.
    [`exchange_${uniqueId('x')}`, 'exchange_completed', 75, 'exchanges/other'],
  ];
  for (const [id, reason, points, refPath] of ledger) {
    await db.doc(`users/${p.uid}/pointEvents/${id}`).create({ points, reason, refPath, createdAt: now });
  }
  await waitFor(async () => (await db.doc(`users/${p.uid}`).get()).get('gamification.points') === 245, {
    what: 'the course points applied',
  });
  await waitFor(
    async () =>
      typeof (await db.doc(`certificates/${certificateId}`).get()).get('credentialJwt') === 'string',
    {
      what: 'the certificate signed',
    },
  );
  return certificateId;
}

async function listSays(certificateId: string): Promise<boolean> {
  const cert = await testDb().doc(`certificates/${certificateId}`).get();
  const list = await testDb()
    .doc(`credentialStatusLists/${cert.get('statusListId')}`)
    .get();
  return getStatusBit(
    new Uint8Array(gunzipSync(fromMultibase(list.get('encodedList')))),
    cert.get('statusListIndex'),
  );
}

describe.skipIf(!emulatorsRunning)('a refund takes back what the purchase earned', () => {
  let learner: SignedInUser;

  beforeAll(async () => {
    learner = await signedInUser({ displayName: 'Pat Payer' });
    users.push(learner.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  it('revokes the certificate and reverses points, stats and badges once, delivered twice, concurrently and under a new event id', async () => {
    const db = testDb();
    const p = await paidPurchase(learner.uid);
    const certificateId = await finished(p);
    expect(await listSays(certificateId)).toBe(false);

    const refund = chargeRefunded(p);
    const results = await Promise.all([deliverStripeEvent(refund), deliverStripeEvent(refund)]);
    results.push(await deliverStripeEvent(refund), await deliverStripeEvent(chargeRefunded(p)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.filter((r) => r.body?.outcome === 'refunded')).toHaveLength(1);

    await waitFor(
      async () => (await db.doc(`payments/${p.paymentId}`).get()).get('rewardsReversal') === 'done',
      {
        what: 'the refund follow-up',
      },
    );
    await waitFor(async () => (await db.doc(`users/${p.uid}`).get()).get('gamification.points') === 75, {
      what: 'the reversals applied',
    });

    const ledger = await db.collection(`users/${p.uid}/pointEvents`).get();
    const reversals = ledger.docs.filter((d) => d.get('reason') === 'refund_reversal');
    expect(reversals.map((d) => [d.id, d.get('points')]).sort()).toEqual(
      [
        [`reversal_course_${p.courseId}`, -100],
        [`reversal_lecture_${p.courseId}_l1`, -10],
        [`reversal_lecture_${p.courseId}_l2`, -10],
        [`reversal_quiz_${p.courseId}_final`, -50],
      ].sort(),
    );
    const user = (await db.doc(`users/${p.uid}`).get()).data() ?? {};
    expect(user.gamification).toMatchObject({ points: 75, level: 1, badges: [] });
    expect(user.stats).toMatchObject({ lecturesCompleted: 0, coursesCompleted: 0, perfectQuizzes: 0 });
    expect((await db.doc(`leaderboards/allTime/entries/${p.uid}`).get()).get('points')).toBe(75);

    const cert = (await db.doc(`certificates/${certificateId}`).get()).data() ?? {};
    expect(cert.revocation).toMatchObject({ reason: REFUND_REVOCATION_REASON, revokedBy: 'system:refund' });
    expect(await listSays(certificateId)).toBe(true);
    expect(
      (await db.doc(`notifications/${p.uid}/items/certificate_revoked_${certificateId}`).get()).exists,
    ).toBe(true);
    const enrollment = (await db.doc(`enrollments/${p.courseId}_${p.uid}`).get()).data() ?? {};
    expect(enrollment).toMatchObject({
      status: 'refunded',
      completedAt: null,
      certificateId: null,
      revokedCertificateId: certificateId,
      completedLectureIds: [],
    });
    expect(await counterOf(`courses/${p.courseId}`, 'completionCount')).toBe(0);
    expect((await db.doc(`payments/${p.paymentId}`).get()).get('pointsTakenBack')).toBe(170);

    // Running the follow-up again (a retried trigger, or the marker forced back) adds nothing.
    const key = devSigningKey(projectIdFromEnv());
    const now = new Date();
    const deps = { db, now, sign: { db, key, urls: issuerUrls('http://localhost:5173'), now } };
    expect(await takeBackRefundedRewards(deps, p.paymentId)).toEqual({ outcome: 'nothing-pending' });
    await db.doc(`payments/${p.paymentId}`).update({ rewardsReversal: 'pending' });
    const again = await Promise.all([
      takeBackRefundedRewards(deps, p.paymentId),
      takeBackRefundedRewards(deps, p.paymentId),
    ]);
    expect(again.map((r) => (r.outcome === 'reversed' ? r.entries : 0))).toEqual([0, 0]);
    expect((await db.collection(`users/${p.uid}/pointEvents`).get()).size).toBe(ledger.size);
    expect((await db.doc(`users/${p.uid}`).get()).get('stats')).toMatchObject({
      lecturesCompleted: 0,
      coursesCompleted: 0,
    });
  });

  it('takes nothing back for a partial refund (access stays) or a refund of a payment that granted nothing', async () => {
    const db = testDb();
    const p = await paidPurchase(learner.uid);
    const partial = chargeRefunded(p);
    (partial.data.object as { amount_refunded: number; refunded: boolean }).amount_refunded = 500;
    (partial.data.object as { amount_refunded: number; refunded: boolean }).refunded = false;
    expect((await deliverStripeEvent(partial)).body?.outcome).toBe('partially-refunded');
    const payment = await db.doc(`payments/${p.paymentId}`).get();
    expect(payment.get('rewardsReversal')).toBeUndefined();
    expect((await db.doc(`enrollments/${p.courseId}_${p.uid}`).get()).get('status')).toBe('active');
  });
});
