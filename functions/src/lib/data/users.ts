// users/{uid} (public profile) and its subcollections: private/{account|activity|league|embedding|
// recommendations} (owner reads, server writes), pointEvents/{eventId} (the points ledger) and
// matches/{otherUid} (skill-swap matches).
import type { CollectionReference, DocumentReference, Firestore, Query } from 'firebase-admin/firestore';

export const USERS = 'users';
export const PRIVATE = 'private';
export const POINT_EVENTS = 'pointEvents';
export const MATCHES = 'matches';

/** The documents under users/{uid}/private. */
export type PrivateDocId =
  | 'account'
  | 'activity'
  | 'league'
  | 'embedding'
  | 'recommendations'
  | 'exchangeQuota'
  | 'subscription';

export const usersCol = (db: Firestore): CollectionReference => db.collection(USERS);
export const userRef = (db: Firestore, uid: string): DocumentReference => usersCol(db).doc(uid);
export const userPath = (uid: string) => `${USERS}/${uid}`;

export const privateRef = (db: Firestore, uid: string, id: PrivateDocId): DocumentReference =>
  userRef(db, uid).collection(PRIVATE).doc(id);
/** users/{uid}/private/account: email, roles mirror, notification preferences. */
export const accountRef = (db: Firestore, uid: string) => privateRef(db, uid, 'account');
/** users/{uid}/private/activity: local day → points from learning. */
export const activityRef = (db: Firestore, uid: string) => privateRef(db, uid, 'activity');
/** users/{uid}/private/league: the user's league state (tier, week, cohort). */
export const leagueStateRef = (db: Firestore, uid: string) => privateRef(db, uid, 'league');
/** users/{uid}/private/embedding: the profile's stored embedding. */
export const profileEmbeddingRef = (db: Firestore, uid: string) => privateRef(db, uid, 'embedding');
/** users/{uid}/private/recommendations: the user's course recommendations. */
export const recommendationsRef = (db: Firestore, uid: string) => privateRef(db, uid, 'recommendations');
/** users/{uid}/private/exchangeQuota: outgoing exchange requests created per UTC day (requestExchange). */
export const exchangeQuotaRef = (db: Firestore, uid: string) => privateRef(db, uid, 'exchangeQuota');
/** Every users/{uid}/private/{id} document. */
export const privateDocsGroup = (db: Firestore): Query => db.collectionGroup(PRIVATE);

/** users/{uid}/pointEvents: the points ledger. */
export const pointEventsCol = (db: Firestore, uid: string): CollectionReference =>
  userRef(db, uid).collection(POINT_EVENTS);
export const pointEventRef = (db: Firestore, uid: string, eventId: string): DocumentReference =>
  userRef(db, uid).collection(POINT_EVENTS).doc(eventId);
/** users/{uid}/pointEvents: the user's whole ledger. */

export const matchesCol = (db: Firestore, uid: string): CollectionReference =>
  userRef(db, uid).collection(MATCHES);
export const matchRef = (db: Firestore, uid: string, otherUid: string): DocumentReference =>
  matchesCol(db, uid).doc(otherUid);

/** Trigger paths (the wildcards name the params handlers read). */
export const USER_DOC = 'users/{uid}';
export const POINT_EVENT_DOC = 'users/{uid}/pointEvents/{eventId}';
