// earnings/{uid}, its entries and the host's live sessions, as the educator dashboard reads them.
// Read-only converters: these documents are written by the server (or the live feature).
import type { EarningsEntryLike } from '@skillverse/domain/educator';
import { LIVE_SESSION_STATUSES } from '@skillverse/domain/models';
import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  asNum,
  dateOrNow,
  dateOrNull,
  num,
  obj,
  oneOf,
  readOnlyConverter,
  recordOfAll,
  str,
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
