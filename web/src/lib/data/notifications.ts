// notifications/{uid}/items/{id} (SPEC §3): server-written; the owner marks them read.
import { type AppNotification, NOTIFICATION_TYPES } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { bool, dateOrNow, nullableStr, obj, oneOf, str, readOnlyConverter } from '@/lib/firestore/parse';

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

// Created by the server; the owner flips `read` with updateDoc (features/notifications/api).
export const notificationConverter: FirestoreDataConverter<AppNotification> = readOnlyConverter(
  'notifications',
  parseNotification,
);

// ---------------------------------------------------------------- paths and refs

export const notificationPaths = {
  items: (uid: string) => `notifications/${uid}/items`,
  item: (uid: string, id: string) => `notifications/${uid}/items/${id}`,
} as const;

/** notifications/{uid}/items */
export const notificationsRef = (uid: string) =>
  collection(db, notificationPaths.items(uid)).withConverter(notificationConverter);
export const notificationRef = (uid: string, id: string) =>
  doc(db, notificationPaths.item(uid, id)).withConverter(notificationConverter);
