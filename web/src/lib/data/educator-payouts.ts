// Instructor payouts: educatorPayouts/{uid} (Stripe Connect onboarding flags) and its payouts
// ledger, both written only by functions: paths, converters, refs.
import { PAYOUT_STATUSES } from '@skillverse/domain/payouts';
import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  bool,
  dateOrNow,
  dateOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  str,
  strings,
} from '@/lib/firestore/parse';

export const educatorPayoutPaths = {
  account: (uid: string) => `educatorPayouts/${uid}`,
  payouts: (uid: string) => `educatorPayouts/${uid}/payouts`,
  heldReleases: (uid: string) => `educatorPayouts/${uid}/heldReleases`,
} as const;

export interface PayoutAccountDoc {
  accountId: string | null;
  mode: 'stripe' | 'local' | null;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  detailsSubmitted: boolean;
  requirementsDue: string[];
  disabledReason: string | null;
}

export const payoutAccountConverter = readOnlyConverter('educatorPayouts', (_id, data): PayoutAccountDoc => {
  const d = obj(data);
  return {
    accountId: nullableStr(d.accountId) || null,
    mode: oneOf(['stripe', 'local'] as const, d.mode, null),
    chargesEnabled: bool(d.chargesEnabled),
    payoutsEnabled: bool(d.payoutsEnabled),
    detailsSubmitted: bool(d.detailsSubmitted),
    requirementsDue: strings(d.requirementsDue),
    disabledReason: nullableStr(d.disabledReason),
  };
});

export interface PayoutDoc {
  id: string;
  amount: number;
  currency: string;
  status: (typeof PAYOUT_STATUSES)[number];
  arrivalDate: Date | null;
  failureMessage: string | null;
  createdAt: Date;
}

export const payoutConverter = readOnlyConverter('payouts', (id, data): PayoutDoc => {
  const d = obj(data);
  return {
    id,
    amount: num(d.amount),
    currency: str(d.currency, 'USD'),
    status: oneOf(PAYOUT_STATUSES, d.status, 'pending'),
    arrivalDate: dateOrNull(d.arrivalDate),
    failureMessage: nullableStr(d.failureMessage),
    createdAt: dateOrNow(d.createdAt),
  };
});

export const payoutAccountRef = (uid: string) =>
  doc(db, educatorPayoutPaths.account(uid)).withConverter(payoutAccountConverter);
export const payoutsRef = (uid: string) =>
  collection(db, educatorPayoutPaths.payouts(uid)).withConverter(payoutConverter);

/** heldReleases/{id}: the one transfer of earnings held until onboarding finished (server-written). */
export interface HeldReleaseDoc {
  id: string;
  amount: number;
  currency: string;
  state: 'pending' | 'transferring' | 'paid';
  transferId: string | null;
  paidAt: Date | null;
  createdAt: Date;
}

export const heldReleaseConverter = readOnlyConverter('heldReleases', (id, data): HeldReleaseDoc => {
  const d = obj(data);
  return {
    id,
    amount: num(d.amount),
    currency: str(d.currency, 'USD'),
    state: oneOf(['pending', 'transferring', 'paid'] as const, d.state, 'pending'),
    transferId: nullableStr(d.transferId),
    paidAt: dateOrNull(d.paidAt),
    createdAt: dateOrNow(d.createdAt),
  };
});

export const heldReleasesRef = (uid: string) =>
  collection(db, educatorPayoutPaths.heldReleases(uid)).withConverter(heldReleaseConverter);
