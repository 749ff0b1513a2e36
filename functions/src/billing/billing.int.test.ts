import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import * as billingContracts from '@skillverse/domain/contracts/billing';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import {
  callFunction,
  deleteUserData,
  emulatorsRunning,
  recordTransactionReads,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { createCheckoutSession } from './create-checkout-session';
import { webhookSecret, webhookUrl } from '../../test/webhook-target';
import { createStripeClient, signStripePayload } from './stripe-config';
import { applyStripeEvent } from './webhook/handle-stripe-webhook';
import { countersOf } from '../../test/counters';

const PRICE = 4900;
const users: string[] = [];
const courses: string[] = [];
const instructors: string[] = [];
let instructor: SignedInUser;
let learner: SignedInUser;

async function postEvent(event: object, options: { secret?: string; signature?: string | null } = {}) {
  const payload = JSON.stringify(event);
  const signature =
    options.signature === undefined
      ? signStripePayload(payload, options.secret ?? webhookSecret())
      : options.signature;
  const res = await fetch(webhookUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

const evtId = () => `evt_test_${randomBytes(10).toString('hex')}`;

interface Purchase {
  paymentId: string;
  courseId: string;
  uid: string;
  instructorId: string;
  sessionId: string;
  paymentIntentId: string;
}

function event(type: string, object: object, id = evtId()) {
  return {
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  };
}

function completed(p: Purchase, id?: string, metadata = true) {
  return event(
    'checkout.session.completed',
    {
      id: p.sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: PRICE,
      currency: 'usd',
      client_reference_id: p.uid,
      customer: null,
      payment_intent: p.paymentIntentId,
      metadata: metadata ? { paymentId: p.paymentId, uid: p.uid, courseId: p.courseId } : {},
    },
    id,
  );
}

function refunded(p: Purchase, options: { metadata?: boolean; amountRefunded?: number } = {}, id?: string) {
  const amountRefunded = options.amountRefunded ?? PRICE;
  return event(
    'charge.refunded',
    {
      id: `ch_${p.paymentId}`,
      object: 'charge',
      amount: PRICE,
      amount_refunded: amountRefunded,
      refunded: amountRefunded >= PRICE,
      currency: 'usd',
      payment_intent: p.paymentIntentId,
      metadata:
        options.metadata === false ? {} : { paymentId: p.paymentId, uid: p.uid, courseId: p.courseId },
    },
    id,
  );
}

function expired(p: Purchase, id?: string) {
  return event(
    'checkout.session.expired',
    {
      id: p.sessionId,
      object: 'checkout.session',
      status: 'expired',
      payment_status: 'unpaid',
      amount_total: PRICE,
      currency: 'usd',
      payment_intent: null,
      metadata: { paymentId: p.paymentId, uid: p.uid, courseId: p.courseId },
    },
    id,
  );
}

/** A published paid course by a fresh instructor and a pending payment, as createCheckoutSession leaves it. */
async function purchase(uid = learner.uid): Promise<Purchase> {
  const instructorId = uniqueId('instructor');
  instructors.push(instructorId);
  const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE, title: 'Paid Course' });
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
  return {
    paymentId: paymentRef.id,
    courseId,
    uid,
    instructorId,
    sessionId,
    paymentIntentId: `pi_${randomBytes(10).toString('hex')}`,
  };
}

async function state(p: Purchase) {
  const db = testDb();
  const [payment, enrollment, course, entry, earnings, entries, enrollments, payments] = await Promise.all([
    db.doc(`payments/${p.paymentId}`).get(),
    db.doc(`enrollments/${p.courseId}_${p.uid}`).get(),
    countersOf(`courses/${p.courseId}`),
    db.doc(`earnings/${p.instructorId}/entries/${p.paymentId}`).get(),
    countersOf(`earnings/${p.instructorId}`),
    db.collection(`earnings/${p.instructorId}/entries`).get(),
    db.collection('enrollments').where('courseId', '==', p.courseId).get(),
    db.collection('payments').where('courseId', '==', p.courseId).get(),
  ]);
  return {
    paymentStatus: payment.get('status'),
    enrollmentStatus: enrollment.exists ? enrollment.get('status') : null,
    enrollments: enrollments.size,
    payments: payments.size,
    enrollmentCount: course?.enrollmentCount,
    entries: entries.size,
    entryStatus: entry.exists ? entry.get('status') : null,
    total: earnings ? (earnings.totals as Record<string, number> | undefined)?.USD : null,
  };
}

describe.skipIf(!emulatorsRunning)('billing', () => {
  beforeAll(async () => {
    instructor = await signedInUser({ displayName: 'Ina Instructor', claims: { educator: true } });
    learner = await signedInUser({ displayName: 'Pat Payer' });
    users.push(instructor.uid, learner.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const id of instructors) await testDb().recursiveDelete(testDb().doc(`earnings/${id}`));
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  describe(HTTP_FUNCTIONS.stripeWebhook, () => {
    it('answers 400 to a missing or bad signature and writes nothing', async () => {
      const p = await purchase();
      const e = completed(p);
      expect((await postEvent(e, { signature: null })).status).toBe(400);
      expect((await postEvent(e, { secret: 'whsec_not_the_right_one' })).status).toBe(400);
      expect((await postEvent(e, { signature: 't=1,v1=deadbeef' })).status).toBe(400);
      expect((await testDb().doc(`stripeEvents/${e.id}`).get()).exists).toBe(false);
      expect(await state(p)).toMatchObject({
        paymentStatus: 'pending',
        enrollments: 0,
        entries: 0,
        enrollmentCount: 0,
      });
    });

    it('acknowledges event types it does not handle without recording them', async () => {
      const e = event('customer.created', { id: 'cus_1', object: 'customer' });
      const res = await postEvent(e);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ received: true, ignored: true });
      expect((await testDb().doc(`stripeEvents/${e.id}`).get()).exists).toBe(false);
    });

    it('applies checkout.session.completed once when delivered five times: one payment, one enrolment, one credit', async () => {
      const p = await purchase();
      const e = completed(p);
      const results = await Promise.all([1, 2, 3].map(() => postEvent(e)));
      results.push(await postEvent(e), await postEvent(e));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect(results.filter((r) => r.body?.outcome === 'paid')).toHaveLength(1);
      expect(await state(p)).toEqual({
        paymentStatus: 'paid',
        enrollmentStatus: 'active',
        enrollments: 1,
        payments: 1,
        enrollmentCount: 1,
        entries: 1,
        entryStatus: 'credited',
        total: PRICE,
      });
      const payment = (await testDb().doc(`payments/${p.paymentId}`).get()).data();
      expect(payment).toMatchObject({
        amount: PRICE,
        currency: 'USD',
        stripeCheckoutSessionId: p.sessionId,
        stripePaymentIntentId: p.paymentIntentId,
      });
      const enrollment = (await testDb().doc(`enrollments/${p.courseId}_${p.uid}`).get()).data();
      expect(enrollment).toMatchObject({
        source: 'stripe',
        paymentId: p.paymentId,
        progress: 0,
        instructorId: p.instructorId,
      });
      expect((await testDb().doc(`stripeEvents/${e.id}`).get()).get('outcome')).toBe('paid');

      const receipt = await testDb().doc(`notifications/${p.uid}/items/payment_${p.paymentId}`).get();
      expect(receipt.get('type')).toBe('payment_receipt');
      expect(receipt.get('body')).toContain('$49.00');
    });

    it('treats a second completed event with another id for the same payment as already paid', async () => {
      const p = await purchase();
      await postEvent(completed(p));
      const second = await postEvent(completed(p));
      expect(second.body?.outcome).toBe('already-paid');
      expect(await state(p)).toMatchObject({ enrollments: 1, enrollmentCount: 1, entries: 1, total: PRICE });
    });

    it('finds the payment by checkout session id when the metadata is missing', async () => {
      const p = await purchase();
      const res = await postEvent(completed(p, undefined, false));
      expect(res.body?.outcome).toBe('paid');
      expect(await state(p)).toMatchObject({ paymentStatus: 'paid', enrollmentStatus: 'active', entries: 1 });
    });

    it('revokes on charge.refunded: payment and enrolment refunded, count and earnings reversed, once', async () => {
      const p = await purchase();
      await postEvent(completed(p));
      const r = refunded(p);
      const results = [await postEvent(r), await postEvent(r), await postEvent(refunded(p))];
      expect(results.map((x) => x.body?.outcome)).toEqual(['refunded', 'duplicate', 'already-refunded']);
      expect(await state(p)).toEqual({
        paymentStatus: 'refunded',
        enrollmentStatus: 'refunded',
        enrollments: 1,
        payments: 1,
        enrollmentCount: 0,
        entries: 1,
        entryStatus: 'reversed',
        total: 0,
      });
      expect((await countersOf(`earnings/${p.instructorId}`))?.refundsCount).toBe(1);

      // A late duplicate "completed" (new event id) must not grant access again.
      const late = await postEvent(completed(p));
      expect(late.body?.outcome).toBe('ignored-refunded');
      expect(await state(p)).toMatchObject({
        paymentStatus: 'refunded',
        enrollmentStatus: 'refunded',
        enrollmentCount: 0,
        total: 0,
      });
    });

    it('debits a partial refund from earnings and keeps access', async () => {
      const p = await purchase();
      await postEvent(completed(p));
      const res = await postEvent(refunded(p, { amountRefunded: 900 }));
      expect(res.body?.outcome).toBe('partially-refunded');
      expect(await state(p)).toMatchObject({
        paymentStatus: 'paid',
        enrollmentStatus: 'active',
        total: PRICE - 900,
      });
    });

    it('out of order: a refund before completion stands; the late completed grants nothing', async () => {
      const p = await purchase();
      expect((await postEvent(refunded(p))).body?.outcome).toBe('refunded');
      const late = completed(p);
      for (let i = 0; i < 3; i++) await postEvent(late);
      expect(await state(p)).toMatchObject({
        paymentStatus: 'refunded',
        enrollmentStatus: null,
        enrollments: 0,
        enrollmentCount: 0,
        entries: 0,
      });
    });

    it('out of order: a refund known only by payment intent blocks the later completed', async () => {
      const p = await purchase();
      expect((await postEvent(refunded(p, { metadata: false }))).body?.outcome).toBe('refund-unmatched');
      const late = await postEvent(completed(p));
      expect(late.body?.outcome).toBe('ignored-refunded');
      expect(await state(p)).toMatchObject({
        paymentStatus: 'refunded',
        enrollments: 0,
        entries: 0,
        enrollmentCount: 0,
      });
    });

    it('out of order: a refund recorded only as a refund-unmatched stripeEvents record (before markers) blocks the later completed', async () => {
      const p = await purchase();
      await testDb().doc(`stripeEvents/${evtId()}`).set({
        type: 'charge.refunded',
        outcome: 'refund-unmatched',
        paymentId: null,
        paymentIntentId: p.paymentIntentId,
        processedAt: new Date(),
      });
      expect((await postEvent(completed(p))).body?.outcome).toBe('ignored-refunded');
      expect(await state(p)).toMatchObject({ paymentStatus: 'refunded', enrollments: 0, entries: 0 });
    });

    it('locks only what is its own: the transaction reads the event, payment, enrolment, earnings entry and refund marker, never the course or the earnings total', async () => {
      // Regression (bench:faults scenario 2): reading the course (or querying stripeEvents) in the
      // transaction made 50 simultaneous purchases of one course time out on its lock (44 × 500).
      const p = await purchase();
      const paid = recordTransactionReads(testDb());
      const e = completed(p);
      // biome-ignore lint/suspicious/noExplicitAny: a hand-built Stripe event
      expect((await applyStripeEvent({ db: paid.db, now: new Date() }, e as any)).outcome).toBe('paid');
      expect([...new Set(paid.reads)].sort()).toEqual(
        [
          `stripeEvents/${e.id}`,
          `payments/${p.paymentId}`,
          `enrollments/${p.courseId}_${p.uid}`,
          `stripeRefundMarkers/${p.paymentIntentId}`,
          `earnings/${p.instructorId}/entries/${p.paymentId}`,
        ].sort(),
      );
      expect(await state(p)).toMatchObject({ enrollmentCount: 1, total: PRICE, entries: 1 });

      const refund = recordTransactionReads(testDb());
      const r = refunded(p);
      // biome-ignore lint/suspicious/noExplicitAny: a hand-built Stripe event
      expect((await applyStripeEvent({ db: refund.db, now: new Date() }, r as any)).outcome).toBe('refunded');
      expect([...new Set(refund.reads)].sort()).toEqual(
        [
          `stripeEvents/${r.id}`,
          `payments/${p.paymentId}`,
          `enrollments/${p.courseId}_${p.uid}`,
          `earnings/${p.instructorId}/entries/${p.paymentId}`,
        ].sort(),
      );
      expect(await state(p)).toMatchObject({ enrollmentStatus: 'refunded', enrollmentCount: 0, total: 0 });
    });

    it('pays and enrols 12 buyers of one course delivered at once, each on its first delivery, with exact counters', async () => {
      const instructorId = uniqueId('instructor');
      instructors.push(instructorId);
      const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE, title: 'Busy Course' });
      courses.push(courseId);
      const buyers = Array.from({ length: 12 }, () => uniqueId('buyer'));
      const purchases: Purchase[] = await Promise.all(
        buyers.map(async (uid) => {
          const ref = testDb().collection('payments').doc();
          const sessionId = `cs_test_${randomBytes(12).toString('hex')}`;
          await ref.set({
            uid,
            courseId,
            instructorId,
            courseTitle: 'Busy Course',
            amount: PRICE,
            currency: 'USD',
            status: 'pending',
            mode: 'stripe',
            stripeCheckoutSessionId: sessionId,
            stripePaymentIntentId: null,
            createdAt: new Date(),
          });
          return {
            paymentId: ref.id,
            courseId,
            uid,
            instructorId,
            sessionId,
            paymentIntentId: `pi_${randomBytes(10).toString('hex')}`,
          };
        }),
      );
      // Straight to the handler (the HTTP path is covered above): 12 transactions at once.
      const outcomes = await Promise.all(
        purchases.map((p) =>
          // biome-ignore lint/suspicious/noExplicitAny: a hand-built Stripe event
          applyStripeEvent({ db: testDb(), now: new Date() }, completed(p) as any).then((r) => r.outcome),
        ),
      );
      expect(outcomes).toEqual(purchases.map(() => 'paid'));
      const [course, earnings, entries] = await Promise.all([
        countersOf(`courses/${courseId}`),
        countersOf(`earnings/${instructorId}`),
        testDb().collection(`earnings/${instructorId}/entries`).get(),
      ]);
      expect(course?.enrollmentCount).toBe(12);
      expect(earnings?.totals).toEqual({ USD: 12 * PRICE });
      expect(earnings?.paymentsCount).toBe(12);
      expect(entries.size).toBe(12);
      for (const uid of buyers) await deleteUserData(testDb(), uid);
    });

    it('expired only ends a pending payment: after completion it changes nothing', async () => {
      const paidFirst = await purchase();
      await postEvent(completed(paidFirst));
      expect((await postEvent(expired(paidFirst))).body?.outcome).toBe('ignored-not-pending');
      expect(await state(paidFirst)).toMatchObject({
        paymentStatus: 'paid',
        enrollmentStatus: 'active',
        enrollmentCount: 1,
      });

      const abandoned = await purchase();
      expect((await postEvent(expired(abandoned))).body?.outcome).toBe('expired');
      expect(await state(abandoned)).toMatchObject({ paymentStatus: 'failed', enrollments: 0, entries: 0 });
    });
  });

  describe(billingContracts.createCheckoutSession.name, () => {
    it('requires sign-in', async () => {
      const res = await callFunction(billingContracts.createCheckoutSession, { courseId: 'x' });
      expect(res.error?.status).toBe('UNAUTHENTICATED');
    });

    it.each([
      [{}, 'courseId'],
      [{ courseId: 'c', successUrl: 'javascript:alert(1)' }, 'successUrl'],
      [{ courseId: 'c', cancelUrl: 'not a url' }, 'cancelUrl'],
      [{ courseId: 'c', coupon: 'FREE' }, 'coupon'],
      // bench:faults: ids Firestore refuses were an internal error from the database call.
      [{ courseId: '__reserved__' }, 'courseId'],
      [{ courseId: '..' }, 'courseId'],
    ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, field) => {
      const res = await callFunction(billingContracts.createCheckoutSession, data, learner.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
      const mine = await testDb()
        .collection('payments')
        .where('uid', '==', learner.uid)
        .where('mode', '==', 'local')
        .get();
      expect(mine.size).toBe(0);
    });

    it('refuses free courses, own courses and learners already enrolled', async () => {
      const free = await seedCourse(testDb(), { instructorId: instructor.uid });
      const paid = await seedCourse(testDb(), { instructorId: instructor.uid, price: PRICE });
      courses.push(free.courseId, paid.courseId);
      expect(
        (
          await callFunction(
            billingContracts.createCheckoutSession,
            { courseId: free.courseId },
            learner.token,
          )
        ).error?.status,
      ).toBe('FAILED_PRECONDITION');
      expect(
        (
          await callFunction(
            billingContracts.createCheckoutSession,
            { courseId: paid.courseId },
            instructor.token,
          )
        ).error?.status,
      ).toBe('FAILED_PRECONDITION');
      await testDb()
        .doc(`enrollments/${paid.courseId}_${learner.uid}`)
        .set({ uid: learner.uid, courseId: paid.courseId, status: 'active' });
      expect(
        (
          await callFunction(
            billingContracts.createCheckoutSession,
            { courseId: paid.courseId },
            learner.token,
          )
        ).error?.status,
      ).toBe('ALREADY_EXISTS');
    });

    it('with a Stripe key: creates a Checkout Session from the course and a pending payment (fake Stripe API)', async () => {
      const requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] =
        [];
      const server: Server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => {
          body += c;
        });
        req.on('end', () => {
          requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
          res.setHeader('content-type', 'application/json');
          res.setHeader('request-id', 'req_fake');
          res.end(
            JSON.stringify({
              id: 'cs_test_fake123',
              object: 'checkout.session',
              url: 'https://checkout.stripe.test/c/pay/cs_test_fake123',
              mode: 'payment',
            }),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const paid = await seedCourse(testDb(), {
          instructorId: instructor.uid,
          price: PRICE,
          title: 'Stripe Course',
        });
        courses.push(paid.courseId);
        const result = await createCheckoutSession(
          {
            db: testDb(),
            now: new Date(),
            stripe: createStripeClient('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http' }),
            allowLocalCheckout: false,
            appUrl: 'http://localhost:5173',
          },
          { uid: learner.uid, email: learner.email },
          { courseId: paid.courseId },
        );
        expect(result).toEqual({
          mode: 'stripe',
          url: 'https://checkout.stripe.test/c/pay/cs_test_fake123',
          sessionId: 'cs_test_fake123',
          paymentId: expect.any(String),
        });
        expect(requests).toHaveLength(1);
        const req = requests[0]!;
        expect(req.method).toBe('POST');
        expect(req.url).toBe('/v1/checkout/sessions');
        expect(req.headers['idempotency-key']).toBe(`checkout_${result.paymentId}`);
        const form = new URLSearchParams(req.body);
        expect(form.get('mode')).toBe('payment');
        expect(form.get('client_reference_id')).toBe(learner.uid);
        expect(form.get('line_items[0][price_data][unit_amount]')).toBe(String(PRICE));
        expect(form.get('line_items[0][price_data][currency]')).toBe('usd');
        expect(form.get('line_items[0][price_data][product_data][name]')).toBe('Stripe Course');
        expect(form.get('metadata[paymentId]')).toBe(result.paymentId);
        expect(form.get('metadata[courseId]')).toBe(paid.courseId);
        expect(form.get('metadata[uid]')).toBe(learner.uid);
        expect(form.get('payment_intent_data[metadata][paymentId]')).toBe(result.paymentId);
        expect(form.get('success_url')).toContain(`/courses/${paid.courseId}?checkout=success`);

        const payment = (await testDb().doc(`payments/${result.paymentId}`).get()).data();
        expect(payment).toMatchObject({
          uid: learner.uid,
          courseId: paid.courseId,
          amount: PRICE,
          currency: 'USD',
          status: 'pending',
          mode: 'stripe',
          stripeCheckoutSessionId: 'cs_test_fake123',
        });
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('createCheckoutSession without the emulator or with Stripe failing', () => {
    it('refuses paid checkout outside the emulator when no Stripe key is configured, writing nothing', async () => {
      const paid = await seedCourse(testDb(), { instructorId: instructor.uid, price: PRICE });
      courses.push(paid.courseId);
      await expect(
        createCheckoutSession(
          {
            db: testDb(),
            now: new Date(),
            stripe: null,
            allowLocalCheckout: false,
            appUrl: 'http://localhost:5173',
          },
          { uid: learner.uid },
          { courseId: paid.courseId },
        ),
      ).rejects.toMatchObject({ code: 'failed-precondition' });
      expect((await testDb().collection('payments').where('courseId', '==', paid.courseId).get()).size).toBe(
        0,
      );
    });

    it('answers unavailable and writes no payment when the Stripe API refuses', async () => {
      const server: Server = createServer((_req, res) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: { type: 'api_error', message: 'boom' } }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const paid = await seedCourse(testDb(), { instructorId: instructor.uid, price: PRICE });
        courses.push(paid.courseId);
        const stripe = createStripeClient('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http' });
        await expect(
          createCheckoutSession(
            {
              db: testDb(),
              now: new Date(),
              stripe,
              allowLocalCheckout: false,
              appUrl: 'http://localhost:5173',
            },
            { uid: learner.uid },
            { courseId: paid.courseId },
          ),
        ).rejects.toMatchObject({ code: 'unavailable' });
        expect(
          (await testDb().collection('payments').where('courseId', '==', paid.courseId).get()).size,
        ).toBe(0);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });

  describe('local test checkout (no Stripe key)', () => {
    it('runs end to end through the webhook: pending payment → paid → enrolled, with a receipt', async () => {
      const buyer = await signedInUser({ displayName: 'Local Buyer' });
      users.push(buyer.uid);
      const instructorId = uniqueId('instructor');
      instructors.push(instructorId);
      const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE, title: 'Local Course' });
      courses.push(courseId);

      const created = await callFunction(billingContracts.createCheckoutSession, { courseId }, buyer.token);
      expect(created.error).toBeUndefined();
      expect(created.result).toMatchObject({
        mode: 'local',
        url: `/checkout/local?payment=${created.result?.paymentId}`,
      });
      const paymentId = created.result!.paymentId;
      expect((await testDb().doc(`payments/${paymentId}`).get()).get('status')).toBe('pending');

      const other = await signedInUser();
      users.push(other.uid);
      expect(
        (
          await callFunction(
            billingContracts.completeLocalCheckout,
            { paymentId, outcome: 'paid' },
            other.token,
          )
        ).error?.status,
      ).toBe('PERMISSION_DENIED');
      expect(
        (
          await callFunction(
            billingContracts.completeLocalCheckout,
            { paymentId, outcome: 'refund' },
            buyer.token,
          )
        ).error?.status,
      ).toBe('INVALID_ARGUMENT');
      expect(
        (await callFunction(billingContracts.completeLocalCheckout, { paymentId, outcome: 'paid' })).error
          ?.status,
      ).toBe('UNAUTHENTICATED');

      const done = await callFunction(
        billingContracts.completeLocalCheckout,
        { paymentId, outcome: 'paid' },
        buyer.token,
      );
      expect(done.error).toBeUndefined();
      expect(done.result).toMatchObject({ paymentId, status: 'paid', enrolled: true });
      expect(done.result?.eventId).toMatch(/^evt_local_/);
      expect((await testDb().doc(`stripeEvents/${done.result?.eventId}`).get()).get('outcome')).toBe('paid');
      const p: Purchase = {
        paymentId,
        courseId,
        uid: buyer.uid,
        instructorId,
        sessionId: '',
        paymentIntentId: '',
      };
      expect(await state(p)).toMatchObject({
        paymentStatus: 'paid',
        enrollmentStatus: 'active',
        enrollmentCount: 1,
        entries: 1,
        total: PRICE,
      });
      expect((await testDb().doc(`notifications/${buyer.uid}/items/payment_${paymentId}`).get()).exists).toBe(
        true,
      );

      const repeat = await callFunction(
        billingContracts.completeLocalCheckout,
        { paymentId, outcome: 'paid' },
        buyer.token,
      );
      expect(repeat.result).toMatchObject({ status: 'paid', eventId: '' });
      expect(await state(p)).toMatchObject({ enrollmentCount: 1, entries: 1, total: PRICE });
    });

    it('a declined local payment marks the payment failed and enrols nobody', async () => {
      const instructorId = uniqueId('instructor');
      instructors.push(instructorId);
      const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE });
      courses.push(courseId);
      const created = await callFunction(billingContracts.createCheckoutSession, { courseId }, learner.token);
      const paymentId = created.result!.paymentId;
      const res = await callFunction(
        billingContracts.completeLocalCheckout,
        { paymentId, outcome: 'failed' },
        learner.token,
      );
      expect(res.result).toMatchObject({ status: 'failed', enrolled: false });
      const payment = await testDb().doc(`payments/${paymentId}`).get();
      expect(payment.get('failureReason')).toContain('declined');
    });
  });
});
