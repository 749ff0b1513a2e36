import { docSource } from '@/lib/firestore/live-source';
import { platformStatsRef } from '@/lib/data/stats';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function platformStatsQueryOptions() {
  return liveQueryOptions(['stats', 'platform'] as const, docSource(platformStatsRef()));
}

/** The headline counters (one document), live; null until the server has written them. */
export function usePlatformStats() {
  return useLiveQuery(platformStatsQueryOptions());
}
