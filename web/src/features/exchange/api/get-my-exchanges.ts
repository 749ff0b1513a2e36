import { limit, orderBy, query, where } from 'firebase/firestore';
import { exchangesRef } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const EXCHANGE_LIST_SIZE = 50;

export function myExchangesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'mine', uid ?? null, EXCHANGE_LIST_SIZE] as const,
    uid
      ? querySource(
          query(
            exchangesRef(),
            where('participants', 'array-contains', uid),
            orderBy('updatedAt', 'desc'),
            limit(EXCHANGE_LIST_SIZE),
          ),
        )
      : null,
  );
}

/** Every exchange I take part in (incoming, outgoing, active, past), most recent first, live. */
export function useMyExchanges(uid: string | undefined) {
  return useLiveQuery(myExchangesQueryOptions(uid));
}
