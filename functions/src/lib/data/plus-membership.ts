// Plus membership (issue 18; docs/plus.md): users/{uid}/private/subscription (the entitlement the
// Stripe webhook keeps), stripeCustomers/{customerId} (customer → user, written when the customer is
// created) and plusInvoices/{invoiceId} (one per paid subscription invoice).
import {
  PLUS_LAPSED_MESSAGE,
  plusEnrollmentLapsed,
  PLUS_PLANS,
  PLUS_STATUSES,
  type PlusPlan,
  type PlusStatus,
  type PlusSubscription,
} from '@skillverse/domain/plus';
import { bool, oneOf, str } from '@skillverse/domain/fields';
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { toDate } from '../firestore';
import { courseRef, type CourseInfo, readCourse } from './courses';
import { privateRef } from './users';

export const STRIPE_CUSTOMERS = 'stripeCustomers';
export const PLUS_INVOICES = 'plusInvoices';

export const plusSubscriptionRef = (db: Firestore, uid: string): DocumentReference =>
  privateRef(db, uid, 'subscription');
export const stripeCustomerRef = (db: Firestore, customerId: string): DocumentReference =>
  db.collection(STRIPE_CUSTOMERS).doc(customerId);
export const plusInvoiceRef = (db: Firestore, invoiceId: string): DocumentReference =>
  db.collection(PLUS_INVOICES).doc(invoiceId);

/** users/{uid}/private/subscription as the webhook wrote it, or null (absent or unreadable). */
export function readPlusSubscription(snap: DocumentSnapshot | null | undefined): PlusSubscription | null {
  if (!snap?.exists) return null;
  const d = snap.data() ?? {};
  const currentPeriodEnd = toDate(d.currentPeriodEnd);
  const stripeUpdatedAt = toDate(d.stripeUpdatedAt);
  const status = oneOf(PLUS_STATUSES, d.status, null);
  if (!currentPeriodEnd || !stripeUpdatedAt || !status) return null;
  return {
    subscriptionId: str(d.subscriptionId),
    customerId: str(d.customerId),
    plan: oneOf(PLUS_PLANS, d.plan, 'monthly' as PlusPlan),
    status: status as PlusStatus,
    currentPeriodEnd,
    cancelAtPeriodEnd: bool(d.cancelAtPeriodEnd),
    stripeUpdatedAt,
    updatedAt: toDate(d.updatedAt) ?? stripeUpdatedAt,
    pastDueSince: toDate(d.pastDueSince),
  };
}

/**
 * Throws permission-denied when a Plus enrolment (source 'plus') may no longer earn: the membership
 * lapsed or the course left Plus (domain/plus.ts plusEnrollmentLapsed). Other enrolments pass
 * without a read. Plain reads (not the caller's transaction): the subscription is the learner's own
 * document and the course is input, so neither adds a lock shared with other learners.
 */
export async function assertPlusEnrollmentCurrent(
  db: Firestore,
  uid: string,
  courseId: string,
  enrollment: Record<string, unknown>,
  now: Date,
  course?: CourseInfo | null,
): Promise<PlusSubscription | null> {
  if (enrollment.source !== 'plus') return null;
  const [subSnap, courseInfo] = await Promise.all([
    plusSubscriptionRef(db, uid).get(),
    course === undefined ? courseRef(db, courseId).get().then(readCourse) : Promise.resolve(course),
  ]);
  const sub = readPlusSubscription(subSnap);
  if (plusEnrollmentLapsed(enrollment, courseInfo, sub, now)) {
    throw new HttpsError('permission-denied', PLUS_LAPSED_MESSAGE);
  }
  // The subscription it read: a caller that needs it (the Plus watch tally) does not read it again.
  return sub;
}
