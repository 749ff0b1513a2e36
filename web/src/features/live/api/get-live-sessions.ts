import { limit, orderBy, query, where } from 'firebase/firestore';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import { liveSessionRef, liveSessionsRef, registrationRef } from '@/lib/data/live-sessions';

export const LIVE_LIST_SIZE = 50;

export type SessionListKind = 'upcoming' | 'live' | 'past';

function listQuery(kind: SessionListKind) {
  const sessions = liveSessionsRef();
  if (kind === 'live')
    return query(sessions, where('status', '==', 'live'), orderBy('scheduledAt'), limit(LIVE_LIST_SIZE));
  if (kind === 'upcoming')
    return query(sessions, where('status', '==', 'scheduled'), orderBy('scheduledAt'), limit(LIVE_LIST_SIZE));
  return query(
    sessions,
    where('status', 'in', ['ended', 'cancelled']),
    orderBy('scheduledAt', 'desc'),
    limit(LIVE_LIST_SIZE),
  );
}

export function liveSessionsQueryOptions(kind: SessionListKind) {
  return liveQueryOptions(['live-sessions', 'list', kind] as const, querySource(listQuery(kind)));
}

/** Upcoming, live-now or past sessions, live. */
export function useLiveSessions(kind: SessionListKind) {
  return useLiveQuery(liveSessionsQueryOptions(kind));
}

export function hostedSessionsQueryOptions(uid: string | undefined) {
  return liveQueryOptions(
    ['live-sessions', 'hosted', uid ?? null] as const,
    uid
      ? querySource(
          query(liveSessionsRef(), where('hostId', '==', uid), orderBy('scheduledAt', 'desc'), limit(100)),
        )
      : null,
  );
}

/** The sessions I host, newest first. */
export function useHostedSessions(uid: string | undefined) {
  return useLiveQuery(hostedSessionsQueryOptions(uid));
}

export function liveSessionQueryOptions(id: string) {
  return liveQueryOptions(['live-sessions', 'one', id] as const, docSource(liveSessionRef(id)));
}

export function useLiveSession(id: string) {
  return useLiveQuery(liveSessionQueryOptions(id));
}

export function myRegistrationQueryOptions(id: string, uid: string | undefined) {
  return liveQueryOptions(
    ['live-sessions', 'one', id, 'registration', uid ?? null] as const,
    uid ? docSource(registrationRef(id, uid)) : null,
  );
}

/** My registration for a session (null when not registered). */
export function useMyRegistration(id: string, uid: string | undefined) {
  return useLiveQuery(myRegistrationQueryOptions(id, uid));
}
