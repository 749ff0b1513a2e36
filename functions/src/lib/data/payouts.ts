// Instructor payouts (Stripe Connect Express), server-only: educatorPayouts/{uid} (the connected
// account and its onboarding flags), educatorPayouts/{uid}/payouts/{payoutId} (the payouts ledger),
// stripeAccounts/{accountId} → { uid } (finds a Connect event's educator with one read),
// educatorPayouts/{uid}/heldReleases/{releaseId} (one transfer of earnings held before onboarding).
import type { ConnectAccountFlags } from '@skillverse/domain/payouts';
import type {
  CollectionReference,
  DocumentReference,
  DocumentSnapshot,
  Firestore,
} from 'firebase-admin/firestore';
import { nonEmptyStrOrNull, strList } from '@skillverse/domain/fields';

export const EDUCATOR_PAYOUTS = 'educatorPayouts';
export const PAYOUTS = 'payouts';
export const STRIPE_ACCOUNTS = 'stripeAccounts';
export const HELD_RELEASES = 'heldReleases';

export const educatorPayoutsRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(EDUCATOR_PAYOUTS).doc(uid);
export const payoutRef = (db: Firestore, uid: string, payoutId: string): DocumentReference =>
  educatorPayoutsRef(db, uid).collection(PAYOUTS).doc(payoutId);
export const heldReleasesCol = (db: Firestore, uid: string): CollectionReference =>
  educatorPayoutsRef(db, uid).collection(HELD_RELEASES);
export const heldReleaseRef = (db: Firestore, uid: string, releaseId: string): DocumentReference =>
  heldReleasesCol(db, uid).doc(releaseId);
export const stripeAccountRef = (db: Firestore, accountId: string): DocumentReference =>
  db.collection(STRIPE_ACCOUNTS).doc(accountId);

/** An educator's connected account as the checkout and onboarding read it (defaults when absent). */
export function readConnectAccount(snap: DocumentSnapshot | undefined | null): ConnectAccountFlags & {
  mode: 'stripe' | 'local' | null;
} {
  const d = snap?.exists ? (snap.data() ?? {}) : {};
  return {
    accountId: nonEmptyStrOrNull(d.accountId),
    chargesEnabled: d.chargesEnabled === true,
    payoutsEnabled: d.payoutsEnabled === true,
    detailsSubmitted: d.detailsSubmitted === true,
    requirementsDue: strList(d.requirementsDue),
    mode: d.mode === 'local' || d.mode === 'stripe' ? d.mode : null,
  };
}
