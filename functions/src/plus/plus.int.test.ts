// Plus membership against the emulators (issue 18 items 2–4, 6): signed subscription and invoice
// events through the real stripeWebhook (every status transition, duplicates, out-of-order, 20
// concurrent deliveries), the local checkout and portal, startPlusLearning and a lapsed Plus
// enrolment that can no longer earn.
import * as billing from '@skillverse/domain/contracts/billing';
import * as courses from '@skillverse/domain/contracts/courses';
import * as plus from '@skillverse/domain/contracts/plus-membership';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, enrol, seedCourse, signedInUser } from '../../test/course-fixtures';
import {
  callFunction,
  deleteUserData,
  emulatorsRunning,
  seedProfile,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { invoiceEvent, subscriptionEvent, subscriptionState } from '../../test/plus-events';
import { deliverStripeEvent } from '../../test/stripe-events';
import { warmWorkers } from '../../test/warm-workers';
import { webhookUrl } from '../../test/webhook-target';
import { countersOf } from '../../test/counters';

const cleanup: { uids: string[]; courses: string[] } = { uids: [], courses: [] };
const nowSec = () => Math.floor(Date.now() / 1000);
const subDoc = (uid: string) => testDb().doc(`users/${uid}/private/subscription`);

async function subscriber() {
  const uid = uniqueId('plus-sub');
  cleanup.uids.push(uid);
  await seedProfile(testDb(), uid);
  return uid;
}

describe.skipIf(!emulatorsRunning)('Plus membership: webhooks keep the subscription', () => {
  afterAll(async () => {
    for (const courseId of cleanup.courses) await deleteCourse(testDb(), courseId).catch(() => {});
    for (const uid of cleanup.uids) await deleteUserData(testDb(), uid).catch(() => {});
  });

  it('every status transition follows the subscription object; duplicates and older events change nothing', async () => {
    const uid = await subscriber();
    const s = subscriptionState(uid);
    // The customer → user mapping the checkout records (the webhook prefers it to metadata).
    await testDb().doc(`stripeCustomers/${s.customer}`).set({ uid, createdAt: new Date() });
    const t = nowSec() - 100;
    const read = async () => (await subDoc(uid).get()).data();

    const created = subscriptionEvent('customer.subscription.created', s, t);
    expect(await deliverStripeEvent(created)).toMatchObject({
      status: 200,
      body: { outcome: 'subscription-updated' },
    });
    expect(await read()).toMatchObject({
      subscriptionId: s.id,
      customerId: s.customer,
      plan: 'monthly',
      status: 'active',
      cancelAtPeriodEnd: false,
      pastDueSince: null,
    });
    expect((await read())?.currentPeriodEnd.toMillis()).toBe(Math.floor(s.periodEnd.getTime() / 1000) * 1000);
    // A duplicate delivery: recorded once.
    expect(await deliverStripeEvent(created)).toMatchObject({ status: 200, body: { outcome: 'duplicate' } });

    await deliverStripeEvent(
      subscriptionEvent('customer.subscription.updated', { ...s, cancelAtPeriodEnd: true }, t + 10),
    );
    expect(await read()).toMatchObject({ status: 'active', cancelAtPeriodEnd: true });
    await deliverStripeEvent(
      subscriptionEvent('customer.subscription.updated', { ...s, cancelAtPeriodEnd: false }, t + 20),
    );
    expect(await read()).toMatchObject({ status: 'active', cancelAtPeriodEnd: false });

    // Renewal fails: past_due starts the grace period at the event's time, kept while past due.
    await deliverStripeEvent(invoiceEvent('invoice.payment_failed', { ...s, status: 'past_due' }, t + 29));
    await deliverStripeEvent(
      subscriptionEvent('customer.subscription.updated', { ...s, status: 'past_due' }, t + 30),
    );
    expect((await read())?.pastDueSince.toMillis()).toBe((t + 30) * 1000);
    await deliverStripeEvent(
      subscriptionEvent('customer.subscription.updated', { ...s, status: 'past_due' }, t + 35),
    );
    expect((await read())?.pastDueSince.toMillis()).toBe((t + 30) * 1000);
    await deliverStripeEvent(
      subscriptionEvent('customer.subscription.updated', { ...s, status: 'active', plan: 'yearly' }, t + 40),
    );
    expect(await read()).toMatchObject({ status: 'active', plan: 'yearly', pastDueSince: null });

    // Out of order: the deletion (t+60) arrives before an update made earlier (t+50).
    const deleted = subscriptionEvent('customer.subscription.deleted', { ...s, status: 'canceled' }, t + 60);
    const earlier = subscriptionEvent('customer.subscription.updated', { ...s, status: 'active' }, t + 50);
    expect(await deliverStripeEvent(deleted)).toMatchObject({
      status: 200,
      body: { outcome: 'subscription-updated' },
    });
    expect(await deliverStripeEvent(earlier)).toMatchObject({
      status: 200,
      body: { outcome: 'subscription-stale' },
    });
    expect(await read()).toMatchObject({ status: 'canceled', stripeUpdatedAt: expect.anything() });
    expect((await read())?.stripeUpdatedAt.toMillis()).toBe((t + 60) * 1000);

    // The notices, once each: welcome, cancellation, payment failed, ended.
    const items = await testDb().collection(`notifications/${uid}/items`).get();
    const ids = items.docs.map((d) => d.id).sort();
    expect(ids.some((id) => id === `plus_welcome_${s.id}`)).toBe(true);
    expect(ids.some((id) => id.startsWith(`plus_cancel_${s.id}_`))).toBe(true);
    expect(ids.some((id) => id.startsWith('plus_payment_failed_'))).toBe(true);
    expect(ids.some((id) => id === `plus_ended_${s.id}`)).toBe(true);
  }, 300_000);

  it('20 concurrent deliveries of one invoice.paid record one plusInvoices document, exactly the shared shape', async () => {
    const uid = await subscriber();
    const s = subscriptionState(uid, { plan: 'monthly' });
    const t = nowSec() - 10;
    await deliverStripeEvent(subscriptionEvent('customer.subscription.created', s, t));
    const invoiceId = `in_test_${uniqueId('c20')}`;
    const event = invoiceEvent('invoice.paid', s, t + 1, invoiceId);
    await warmWorkers(webhookUrl(), 20);
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliverStripeEvent(event)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    const outcomes = answers.map((a) => a.body?.outcome);
    expect(outcomes.filter((o) => o === 'invoice-recorded')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'invoice-recorded').every((o) => o === 'duplicate')).toBe(true);

    const invoices = await testDb().collection('plusInvoices').where('uid', '==', uid).get();
    expect(invoices.docs.map((d) => d.id)).toEqual([invoiceId]);
    const d = invoices.docs[0]?.data() ?? {};
    expect(Object.keys(d).sort()).toEqual(
      [
        'amountPaid',
        'amountRefunded',
        'createdAt',
        'currency',
        'invoiceId',
        'month',
        'paidAt',
        'plan',
        'subscriptionId',
        'uid',
      ].sort(),
    );
    expect(d).toMatchObject({
      invoiceId,
      uid,
      subscriptionId: s.id,
      plan: 'monthly',
      amountPaid: 1999,
      currency: 'USD',
      amountRefunded: 0,
      month: new Date((t + 1) * 1000).toISOString().slice(0, 7),
    });
    expect((await testDb().doc(`notifications/${uid}/items/plus_receipt_${invoiceId}`).get()).exists).toBe(
      true,
    );
    // A second delivery later (Stripe's retry), and a fresh event for the same invoice: still one.
    const again = { ...event, id: `${event.id}_again` };
    expect(await deliverStripeEvent(again)).toMatchObject({
      status: 200,
      body: { outcome: 'invoice-already-recorded' },
    });
    expect((await testDb().collection('plusInvoices').where('uid', '==', uid).get()).size).toBe(1);
  }, 300_000);

  it('a late event about an earlier subscription never replaces the newer one that grants access', async () => {
    const uid = await subscriber();
    const old = subscriptionState(uid);
    const fresh = subscriptionState(uid, { customer: old.customer });
    const t = nowSec() - 50;
    await deliverStripeEvent(subscriptionEvent('customer.subscription.created', fresh, t));
    expect(
      await deliverStripeEvent(
        subscriptionEvent(
          'customer.subscription.deleted',
          { ...old, status: 'canceled', periodEnd: new Date() },
          t + 5,
        ),
      ),
    ).toMatchObject({ status: 200, body: { outcome: 'subscription-other' } });
    expect((await subDoc(uid).get()).data()).toMatchObject({ subscriptionId: fresh.id, status: 'active' });
  }, 120_000);
});

