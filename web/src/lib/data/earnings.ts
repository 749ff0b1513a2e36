// earnings/{uid} (the instructor's running totals) and earnings/{uid}/entries (one per sale), both
// written only by functions: paths, the one converter of each, refs.
import type { EarningsEntryLike } from '@skillverse/domain/educator';
import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  asNum,
  dateOrNow,
  dateOrNull,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOfAll,
  str,
} from '@/lib/firestore/parse';

export const earningsPaths = {
  earnings: (uid: string) => `earnings/${uid}`,
  entries: (uid: string) => `earnings/${uid}/entries`,
} as const;

/** Currency → minor units; all or nothing, as before: one value that is not a number empties it. */
const moneyMap = (v: unknown) => recordOfAll(v, asNum);

export interface EarningsSummaryDoc {
  /** Currency → minor units earned, net of refunds (server-kept running total). */
  totals: Record<string, number>;
  /** Currency → minor units paid out; empty until payouts exist. */
  paidOut: Record<string, number>;
  paymentsCount: number;
  /** Currency → minor units sent to the connected account (destination charges, released holds). */
  transferred?: Record<string, number>;
}

export const earningsConverter = readOnlyConverter('earnings', (_id, data): EarningsSummaryDoc => {
  const d = obj(data);
  return {
    totals: moneyMap(d.totals),
    paidOut: moneyMap(d.paidOut),
    paymentsCount: num(d.paymentsCount),
    transferred: moneyMap(d.transferred),
  };
});

/**
 * A sale: what the earnings card sums (amount less refunds) and what the payouts card lists (gross,
 * platform fee, net and where the money went).
 */
export type EarningsEntryDoc = EarningsEntryLike & {
  id: string;
  courseId: string;
  refundedAmount: number;
  status: string;
  paidOutAt: Date | null;
  grossAmount: number;
  platformFee: number;
  transferId: string | null;
  payout: 'transferred' | 'pending' | 'releasing' | 'none';
  transferReversal: string | null;
  /** 'plus': a monthly Plus revenue-share statement (`plus_{month}`), not a course sale. */
  kind: 'sale' | 'plus';
  /** The statement's month ('YYYY-MM') for kind 'plus'. */
  month: string | null;
};

/** The same entry, as the payouts card names it. */
export type SaleEntryDoc = EarningsEntryDoc;

export function parseEarningsEntry(id: string, data: unknown): EarningsEntryDoc {
  const d = obj(data);
  const amount = num(d.amount);
  return {
    id,
    courseId: str(d.courseId),
    amount,
    refundedAmount: num(d.refundedAmount),
    grossAmount: num(d.grossAmount, amount),
    platformFee: num(d.platformFee),
    currency: str(d.currency, 'USD'),
    status: str(d.status, 'credited'),
    transferId: nullableStr(d.transferId),
    // 'releasing': in a transfer of held earnings being made (billing/release-held.ts).
    payout: oneOf(['transferred', 'pending', 'releasing', 'none'] as const, d.payout, 'pending'),
    transferReversal: nullableStr(d.transferReversal),
    kind: d.kind === 'plus' ? 'plus' : 'sale',
    month: nullableStr(d.month),
    createdAt: dateOrNow(d.createdAt),
    paidOutAt: dateOrNull(d.paidOutAt),
  };
}

export const earningsEntryConverter = readOnlyConverter('earnings entries', parseEarningsEntry);

export const earningsRef = (uid: string) =>
  doc(db, earningsPaths.earnings(uid)).withConverter(earningsConverter);
export const earningsEntriesRef = (uid: string) =>
  collection(db, earningsPaths.entries(uid)).withConverter(earningsEntryConverter);
