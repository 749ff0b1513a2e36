// Platform counters (stats/platform), kept by triggers on the counted collections. Each write
// event adds contribution(after) − contribution(before) as increments to one of the counter's
// shards (stats/platform/shards/{shard}, picked by the event id: no single document takes every
// write, see docs/scaling.md), in one transaction that
// records the event id (stats/platform/appliedEvents/{eventId}, deleted by a TTL policy on
// `expireAt`): a redelivered event changes nothing, and because deltas add up whatever their
// order, out-of-order deliveries converge on the same totals. Events written before the last
// reconciliation (stats/reconciliation.countedUpTo) are already in the counters and are skipped.
import {
  APPLIED_EVENT_TTL_DAYS,
  type CountedCollection,
  type CounterDelta,
  counterDelta,
  nestDelta,
  statsShardFor,
} from '@skillverse/domain/stats';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { runTransactionRetrying, toDate } from '../lib/firestore';
import { appliedEventRef, platformStatShardRef, reconciliationRef } from '../lib/data/stats';

export interface StatsEvent {
  /** The CloudEvent id: the same on every delivery of one write. */
  id: string;
  /** When the document was written (the CloudEvent time). */
  time: Date;
  collection: CountedCollection;
  /** The document's path, for the marker (debugging only). */
  document: string;
  before: Record<string, unknown> | null | undefined;
  after: Record<string, unknown> | null | undefined;
}

export type StatsEventOutcome = 'applied' | 'no-change' | 'duplicate' | 'already-counted';

/** The merge-write that adds `delta` to a shard of stats/platform. */
export function incrementsFor(delta: CounterDelta, now: Date): Record<string, unknown> {
  return { ...nestDelta(delta, (n) => FieldValue.increment(n)), updatedAt: now };
}

export async function applyStatsEvent(
  db: Firestore,
  event: StatsEvent,
  now: Date,
): Promise<StatsEventOutcome> {
  const delta = counterDelta(event.collection, event.before, event.after);
  // Most writes (profile edits, progress) touch no counted field: no reads, no writes.
  if (Object.keys(delta).length === 0) return 'no-change';
  const markerRef = appliedEventRef(db, event.id);
  const outcome = await runTransactionRetrying(db, async (tx) => {
    // The transaction reads only the event's own marker and the rarely written reconciliation
    // document, so concurrent events do not contend on the counters (they only write a shard).
    const [marker, reconciliation] = await tx.getAll(markerRef, reconciliationRef(db));
    if (marker?.exists) return 'duplicate' as const;
    const countedUpTo = toDate(reconciliation?.get('countedUpTo'));
    const skip = countedUpTo !== null && event.time.getTime() <= countedUpTo.getTime();
    if (!skip)
      tx.set(platformStatShardRef(db, statsShardFor(event.id)), incrementsFor(delta, now), { merge: true });
    tx.create(markerRef, {
      collection: event.collection,
      document: event.document,
      eventTime: event.time,
      outcome: skip ? 'already-counted' : 'applied',
      delta,
      appliedAt: now,
      expireAt: new Date(now.getTime() + APPLIED_EVENT_TTL_DAYS * 86_400_000),
    });
    return skip ? ('already-counted' as const) : ('applied' as const);
  });
  if (outcome !== 'applied') logger.info('stats: event not applied', { eventId: event.id, outcome });
  return outcome;
}
