// {collection}/{id}/counterShards/{shard}: a sharded counter's pending increments for the document
// {collection}/{id} (courses: enrollmentCount; users: followerCount; earnings: totals, transferred,
// paymentsCount, refundsCount). Server-only; folded into the parent by foldCounterShards.
import type { CollectionReference, DocumentReference, Firestore, Query } from 'firebase-admin/firestore';

export const COUNTER_SHARDS = 'counterShards';

export const counterShardsCol = (parent: DocumentReference): CollectionReference =>
  parent.collection(COUNTER_SHARDS);
export const counterShardRef = (parent: DocumentReference, shard: string): DocumentReference =>
  counterShardsCol(parent).doc(shard);
/** Every pending shard of every counted document (the backstop fold's scan). */
export const allCounterShards = (db: Firestore): Query => db.collectionGroup(COUNTER_SHARDS);

/** The trigger path of the shards of a counted collection's documents. */
export const counterShardDocPath = <C extends string>(collection: C) =>
  `${collection}/{parentId}/${COUNTER_SHARDS}/{shard}` as const;
