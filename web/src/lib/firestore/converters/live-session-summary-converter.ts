import { LIVE_SESSION_STATUSES, type LiveSessionStatus } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { count, dateOrNow, serverOnly, text } from './parse';

/** The few fields of a live session that lists outside the live feature show (e.g. the dashboard). */
export interface LiveSessionSummary {
  id: string;
  title: string;
  hostName: string;
  scheduledAt: Date;
  durationMin: number;
  status: LiveSessionStatus;
}

const schema = z.object({
  title: text('Live session'),
  hostName: text(''),
  scheduledAt: dateOrNow,
  durationMin: count,
  status: z.enum(LIVE_SESSION_STATUSES).catch('scheduled'),
});

export function parseLiveSessionSummary(id: string, data: unknown): LiveSessionSummary {
  return { id, ...schema.parse(data ?? {}) };
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
    const data = snapshot.data() ?? {};
    return {
      sessionId: snapshot.ref.parent.parent?.id ?? '',
      registeredAt: dateOrNow.parse(data.registeredAt ?? data.createdAt),
    };
  },
};
