// The sweeper of fan-out jobs (issue 16 §3): a job's trigger chain can stop for good — a run that
// was cut off and whose retries gave up, or a write event that never arrived. Every cursor move
// renews the job's lease (`updatedAt`); a running job untouched for FANOUT_LEASE_MS has lost it.
// The sweeper claims such a job in a transaction (only one sweeper wins it: the claim renews the
// lease, and marks the job `driver: 'sweeper'` so the trigger fired by its own writes stays out),
// then drives the remaining batches itself, one after another, from the saved cursor. The batch
// that was cut off is repeated, and it notifies nobody twice: notifications and mail have
// deterministic ids per announcement and follower (notify's create-if-absent). When it is done, or
// out of time, it hands the job back (`driver: null`), which fires the trigger for what is left.
import { FANOUT_LEASE_MS, fanoutLeaseExpired } from '@skillverse/domain/follows';
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { fanoutRef, fanoutsCol } from '../lib/data/follows';
import { runTransactionRetrying } from '../lib/firestore';
import { type FanoutDeps, processFanoutBatch } from './fanout';

export interface SweepOptions {
  /** Stalled jobs resumed per sweep. */
  maxJobs?: number;
  /** Batches one sweep runs before handing a job back to the trigger (time budget). */
  maxBatches?: number;
}

export interface SweepResult {
  /** Stalled jobs this sweep claimed and resumed. */
  resumed: string[];
  /** Of those, the ones it finished. */
  finished: string[];
}

const millisOf = (v: unknown): number =>
  v && typeof (v as Timestamp).toMillis === 'function' ? (v as Timestamp).toMillis() : 0;

/** True when the job may be driven by a trigger run now (no sweeper holds a live lease on it). */
export function triggerMayDrive(job: { driver?: unknown; updatedAt?: unknown }, now: Date): boolean {
  return job.driver !== 'sweeper' || fanoutLeaseExpired(millisOf(job.updatedAt), now.getTime());
}

/** Finds running jobs whose lease expired and finishes them; safe to run twice or concurrently. */
export async function sweepStalledFanouts(
  deps: FanoutDeps,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const { db, now } = deps;
  const cutoff = new Date(now.getTime() - FANOUT_LEASE_MS);
  const stalled = await fanoutsCol(db)
    .where('status', '==', 'running')
    .where('updatedAt', '<=', cutoff)
    .orderBy('updatedAt')
    .limit(options.maxJobs ?? 20)
    .get();
  const result: SweepResult = { resumed: [], finished: [] };
  for (const doc of stalled.docs) {
    const ref = fanoutRef(db, doc.id);
    // Claim: still running and still stalled when read in the transaction (a trigger run or
    // another sweeper that moved it since wins, and this sweep leaves it alone).
    const claimed = await runTransactionRetrying(db, async (tx) => {
      const job = await tx.get(ref);
      if (job.get('status') !== 'running') return false;
      if (!fanoutLeaseExpired(millisOf(job.get('updatedAt')), now.getTime())) return false;
      tx.update(ref, { driver: 'sweeper', updatedAt: now, sweeps: FieldValue.increment(1), sweptAt: now });
      return true;
    });
    if (!claimed) continue;
    result.resumed.push(doc.id);
    let status = 'running';
    for (let batch = 0; batch < (options.maxBatches ?? 25) && status === 'running'; batch++) {
      // Each batch renews the lease (processFanoutBatch moves the cursor with a fresh updatedAt).
      const run = await processFanoutBatch({ ...deps, now: new Date() }, doc.id);
      status = run.status;
      if (!run.advanced && run.status === 'running') break; // someone else moved it: theirs now
    }
    await ref.update({ driver: null, updatedAt: new Date() });
    if (status !== 'running') result.finished.push(doc.id);
    logger.warn('fan-out resumed by the sweeper', { id: doc.id, finished: status !== 'running' });
  }
  return result;
}
