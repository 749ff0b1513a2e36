// earnings/{uid}, its entries and the host's live sessions, as the educator dashboard reads them.
// Read-only converters: these documents are written by the server (or the live feature).
import type { EarningsEntryLike } from '@skillverse/domain/educator';
import { LIVE_SESSION_STATUSES } from '@skillverse/domain/models';
import { collection, doc } from 'firebase/firestore';
import { z } from 'zod';
import { db } from '@/lib/firebase';
import { count, dateOrNow, dateOrNull, readOnlyConverter, text } from '@/lib/firestore/converters/parse';

export const educatorPaths = {
  earnings: (uid: string) => `earnings/${uid}`,
  earningsEntries: (uid: string) => `earnings/${uid}/entries`,
  liveSessions: () => 'liveSessions',
} as const;

const moneyMap = z.record(z.string(), z.number()).catch({});

export interface EarningsSummaryDoc {
  /** Currency → minor units earned, net of refunds (server-kept running total). */
  totals: Record<string, number>;
  /** Currency → minor units paid out; empty until payouts exist. */
  paidOut: Record<string, number>;
  paymentsCount: number;
}

const earningsSchema = z.object({ totals: moneyMap, paidOut: moneyMap, paymentsCount: count });

export const earningsConverter = readOnlyConverter(
  'earnings',
  (_id, data): EarningsSummaryDoc => earningsSchema.parse(data ?? {}),
);

export type EarningsEntryDoc = EarningsEntryLike & { id: string; courseId: string };

const entrySchema = z.object({
  courseId: text(),
  amount: count,
  refundedAmount: count,
  currency: text('USD'),
  status: text('credited'),
  createdAt: dateOrNow,
  paidOutAt: dateOrNull,
});

export const earningsEntryConverter = readOnlyConverter(
  'earnings entries',
  (id, data): EarningsEntryDoc => ({
    id,
    ...entrySchema.parse(data ?? {}),
  }),
);

export interface HostedSession {
  id: string;
  title: string;
  scheduledAt: Date;
  durationMin: number;
  status: (typeof LIVE_SESSION_STATUSES)[number];
  registeredCount: number;
  capacity: number;
}

const sessionSchema = z.object({
  title: text(),
  scheduledAt: dateOrNow,
  durationMin: count,
  status: z.enum(LIVE_SESSION_STATUSES).catch('scheduled'),
  registeredCount: count,
  capacity: count,
});

export const hostedSessionConverter = readOnlyConverter(
  'liveSessions',
  (id, data): HostedSession => ({
    id,
    ...sessionSchema.parse(data ?? {}),
  }),
);

export const earningsRef = (uid: string) =>
  doc(db, educatorPaths.earnings(uid)).withConverter(earningsConverter);
export const earningsEntriesRef = (uid: string) =>
  collection(db, educatorPaths.earningsEntries(uid)).withConverter(earningsEntryConverter);
export const hostedSessionsRef = () =>
  collection(db, educatorPaths.liveSessions()).withConverter(hostedSessionConverter);
