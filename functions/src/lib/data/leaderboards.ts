// leaderboards/{period}/entries/{uid}: points per period (week key, month key, allTime), server-written.
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const LEADERBOARDS = 'leaderboards';
export const LEADERBOARD_ENTRIES = 'entries';

export const leaderboardEntryRef = (db: Firestore, period: string, uid: string): DocumentReference =>
  db.collection(LEADERBOARDS).doc(period).collection(LEADERBOARD_ENTRIES).doc(uid);
