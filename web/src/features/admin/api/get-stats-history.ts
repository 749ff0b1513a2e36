import { docSource } from '@/lib/firestore/live-source';
import { statsHistoryRef } from '@/lib/data/stats';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function statsHistoryQueryOptions() {
  return liveQueryOptions(['stats', 'history'] as const, docSource(statsHistoryRef()));
}

/** The daily rollup's last 90 days, in one document, live. */
export function useStatsHistory() {
  return useLiveQuery(statsHistoryQueryOptions());
}
