import { limit, orderBy, query, where } from 'firebase/firestore';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { liveSessionsRef } from '@/lib/data/live-sessions';

export const UPCOMING_SESSIONS_LIMIT = 5;

export function upcomingHostedSessionsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['educator', 'upcoming-sessions', uid ?? null] as const,
    uid
      ? querySource(
          query(
            liveSessionsRef(),
            where('hostId', '==', uid),
            where('status', 'in', ['scheduled', 'live']),
            orderBy('scheduledAt'),
            limit(UPCOMING_SESSIONS_LIMIT),
          ),
        )
      : null,
  );
}

/** The next few live sessions I host (scheduled or live now), soonest first, live. */
export function useUpcomingHostedSessions(uid: string | undefined) {
  return useLiveQuery(upcomingHostedSessionsQueryOptions(uid));
}
