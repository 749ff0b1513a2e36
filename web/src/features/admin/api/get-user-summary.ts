import { docSource } from '@/lib/firestore/live-source';
import { userRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function userSummaryQueryOptions(uid: string) {
  return liveQueryOptions(['users', uid, 'profile'] as const, docSource(userRef(uid)));
}

/** A user's public profile (name, photo, roles, status), live: shared with other views of it. */
export function useUserSummary(uid: string) {
  return useLiveQuery(userSummaryQueryOptions(uid));
}
