// Instructor payouts (Stripe Connect Express): the server-only documents. educatorPayouts/{uid}
// holds the educator's connected account and its onboarding flags (written by
// createConnectOnboardingLink and the account.updated webhook), educatorPayouts/{uid}/payouts/{id}
// the payouts ledger (payout.paid / payout.failed), stripeAccounts/{accountId} → { uid } lets a
// Connect event (event.account) find its educator with one document read instead of a query.
import { type ConnectAccountFlags, DEFAULT_PLATFORM_FEE_BPS } from '@skillverse/domain/payouts';
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { defineInt } from 'firebase-functions/params';

/** Platform fee on destination charges, in basis points (2000 = 20 %). */
export const PLATFORM_FEE_BPS = defineInt('PLATFORM_FEE_BPS', {
  default: DEFAULT_PLATFORM_FEE_BPS,
  description: 'Platform fee on course sales by educators with payouts set up, in basis points',
});

export const educatorPayoutsRef = (db: Firestore, uid: string) => db.collection('educatorPayouts').doc(uid);
export const payoutRef = (db: Firestore, uid: string, payoutId: string) =>
  educatorPayoutsRef(db, uid).collection('payouts').doc(payoutId);
export const stripeAccountRef = (db: Firestore, accountId: string) =>
  db.collection('stripeAccounts').doc(accountId);

/** A Stripe id we may use as a document id (no slash, bounded). */
export function safeStripeId(id: unknown): string | null {
  return typeof id === 'string' && /^[A-Za-z0-9_]{1,128}$/.test(id) ? id : null;
}

export function readConnectAccount(snap: DocumentSnapshot | undefined | null): ConnectAccountFlags & {
  mode: 'stripe' | 'local' | null;
} {
  const d = snap?.exists ? (snap.data() ?? {}) : {};
  return {
    accountId: typeof d.accountId === 'string' && d.accountId ? d.accountId : null,
    chargesEnabled: d.chargesEnabled === true,
    payoutsEnabled: d.payoutsEnabled === true,
    detailsSubmitted: d.detailsSubmitted === true,
    requirementsDue: Array.isArray(d.requirementsDue)
      ? d.requirementsDue.filter((r): r is string => typeof r === 'string')
      : [],
    mode: d.mode === 'local' || d.mode === 'stripe' ? d.mode : null,
  };
}

/** The deterministic simulated account of an educator in the keyless local mode. */
export const localAccountId = (uid: string) => `acct_local_${uid.replace(/[^A-Za-z0-9]/g, '').slice(0, 64)}`;
