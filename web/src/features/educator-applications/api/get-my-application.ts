import { docSource } from '@/lib/firestore/live-source';
import { educatorApplicationRef } from '@/lib/data/educator-applications';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function myApplicationQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['educatorApplications', uid ?? null] as const,
    uid ? docSource(educatorApplicationRef(uid)) : null,
  );
}

/** educatorApplications/{uid} of the signed-in user, live (null: not applied yet). */
export function useMyApplication(uid: string | undefined) {
  return useLiveQuery(myApplicationQueryOptions(uid));
}
