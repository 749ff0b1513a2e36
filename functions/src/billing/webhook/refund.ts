// charge.refunded: debit the instructor's earnings by their share, end the access the payment
// granted (and mark its rewards for reversal: rewardsReversal 'pending', which onPaymentRefunded
// takes back), remember a refund that came before its payment; after the commit, reverse the
// transfer of a refunded destination charge (reverseTransferIfNeeded).
import { netRefundShare } from '@skillverse/domain/payouts';
import type { DocumentReference, Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import { num, str } from '@skillverse/domain/fields';
import { courseRef } from '../../lib/data/courses';
import { earningEntryRef, earningsRef } from '../../lib/data/earnings';
import { enrollmentRef } from '../../lib/data/enrollments';
import { paymentRef, stripeRefundMarkerRef } from '../../lib/data/payments';
import { incrementSharded } from '../../lib/sharded-counter';
import {
  type Applied,
  type EventInputs,
  findPayment,
  idOf,
  metadataOf,
  type WebhookDeps,
} from './webhook-data';

export async function applyChargeRefunded(
  deps: WebhookDeps,
  tx: Transaction,
  inputs: EventInputs,
  charge: Stripe.Charge,
): Promise<Applied> {
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
        stripeRefundMarkerRef(db, paymentIntentId),
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
  const entryRef = instructorId ? earningEntryRef(db, instructorId, paymentId) : null;
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
    // The educator's share went to their connected account: by a destination charge, or later in
    // a held release (transferred, or being transferred right now: the release reverses it then).
    const paidOut = Boolean(entrySnap.get('destinationAccountId')) || wentOutInHeldRelease(entrySnap.data());
    if (delta > 0 || reverse) {
      const currency = str(entrySnap.get('currency'), charge.currency.toUpperCase());
      tx.update(entryRef, {
        refundedAmount: Math.max(already, target),
        updatedAt: now,
        ...(reverse ? { status: 'reversed', reversedAt: now } : {}),
        // That transfer is reversed after the commit (reverseTransferIfNeeded).
        ...(paidOut ? { transferReversal: 'pending' } : {}),
      });
      // On the instructor's counter shards, like the credit (lib/sharded-counter.ts).
      incrementSharded(
        tx,
        earningsRef(db, instructorId),
        paymentId,
        {
          totals: { [currency]: -Math.max(0, delta) },
          ...(paidOut ? { transferred: { [currency]: -Math.max(0, delta) } } : {}),
          ...(reverse ? { refundsCount: 1 } : {}),
        },
        now,
        { instructorId },
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

  // Revoke access the refunded payment granted (not an enrolment paid for or granted otherwise).
  const enrollment = enrollmentSnap?.exists ? (enrollmentSnap.data() ?? {}) : null;
  const grantedByThis =
    enrollment &&
    enrollment.status === 'active' &&
    (enrollment.paymentId === paymentId || (enrollment.source === 'stripe' && !enrollment.paymentId));
  tx.update(found.ref, {
    status: 'refunded',
    amountRefunded,
    refundedAt: now,
    updatedAt: now,
    ...(paymentIntentId ? { stripePaymentIntentId: paymentIntentId } : {}),
    // What the access earned (points, stats, badges, certificate) is taken back by the follow-up
    // keyed by this payment (billing/refund-rewards.ts, onPaymentRefunded), exactly once.
    ...(grantedByThis ? { rewardsReversal: 'pending' } : {}),
  });
  if (grantedByThis && eRef) {
    tx.update(eRef, { status: 'refunded', refundedAt: now, updatedAt: now });
    if (cRef && courseExists) incrementSharded(tx, cRef, uid, { enrollmentCount: -1 }, now);
  }
  return { outcome: 'refunded', paymentId, record };
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
export async function reverseTransferIfNeeded(
  deps: WebhookDeps,
  charge: Stripe.Charge,
  paymentId: string | null,
): Promise<void> {
  if (!paymentId) return;
  const payment = await paymentRef(deps.db, paymentId).get();
  const instructorId = str(payment.get('instructorId'));
  if (!instructorId) return;
  const ref = earningEntryRef(deps.db, instructorId, paymentId);
  const entry = await ref.get();
  if (!entry.exists || entry.get('transferReversal') !== 'pending') return;
  if (str(entry.get('releaseId'))) {
    await reverseHeldSaleTransfer(deps, ref);
    return;
  }
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

/** True when the entry's share left (or is leaving) the platform in a held release. */
function wentOutInHeldRelease(entry: Record<string, unknown> | undefined): boolean {
  return Boolean(entry?.releaseId) && (entry?.payout === 'transferred' || entry?.payout === 'releasing');
}

/**
 * A refund of a sale whose held earnings were moved in a held release (billing/release-held.ts).
 * That release's ONE transfer carried several sales, so its `amount_reversed` says nothing about
 * this sale: what this sale has had reversed is kept on its entry (`transferReversedAmount`), and
 * what may be reversed for it is what it put into the release (`releasedAmount`; refunds before
 * the release had already lowered it). The reversal of each refund has its own idempotency key
 * (payment and refunded share), so a redelivered charge.refunded — or a retry after a crash
 * between Stripe's answer and our bookkeeping — reuses the reversal rather than making another.
 * While the release is still 'releasing' there is no transfer yet: the entry stays 'pending' and
 * the release, once paid, calls this again. Without a Stripe key (tr_local_) it is simulated.
 */
export async function reverseHeldSaleTransfer(
  deps: { db: WebhookDeps['db']; now: Date; stripe?: Stripe | null },
  ref: DocumentReference,
): Promise<'reversed' | 'waiting' | 'nothing'> {
  const entry = await ref.get();
  if (!entry.exists || entry.get('transferReversal') !== 'pending') return 'nothing';
  if (entry.get('payout') !== 'transferred') return 'waiting';
  const paymentId = ref.id;
  const transferId = str(entry.get('transferId'));
  const refundedAtRelease = num(entry.get('refundedAtRelease'));
  const released = num(entry.get('releasedAmount'), num(entry.get('amount')) - refundedAtRelease);
  const already = num(entry.get('transferReversedAmount'));
  const target = Math.max(0, Math.min(released, num(entry.get('refundedAmount')) - refundedAtRelease));
  const missing = target - already;
  let reversalId = str(entry.get('transferReversalId')) || null;
  if (missing > 0) {
    if (!transferId) {
      logger.warn('payouts: refunded held sale without a known transfer', { paymentId });
      return 'nothing';
    }
    if (transferId.startsWith('tr_local_')) {
      reversalId = `trr_local_${paymentId}`;
    } else if (!deps.stripe) {
      // Answer an error: the redelivery, once the key is configured, reverses it.
      throw new Error('STRIPE_SECRET_KEY is not configured: the held release cannot be reversed');
    } else {
      const reversal = await deps.stripe.transfers.createReversal(
        transferId,
        {
          amount: missing,
          description: 'Refund of a course sale paid out in a held release',
          metadata: { paymentId, releaseId: str(entry.get('releaseId')), kind: 'held_release_refund' },
        },
        { idempotencyKey: heldRefundReversalKey(paymentId, target) },
      );
      reversalId = reversal.id;
    }
  }
  await ref.update({
    transferReversal: 'reversed',
    transferReversedAmount: Math.max(already, target),
    ...(reversalId ? { transferReversalId: reversalId } : {}),
    updatedAt: deps.now,
  });
  logger.info('payouts: refunded sale reversed from its held release', { paymentId, transferId, missing });
  return 'reversed';
}

/** One key per refund of a sale (its refunded share grows with each refund, never repeats). */
export const heldRefundReversalKey = (paymentId: string, reversedTotal: number) =>
  `reverse_held_${paymentId}_${reversedTotal}`;
