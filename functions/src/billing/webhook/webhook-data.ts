// What every part of the Stripe webhook shares: its dependencies, its outcomes, the documents it
// keys by payment, and the lookups that find a payment or a course for an event.
import { HANDLED_STRIPE_EVENTS, type HandledStripeEvent } from '@skillverse/domain/courses-api';
import type { DocumentReference, DocumentSnapshot, Firestore, Transaction } from 'firebase-admin/firestore';
import type Stripe from 'stripe';
import { type CourseInfo, courseRef, readCourse } from '../../lib/data/courses';
import { paymentRef, paymentsCol } from '../../lib/data/payments';
import type { NotifyDeps } from '../../notifications/notify';
import type { PlusOutcome } from './subscription';

export interface WebhookDeps extends NotifyDeps {
  db: Firestore;
  now: Date;
  /**
   * A Stripe client when STRIPE_SECRET_KEY is configured: used only to reverse the transfer of a
   * refunded destination charge the refund itself did not reverse. null/absent → local mode.
   */
  stripe?: Stripe | null;
}

export type ConnectOutcome =
  | 'account-updated'
  | 'stale'
  | 'account-unmatched'
  | 'payout-paid'
  | 'payout-failed'
  | 'transfer-recorded';

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
  | 'plus-refunded'
  | 'plus-refund-carried'
  | 'plus-already-refunded'
  | ConnectOutcome
  | PlusOutcome;

/** What applying one event inside the transaction decided, and what its stripeEvents record holds. */
export interface Applied {
  outcome: EventOutcome;
  paymentId: string | null;
  record: Record<string, unknown>;
}

export interface ApplyResult {
  eventId: string;
  type: string;
  outcome: EventOutcome;
  paymentId: string | null;
}

export const receiptNotificationId = (paymentId: string) => `payment_${paymentId}`;
export const refundNotificationId = (paymentId: string) => `refund_${paymentId}`;

export function isHandled(type: string): type is HandledStripeEvent {
  return (HANDLED_STRIPE_EVENTS as readonly string[]).includes(type);
}

export function idOf(value: string | { id: string } | null | undefined): string | null {
  if (!value) return null;
  return typeof value === 'string' ? value : value.id;
}

export function metadataOf(value: Stripe.Metadata | null | undefined): {
  paymentId: string;
  uid: string;
  courseId: string;
} {
  const m = value ?? {};
  return { paymentId: m.paymentId ?? '', uid: m.uid ?? '', courseId: m.courseId ?? '' };
}

export interface FoundPayment {
  ref: DocumentReference;
  snap: DocumentSnapshot | null;
}

/** The payment a Stripe object belongs to: by our metadata id first, else by a stored Stripe id. */
export async function findPayment(
  db: Firestore,
  tx: Transaction,
  paymentId: string,
  field: 'stripeCheckoutSessionId' | 'stripePaymentIntentId',
  value: string | null,
): Promise<FoundPayment> {
  if (paymentId && !paymentId.includes('/')) {
    const ref = paymentRef(db, paymentId);
    const snap = await tx.get(ref);
    return { ref, snap: snap.exists ? snap : null };
  }
  if (value) {
    const found = await tx.get(paymentsCol(db).where(field, '==', value).limit(1));
    const snap = found.docs[0];
    if (snap) return { ref: snap.ref, snap };
  }
  return { ref: paymentsCol(db).doc(), snap: null };
}

/** Reads a course by id outside any transaction, once per id (see `courseReader`). */
export type CourseLookup = (courseId: string) => Promise<CourseInfo | null>;

/**
 * Course documents, read outside the transaction and kept across its attempts. What the webhook
 * takes from a course (title, thumbnail, instructor, existence) is input, not state it changes
 * conditionally; the one field it changes, enrollmentCount, takes a blind increment. A course
 * deleted after this read makes that increment's update fail, the transaction with it (nothing
 * written), and Stripe's redelivery then reads the course as gone.
 */
export function courseReader(db: Firestore): CourseLookup {
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

/** What an event needs that no transaction has to lock: read before the transaction begins. */
export interface EventInputs {
  courses: CourseLookup;
  /**
   * A stripeEvents record of a full refund that matched no payment, for this payment intent,
   * written before stripeRefundMarkers existed (the marker is what the transaction reads).
   */
  legacyUnmatchedRefund: boolean;
  /** checkout.session.completed: the payer's display name (metadata uid), for a new enrolment. */
  learnerName?: string;
  /** charge.refunded of a Plus subscription invoice: its plusInvoices id (revenue share). */
  plusInvoiceId?: string;
  /** Plus subscription and invoice events: the user they are about ('' when none matched). */
  plusUid?: string;
}
