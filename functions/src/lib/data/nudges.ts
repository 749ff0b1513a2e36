// nudgeLog/{uid}/sends/{key}: each nudge sent once (server-only).
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const NUDGE_LOG = 'nudgeLog';
export const NUDGE_SENDS = 'sends';

export const nudgeSendRef = (db: Firestore, uid: string, key: string): DocumentReference =>
  db.collection(NUDGE_LOG).doc(uid).collection(NUDGE_SENDS).doc(key);
/** nudgeLog/{uid}: the parent of one person's nudge sends. */
export const nudgeLogOfRef = (db: Firestore, uid: string): DocumentReference =>
  db.collection(NUDGE_LOG).doc(uid);
