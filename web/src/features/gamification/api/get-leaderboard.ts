import { limit, orderBy, query } from 'firebase/firestore';
import { leaderboardEntriesRef } from '@/lib/data/leaderboards';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const LEADERBOARD_SIZE = 50;

export function leaderboardQueryOptions(period: string) {
  return liveQueryOptions(
    ['leaderboards', period, 'top', LEADERBOARD_SIZE] as const,
    querySource(query(leaderboardEntriesRef(period), orderBy('points', 'desc'), limit(LEADERBOARD_SIZE))),
  );
}

/** The top 50 of a board (`allTime` or an ISO week like `2026-W48`), live. */
export function useLeaderboard(period: string) {
  return useLiveQuery(leaderboardQueryOptions(period));
}
