// Reading sharded counters in tests the way the server does: the document plus its pending
// counter shards, in one snapshot (lib/sharded-counter.ts), so a test need not wait for a fold.
import { readShardedCounters } from '../src/lib/sharded-counter';
import { testDb } from './emulator';

/** The document at `path` with its counters exact (undefined when neither it nor a shard exists). */
export async function countersOf(path: string): Promise<Record<string, unknown> | undefined> {
  const db = testDb();
  return readShardedCounters(db, db.doc(path));
}

/** One counter field of `path`, exact. */
export async function counterOf(path: string, field: string): Promise<unknown> {
  return (await countersOf(path))?.[field];
}
