import type { PlatformStats } from '@skillverse/domain/stats';
import { sumCounterDocs } from '@skillverse/domain/stats';
import { parsePlatformStats, platformStatShardsRef, platformStatsRef } from '@/lib/data/stats';
import { combinedSource, docSource, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** The base document plus its shards (docs/scaling.md): null when the server has written neither. */
export function combinePlatformStats(base: PlatformStats | null, shards: unknown[]): PlatformStats | null {
  if (!base && shards.length === 0) return null;
  return sumCounterDocs(base ?? parsePlatformStats({}), shards);
}

export function platformStatsQueryOptions() {
  return liveQueryOptions(
    ['stats', 'platform'] as const,
    combinedSource(docSource(platformStatsRef()), querySource(platformStatShardsRef()), combinePlatformStats),
  );
}

/** The headline counters (the base document and up to 16 shards), live. */
export function usePlatformStats() {
  return useLiveQuery(platformStatsQueryOptions());
}
