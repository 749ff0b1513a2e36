import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { db } from '../lib/admin';
import { counterShardDocPath } from '../lib/data/counter-shards';
import { foldAllCounterShards, foldShardsCoalesced } from '../lib/sharded-counter';

/** A shard was written: fold its parent's shards into the parent, at most every couple of seconds. */
function foldOnShardWritten(collection: 'courses' | 'users' | 'earnings') {
  return onDocumentWritten({ document: counterShardDocPath(collection), retry: true }, async (event) => {
    // The fold deletes shards: a delete has nothing to move.
    if (!event.data?.after.exists) return;
    const parent = event.data.after.ref.parent.parent;
    if (parent) await foldShardsCoalesced(db(), parent);
  });
}

export const foldCourseCounters = foldOnShardWritten('courses');
export const foldUserCounters = foldOnShardWritten('users');
export const foldEarningsCounters = foldOnShardWritten('earnings');

/** The backstop: every minute, folds whatever pending shards a trigger left behind. */
export const foldCounterShards = onSchedule(
  { schedule: 'every 1 minutes', timeZone: 'Etc/UTC', timeoutSeconds: 120, retryCount: 0 },
  async () => {
    await foldAllCounterShards(db(), new Date());
  },
);
