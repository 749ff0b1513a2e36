import { LIVE_SESSION_STATUSES, type LiveSessionStatus } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { dateOrNow, num, obj, oneOf, serverOnly, str } from '@/lib/firestore/parse';

/** The few fields of a live session that lists outside the live feature show (e.g. the dashboard). */
export interface LiveSessionSummary {
  id: string;
  title: string;
  hostName: string;
  scheduledAt: Date;
  durationMin: number;
  status: LiveSessionStatus;
}

export function parseLiveSessionSummary(id: string, data: unknown): LiveSessionSummary {
  const d = obj(data);
  return {
    id,
    title: str(d.title, 'Live session'),
    hostName: str(d.hostName),
    scheduledAt: dateOrNow(d.scheduledAt),
    durationMin: num(d.durationMin),
    status: oneOf(LIVE_SESSION_STATUSES, d.status, 'scheduled'),
  };
}

export const liveSessionSummaryConverter: FirestoreDataConverter<LiveSessionSummary> = {
  toFirestore: () => serverOnly('liveSessions (summary)'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseLiveSessionSummary(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

export interface MyRegistration {
  sessionId: string;
  registeredAt: Date;
}

/** liveSessions/{id}/registrations/{uid}, read from a collection-group query: the session id is the parent's. */
export const myRegistrationConverter: FirestoreDataConverter<MyRegistration> = {
  toFirestore: () => serverOnly('registrations'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => {
    const data = obj(snapshot.data());
    return {
      sessionId: snapshot.ref.parent.parent?.id ?? '',
      registeredAt: dateOrNow(data.registeredAt ?? data.createdAt),
    };
  },
};
