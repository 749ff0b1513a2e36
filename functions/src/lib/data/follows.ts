// users/{educatorId}/followers/{followerId} (who follows an educator; written only by
// followEducator) and fanouts/{fanoutId} (an announcement's resumable fan-out job, server-only).
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';
import { userRef } from './users';

export const FOLLOWERS = 'followers';
export const FANOUTS = 'fanouts';

export const followersCol = (db: Firestore, educatorId: string): CollectionReference =>
  userRef(db, educatorId).collection(FOLLOWERS);
export const followerRef = (db: Firestore, educatorId: string, followerId: string): DocumentReference =>
  followersCol(db, educatorId).doc(followerId);

export const fanoutsCol = (db: Firestore): CollectionReference => db.collection(FANOUTS);
export const fanoutRef = (db: Firestore, id: string): DocumentReference => fanoutsCol(db).doc(id);

/** Trigger paths (the wildcards name the params handlers read). */
export const FANOUT_DOC = 'fanouts/{fanoutId}';
