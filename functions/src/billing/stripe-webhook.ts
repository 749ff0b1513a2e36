// Stripe webhook: verify the signature on the raw body, allow-list the event types, apply each
// event in ONE transaction that is idempotent on the event id (stripeEvents/{id}), then send the
// receipt. Out-of-order deliveries are safe: a refund is terminal (a later "completed" never
// re-grants access), "expired"/"failed" only touch a pending payment, and enrolment, course
// count and instructor earnings each change at most once per payment.
//
// Contention: the transaction reads only what decides idempotency — the event record, the
// payment, the enrolment, the earnings entry and the early-refund marker, all per event or per
// payment, each by document (no query). Documents every purchase of a course shares (the course,
// the instructor's earnings total) are never read in it: the course is an input (title,
// instructor, whether it exists), read before the transaction, and both are changed by blind
// FieldValue.increment writes. Reading the course (and querying stripeEvents) inside made 50
// simultaneous purchases of one course contend on the same locks (bench:faults scenario 2: 44 of
// 50 first deliveries answered 500 on a lock timeout).
import { formatPrice, HANDLED_STRIPE_EVENTS, type HandledStripeEvent } from '@skillverse/domain/courses-api';
import {
  type DocumentReference,
  type DocumentSnapshot,
  FieldValue,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import {
  type CourseInfo,
  courseRef,
  enrollmentRef,
  newEnrollmentData,
  num,
  readCourse,
  str,
} from '../courses/course-data';
import { isRecord } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { netRefundShare } from '@skillverse/domain/payouts';
import {
  applyAccountUpdated,
  applyChargeSucceeded,
  applyPayout,
  type ConnectOutcome,
} from './connect-webhook';
import { verifyStripeEvent } from './stripe-config';

export interface WebhookDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
  /**
   * A Stripe client when STRIPE_SECRET_KEY is configured: used only to reverse the transfer of a
   * refunded destination charge the refund itself did not reverse. null/absent → local mode.
   */
  stripe?: Stripe | null;
}

export type EventOutcome =
  | 'paid'
  | 'already-paid'
  | 'refunded-before-completion'
  | 'ignored-refunded'
  | 'unpaid'
  | 'expired'
  | 'failed'
  | 'ignored-not-pending'
  | 'refunded'
  | 'partially-refunded'
  | 'already-refunded'
  | 'refund-unmatched'
  | 'unmatched'
  | 'duplicate'
  | 'ignored-type'
  | ConnectOutcome;

export interface ApplyResult {
  eventId: string;
  type: string;
  outcome: EventOutcome;
  paymentId: string | null;
}

export const receiptNotificationId = (paymentId: string) => `payment_${paymentId}`;
export const refundNotificationId = (paymentId: string) => `refund_${paymentId}`;

export const earningsRef = (db: Firestore, instructorId: string) =>
  db.collection('earnings').doc(instructorId);
export const earningsEntryRef = (db: Firestore, instructorId: string, paymentId: string) =>
  earningsRef(db, instructorId).collection('entries').doc(paymentId);
/** A full refund that arrived before we knew its payment, by payment intent (server only). */
export const unmatchedRefundRef = (db: Firestore, paymentIntentId: string) =>
  db.collection('stripeRefundMarkers').doc(paymentIntentId);

