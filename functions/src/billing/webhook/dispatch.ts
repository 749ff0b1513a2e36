// One verified, allow-listed event → the file that handles its type: what to read before the
// transaction, what to apply inside it (a switch), what to do after it commits.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type Stripe from 'stripe';
import { stripeEventsCol } from '../../lib/data/payments';
import { applyCheckoutCompleted, applyCheckoutExpired, applyPaymentFailed } from './checkout';
import { applyAccountUpdated, applyChargeSucceeded, applyPayout } from './connect';
import { sendPaymentNotices } from './receipts';
import { applyChargeRefunded, reverseTransferIfNeeded } from './refund';
import {
  type Applied,
  courseReader,
  type EventInputs,
  idOf,
  metadataOf,
  type WebhookDeps,
} from './webhook-data';

export async function readInputs(db: Firestore, event: Stripe.Event): Promise<EventInputs> {
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
      const legacy = await stripeEventsCol(db)
        .where('paymentIntentId', '==', paymentIntentId)
        .where('outcome', '==', 'refund-unmatched')
        .limit(1)
        .get();
      legacyUnmatchedRefund = !legacy.empty;
    }
  }
  return { courses, legacyUnmatchedRefund };
}

/** Applies one event inside the transaction that records it (after the duplicate check). */
export async function applyEvent(
  deps: WebhookDeps,
  tx: Transaction,
  inputs: EventInputs,
  event: Stripe.Event,
): Promise<Applied> {
  switch (event.type) {
    case 'checkout.session.completed':
      return applyCheckoutCompleted(deps, tx, inputs, event, event.data.object);
    case 'checkout.session.expired':
      return applyCheckoutExpired(deps, tx, event.data.object);
    case 'payment_intent.payment_failed':
      return applyPaymentFailed(deps, tx, event.data.object);
    case 'charge.refunded':
      return applyChargeRefunded(deps, tx, inputs, event.data.object);
    case 'charge.succeeded':
      return applyChargeSucceeded(deps, tx, event.data.object);
    case 'account.updated':
      return applyAccountUpdated(deps, tx, event, event.data.object);
    case 'payout.paid':
    case 'payout.failed':
      return applyPayout(deps, tx, event, event.data.object);
    default:
      return { outcome: 'ignored-type', paymentId: null, record: {} };
  }
}

/**
 * After the commit, for a new delivery and a redelivery alike: the receipt or refund notice, then
 * the transfer reversal of a refunded destination charge. Both are idempotent; a failure answers
 * 500 so Stripe's retry finishes the work.
 */
export async function afterCommit(
  deps: WebhookDeps,
  event: Stripe.Event,
  paymentId: string | null,
): Promise<void> {
  await sendPaymentNotices(deps, event.type, paymentId);
  if (event.type === 'charge.refunded') await reverseTransferIfNeeded(deps, event.data.object, paymentId);
}
