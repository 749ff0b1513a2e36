import { type AppNotification, NOTIFICATION_TYPES } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { bool, dateOrNow, nullableStr, obj, oneOf, serverOnly, str } from '@/lib/firestore/parse';

export function parseNotification(id: string, data: unknown): AppNotification {
  const d = obj(data);
  return {
    id,
    type: oneOf(NOTIFICATION_TYPES, d.type, 'account'),
    title: str(d.title),
    body: str(d.body),
    link: nullableStr(d.link),
    read: bool(d.read),
    createdAt: dateOrNow(d.createdAt),
  };
}

export const notificationConverter: FirestoreDataConverter<AppNotification> = {
  // Created by the server; the owner flips `read` with updateDoc (features/notifications/api).
  toFirestore: () => serverOnly('notifications'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseNotification(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