function isHandled(type: string): type is HandledStripeEvent {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

function metadataOf(value: Stripe.Metadata | null | undefined): {
  paymentId: string;
  uid: string;
  courseId: string;
} {
  const m = value ?? {};
  return { paymentId: m.paymentId ?? '', uid: m.uid ?? '', courseId: m.courseId ?? '' };
}

/** The payment a Stripe object belongs to: by our metadata id first, else by a stored Stripe id. */
async function findPayment(
  db: Firestore,
  tx: Transaction,
  paymentId: string,
  field: 'stripeCheckoutSessionId' | 'stripePaymentIntentId',
  value: string | null,
): Promise<{ ref: DocumentReference; snap: DocumentSnapshot | null }> {
  if (paymentId && !paymentId.includes('/')) {
    const ref = db.collection('payments').doc(paymentId);
    const snap = await tx.get(ref);
    return { ref, snap: snap.exists ? snap : null };
  }
  if (value) {
    const found = await tx.get(db.collection('payments').where(field, '==', value).limit(1));
    const snap = found.docs[0];
    if (snap) return { ref: snap.ref, snap };
  }
  return { ref: db.collection('payments').doc(), snap: null };
}

/** Reads a course by id outside any transaction, once per id (see `courseReader`). */
type CourseLookup = (courseId: string) => Promise<CourseInfo | null>;

/**
 * Course documents, read outside the transaction and kept across its attempts. What the webhook
 * takes from a course (title, thumbnail, instructor, existence) is input, not state it changes
 * conditionally; the one field it changes, enrollmentCount, takes a blind increment. A course
 * deleted after this read makes that increment's update fail, the transaction with it (nothing
 * written), and Stripe's redelivery then reads the course as gone.
 */
function courseReader(db: Firestore): CourseLookup {
  const cache = new Map<string, Promise<CourseInfo | null>>();
  return (courseId) => {
    let found = cache.get(courseId);
    if (!found) {
      found = Promise.resolve(courseId).then(async (id) => readCourse(await courseRef(db, id).get()));
      // A failed read is not remembered: the next attempt reads again.
      found.catch(() => cache.delete(courseId));
      cache.set(courseId, found);
    }
    return found;
  };
}

function eventRecord(event: Stripe.Event, now: Date, fields: Record<string, unknown>) {
  return {
    type: event.type,
    livemode: event.livemode,
    stripeCreatedAt: new Date(event.created * 1000),
    processedAt: now,
    ...fields,
  };
}

// ---------------------------------------------------------------------------------------------
// checkout.session.completed

async function applyCheckoutCompleted(
  deps: WebhookDeps,
  tx: Transaction,
  inputs: EventInputs,
  event: Stripe.Event,
  session: Stripe.Checkout.Session,
): Promise<{ outcome: EventOutcome; paymentId: string | null; record: Record<string, unknown> }> {
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
  // A full refund that came before we knew the payment left a marker keyed by its payment intent:
  // a document read (per payment), not a query, so purchases don't contend on a query's range.
  const markerSnap = paymentIntentId ? await tx.get(unmatchedRefundRef(db, paymentIntentId)) : null;
  const refundedEarlier = Boolean(markerSnap?.exists) || inputs.legacyUnmatchedRefund;
  const instructorId = str(payment.instructorId) || course?.instructorId || '';
  const entryRef = instructorId ? earningsEntryRef(db, instructorId, paymentRef.id) : null;
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
    tx.create(eRef, newEnrollmentData({ uid, course, source: 'stripe', now, paymentId: paymentRef.id }));
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
      updatedAt: now,
    });
    countChange = 1;
  }
  // A blind increment: no read of the course in this transaction, so purchases don't contend on it.
  if (countChange && course) tx.update(cRef, { enrollmentCount: FieldValue.increment(countChange) });

  // The entry (per payment) decides the credit; the instructor's total takes a blind increment.
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
    tx.set(
      earningsRef(db, instructorId),
      {
        instructorId,
        totals: { [currency]: FieldValue.increment(net) },
        // What went to the connected account (destination charges): what Stripe can pay out.
        ...(destination ? { transferred: { [currency]: FieldValue.increment(net) } } : {}),
        paymentsCount: FieldValue.increment(1),
        updatedAt: now,
      },
      { merge: true },
    );
  }
  return { outcome: 'paid', paymentId: paymentRef.id, record: base };
}

// ---------------------------------------------------------------------------------------------
// checkout.session.expired, payment_intent.payment_failed

