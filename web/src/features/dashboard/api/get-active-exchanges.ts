import { limit, orderBy, query, where } from 'firebase/firestore';
import { exchangesRef } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { openExchanges } from '../utils/dashboard-lists';

/** Exchanges read (most recently updated first); the card shows the open ones among them. */
export const ACTIVE_EXCHANGES_READ = 6;

export function activeExchangesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'mine', uid ?? null, 'recent', ACTIVE_EXCHANGES_READ] as const,
    uid
      ? querySource(
          query(
            exchangesRef(),
            where('participants', 'array-contains', uid),
            orderBy('updatedAt', 'desc'),
            limit(ACTIVE_EXCHANGES_READ),
          ),
          openExchanges,
        )
      : null,
  );
}

/** My open exchanges (pending, accepted, active) with their unread counts, live. */
export function useActiveExchanges(uid: string | undefined) {
  return useLiveQuery(activeExchangesQueryOptions(uid));
}
