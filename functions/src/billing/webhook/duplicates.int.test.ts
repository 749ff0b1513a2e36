// Duplicate Stripe deliveries at the same moment (issue 14): 20 concurrent deliveries of one
// signed checkout.session.completed to the emulator's real stripeWebhook all answer 2xx (one
// `paid`, the rest `duplicate`) and the purchase takes effect exactly once.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../test/course-fixtures';
import { deleteUserData, emulatorsRunning, seedProfile, testDb, uniqueId } from '../../../test/emulator';
import { checkoutCompleted, deliverStripeEvent, type StripePurchase } from '../../../test/stripe-events';
import { warmWorkers } from '../../../test/warm-workers';
import { webhookUrl } from '../../../test/webhook-target';
import { counterOf, countersOf } from '../../../test/counters';

const PRICE = 4900;
const cleanup: { uids: string[]; courses: string[] } = { uids: [], courses: [] };

async function pendingPurchase(): Promise<StripePurchase & { instructorId: string }> {
  const db = testDb();
  const uid = uniqueId('dup-buyer');
  const instructorId = uniqueId('dup-instructor');
  cleanup.uids.push(uid, instructorId);
  await seedProfile(db, uid);
  await seedProfile(db, instructorId, { roles: ['educator'] });
  const { courseId } = await seedCourse(db, { instructorId, price: PRICE, title: 'Duplicates' });
  cleanup.courses.push(courseId);
  const payment = db.collection('payments').doc();
  const sessionId = `cs_test_${randomBytes(12).toString('hex')}`;
  await payment.set({
    uid,
    courseId,
    instructorId,
    courseTitle: 'Duplicates',
    amount: PRICE,
    currency: 'USD',
    status: 'pending',
    mode: 'stripe',
    stripeCheckoutSessionId: sessionId,
    stripePaymentIntentId: null,
    createdAt: new Date(),
  });
  return {
    paymentId: payment.id,
    courseId,
    uid,
    instructorId,
    sessionId,
    paymentIntentId: `pi_${randomBytes(10).toString('hex')}`,
    amount: PRICE,
  };
}

describe.skipIf(!emulatorsRunning)('stripeWebhook: concurrent duplicate deliveries', () => {
  afterAll(async () => {
    for (const courseId of cleanup.courses) await deleteCourse(testDb(), courseId).catch(() => {});
    for (const uid of cleanup.uids) await deleteUserData(testDb(), uid).catch(() => {});
  });

  it('20 deliveries of one checkout.session.completed at once: all 200, one paid, one enrolment, one credit', async () => {
    const p = await pendingPurchase();
    await warmWorkers(webhookUrl(), 20);
    const event = checkoutCompleted(p);
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliverStripeEvent(event)));

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const outcomes = answers.map((a) => a.body?.outcome);
    expect(outcomes.filter((o) => o === 'paid')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'paid').every((o) => o === 'duplicate')).toBe(true);
    expect(answers.every((a) => a.body?.paymentId === p.paymentId)).toBe(true);

    const db = testDb();
    const [payment, enrollments, course, entries, earnings, events, receipt] = await Promise.all([
      db.doc(`payments/${p.paymentId}`).get(),
      db.collection('enrollments').where('courseId', '==', p.courseId).get(),
      countersOf(`courses/${p.courseId}`),
      db.collection(`earnings/${p.instructorId}/entries`).get(),
      countersOf(`earnings/${p.instructorId}`),
      db.collection('stripeEvents').where('paymentId', '==', p.paymentId).get(),
      db.doc(`notifications/${p.uid}/items/payment_${p.paymentId}`).get(),
    ]);
    expect(payment.get('status')).toBe('paid');
    expect(enrollments.docs.map((d) => [d.id, d.get('status')])).toEqual([
      [`${p.courseId}_${p.uid}`, 'active'],
    ]);
    expect(course?.enrollmentCount).toBe(1);
    expect(entries.size).toBe(1);
    expect(earnings?.totals).toEqual({ USD: PRICE });
    expect(earnings?.paymentsCount).toBe(1);
    expect(events.docs.map((d) => d.id)).toEqual([event.id]);
    expect(receipt.exists).toBe(true);

    // A later redelivery (Stripe's retry) is a duplicate too, and changes nothing.
    expect(await deliverStripeEvent(event)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });
    expect(await counterOf(`courses/${p.courseId}`, 'enrollmentCount')).toBe(1);
  }, 600_000);
});
