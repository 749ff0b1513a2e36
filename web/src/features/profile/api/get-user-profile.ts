import { useLiveQuery, liveQueryOptions } from '@/lib/firestore/use-live-query';
import { docSource } from '@/lib/firestore/live-source';
import { userRef } from '@/lib/firestore/refs';

/** users/{uid}, live. `null` data: the document does not exist (yet). */
export function getUserProfileSource(uid: string) {
  return docSource(userRef(uid));
}

export function userProfileQueryOptions(uid: string | undefined) {
  return liveQueryOptions(['users', uid ?? null, 'profile'] as const, uid ? getUserProfileSource(uid) : null);
}

export function useUserProfile(uid: string | undefined) {
  return useLiveQuery(userProfileQueryOptions(uid));
}
