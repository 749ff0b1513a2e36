import { limit, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { notificationsRef } from '@/lib/data/notifications';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { UNREAD_COUNT_CAP } from '../utils/unread-label';

export function unreadCountQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['notifications', uid ?? null, 'unread-count'] as const,
    uid
      ? querySource(
          query(notificationsRef(uid), where('read', '==', false), limit(UNREAD_COUNT_CAP)),
          (items) => items.length,
        )
      : null,
  );
}

/** Live number of unread notifications (for the bell). */
export function useUnreadCount(uid: string | undefined) {
  return useLiveQuery(unreadCountQueryOptions(uid));
}
