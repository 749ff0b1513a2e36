import { limit, orderBy, query } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { notificationsRef } from '@/lib/data/notifications';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export const RECENT_NOTIFICATIONS = 5;

export function recentNotificationsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['notifications', uid ?? null, 'list', RECENT_NOTIFICATIONS] as const,
    uid
      ? querySource(query(notificationsRef(uid), orderBy('createdAt', 'desc'), limit(RECENT_NOTIFICATIONS)))
      : null,
  );
}

/** The latest few notifications for the dashboard, live. */
export function useRecentNotifications(uid: string | undefined) {
  return useLiveQuery(recentNotificationsQueryOptions(uid));
}
