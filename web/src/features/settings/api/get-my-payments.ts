import { limit, query, where } from 'firebase/firestore';
import { type PaymentRecord, paymentsRef } from '@/lib/data/payments';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const PAYMENTS_SHOWN = 100;

const newestFirst = (items: PaymentRecord[]) =>
  [...items].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

export function myPaymentsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['payments', 'mine', uid ?? null] as const,
    uid
      ? querySource(query(paymentsRef(), where('uid', '==', uid), limit(PAYMENTS_SHOWN)), newestFirst)
      : null,
  );
}

/** The signed-in user's payments (the rules let the payer read them), live. */
export function useMyPayments(uid: string | undefined) {
  return useLiveQuery(myPaymentsQueryOptions(uid));
}
