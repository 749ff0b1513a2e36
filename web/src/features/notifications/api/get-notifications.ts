import { limit, orderBy, query } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { notificationsRef } from '@/lib/data/notifications';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

/** How many notifications the centre shows (newest first). */
export const NOTIFICATION_PAGE_SIZE = 50;

export function notificationsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['notifications', uid ?? null, 'list', NOTIFICATION_PAGE_SIZE] as const,
    uid
      ? querySource(query(notificationsRef(uid), orderBy('createdAt', 'desc'), limit(NOTIFICATION_PAGE_SIZE)))
      : null,
  );
}

/** The signed-in user's notifications, newest first, live. */
export function useNotifications(uid: string | undefined) {
  return useLiveQuery(notificationsQueryOptions(uid));
}
