import { type AppNotification, NOTIFICATION_TYPES } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { dateOrNow, serverOnly, text } from './parse';

const schema = z.object({
  type: z.enum(NOTIFICATION_TYPES).catch('account'),
  title: text(),
  body: text(),
  link: z.string().nullable().catch(null),
  read: z.boolean().catch(false),
  createdAt: dateOrNow,
});

export function parseNotification(id: string, data: unknown): AppNotification {
  return { id, ...schema.parse(data ?? {}) };
}

export const notificationConverter: FirestoreDataConverter<AppNotification> = {
  // Created by the server; the owner flips `read` with updateDoc (features/notifications/api).
  toFirestore: () => serverOnly('notifications'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseNotification(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
