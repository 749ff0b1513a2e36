// Sharded counters on documents many people's actions touch (a popular course's enrollmentCount,
// an educator's followerCount, an instructor's earnings totals). An event adds its delta to one of
// COUNTER_SHARDS shards ({parent}/counterShards/{sN}) in the transaction that records the event
// (the enrolment, the follow, the earnings entry: those stay the exactly-once markers), so
// concurrent events never contend on the parent document. A fold moves the shards' values into
// the parent in one transaction (increment the parent, delete the shards), so the parent holds the
// exact count up to the fold and `parent + shards` is exact at any moment:
// - the trigger on a shard write folds at once when the last fold is older than FOLD_INTERVAL_MS,
//   else waits for the interval and folds then (concurrent triggers find nothing left to move);
// - the scheduled backstop (every minute) folds whatever a failed trigger left.
// Readers that need the exact figure read `parent + shards` in one snapshot (readShardedCounters);
// lists (the catalog's "popular", a profile's follower count) read the folded parent.
import {
  COUNTER_SHARDS,
  type CounterValues,
  isZeroCounters,
  SHARDED_COUNTER_FIELDS,
  shardFor,
  sumCounterFields,
} from '@skillverse/domain/counters';
import {
  type DocumentReference,
  FieldValue,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { allCounterShards, counterShardRef, counterShardsCol } from './data/counter-shards';
import { runTransactionRetrying, toDate } from './firestore';
import { mapLimit } from './map-limit';

/** A parent document is folded at most this often by the triggers (docs/scaling.md). */
export const FOLD_INTERVAL_MS = 2_000;

export type ShardedCollection = keyof typeof SHARDED_COUNTER_FIELDS;

/** The counter fields of a parent document, by its top-level collection. */
export function counterFieldsOf(parent: DocumentReference): readonly string[] {
  const top = parent.path.split('/')[0] as ShardedCollection;
  return SHARDED_COUNTER_FIELDS[top] ?? [];
}

const increments = (delta: CounterValues): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(delta).map(([field, v]) => [
      field,
      typeof v === 'number'
        ? FieldValue.increment(v)
        : Object.fromEntries(Object.entries(v).map(([k, n]) => [k, FieldValue.increment(n)])),
    ]),
  );

/**
 * In `tx`: adds `delta` to the shard of `parent` that `key` picks (the event's own id: the
 * learner, the payment, the follower). A blind write: no read, so it never waits on other events.
 * `parentDefaults` are written to the parent by the fold if it has to create it (earnings/{uid}).
 */
export function incrementSharded(
  tx: Transaction,
  parent: DocumentReference,
  key: string,
  delta: CounterValues,
  now: Date,
  parentDefaults?: Record<string, unknown>,
): void {
  if (isZeroCounters(delta)) return;
  tx.set(
    counterShardRef(parent, shardFor(key, COUNTER_SHARDS)),
    { ...increments(delta), updatedAt: now, ...(parentDefaults ? { parentDefaults } : {}) },
    { merge: true },
  );
}

/** The parent's data with its counters exact (parent + pending shards, one consistent snapshot). */
export async function readShardedCounters(
  db: Firestore,
  parent: DocumentReference,
): Promise<Record<string, unknown> | undefined> {
  const [snap, shards] = await db.runTransaction(
    async (tx) => Promise.all([tx.get(parent), tx.get(counterShardsCol(parent))]),
    { readOnly: true },
  );
  if (!snap.exists && shards.empty) return undefined;
  const base = snap.data() ?? {};
  const sums = sumCounterFields([base, ...shards.docs.map((d) => d.data())], counterFieldsOf(parent));
  return { ...base, ...sums };
}

export type FoldOutcome = 'folded' | 'nothing' | 'parent-missing';

/** Moves every pending shard of `parent` into it, in one transaction: exact, and safe to repeat. */
export async function foldShards(db: Firestore, parent: DocumentReference, now: Date): Promise<FoldOutcome> {
  const fields = counterFieldsOf(parent);
  return runTransactionRetrying(db, async (tx) => {
    const [snap, shards] = await Promise.all([tx.get(parent), tx.get(counterShardsCol(parent))]);
    if (shards.empty) return 'nothing' as const;
    const data = shards.docs.map((d) => d.data());
    const sum = sumCounterFields(data, fields);
    for (const d of shards.docs) tx.delete(d.ref);
    const defaults = data.find((d) => d.parentDefaults)?.parentDefaults as
      | Record<string, unknown>
      | undefined;
    if (!snap.exists && !defaults) {
      // The course or profile is gone: its pending counts go with it (nothing creates a ghost).
      return 'parent-missing' as const;
    }
    tx.set(
      parent,
      { ...(snap.exists ? {} : defaults), ...increments(sum), countersFoldedAt: now },
      { merge: true },
    );
    return 'folded' as const;
  });
}

/**
 * The interval the fold trigger waits out: FOLD_INTERVAL_MS when deployed; none on the Functions
 * emulator, which delivers background triggers one after another — a trigger waiting there holds
 * every other trigger of the stack (the test suites' trigger waits time out behind it), and the
 * emulator has no per-document write limit for the wait to protect.
 */
export function triggerFoldIntervalMs(env: NodeJS.ProcessEnv = process.env): number {
  return env.FUNCTIONS_EMULATOR === 'true' ? 0 : FOLD_INTERVAL_MS;
}

/**
 * The trigger's fold, coalesced: at once if the parent was last folded FOLD_INTERVAL_MS ago or
 * more, else after waiting out the interval — unless another fold happened meanwhile.
 */
export async function foldShardsCoalesced(
  db: Firestore,
  parent: DocumentReference,
  clock: () => Date = () => new Date(),
  intervalMs = triggerFoldIntervalMs(),
): Promise<FoldOutcome | 'coalesced'> {
  const foldedAt = toDate((await parent.get()).get('countersFoldedAt'));
  const due = foldedAt ? foldedAt.getTime() + intervalMs : 0;
  const wait = due - clock().getTime();
  if (wait > 0) {
    await new Promise((r) => setTimeout(r, Math.min(wait, intervalMs)));
    const again = toDate((await parent.get()).get('countersFoldedAt'));
    if (again && foldedAt && again.getTime() !== foldedAt.getTime()) return 'coalesced';
  }
  return foldShards(db, parent, clock());
}

/** The backstop: folds every document with pending shards (at most `limit` shards a run). */
export async function foldAllCounterShards(
  db: Firestore,
  now: Date,
  limit = 2_000,
): Promise<{ parents: number; folded: number }> {
  const snap = await allCounterShards(db).limit(limit).get();
  const parents = new Map<string, DocumentReference>();
  for (const d of snap.docs) {
    const parent = d.ref.parent.parent;
    if (parent) parents.set(parent.path, parent);
  }
  let folded = 0;
  await mapLimit([...parents.values()], 8, async (parent) => {
    try {
      if ((await foldShards(db, parent, now)) === 'folded') folded++;
    } catch (error) {
      logger.error('counters: fold failed', { parent: parent.path, error: String(error) });
    }
  });
  return { parents: parents.size, folded };
}
