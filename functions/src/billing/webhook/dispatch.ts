// One verified, allow-listed event → the file that handles its type: what to read before the
// transaction, what to apply inside it (a switch), what to do after it commits.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type Stripe from 'stripe';
import { stripeEventsCol } from '../../lib/data/payments';
import { stripeAccountRef } from '../../lib/data/payouts';
import { userRef } from '../../lib/data/users';
import { str } from '@skillverse/domain/fields';
import { releaseHeldEarnings } from '../release-held';
import { safeStripeId } from '../payouts-data';
import { applyCheckoutCompleted, applyCheckoutExpired, applyPaymentFailed } from './checkout';
import { applyAccountUpdated, applyChargeSucceeded, applyPayout } from './connect';
import { sendPaymentNotices } from './receipts';
import { applyPlusInvoiceRefunded, findPlusInvoiceId } from '../plus-share/refund-plus-invoice';
import { sendPlusNotices } from './plus-notices';
import { applyChargeRefunded, reverseTransferIfNeeded } from './refund';
import {
  applyInvoiceEvent,
  applySubscriptionEvent,
  isInvoiceEvent,
  isSubscriptionEvent,
  plusUidOf,
} from './subscription';
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
  if (isSubscriptionEvent(event.type) || isInvoiceEvent(event.type)) {
    return { courses, legacyUnmatchedRefund: false, plusUid: await plusUidOf(db, event) };
  }
  if (event.type !== 'checkout.session.completed' && event.type !== 'charge.refunded')
    return { courses, legacyUnmatchedRefund: false };
  if (event.type === 'charge.refunded') {
    // A Plus subscription invoice's charge: the revenue share's refund path (plus-share/).
    const plusInvoiceId = await findPlusInvoiceId(db, event.data.object);
    if (plusInvoiceId) return { courses, legacyUnmatchedRefund: false, plusInvoiceId };
  }
  // The course our metadata names; a course found only through the payment is read when needed.
  const { courseId } = metadataOf(event.data.object.metadata);
  if (courseId && !courseId.includes('/')) await courses(courseId).catch(() => null);
  let legacyUnmatchedRefund = false;
  let learnerName: string | undefined;
  if (event.type === 'checkout.session.completed') {
    const { uid } = metadataOf(event.data.object.metadata);
    if (uid && !uid.includes('/')) {
      learnerName = str((await userRef(db, uid).get()).get('displayName')) || undefined;
    }
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
  return { courses, legacyUnmatchedRefund, ...(learnerName ? { learnerName } : {}) };
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
    case 'charge.refunded': {
      if (inputs.plusInvoiceId) {
        const plus = await applyPlusInvoiceRefunded(deps, tx, inputs.plusInvoiceId, event.data.object);
        if (plus) return { outcome: plus.outcome, paymentId: null, record: plus.record };
      }
      return applyChargeRefunded(deps, tx, inputs, event.data.object);
    }
    case 'charge.succeeded':
      return applyChargeSucceeded(deps, tx, event.data.object);
    case 'account.updated':
      return applyAccountUpdated(deps, tx, event, event.data.object);
    case 'payout.paid':
    case 'payout.failed':
      return applyPayout(deps, tx, event, event.data.object);
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return applySubscriptionEvent(deps, tx, inputs.plusUid ?? '', event, event.data.object);
    case 'invoice.paid':
    case 'invoice.payment_failed':
      return applyInvoiceEvent(deps, tx, inputs.plusUid ?? '', event, event.data.object);
    default:
      return { outcome: 'ignored-type', paymentId: null, record: {} };
  }
}

/**
 * After the commit, for a new delivery and a redelivery alike: the receipt or refund notice, then
 * the transfer reversal of a refunded destination charge, and — on account.updated — the transfer
 * of earnings held until the account could receive them (release-held.ts). All idempotent; a
 * failure answers 500 so Stripe's retry finishes the work.
 */
export async function afterCommit(
  deps: WebhookDeps,
  event: Stripe.Event,
  paymentId: string | null,
): Promise<void> {
  await sendPaymentNotices(deps, event.type, paymentId);
  if (isSubscriptionEvent(event.type) || isInvoiceEvent(event.type)) await sendPlusNotices(deps, event);
  if (event.type === 'charge.refunded') await reverseTransferIfNeeded(deps, event.data.object, paymentId);
  if (event.type === 'account.updated') {
    // The educator as the webhook recorded them (stripeAccounts), never the event's metadata alone.
    const accountId = safeStripeId(event.data.object.id);
    const owner = accountId ? await stripeAccountRef(deps.db, accountId).get() : null;
    const uid = owner?.exists ? String(owner.get('uid') ?? '') : '';
    if (uid) await releaseHeldEarnings(deps, uid);
  }
}
