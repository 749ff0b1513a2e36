import { limit, orderBy, query } from 'firebase/firestore';
import { matchesRef } from '@/lib/data/exchanges';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const MATCH_LIST_SIZE = 20;

export function matchesQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['exchange', 'matches', uid ?? null, MATCH_LIST_SIZE] as const,
    uid ? querySource(query(matchesRef(uid), orderBy('score', 'desc'), limit(MATCH_LIST_SIZE))) : null,
  );
}

/** My matches, best first, live (written by the matching trigger, display fields included). */
export function useMatches(uid: string | undefined) {
  return useLiveQuery(matchesQueryOptions(uid));
}
