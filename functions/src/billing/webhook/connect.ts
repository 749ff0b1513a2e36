// Stripe Connect webhook paths (instructor payouts). Each runs inside the webhook's one
// transaction per event (handle-stripe-webhook.ts), after its stripeEvents/{id} check (so a
// redelivery is a 'duplicate'), and reads only per-educator / per-payout / per-payment documents;
// the shared earnings total takes blind increments, as in the checkout path.
//
// Order safety:
// - account.updated: the event's `created` is stored as accountEventCreated; an event older than
//   the stored one is recorded as 'stale' and changes nothing (an account.updated carries the
//   whole account, so the newest event wins). Two events in the same second apply in delivery
//   order — Stripe's `created` has one-second resolution, and both carry a full snapshot.
// - payout.paid / payout.failed: 'failed' is terminal (the money went back to the balance); a
//   'paid' that arrives after 'failed' is stale. paid → failed (Stripe can fail a paid payout)
//   takes the amount back off paidOut. paidOut changes at most once each way per payout.
// - charge.succeeded (the transfer of a destination charge) only records ids; it may come before
//   or after checkout.session.completed, which copies what it finds.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { FieldValue } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import type Stripe from 'stripe';
import { str } from '@skillverse/domain/fields';
import { earningEntryRef, earningsRef } from '../../lib/data/earnings';
import { paymentRef } from '../../lib/data/payments';
import { educatorPayoutsRef, payoutRef, stripeAccountRef } from '../../lib/data/payouts';
import { safeStripeId } from '../payouts-data';
import type { Applied, WebhookDeps } from './webhook-data';

async function uidOfAccount(
  db: Firestore,
  tx: Transaction,
  accountId: string | null,
  metadataUid?: string,
): Promise<string | null> {
  if (!accountId) return null;
  const snap = await tx.get(stripeAccountRef(db, accountId));
  const uid = snap.exists ? str(snap.get('uid')) : '';
  if (uid) return uid;
  // An account we created carries metadata.uid (createConnectOnboardingLink); only account.updated
  // carries the account object, so payouts need the stripeAccounts lookup.
  return metadataUid && !metadataUid.includes('/') ? metadataUid : null;
}

export async function applyAccountUpdated(
  deps: WebhookDeps,
  tx: Transaction,
  event: Stripe.Event,
  account: Stripe.Account,
): Promise<Applied> {
  const { db, now } = deps;
  const accountId = safeStripeId(account.id);
  const uid = await uidOfAccount(db, tx, accountId, account.metadata?.uid);
  const record = { accountId, uid };
  if (!accountId || !uid) {
    logger.warn('stripe webhook: account.updated for an unknown account', { accountId, eventId: event.id });
    return { outcome: 'account-unmatched', paymentId: null, record };
  }
  const ref = educatorPayoutsRef(db, uid);
  const snap = await tx.get(ref);
  const stored = snap.exists ? str(snap.get('accountId')) : '';
  if (stored && stored !== accountId) {
    logger.warn('stripe webhook: account.updated for an account the educator no longer uses', {
      accountId,
      uid,
    });
    return { outcome: 'account-unmatched', paymentId: null, record };
  }
  const last = snap.exists ? Number(snap.get('accountEventCreated') ?? 0) : 0;
  if (event.created < last) return { outcome: 'stale', paymentId: null, record };
  const req = account.requirements;
  const requirementsDue = [...new Set([...(req?.past_due ?? []), ...(req?.currently_due ?? [])])];
  tx.set(
    ref,
    {
      uid,
      accountId,
      chargesEnabled: account.charges_enabled === true,
      payoutsEnabled: account.payouts_enabled === true,
      detailsSubmitted: account.details_submitted === true,
      requirementsDue,
      disabledReason: req?.disabled_reason ?? null,
      accountEventCreated: event.created,
      updatedAt: now,
      ...(snap.exists
        ? {}
        : { createdAt: now, mode: accountId.startsWith('acct_local_') ? 'local' : 'stripe' }),
    },
    { merge: true },
  );
  tx.set(stripeAccountRef(db, accountId), { uid, accountId }, { merge: true });
  return { outcome: 'account-updated', paymentId: null, record };
}

export async function applyPayout(
  deps: WebhookDeps,
  tx: Transaction,
  event: Stripe.Event,
  payout: Stripe.Payout,
): Promise<Applied> {
  const { db, now } = deps;
  const accountId = safeStripeId(event.account);
  const payoutId = safeStripeId(payout.id);
  const uid = await uidOfAccount(db, tx, accountId);
  const record = { accountId, uid, payoutId };
  if (!uid || !payoutId) {
    logger.warn('stripe webhook: payout for an unknown account', { accountId, eventId: event.id });
    return { outcome: 'account-unmatched', paymentId: null, record };
  }
  const ref = payoutRef(db, uid, payoutId);
  const snap = await tx.get(ref);
  const prev = snap.exists ? str(snap.get('status')) : '';
  const counted = snap.exists && snap.get('countedInPaidOut') === true;
  const status = event.type === 'payout.paid' ? 'paid' : 'failed';
  if (prev === 'failed' || (prev === 'paid' && status === 'paid')) {
    return { outcome: 'stale', paymentId: null, record };
  }
  const currency = payout.currency.toUpperCase();
  const countNow = status === 'paid';
  tx.set(
    ref,
    {
      payoutId,
      accountId,
      amount: payout.amount,
      currency,
      status,
      arrivalDate: payout.arrival_date ? new Date(payout.arrival_date * 1000) : null,
      failureMessage: status === 'failed' ? (payout.failure_message ?? 'The payout failed.') : null,
      countedInPaidOut: countNow,
      stripeCreatedAt: new Date((payout.created ?? event.created) * 1000),
      updatedAt: now,
      ...(snap.exists ? {} : { createdAt: now }),
    },
    { merge: true },
  );
  const delta = countNow && !counted ? payout.amount : !countNow && counted ? -payout.amount : 0;
  if (delta !== 0) {
    tx.set(
      earningsRef(db, uid),
      { instructorId: uid, paidOut: { [currency]: FieldValue.increment(delta) }, updatedAt: now },
      { merge: true },
    );
  }
  return { outcome: status === 'paid' ? 'payout-paid' : 'payout-failed', paymentId: null, record };
}

export async function applyChargeSucceeded(
  deps: WebhookDeps,
  tx: Transaction,
  charge: Stripe.Charge,
): Promise<Applied> {
  const { db, now } = deps;
  const paymentId = safeStripeId(charge.metadata?.paymentId ?? null);
  const transferId = typeof charge.transfer === 'string' ? charge.transfer : (charge.transfer?.id ?? null);
  const record = { paymentId, chargeId: charge.id, transferId };
  if (!paymentId) return { outcome: 'unmatched', paymentId: null, record: { ...record, paymentId: null } };
  const payment = paymentRef(db, paymentId);
  const snap = await tx.get(payment);
  if (!snap.exists) return { outcome: 'unmatched', paymentId: null, record: { ...record, paymentId: null } };
  const instructorId = str(snap.get('instructorId'));
  const entryRef = instructorId ? earningEntryRef(db, instructorId, paymentId) : null;
  const entry = entryRef ? await tx.get(entryRef) : null;
  tx.update(payment, { stripeChargeId: charge.id, stripeTransferId: transferId, updatedAt: now });
  if (entryRef && entry?.exists && transferId) tx.update(entryRef, { transferId, updatedAt: now });
  return { outcome: 'transfer-recorded', paymentId, record };
}