describe.skipIf(!emulatorsRunning)(
  'Plus membership: local checkout, portal and learning through Plus',
  () => {
    it('subscribes through the local checkout, starts a Plus course, cancels, resumes, switches plan; a lapsed Plus enrolment cannot earn', async () => {
      const db = testDb();
      const learner = await signedInUser({ displayName: 'Plus Learner' });
      const instructorId = uniqueId('plus-instructor');
      cleanup.uids.push(learner.uid, instructorId);
      await seedProfile(db, instructorId, { roles: ['educator'] });
      const { courseId, lectureIds } = await seedCourse(db, {
        instructorId,
        price: 4900,
        title: 'Plus course',
      });
      const excluded = await seedCourse(db, { instructorId, price: 4900, title: 'Excluded' });
      const free = await seedCourse(db, { instructorId, price: 0, title: 'Free' });
      cleanup.courses.push(courseId, excluded.courseId, free.courseId);
      await db.doc(`courses/${excluded.courseId}`).update({ plusExcluded: true });

      // Not a subscriber yet: no Plus learning.
      expect((await callFunction(plus.startPlusLearning, { courseId }, learner.token)).error?.status).toBe(
        'PERMISSION_DENIED',
      );

      const checkout = await callFunction(plus.createPlusCheckoutSession, { plan: 'monthly' }, learner.token);
      expect(checkout.result).toMatchObject({ mode: 'local', url: '/plus/checkout/local?plan=monthly' });
      const paid = await callFunction(
        plus.completeLocalPlusCheckout,
        { plan: 'monthly', outcome: 'paid' },
        learner.token,
      );
      expect(paid.result).toMatchObject({ status: 'active' });
      expect(paid.result?.eventIds).toHaveLength(2);
      const account = await db.doc(`users/${learner.uid}/private/account`).get();
      expect(account.get('stripeCustomerId')).toBe(`cus_local_${learner.uid}`);
      expect((await db.doc(`stripeCustomers/cus_local_${learner.uid}`).get()).get('uid')).toBe(learner.uid);
      expect((await db.collection('plusInvoices').where('uid', '==', learner.uid).get()).size).toBe(1);
      // Paying again while subscribed sends nothing.
      expect(
        (
          await callFunction(
            plus.completeLocalPlusCheckout,
            { plan: 'monthly', outcome: 'paid' },
            learner.token,
          )
        ).result?.eventIds,
      ).toEqual([]);

      const started = await callFunction(plus.startPlusLearning, { courseId }, learner.token);
      expect(started.result).toEqual({ enrollmentId: `${courseId}_${learner.uid}`, alreadyEnrolled: false });
      expect(
        (await callFunction(plus.startPlusLearning, { courseId }, learner.token)).result?.alreadyEnrolled,
      ).toBe(true);
      const enrollment = await db.doc(`enrollments/${courseId}_${learner.uid}`).get();
      expect(enrollment.data()).toMatchObject({ source: 'plus', status: 'active', paymentId: null });
      const course = await countersOf(`courses/${courseId}`);
      expect([course?.enrollmentCount, course?.plusEnrollmentCount]).toEqual([1, 1]);
      expect((await db.collection('payments').where('uid', '==', learner.uid).get()).size).toBe(0);
      expect(
        (await callFunction(plus.startPlusLearning, { courseId: excluded.courseId }, learner.token)).error
          ?.status,
      ).toBe('FAILED_PRECONDITION');
      expect(
        (await callFunction(plus.startPlusLearning, { courseId: free.courseId }, learner.token)).error
          ?.status,
      ).toBe('FAILED_PRECONDITION');

      // Watching counts while Plus lasts.
      const lectureId = lectureIds[0] ?? 'l1';
      const tick = { courseId, lectureId, event: 'start' as const };
      expect((await callFunction(courses.recordLectureProgress, tick, learner.token)).error).toBeUndefined();

      // The local portal: cancel at period end (access kept), resume, switch to yearly.
      const portal = await callFunction(plus.createPlusPortalSession, {}, learner.token);
      expect(portal.result).toEqual({ mode: 'local', url: '/plus/portal/local' });
      await callFunction(plus.localPlusPortalAction, { action: 'cancel' }, learner.token);
      expect((await subDoc(learner.uid).get()).get('cancelAtPeriodEnd')).toBe(true);
      expect((await callFunction(courses.recordLectureProgress, tick, learner.token)).error).toBeUndefined();
      await callFunction(plus.localPlusPortalAction, { action: 'resume' }, learner.token);
      expect((await subDoc(learner.uid).get()).get('cancelAtPeriodEnd')).toBe(false);
      const switched = await callFunction(
        plus.localPlusPortalAction,
        { action: 'switch-plan', plan: 'yearly' },
        learner.token,
      );
      expect(switched.error).toBeUndefined();
      expect((await subDoc(learner.uid).get()).get('plan')).toBe('yearly');
      expect((await db.collection('plusInvoices').where('uid', '==', learner.uid).get()).size).toBe(2);

      // Cancelled and the period over (the clock moved in the data): the Plus enrolment stops earning.
      await callFunction(plus.localPlusPortalAction, { action: 'cancel' }, learner.token);
      await subDoc(learner.uid).update({ currentPeriodEnd: new Date(Date.now() - 60_000) });
      const lapsed = await callFunction(courses.recordLectureProgress, tick, learner.token);
      expect(lapsed.error?.status).toBe('PERMISSION_DENIED');
      expect(lapsed.error?.message).toMatch(/Plus membership/);
      // Its progress stays.
      expect((await db.doc(`enrollments/${courseId}_${learner.uid}`).get()).get('status')).toBe('active');

      // Bought outright after all: the enrolment becomes a purchase and earns again, without Plus.
      const buy = await callFunction(billing.createCheckoutSession, { courseId }, learner.token);
      expect(buy.error).toBeUndefined();
      const paymentId = new URL(buy.result?.url ?? '', 'http://x').searchParams.get('payment') ?? '';
      const bought = await callFunction(
        billing.completeLocalCheckout,
        { paymentId, outcome: 'paid' },
        learner.token,
      );
      expect(bought.result).toMatchObject({ status: 'paid', enrolled: true });
      expect((await db.doc(`enrollments/${courseId}_${learner.uid}`).get()).data()).toMatchObject({
        source: 'stripe',
        paymentId,
      });
      const recount = await countersOf(`courses/${courseId}`);
      expect([recount?.enrollmentCount, recount?.plusEnrollmentCount]).toEqual([1, 0]);
      expect((await callFunction(courses.recordLectureProgress, tick, learner.token)).error).toBeUndefined();
    }, 300_000);

    it('bought enrolments are untouched by Plus: a lapsed subscriber still earns in a course bought outright', async () => {
      const db = testDb();
      const learner = await signedInUser({ displayName: 'Buyer' });
      const instructorId = uniqueId('plus-instructor');
      cleanup.uids.push(learner.uid, instructorId);
      await seedProfile(db, instructorId, { roles: ['educator'] });
      const { courseId, lectureIds } = await seedCourse(db, { instructorId, price: 4900 });
      cleanup.courses.push(courseId);
      await enrol(db, courseId, learner.uid, instructorId, 'stripe');
      await subDoc(learner.uid).set({
        subscriptionId: 'sub_x',
        customerId: 'cus_x',
        plan: 'monthly',
        status: 'canceled',
        currentPeriodEnd: new Date(Date.now() - 86_400_000),
        cancelAtPeriodEnd: false,
        stripeUpdatedAt: new Date(),
        updatedAt: new Date(),
        pastDueSince: null,
      });
      const res = await callFunction(
        courses.recordLectureProgress,
        { courseId, lectureId: lectureIds[0] ?? 'l1', event: 'start' },
        learner.token,
      );
      expect(res.error).toBeUndefined();
    }, 120_000);
  },
);
