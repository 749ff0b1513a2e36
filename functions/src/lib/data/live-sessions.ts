// liveSessions/{sessionId} and its subcollections: registrations/{uid}, attendance/{uid},
// presence/{uid}, speakers/{uid}, removed/{uid}, questions/{questionId}, polls/{pollId}/votes/{uid},
// private/recording (the recording link and cloud-recording state), roster/current (the folded
// "who's here"), folds/{foldId} (coalescing state of the roster and poll-tally folds); and
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
export const ROSTER = 'roster';
export const ROSTER_DOC = 'current';
export const FOLDS = 'folds';
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
export const presenceRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  presenceCol(sessionRef(db, sessionId)).doc(uid);
/** roster/current: who's here, folded from everyone's presence (clients listen to this, not to presence). */
export const rosterRef = (db: Firestore, sessionId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(ROSTER).doc(ROSTER_DOC);
/** folds/{foldId}: when a coalesced fold last ran and whether one is claimed (server only). */
export const foldStateRef = (db: Firestore, sessionId: string, foldId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(FOLDS).doc(foldId);
export const speakersCol = (db: Firestore, sessionId: string): CollectionReference =>
  sessionRef(db, sessionId).collection(SPEAKERS);
export const speakerRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  sessionRef(db, sessionId).collection(SPEAKERS).doc(uid);
/** Someone the host removed from the room: getLiveKitToken and the rules keep them out. */
export const removedRef = (db: Firestore, sessionId: string, uid: string): DocumentReference =>
  sessionRef(db, sessionId).collection(REMOVED).doc(uid);
export const questionsCol = (session: DocumentReference): CollectionReference =>
  session.collection(QUESTIONS);
export const pollRef = (db: Firestore, sessionId: string, pollId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(POLLS).doc(pollId);
export const votesCol = (poll: DocumentReference): CollectionReference => poll.collection(VOTES);
export const voteRef = (poll: DocumentReference, uid: string): DocumentReference => votesCol(poll).doc(uid);
/** liveSessions/{id}/private/recording: read by the host, admins, registrants and attendees only. */
export const recordingRef = (db: Firestore, sessionId: string): DocumentReference =>
  sessionRef(db, sessionId).collection(SESSION_PRIVATE).doc(RECORDING_DOC);
export const liveWebhookEventRef = (db: Firestore, id: string): DocumentReference =>
  db.collection(LIVE_WEBHOOK_EVENTS).doc(id);

/** Trigger paths (the wildcards name the params handlers read). */
export const LIVE_SESSION_DOC = 'liveSessions/{sessionId}';
export const PRESENCE_DOC = 'liveSessions/{sessionId}/presence/{uid}';
export const POLL_VOTE_DOC = 'liveSessions/{sessionId}/polls/{pollId}/votes/{uid}';
