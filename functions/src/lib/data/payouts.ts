// Instructor payouts (Stripe Connect Express), server-only: educatorPayouts/{uid} (the connected
// account and its onboarding flags), educatorPayouts/{uid}/payouts/{payoutId} (the payouts ledger),
// stripeAccounts/{accountId} → { uid } (finds a Connect event's educator with one read).
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const EDUCATOR_PAYOUTS = 'educatorPayouts';
export const PAYOUTS = 'payouts';
export const STRIPE_ACCOUNTS = 'stripeAccounts';

export const educatorPayoutsRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(EDUCATOR_PAYOUTS).doc(uid);
export const payoutRef = (db: Firestore, uid: string, payoutId: string): DocumentReference =>
  educatorPayoutsRef(db, uid).collection(PAYOUTS).doc(payoutId);
export const stripeAccountRef = (db: Firestore, accountId: string): DocumentReference =>
  db.collection(STRIPE_ACCOUNTS).doc(accountId);
