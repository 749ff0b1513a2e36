import { docSource } from '@/lib/firestore/live-source';
import { userRef } from '@/lib/firestore/refs';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function publicProfileQueryOptions(uid: string | undefined) {
  return liveQueryOptions(['users', uid ?? null, 'profile'] as const, uid ? docSource(userRef(uid)) : null);
}

/** A public profile (users/{uid}): the instructor card and reviewers' names. */
export function usePublicProfile(uid: string | undefined) {
  return useLiveQuery(publicProfileQueryOptions(uid));
}
