// checkout.session.completed (grant access, credit the instructor), checkout.session.expired and
// payment_intent.payment_failed (a payment still in flight ends). Each runs inside the webhook's
// one transaction per event (see handle-stripe-webhook.ts) and reads only per-payment documents.
import type { Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import { num, str } from '@skillverse/domain/fields';
import { courseRef } from '../../lib/data/courses';
import { earningEntryRef, earningsRef } from '../../lib/data/earnings';
import { incrementSharded } from '../../lib/sharded-counter';
import { enrollmentRef, newEnrollmentData } from '../../lib/data/enrollments';
import { stripeRefundMarkerRef } from '../../lib/data/payments';
import {
  type Applied,
  type EventInputs,
  type FoundPayment,
  findPayment,
  idOf,
  metadataOf,
  type WebhookDeps,
} from './webhook-data';

export async function applyCheckoutCompleted(
  deps: WebhookDeps,
  tx: Transaction,
  inputs: EventInputs,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<Applied> {
  const { db, now } = deps;
  const meta = metadataOf(session.metadata);
  const paymentIntentId = idOf(session.payment_intent);
  const { ref: paymentRef, snap: paymentSnap } = await findPayment(
    db,
    tx,
    meta.paymentId,
    'stripeCheckoutSessionId',
    session.id,
  );
  const payment = paymentSnap?.data() ?? {};
  const uid = str(payment.uid) || meta.uid || session.client_reference_id || '';
  const courseId = str(payment.courseId) || meta.courseId;
  const base = { paymentId: paymentRef.id, checkoutSessionId: session.id, paymentIntentId };
  if (!uid || !courseId) {
    logger.warn('stripe webhook: completed session matches no payment', {
      eventId: event.id,
      sessionId: session.id,
    });
    return { outcome: 'unmatched', paymentId: null, record: { ...base, paymentId: null } };
  }

  const cRef = courseRef(db, courseId);
  const eRef = enrollmentRef(db, courseId, uid);
  // The course is read outside the transaction (courseReader); the enrolment, per learner and
  // course, decides whether this payment creates or reactivates it.
  const course = await inputs.courses(courseId);
  const enrollmentSnap = await tx.get(eRef);
  // For the students view: the learner's name, read before the transaction (readInputs).
  const learnerName = inputs.learnerName ?? '';
  // A full refund that came before we knew the payment left a marker keyed by its payment intent:
  // a document read (per payment), not a query, so purchases don't contend on a query's range.
  const markerSnap = paymentIntentId ? await tx.get(stripeRefundMarkerRef(db, paymentIntentId)) : null;
  const refundedEarlier = Boolean(markerSnap?.exists) || inputs.legacyUnmatchedRefund;
  const instructorId = str(payment.instructorId) || course?.instructorId || '';
  const entryRef = instructorId ? earningEntryRef(db, instructorId, paymentRef.id) : null;
  const entrySnap = entryRef ? await tx.get(entryRef) : null;

  const amount = session.amount_total ?? num(payment.amount);
  const currency = (session.currency ?? str(payment.currency, 'usd')).toUpperCase();
  const stripeIds = {
    stripeCheckoutSessionId: session.id,
    stripePaymentIntentId: paymentIntentId,
    updatedAt: now,
  };
  const paymentBase = {
    uid,
    courseId,
    instructorId: instructorId || null,
    courseTitle: course?.title ?? str(payment.courseTitle),
    amount,
    currency,
    createdAt: payment.createdAt ?? now,
    mode: str(payment.mode) || (session.id.startsWith('cs_local_') ? 'local' : 'stripe'),
  };

  if (payment.status === 'refunded' || refundedEarlier) {
    // The refund came first: it stands; this late "completed" grants nothing.
    tx.set(
      paymentRef,
      { ...paymentBase, ...stripeIds, status: 'refunded', refundedAt: payment.refundedAt ?? now },
      { merge: true },
    );
    return { outcome: 'ignored-refunded', paymentId: paymentRef.id, record: base };
  }
  if (payment.status === 'paid') {
    tx.set(paymentRef, stripeIds, { merge: true });
    return { outcome: 'already-paid', paymentId: paymentRef.id, record: base };
  }
  if (session.payment_status !== 'paid' && session.payment_status !== 'no_payment_required') {
    // Delayed payment methods complete the session before the money arrives.
    tx.set(paymentRef, { ...paymentBase, ...stripeIds, status: 'pending' }, { merge: true });
    return { outcome: 'unpaid', paymentId: paymentRef.id, record: base };
  }

  tx.set(
    paymentRef,
    {
      ...paymentBase,
      ...stripeIds,
      status: 'paid',
      paidAt: now,
      failureReason: null,
      stripeCustomerId: idOf(session.customer),
      paidByEventId: event.id,
    },
    { merge: true },
  );

  const enrollment = enrollmentSnap.exists ? (enrollmentSnap.data() ?? {}) : null;
  let countChange = 0;
  if (!enrollment && course) {
    tx.create(
      eRef,
      newEnrollmentData({
        uid,
        course,
        source: 'stripe',
        now,
        paymentId: paymentRef.id,
        learnerName,
      }),
    );
    countChange = 1;
  } else if (!enrollment) {
    logger.error('stripe webhook: paid for a course that no longer exists', {
      courseId,
      paymentId: paymentRef.id,
    });
  } else if (enrollment.status !== 'active') {
    tx.update(eRef, {
      status: 'active',
      source: 'stripe',
      paymentId: paymentRef.id,
      refundedAt: null,
      lastActivityAt: now,
      updatedAt: now,
    });
    countChange = 1;
  } else if (enrollment.source === 'plus') {
    // A Plus member bought the course outright: the enrolment (and its progress) becomes a purchase
    // that no longer depends on Plus (docs/plus.md); it was already counted in enrollmentCount.
    tx.update(eRef, { source: 'stripe', paymentId: paymentRef.id, lastActivityAt: now, updatedAt: now });
    if (course) incrementSharded(tx, cRef, uid, { plusEnrollmentCount: -1 }, now);
  }
  // A blind increment of one of the course's counter shards: no read or write of the course
  // document in this transaction, so purchases don't contend on it (lib/sharded-counter.ts).
  if (countChange && course) incrementSharded(tx, cRef, uid, { enrollmentCount: countChange }, now);

  // The entry (per payment) decides the credit; the instructor's totals take a blind increment
  // on one of their shards (many learners buying one instructor's courses don't contend).
  if (entryRef && instructorId && !entrySnap?.exists) {
    // A destination charge (createCheckoutSession set transfer_data) pays the educator's
    // connected account the amount net of the platform fee; the entry and the total hold that
    // net. Without a connected account there is no fee and the whole amount stays pending.
    const destination = str(payment.destinationAccountId) || null;
    const fee = destination ? Math.min(amount, Math.max(0, num(payment.platformFee))) : 0;
    const net = amount - fee;
    tx.create(entryRef, {
      paymentId: paymentRef.id,
      courseId,
      payerUid: uid,
      amount: net,
      grossAmount: amount,
      platformFee: fee,
      currency,
      refundedAmount: 0,
      status: 'credited',
      destinationAccountId: destination,
      transferId: str(payment.stripeTransferId) || null,
      payout: destination ? 'transferred' : 'pending',
      createdAt: now,
      updatedAt: now,
      reversedAt: null,
    });
    incrementSharded(
      tx,
      earningsRef(db, instructorId),
      paymentRef.id,
      {
        totals: { [currency]: net },
        // What went to the connected account (destination charges): what Stripe can pay out.
        ...(destination ? { transferred: { [currency]: net } } : {}),
        paymentsCount: 1,
      },
      now,
      { instructorId },
    );
  }
  return { outcome: 'paid', paymentId: paymentRef.id, record: base };
}

// ---------------------------------------------------------------------------------------------
// checkout.session.expired, payment_intent.payment_failed

export async function applyCheckoutExpired(
  deps: WebhookDeps,
  tx: Transaction,
  session: Stripe.Checkout.Session,
): Promise<Applied> {
  const found = await findPayment(
    deps.db,
    tx,
    metadataOf(session.metadata).paymentId,
    'stripeCheckoutSessionId',
    session.id,
  );
  return applyPaymentEnded(deps, tx, found, 'expired', 'The checkout session expired before payment.', {
    paymentId: found.ref.id,
    checkoutSessionId: session.id,
    paymentIntentId: idOf(session.payment_intent),
  });
}

export async function applyPaymentFailed(
  deps: WebhookDeps,
  tx: Transaction,
  intent: Stripe.PaymentIntent,
): Promise<Applied> {
  const found = await findPayment(
    deps.db,
    tx,
    metadataOf(intent.metadata).paymentId,
    'stripePaymentIntentId',
    intent.id,
  );
  return applyPaymentEnded(
    deps,
    tx,
    found,
    'failed',
    intent.last_payment_error?.message ?? 'The payment failed.',
    { paymentId: found.ref.id, paymentIntentId: intent.id },
  );
}

async function applyPaymentEnded(
  deps: WebhookDeps,
  tx: Transaction,
  found: FoundPayment,
  how: 'expired' | 'failed',
  reason: string,
  record: Record<string, unknown>,
): Promise<Applied> {
  if (!found.snap) return { outcome: 'unmatched', paymentId: null, record: { ...record, paymentId: null } };
  const status = found.snap.get('status');
  // Only a payment still in flight can fail; "paid" and "refunded" are never overturned. A failed
  // card attempt can be followed by a successful one, so "failed" may still become "paid".
  if (status !== 'pending' && !(status === 'failed' && how === 'expired')) {
    return { outcome: 'ignored-not-pending', paymentId: found.ref.id, record };
  }
  tx.update(found.ref, { status: 'failed', failureReason: reason, updatedAt: deps.now });
  return { outcome: how, paymentId: found.ref.id, record };
}
