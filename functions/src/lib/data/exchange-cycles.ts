// exchangeCycles/{cycleId}: proposed swap cycles (three or more members), server-written.
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const CYCLES = 'exchangeCycles';

export const cyclesCol = (db: Firestore): CollectionReference => db.collection(CYCLES);
export const cycleRef = (db: Firestore, cycleId: string): DocumentReference => cyclesCol(db).doc(cycleId);

export const CYCLE_SESSIONS = 'sessions';
export const CYCLE_PRESENCE = 'presence';

/** exchangeCycles/{id}/sessions/{sid}: the cycle's group sessions (clients plan, the server marks held). */
export const cycleSessionsCol = (db: Firestore, cycleId: string): CollectionReference =>
  cycleRef(db, cycleId).collection(CYCLE_SESSIONS);
export const cycleSessionRef = (db: Firestore, cycleId: string, sessionId: string): DocumentReference =>
  cycleSessionsCol(db, cycleId).doc(sessionId);
/** exchangeCycles/{id}/sessions/{sid}/presence/{uid}: what the platform saw of uid in the group call. */
export const cyclePresenceRef = (
  db: Firestore,
  cycleId: string,
  sessionId: string,
  uid: string,
): DocumentReference => cycleSessionRef(db, cycleId, sessionId).collection(CYCLE_PRESENCE).doc(uid);
