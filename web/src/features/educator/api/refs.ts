// earnings/{uid}, its entries and the host's live sessions, as the educator dashboard reads them.
// Read-only converters: these documents are written by the server (or the live feature).
import type { EarningsEntryLike } from '@skillverse/domain/educator';
import { LIVE_SESSION_STATUSES } from '@skillverse/domain/models';
import { PAYOUT_STATUSES } from '@skillverse/domain/payouts';
import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  asNum,
  bool,
  dateOrNow,
  dateOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOfAll,
  str,
  strings,
} from '@/lib/firestore/converters/parse';

export const educatorPaths = {
  earnings: (uid: string) => `earnings/${uid}`,
  earningsEntries: (uid: string) => `earnings/${uid}/entries`,
  liveSessions: () => 'liveSessions',
} as const;

/** Currency → minor units; all or nothing, as before: one value that is not a number empties it. */
const moneyMap = (v: unknown) => recordOfAll(v, asNum);

export interface EarningsSummaryDoc {
  /** Currency → minor units earned, net of refunds (server-kept running total). */
  totals: Record<string, number>;
  /** Currency → minor units paid out; empty until payouts exist. */
  paidOut: Record<string, number>;
  paymentsCount: number;
}

export const earningsConverter = readOnlyConverter('earnings', (_id, data): EarningsSummaryDoc => {
  const d = obj(data);
  return { totals: moneyMap(d.totals), paidOut: moneyMap(d.paidOut), paymentsCount: num(d.paymentsCount) };
});

export type EarningsEntryDoc = EarningsEntryLike & { id: string; courseId: string };

export const earningsEntryConverter = readOnlyConverter('earnings entries', (id, data): EarningsEntryDoc => {
  const d = obj(data);
  return {
    id,
    courseId: str(d.courseId),
    amount: num(d.amount),
    refundedAmount: num(d.refundedAmount),
    currency: str(d.currency, 'USD'),
    status: str(d.status, 'credited'),
    createdAt: dateOrNow(d.createdAt),
    paidOutAt: dateOrNull(d.paidOutAt),
  };
});

export interface HostedSession {
  id: string;
  title: string;
  scheduledAt: Date;
  durationMin: number;
  status: (typeof LIVE_SESSION_STATUSES)[number];
  registeredCount: number;
  capacity: number;
}

export const hostedSessionConverter = readOnlyConverter('liveSessions', (id, data): HostedSession => {
  const d = obj(data);
  return {
    id,
    title: str(d.title),
    scheduledAt: dateOrNow(d.scheduledAt),
    durationMin: num(d.durationMin),
    status: oneOf(LIVE_SESSION_STATUSES, d.status, 'scheduled'),
    registeredCount: num(d.registeredCount),
    capacity: num(d.capacity),
  };
});

export const earningsRef = (uid: string) =>
  doc(db, educatorPaths.earnings(uid)).withConverter(earningsConverter);
export const earningsEntriesRef = (uid: string) =>
  collection(db, educatorPaths.earningsEntries(uid)).withConverter(earningsEntryConverter);
export const hostedSessionsRef = () =>
  collection(db, educatorPaths.liveSessions()).withConverter(hostedSessionConverter);

// ---------------------------------------------------------------------------------------------
// Instructor payouts: educatorPayouts/{uid} (Stripe Connect onboarding flags) and its payouts
// ledger, both written only by functions.

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

/** A sale as the payouts card lists it: gross, platform fee, net and where the money went. */
export interface SaleEntryDoc {
  id: string;
  courseId: string;
  amount: number;
  grossAmount: number;
  platformFee: number;
  currency: string;
  status: string;
  transferId: string | null;
  payout: 'transferred' | 'pending';
  transferReversal: string | null;
  createdAt: Date;
}

export const saleEntryConverter = readOnlyConverter('earnings entries', (id, data): SaleEntryDoc => {
  const d = obj(data);
  const amount = num(d.amount);
  return {
    id,
    courseId: str(d.courseId),
    amount,
    grossAmount: num(d.grossAmount, amount),
    platformFee: num(d.platformFee),
    currency: str(d.currency, 'USD'),
    status: str(d.status, 'credited'),
    transferId: nullableStr(d.transferId),
    payout: oneOf(['transferred', 'pending'] as const, d.payout, 'pending'),
    transferReversal: nullableStr(d.transferReversal),
    createdAt: dateOrNow(d.createdAt),
  };
});

export const payoutAccountRef = (uid: string) =>
  doc(db, `educatorPayouts/${uid}`).withConverter(payoutAccountConverter);
export const payoutsRef = (uid: string) =>
  collection(db, `educatorPayouts/${uid}/payouts`).withConverter(payoutConverter);
export const saleEntriesRef = (uid: string) =>
  collection(db, educatorPaths.earningsEntries(uid)).withConverter(saleEntryConverter);
