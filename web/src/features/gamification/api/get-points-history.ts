import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { getDocs, limit, orderBy, type QueryDocumentSnapshot, query, startAfter } from 'firebase/firestore';
import { type LedgerEntry, pointEventsRef } from '@/lib/data/leaderboards';
import { LiveQueryError } from '@/lib/firestore/live-source';
import { READ_METRICS, recordReads } from '@/lib/firestore/read-metrics';

export const POINTS_PAGE_SIZE = 20;

export interface PointsPage {
  items: LedgerEntry[];
  /** Where the next page starts; null on the last page. */
  cursor: QueryDocumentSnapshot<LedgerEntry> | null;
}

async function getPointsPage(
  uid: string,
  after: QueryDocumentSnapshot<LedgerEntry> | null,
): Promise<PointsPage> {
  try {
    const base = query(pointEventsRef(uid), orderBy('createdAt', 'desc'));
    // One more than a page tells whether there is another page, without an empty last fetch.
    const q = after
      ? query(base, startAfter(after), limit(POINTS_PAGE_SIZE + 1))
      : query(base, limit(POINTS_PAGE_SIZE + 1));
    const snap = await getDocs(q);
    if (READ_METRICS) recordReads('get', `users/${uid}/pointEvents`, Math.max(1, snap.size));
    const docs = snap.docs.slice(0, POINTS_PAGE_SIZE);
    return {
      items: docs.map((d) => d.data()),
      cursor: snap.docs.length > POINTS_PAGE_SIZE ? (docs.at(-1) ?? null) : null,
    };
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

export function pointsHistoryQueryOptions(uid: string | undefined) {
  return infiniteQueryOptions({
    queryKey: ['pointEvents', uid ?? null, 'history', POINTS_PAGE_SIZE] as const,
    queryFn: ({ pageParam }) => getPointsPage(uid!, pageParam),
    initialPageParam: null as QueryDocumentSnapshot<LedgerEntry> | null,
    getNextPageParam: (last) => last.cursor ?? undefined,
    enabled: Boolean(uid),
    staleTime: 30_000,
  });
}

/** My points ledger, newest first, a page at a time. */
export function usePointsHistory(uid: string | undefined) {
  return useInfiniteQuery(pointsHistoryQueryOptions(uid));
}
