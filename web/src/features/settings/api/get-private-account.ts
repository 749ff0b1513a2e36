import { docSource } from '@/lib/firestore/live-source';
import { privateAccountRef } from '@/lib/data/users';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function privateAccountQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['users', uid ?? null, 'private-account'] as const,
    uid ? docSource(privateAccountRef(uid)) : null,
  );
}

/** users/{uid}/private/account (email and notification preferences), live; owner only. */
export function usePrivateAccount(uid: string | undefined) {
  return useLiveQuery(privateAccountQueryOptions(uid));
}
