// stats/platform (live counters), stats/platform/appliedEvents/{eventId} (each counted event once),
// stats/platform/daily/{day} (the daily rollup), stats/reconciliation and stats/history. Admin reads.
import type { CountedCollection } from '@skillverse/domain/stats';
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';

export const STATS = 'stats';

export const platformStatsRef = (db: Firestore): DocumentReference => db.collection(STATS).doc('platform');
export const reconciliationRef = (db: Firestore): DocumentReference =>
  db.collection(STATS).doc('reconciliation');
export const historyRef = (db: Firestore): DocumentReference => db.collection(STATS).doc('history');
export const appliedEventRef = (db: Firestore, eventId: string): DocumentReference =>
  platformStatsRef(db).collection('appliedEvents').doc(eventId);
export const dailyStatsRef = (db: Firestore, day: string): DocumentReference =>
  platformStatsRef(db).collection('daily').doc(day);

/** The trigger path of a collection whose writes stats/platform counts. */
export const countedDocPath = <C extends CountedCollection>(collection: C) => `${collection}/{id}` as const;
