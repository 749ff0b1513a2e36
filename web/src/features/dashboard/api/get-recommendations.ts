import { recommendationsRef } from '@/lib/data/recommendations';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function recommendationsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['recommendations', uid ?? null] as const,
    uid ? docSource(recommendationsRef(uid)) : null,
  );
}

/** My "recommended for you" courses (one document), live; null until the first computation. */
export function useRecommendations(uid: string | undefined) {
  return useLiveQuery(recommendationsQueryOptions(uid));
}