async function applyPaymentEnded(
  deps: WebhookDeps,
  tx: Transaction,
  found: { ref: DocumentReference; snap: DocumentSnapshot | null },
  how: 'expired' | 'failed',
  reason: string,
  record: Record<string, unknown>,
): Promise<{ outcome: EventOutcome; paymentId: string | null; record: Record<string, unknown> }> {
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

// ---------------------------------------------------------------------------------------------
// charge.refunded

async function applyChargeRefunded(
  deps: WebhookDeps,
  tx: Transaction,
  inputs: EventInputs,
  charge: Stripe.Charge,
): Promise<{ outcome: EventOutcome; paymentId: string | null; record: Record<string, unknown> }> {
  const { db, now } = deps;
  const meta = metadataOf(charge.metadata);
  const paymentIntentId = idOf(charge.payment_intent);
  const found = await findPayment(db, tx, meta.paymentId, 'stripePaymentIntentId', paymentIntentId);
  const record = {
    paymentId: found.snap ? found.ref.id : meta.paymentId || null,
    paymentIntentId,
    chargeId: charge.id,
  };
  const amountRefunded = charge.amount_refunded;
  const full = charge.refunded === true || amountRefunded >= charge.amount;

  if (!found.snap) {
    if (meta.paymentId && meta.uid && meta.courseId && full) {
      // Refunded before we ever heard it was paid: remember it, so the late "completed" is void.
      tx.set(
        found.ref,
        {
          uid: meta.uid,
          courseId: meta.courseId,
          amount: charge.amount,
          currency: charge.currency.toUpperCase(),
          status: 'refunded',
          amountRefunded,
          stripeCheckoutSessionId: null,
          stripePaymentIntentId: paymentIntentId,
          createdAt: now,
          updatedAt: now,
          refundedAt: now,
        },
        { merge: true },
      );
      return {
        outcome: 'refunded-before-completion',
        paymentId: found.ref.id,
        record: { ...record, paymentId: found.ref.id },
      };
    }
    // No payment to attach it to yet: a marker keyed by the payment intent, which a later
    // "completed" reads in its transaction (the stripeEvents record says refund-unmatched too).
    if (full && paymentIntentId && !paymentIntentId.includes('/')) {
      tx.set(
        unmatchedRefundRef(db, paymentIntentId),
        { paymentIntentId, chargeId: charge.id, amountRefunded, createdAt: now },
        { merge: true },
      );
    }
    return { outcome: full ? 'refund-unmatched' : 'unmatched', paymentId: null, record };
  }

  const payment = found.snap.data() ?? {};
  const paymentId = found.ref.id;
  const uid = str(payment.uid);
  const courseId = str(payment.courseId);
  const instructorId = str(payment.instructorId);
  const eRef = uid && courseId ? enrollmentRef(db, courseId, uid) : null;
  const cRef = courseId ? courseRef(db, courseId) : null;
  const entryRef = instructorId ? earningsEntryRef(db, instructorId, paymentId) : null;
  // Per payment and per enrolment, in the transaction; the course (shared) outside it.
  const refs = [eRef, entryRef].filter((r): r is DocumentReference => r !== null);
  const snaps = refs.length ? await tx.getAll(...refs) : [];
  const snapOf = (ref: DocumentReference | null) => (ref ? snaps[refs.indexOf(ref)] : undefined);
  const enrollmentSnap = snapOf(eRef);
  const entrySnap = snapOf(entryRef);
  const courseExists = courseId ? (await inputs.courses(courseId)) !== null : false;

  // Earnings: debit what has not been debited yet (refunds only grow), at most the credit.
  if (entryRef && entrySnap?.exists && instructorId) {
    const credited = num(entrySnap.get('amount'));
    const already = num(entrySnap.get('refundedAmount'));
    // The educator's share of the refund: all of their net on a full refund, else proportional.
    const gross = num(entrySnap.get('grossAmount'), credited) || credited;
    const target = netRefundShare(amountRefunded, gross, credited);
    const delta = target - already;
    const reverse = full && entrySnap.get('status') !== 'reversed';
    if (delta > 0 || reverse) {
      const currency = str(entrySnap.get('currency'), charge.currency.toUpperCase());
      tx.update(entryRef, {
        refundedAmount: Math.max(already, target),
        updatedAt: now,
        ...(reverse ? { status: 'reversed', reversedAt: now } : {}),
        // A destination charge's transfer is reversed after the commit (reverseTransferIfNeeded).
        ...(entrySnap.get('destinationAccountId') ? { transferReversal: 'pending' } : {}),
      });
      tx.set(
        earningsRef(db, instructorId),
        {
          instructorId,
          totals: { [currency]: FieldValue.increment(-Math.max(0, delta)) },
          ...(entrySnap.get('destinationAccountId')
            ? { transferred: { [currency]: FieldValue.increment(-Math.max(0, delta)) } }
            : {}),
          ...(reverse ? { refundsCount: FieldValue.increment(1) } : {}),
          updatedAt: now,
        },
        { merge: true },
      );
    }
  }

  if (!full) {
    tx.update(found.ref, {
      amountRefunded: Math.max(num(payment.amountRefunded), amountRefunded),
      updatedAt: now,
    });
    return { outcome: 'partially-refunded', paymentId, record };
  }
  if (payment.status === 'refunded') return { outcome: 'already-refunded', paymentId, record };

  tx.update(found.ref, {
    status: 'refunded',
    amountRefunded,
    refundedAt: now,
    updatedAt: now,
    ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
  });
  // Revoke access the refunded payment granted (not an enrolment paid for or granted otherwise).
  const enrollment = enrollmentSnap?.exists ? (enrollmentSnap.data() ?? {}) : null;
  const grantedByThis =
    enrollment &&
    enrollment.status === 'active' &&
    (enrollment.paymentId === paymentId || (enrollment.source === 'stripe' && !enrollment.paymentId));
  if (grantedByThis && eRef) {
    tx.update(eRef, { status: 'refunded', refundedAt: now, updatedAt: now });
    if (cRef && courseExists) tx.update(cRef, { enrollmentCount: FieldValue.increment(-1) });
  }
  return { outcome: 'refunded', paymentId, record };
}

// ---------------------------------------------------------------------------------------------

/** What an event needs that no transaction has to lock: read before the transaction begins. */
interface EventInputs {
  courses: CourseLookup;
  /**
   * A stripeEvents record of a full refund that matched no payment, for this payment intent,
   * written before unmatchedRefundRef markers existed (the marker is what the transaction reads).
   */
  legacyUnmatchedRefund: boolean;
}

async function readInputs(db: Firestore, event: Stripe.Event): Promise<EventInputs> {
  const courses = courseReader(db);
  if (event.type !== 'checkout.session.completed' && event.type !== 'charge.refunded')
    return { courses, legacyUnmatchedRefund: false };
  // The course our metadata names; a course found only through the payment is read when needed.
  const { courseId } = metadataOf(event.data.object.metadata);
  if (courseId && !courseId.includes('/')) await courses(courseId).catch(() => null);
  let legacyUnmatchedRefund = false;
  if (event.type === 'checkout.session.completed') {
    const paymentIntentId = idOf(event.data.object.payment_intent);
    if (paymentIntentId) {
      const legacy = await db
        .collection('stripeEvents')
        .where('paymentIntentId', '==', paymentIntentId)
        .where('outcome', '==', 'refund-unmatched')
        .limit(1)
        .get();
      legacyUnmatchedRefund = !legacy.empty;
    }
  }
  return { courses, legacyUnmatchedRefund };
}

/** Applies one verified event exactly once (by event id). */
export async function applyStripeEvent(deps: WebhookDeps, event: Stripe.Event): Promise<ApplyResult> {
  const { db, now } = deps;
  if (!isHandled(event.type))
    return { eventId: event.id, type: event.type, outcome: 'ignored-type', paymentId: null };
  const eventRef = db.collection('stripeEvents').doc(event.id);
  const inputs = await readInputs(db, event);

  const result = await db.runTransaction(async (tx) => {
    const seen = await tx.get(eventRef);
    if (seen.exists) {
      return {
        outcome: 'duplicate' as EventOutcome,
        paymentId: (seen.get('paymentId') as string | null) ?? null,
      };
    }
    let applied: { outcome: EventOutcome; paymentId: string | null; record: Record<string, unknown> };
    switch (event.type) {
      case 'checkout.session.completed':
        applied = await applyCheckoutCompleted(deps, tx, inputs, event, event.data.object);
        break;
      case 'checkout.session.expired': {
        const session = event.data.object;
        const found = await findPayment(
          db,
          tx,
          metadataOf(session.metadata).paymentId,
          'stripeCheckoutSessionId',
          session.id,
        );
        applied = await applyPaymentEnded(
          deps,
          tx,
          found,
          'expired',
          'The checkout session expired before payment.',
          {
            paymentId: found.ref.id,
            checkoutSessionId: session.id,
            paymentIntentId: idOf(session.payment_intent),
          },
        );
        break;
      }
      case 'payment_intent.payment_failed': {
        const intent = event.data.object;
        const found = await findPayment(
          db,
          tx,
          metadataOf(intent.metadata).paymentId,
          'stripePaymentIntentId',
          intent.id,
        );
        applied = await applyPaymentEnded(
          deps,
          tx,
          found,
          'failed',
          intent.last_payment_error?.message ?? 'The payment failed.',
          { paymentId: found.ref.id, paymentIntentId: intent.id },
        );
        break;
      }
      case 'charge.refunded':
        applied = await applyChargeRefunded(deps, tx, inputs, event.data.object);
        break;
      case 'charge.succeeded':
        applied = await applyChargeSucceeded(db, now, tx, event.data.object, (i, p) =>
          earningsEntryRef(db, i, p),
        );
        break;
      case 'account.updated':
        applied = await applyAccountUpdated(db, now, tx, event, event.data.object);
        break;
      case 'payout.paid':
      case 'payout.failed':
        applied = await applyPayout(db, now, tx, event, event.data.object);
        break;
      default:
        applied = { outcome: 'ignored-type', paymentId: null, record: {} };
    }
    tx.create(eventRef, eventRecord(event, now, { ...applied.record, outcome: applied.outcome }));
    return { outcome: applied.outcome, paymentId: applied.paymentId };
  });

  logger.info('stripe webhook: event applied', { eventId: event.id, type: event.type, ...result });
  await afterEvent(deps, event.type, result.paymentId);
  if (event.type === 'charge.refunded')
    await reverseTransferIfNeeded(deps, event.data.object, result.paymentId);
  return { eventId: event.id, type: event.type, ...result };
}

/**
 * Receipt or refund notice, by the payment's current state. Idempotent (deterministic ids), so it
 * also runs for a redelivered event — a receipt lost to a crash after the commit is sent then.
 */
async function afterEvent(deps: WebhookDeps, type: string, paymentId: string | null): Promise<void> {
  if (!paymentId || (type !== 'checkout.session.completed' && type !== 'charge.refunded')) return;
  const snap = await deps.db.collection('payments').doc(paymentId).get();
  if (!snap.exists) return;
  const p = snap.data() ?? {};
  const uid = str(p.uid);
  if (!uid) return;
  const title = str(p.courseTitle, 'your course');
  const price = formatPrice(num(p.amount), str(p.currency, 'USD'));
  const courseLink = `/courses/${str(p.courseId)}`;
  if (type === 'checkout.session.completed' && p.status === 'paid') {
    const paidAt = p.paidAt && typeof p.paidAt.toDate === 'function' ? (p.paidAt.toDate() as Date) : deps.now;
    await notify(
      deps.db,
      {
        uid,
        type: 'payment_receipt',
        id: receiptNotificationId(paymentId),
        title: `Payment received: ${title}`,
        body: `You paid ${price} for ${title}. You're enrolled — happy learning!`,
        link: courseLink,
        email: {
          subject: `Your SkillVerse receipt — ${title}`,
          text: [
            'Thank you for your purchase.',
            '',
            `Course:   ${title}`,
            `Amount:   ${price}`,
            `Date:     ${paidAt.toISOString().slice(0, 10)}`,
            `Receipt:  ${paymentId}`,
            '',
            'You are enrolled and can start learning right away.',
          ].join('\n'),
        },
      },
      deps,
    );
  }
  if (type === 'charge.refunded' && p.status === 'refunded') {
    await notify(
      deps.db,
      {
        uid,
        type: 'payment_receipt',
        id: refundNotificationId(paymentId),
        title: `Refund issued: ${title}`,
        body: `Your payment of ${price} for ${title} was refunded; your access to the course has ended.`,
        link: courseLink,
      },
      deps,
    );
  }
}

/**
 * Refunds reverse the transfer. A destination charge moved the educator's net to their connected
 * account; a refund issued with reverse_transfer (what the platform would do) already took it back,
 * a refund from the Stripe Dashboard without it did not. After the commit, for an entry marked
 * transferReversal 'pending', compare what the transfer has had reversed with the educator's
 * share of the refund and create the difference (idempotency key per transfer and refunded
 * amount), then mark the entry 'reversed'. Runs for redeliveries too, so a failure here answers
 * 500 and Stripe's retry finishes it. Without a Stripe key (local mode, tr_local_ transfers) the
 * reversal is simulated with the same bookkeeping.
 */
async function reverseTransferIfNeeded(
  deps: WebhookDeps,
  charge: Stripe.Charge,
  paymentId: string | null,
): Promise<void> {
  if (!paymentId) return;
  const payment = await deps.db.collection('payments').doc(paymentId).get();
  const instructorId = str(payment.get('instructorId'));
  if (!instructorId) return;
  const ref = earningsEntryRef(deps.db, instructorId, paymentId);
  const entry = await ref.get();
  if (!entry.exists || entry.get('transferReversal') !== 'pending') return;
  const transferId = str(entry.get('transferId')) || idOf(charge.transfer) || '';
  const share = num(entry.get('refundedAmount'));
  let reversedAmount = share;
  let reversalId: string | null = null;
  if (transferId && deps.stripe && !transferId.startsWith('tr_local_')) {
    const transfer = await deps.stripe.transfers.retrieve(transferId);
    const missing = Math.min(share, transfer.amount) - transfer.amount_reversed;
    if (missing > 0) {
      const reversal = await deps.stripe.transfers.createReversal(
        transferId,
        { amount: missing, metadata: { paymentId } },
        { idempotencyKey: `reverse_${transferId}_${share}` },
      );
      reversalId = reversal.id;
    }
    reversedAmount = Math.max(transfer.amount_reversed, Math.min(share, transfer.amount));
  } else if (transferId) {
    reversalId = `trr_local_${paymentId}`;
  } else {
    logger.warn('stripe webhook: refunded destination charge without a known transfer', { paymentId });
    return;
  }
  await ref.update({
    transferReversal: 'reversed',
    transferReversedAmount: reversedAmount,
    ...(reversalId ? { transferReversalId: reversalId } : {}),
    updatedAt: deps.now,
  });
}

// ---------------------------------------------------------------------------------------------
// HTTP

export interface WebhookRequest {
  method: string;
  rawBody?: Buffer;
  header(name: string): string | undefined;
}

export interface WebhookResponse {
  status(code: number): { json(body: unknown): unknown };
}

/** The stripeEvents record of an event, looked for a few times while a concurrent delivery commits. */
async function eventRecorded(
  db: Firestore,
  eventId: string,
  attempts = 4,
): Promise<{ paymentId: string | null } | null> {
  for (let i = 0; i < attempts; i++) {
    try {
      const snap = await db.collection('stripeEvents').doc(eventId).get();
      if (snap.exists) return { paymentId: (snap.get('paymentId') as string | null | undefined) ?? null };
    } catch {
      return null;
    }
    if (i < attempts - 1) await new Promise((r) => setTimeout(r, 500 * (i + 1)));
  }
  return null;
}

/** The whole onRequest handler: 405 / 400 (bad signature, nothing written) / 200 / 500 (retry). */
export async function handleStripeWebhook(
  deps: WebhookDeps & {
    signingSecret: string;
    /**
     * The Connect endpoint's signing secret (STRIPE_CONNECT_WEBHOOK_SECRET): Stripe sends
     * connected accounts' events (account.updated, payout.*) to a separate Connect endpoint with its
     * own secret; pointed at this same URL, a signature valid for either secret is accepted.
     */
    connectSigningSecret?: string;
  },
  req: WebhookRequest,
  res: WebhookResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    res.status(405).json({ error: 'Use POST.' });
    return;
  }
  if (!deps.signingSecret) {
    logger.error('stripe webhook: STRIPE_WEBHOOK_SECRET is not configured');
    res.status(500).json({ error: 'Webhook secret not configured.' });
    return;
  }
  const signature = req.header('stripe-signature');
  if (!signature || !req.rawBody || req.rawBody.length === 0) {
    res.status(400).json({ error: 'Missing Stripe-Signature header or body.' });
    return;
  }
  let event: Stripe.Event;
  try {
    try {
      event = verifyStripeEvent(req.rawBody, signature, deps.signingSecret);
    } catch (first) {
      if (!deps.connectSigningSecret) throw first;
      event = verifyStripeEvent(req.rawBody, signature, deps.connectSigningSecret);
    }
  } catch (error) {
    logger.warn('stripe webhook: signature verification failed', {
      reason: error instanceof Error ? error.message : String(error),
    });
    res.status(400).json({ error: 'Invalid signature.' });
    return;
  }
  if (!isRecord(event) || typeof event.type !== 'string' || !isHandled(event.type)) {
    res.status(200).json({ received: true, ignored: true });
    return;
  }
  try {
    const result = await applyStripeEvent(deps, event);
    res.status(200).json({ received: true, outcome: result.outcome, paymentId: result.paymentId });
  } catch (error) {
    // Deliveries of one event at the same moment contend for stripeEvents/{id}; the losers can
    // time out on the lock ("ABORTED: Transaction lock timeout") while the winner applies the
    // event. If the event is recorded by now, this delivery is a duplicate, not a failure: a 500
    // would only make Stripe retry (bench:faults scenario 1 saw 19 such 500s out of 20).
    const recorded = await eventRecorded(deps.db, event.id);
    if (recorded) {
      logger.info('stripe webhook: event applied by a concurrent delivery', { eventId: event.id });
      res.status(200).json({ received: true, outcome: 'duplicate', paymentId: recorded.paymentId });
      return;
    }
    logger.error('stripe webhook: processing failed; Stripe will retry', {
      eventId: event.id,
      type: event.type,
      reason: error instanceof Error ? error.message : String(error),
    });
    res.status(500).json({ error: 'Processing failed; please retry.' });
  }
}
