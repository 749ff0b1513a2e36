import { docSource } from '@/lib/firestore/live-source';
import { paymentRef } from '@/lib/data/payments';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function paymentQueryOptions(paymentId: string | undefined) {
  return liveQueryOptions(
    ['payments', paymentId ?? null] as const,
    paymentId ? docSource(paymentRef(paymentId)) : null,
  );
}

/** payments/{id} (the payer reads it), live: the webhook moves its status. */
export function usePayment(paymentId: string | undefined) {
  return useLiveQuery(paymentQueryOptions(paymentId));
}
