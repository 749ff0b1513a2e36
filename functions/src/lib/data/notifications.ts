// notifications/{uid}/items/{notificationId} (in-app notifications; the owner reads and marks read)
// and mailLog/{id} (each email sent once, server-only).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const NOTIFICATIONS = 'notifications';
export const NOTIFICATION_ITEMS = 'items';
export const MAIL_LOG = 'mailLog';

export const notificationItemsCol = (db: Firestore, uid: string): CollectionReference =>
  db.collection(NOTIFICATIONS).doc(uid).collection(NOTIFICATION_ITEMS);
export const mailLogRef = (db: Firestore, id: string): DocumentReference => db.collection(MAIL_LOG).doc(id);
/** notifications/{uid}: the parent of one person's notification items. */
export const notificationsOfRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(NOTIFICATIONS).doc(uid);
/** mailLog entries sent to one person. */
export const mailLogOfUser = (db: Firestore, uid: string) => db.collection(MAIL_LOG).where('uid', '==', uid);
