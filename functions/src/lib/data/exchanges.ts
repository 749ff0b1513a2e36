// exchanges/{exchangeId} (a skill swap between two members) and its subcollections:
// messages/{messageId}, sessions/{sessionId} (and its call presence/{uid}), feedback/{raterUid}.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const EXCHANGES = 'exchanges';
export const MESSAGES = 'messages';
export const EXCHANGE_SESSIONS = 'sessions';
export const FEEDBACK = 'feedback';
export const CALL_PRESENCE = 'presence';

export const exchangesCol = (db: Firestore): CollectionReference => db.collection(EXCHANGES);
export const exchangeRef = (db: Firestore, exchangeId: string): DocumentReference =>
  exchangesCol(db).doc(exchangeId);
export const messageRef = (db: Firestore, exchangeId: string, messageId: string): DocumentReference =>
  exchangeRef(db, exchangeId).collection(MESSAGES).doc(messageId);
export const exchangeSessionsCol = (db: Firestore, exchangeId: string): CollectionReference =>
  exchangeRef(db, exchangeId).collection(EXCHANGE_SESSIONS);
export const exchangeSessionRef = (db: Firestore, exchangeId: string, sessionId: string): DocumentReference =>
  exchangeSessionsCol(db, exchangeId).doc(sessionId);
/** exchanges/{id}/sessions/{sid}/presence/{uid}: what the platform saw of uid in the session's call. */
export const callPresenceRef = (
  db: Firestore,
  exchangeId: string,
  sessionId: string,
  uid: string,
): DocumentReference => exchangeSessionRef(db, exchangeId, sessionId).collection(CALL_PRESENCE).doc(uid);
export const feedbackCol = (db: Firestore, exchangeId: string): CollectionReference =>
  exchangeRef(db, exchangeId).collection(FEEDBACK);
export const feedbackRef = (db: Firestore, exchangeId: string, raterUid: string): DocumentReference =>
  feedbackCol(db, exchangeId).doc(raterUid);

/** Trigger paths (the wildcards name the params handlers read). */
export const EXCHANGE_DOC = 'exchanges/{exchangeId}';
export const EXCHANGE_MESSAGE_DOC = 'exchanges/{exchangeId}/messages/{messageId}';
export const EXCHANGE_FEEDBACK_DOC = 'exchanges/{exchangeId}/feedback/{uid}';
