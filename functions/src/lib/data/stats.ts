// stats/platform (live counters: the base document plus stats/platform/shards/{shard}, summed by
// readPlatformCounters), stats/platform/appliedEvents/{eventId} (each counted event once),
// stats/platform/daily/{day} (the daily rollup), stats/reconciliation and stats/history. Admin reads.
import { type CountedCollection, type PlatformCounters, sumCounterDocs } from '@skillverse/domain/stats';
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const STATS = 'stats';

export const platformStatsRef = (db: Firestore): DocumentReference => db.collection(STATS).doc('platform');
export const reconciliationRef = (db: Firestore): DocumentReference =>
  db.collection(STATS).doc('reconciliation');
export const historyRef = (db: Firestore): DocumentReference => db.collection(STATS).doc('history');
export const platformStatShardsCol = (db: Firestore): CollectionReference =>
  platformStatsRef(db).collection('shards');
export const platformStatShardRef = (db: Firestore, shard: string): DocumentReference =>
  platformStatShardsCol(db).doc(shard);

/** The platform counters as readers see them: the base document plus every shard. */
export async function readPlatformCounters(
  db: Firestore,
): Promise<(Record<string, unknown> & PlatformCounters) | undefined> {
  const [base, shards] = await Promise.all([platformStatsRef(db).get(), platformStatShardsCol(db).get()]);
  if (!base.exists && shards.empty) return undefined;
  return sumCounterDocs(
    base.data() ?? {},
    shards.docs.map((d) => d.data()),
  );
}

export const appliedEventRef = (db: Firestore, eventId: string): DocumentReference =>
  platformStatsRef(db).collection('appliedEvents').doc(eventId);
export const dailyStatsRef = (db: Firestore, day: string): DocumentReference =>
  platformStatsRef(db).collection('daily').doc(day);

/** The trigger path of a collection whose writes stats/platform counts. */
export const countedDocPath = <C extends CountedCollection>(collection: C) => `${collection}/{id}` as const;
