import { rankFromAhead } from '@skillverse/domain/achievements';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { getCountFromServer, query, where } from 'firebase/firestore';
import { leaderboardEntriesRef, leaderboardEntryRef } from '@/lib/data/leaderboards';
import { docSource, LiveQueryError } from '@/lib/firestore/live-source';
import { READ_METRICS, recordReads } from '@/lib/firestore/read-metrics';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function myEntryQueryOptions(period: string, uid: string | undefined) {
  return liveQueryOptions(
    ['leaderboards', period, 'entry', uid ?? null] as const,
    uid ? docSource(leaderboardEntryRef(period, uid)) : null,
  );
}

/** My own entry on a board, live (null: no points in that period yet). */
export function useMyEntry(period: string, uid: string | undefined) {
  return useLiveQuery(myEntryQueryOptions(period, uid));
}

async function getRank(period: string, points: number): Promise<number> {
  try {
    // count() reads one index entry per 1,000 counted, not the documents.
    const snap = await getCountFromServer(query(leaderboardEntriesRef(period), where('points', '>', points)));
    if (READ_METRICS) recordReads('get', `leaderboards/${period}/entries (count)`, 1);
    return rankFromAhead(snap.data().count);
  } catch (error) {
    throw LiveQueryError.from(error);
  }
}

/**
 * My rank on a board: 1 + the number of entries with more points than mine (a count()
 * aggregation). Keyed by my points and by the points of the last of the top 50 (`cutoff`), so it
 * is asked again whenever my points change or someone moves on the visible board.
 */
export function myRankQueryOptions(period: string, points: number | null, cutoff: number | null = null) {
  return queryOptions({
    queryKey: ['leaderboards', period, 'rank', points, cutoff] as const,
    queryFn: () => getRank(period, points ?? 0),
    enabled: points !== null,
    staleTime: 60_000,
  });
}

export function useMyRank(period: string, points: number | null, cutoff: number | null, enabled = true) {
  const options = myRankQueryOptions(period, points, cutoff);
  return useQuery({ ...options, enabled: options.enabled && enabled });
}
