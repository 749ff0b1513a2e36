// charge.refunded for a Plus subscription invoice (plusInvoices/{invoiceId}): the revenue share's
// side of the refund (docs/plus.md "Revenue share"). Inside the webhook's transaction, idempotent:
// Stripe's `amount_refunded` is cumulative, so only the growth since the invoice's
// `amountRefunded` counts, and a duplicate delivery changes nothing.
// - The invoice's month is still open (no plusMonths/{month}): `amountRefunded` grows, and the
//   close takes it off that month's revenue.
// - The month is closing or closed: `amountRefunded` and `refundCarried` grow together (so the
//   month's own figures do not move) and a carry plusCarries/{invoiceId}_{amountRefunded} is
//   written; the next month to close takes it back from the instructors in proportion to the
//   closed month's shares (a negative line on their statements).
// This transaction reads plusMonths/{month}, which the close's freeze writes: a refund lands
// entirely before the freeze or entirely after it.
import { num, str } from '@skillverse/domain/fields';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import type Stripe from 'stripe';
import { plusCarryRef, plusInvoiceRef, plusInvoicesCol, plusMonthRef } from '../../lib/data/plus-revenue';
import { safeStripeId } from '../payouts-data';
import { isPlusMonthOpen } from './close-plus-month';

/**
 * The Plus invoice a refunded charge paid, if any: the charge's `invoice` (API versions that still
 * send it), metadata.invoiceId, else the invoice recorded with the charge's payment intent.
 * Read before the webhook's transaction; the transaction reads the invoice itself.
 */
export async function findPlusInvoiceId(db: Firestore, charge: Stripe.Charge): Promise<string | null> {
  const raw = (charge as unknown as { invoice?: unknown }).invoice;
  const direct =
    safeStripeId(typeof raw === 'string' ? raw : (raw as { id?: unknown } | null)?.id) ??
    safeStripeId(charge.metadata?.invoiceId);
  if (direct) return (await plusInvoiceRef(db, direct).get()).exists ? direct : null;
  const pi = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!pi) return null;
  const found = await plusInvoicesCol(db).where('paymentIntentId', '==', pi).limit(1).get();
  return found.docs[0]?.id ?? null;
}

export type PlusRefundOutcome = 'plus-refunded' | 'plus-refund-carried' | 'plus-already-refunded';

export async function applyPlusInvoiceRefunded(
  deps: { db: Firestore; now: Date },
  tx: Transaction,
  invoiceId: string,
  charge: Stripe.Charge,
): Promise<{ outcome: PlusRefundOutcome; record: Record<string, unknown> } | null> {
  const { db, now } = deps;
  const ref = plusInvoiceRef(db, invoiceId);
  const invoice = await tx.get(ref);
  if (!invoice.exists) return null;
  const month = str(invoice.get('month'));
  const monthSnap = await tx.get(plusMonthRef(db, month));
  const paid = Math.max(0, Math.round(num(invoice.get('amountPaid'))));
  const already = num(invoice.get('amountRefunded'));
  const target = Math.min(paid, Math.max(0, Math.round(charge.amount_refunded)));
  const delta = target - already;
  const record = { plusInvoiceId: invoiceId, chargeId: charge.id, month };
  if (delta <= 0) return { outcome: 'plus-already-refunded', record };
  if (isPlusMonthOpen(monthSnap.get('state'))) {
    tx.update(ref, { amountRefunded: target, refundedAt: now, updatedAt: now });
    return { outcome: 'plus-refunded', record: { ...record, refundDelta: delta } };
  }
  const carryId = `${invoiceId}_${target}`;
  tx.update(ref, {
    amountRefunded: target,
    refundCarried: num(invoice.get('refundCarried')) + delta,
    refundedAt: now,
    updatedAt: now,
  });
  tx.set(plusCarryRef(db, carryId), {
    invoiceId,
    fromMonth: month,
    amount: delta,
    currency: str(invoice.get('currency'), charge.currency.toUpperCase()).toUpperCase(),
    chargeId: charge.id,
    appliedToMonth: null,
    createdAt: now,
  });
  return { outcome: 'plus-refund-carried', record: { ...record, refundDelta: delta, carryId } };
}
