import { docSource } from '@/lib/firestore/live-source';
import { activityRef } from '@/lib/data/users';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function activityQueryOptions(uid: string | undefined) {
  return liveQueryOptions(['activity', uid ?? null] as const, uid ? docSource(activityRef(uid)) : null);
}

/** users/{uid}/private/activity, live: points per local day for the streak heat-map (null: none yet). */
export function useActivity(uid: string | undefined) {
  return useLiveQuery(activityQueryOptions(uid));
}
