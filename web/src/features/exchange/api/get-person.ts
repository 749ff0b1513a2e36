import { userRef } from '@/lib/firestore/refs';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** users/{uid} (the public profile) of the other participant, live. */
export function personQueryOptions(uid: string | undefined) {
  return liveQueryOptions(['users', uid ?? null, 'profile'] as const, uid ? docSource(userRef(uid)) : null);
}

export function usePerson(uid: string | undefined) {
  return useLiveQuery(personQueryOptions(uid));
}
