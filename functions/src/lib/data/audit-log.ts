// auditLog/{id}: admin and moderation actions (server-written, admin reads).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const AUDIT_LOG = 'auditLog';

export const auditLogCol = (db: Firestore): CollectionReference => db.collection(AUDIT_LOG);
/** A new entry with a generated id, or the entry with a deterministic id (one per action). */
export const auditRef = (db: Firestore, id?: string): DocumentReference =>
  id === undefined ? auditLogCol(db).doc() : auditLogCol(db).doc(id);
