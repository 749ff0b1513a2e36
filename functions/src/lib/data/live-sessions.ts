// liveSessions/{sessionId} and its subcollections: registrations/{uid}, attendance/{uid},
// presence/{uid}, speakers/{uid}, removed/{uid}, questions/{questionId}, polls/{pollId}/votes/{uid},
// private/recording (the recording link and cloud-recording state); and
// liveWebhookEvents/{eventId} (each LiveKit webhook applied once).
import type { CollectionReference, DocumentReference, Firestore, Query } from 'firebase-admin/firestore';

export const LIVE_SESSIONS = 'liveSessions';
export const REGISTRATIONS = 'registrations';
export const ATTENDANCE = 'attendance';
export const PRESENCE = 'presence';
export const SPEAKERS = 'speakers';
export const REMOVED = 'removed';
export const QUESTIONS = 'questions';
export const POLLS = 'polls';
export const VOTES = 'votes';
export const LIVE_WEBHOOK_EVENTS = 'liveWebhookEvents';
export const SESSION_PRIVATE = 'private';
export const RECORDING_DOC = 'recording';

export const liveSessionsCol = (db: Firestore): CollectionReference => db.collection(LIVE_SESSIONS);
export const sessionRef = (db: Firestore, sessionId: string): DocumentReference =>
  liveSessionsCol(db).doc(sessionId);
export const registrationsCol = (session: DocumentReference): CollectionReference =>
  session.collection(REGISTRATIONS);
export const registrationRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  registrationsCol(sessionRef(db, sessionId)).doc(uid);
/** Every liveSessions/{id}/registrations/{uid}. */
export const registrationsGroup = (db: Firestore): Query => db.collectionGroup(REGISTRATIONS);
export const attendanceCol = (session: DocumentReference): CollectionReference =>
  session.collection(ATTENDANCE);
export const presenceCol = (session: DocumentReference): CollectionReference => session.collection(PRESENCE);
export const speakerRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  sessionRef(db, sessionId).collection(SPEAKERS).doc(uid);
/** Someone the host removed from the room: getLiveKitToken and the rules keep them out. */
export const removedRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  sessionRef(db, sessionId).collection(REMOVED).doc(uid);
export const questionsCol = (session: DocumentReference): CollectionReference =>
  session.collection(QUESTIONS);
export const pollRef = (db: Firestore, sessionId: string, pollId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(POLLS).doc(pollId);
export const voteRef = (poll: DocumentReference, uid: string): DocumentReference =>
  poll.collection(VOTES).doc(uid);
/** liveSessions/{id}/private/recording: read by the host, admins, registrants and attendees only. */
export const recordingRef = (db: Firestore, sessionId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(SESSION_PRIVATE).doc(RECORDING_DOC);
export const liveWebhookEventRef = (db: Firestore, id: string): DocumentReference =>
  db.collection(LIVE_WEBHOOK_EVENTS).doc(id);

/** Trigger paths (the wildcards name the params handlers read). */
export const LIVE_SESSION_DOC = 'liveSessions/{sessionId}';
export const POLL_VOTE_DOC = 'liveSessions/{sessionId}/polls/{pollId}/votes/{uid}';
