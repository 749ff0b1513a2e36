// Coalesced folds: many events, one write every few seconds (docs/live.md "Presence and polls at
// scale"). Each event (a vote, a presence change) asks for a fold of some view (a poll's tally, a
// session's roster). A server-only state document keeps when the last fold ran and whether one is
// claimed. The rule, in `foldPlan`:
//   - a fold already claimed (and not abandoned) will see this event: do nothing;
//   - otherwise claim one, to run now or `minIntervalMs` after the last (the trailing edge);
// the claimer waits until then, releases the claim and records `foldedAt` in one transaction, and
// only then reads the sources and writes the view. An event that arrives after the release finds
// no claim and claims the next fold, so every event is seen by a fold that starts after it, and the
// view is written at most once per interval. Folds are recomputed from the sources (not
// incremented), so a repeated event or a repeated fold never double counts. An event whose write
// committed before the last fold began (`eventAt` < `foldedAt`) is already covered and stops at once:
// that is what keeps a queue of deliveries (the emulator runs triggers one at a time) from each
// waiting out an interval.
import { FOLD_LEASE_MS, type FoldState, foldPlan } from '@skillverse/domain/live-room';
import {
  type DocumentReference,
  type DocumentSnapshot,
  FieldValue,
  type Firestore,
} from 'firebase-admin/firestore';
import { runTransactionRetrying, toDate } from './firestore';

export interface FoldOptions {
  minIntervalMs: number;
  /** Only fold when the last fold is older than this (a sweep, e.g. for heartbeats). */
  sweepMs?: number;
  leaseMs?: number;
  /** When the event's write committed: a fold that began after it already saw it ('covered'). */
  eventAt?: Date;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export type FoldOutcome = 'folded' | 'covered' | 'pending' | 'fresh' | 'taken-over';

function stateOf(snap: DocumentSnapshot): FoldState & { claimId: string | null; seq: number } {
  return {
    foldedAt: toDate(snap.get('foldedAt')),
    runAt: toDate(snap.get('runAt')),
    claimId: typeof snap.get('claimId') === 'string' ? (snap.get('claimId') as string) : null,
    seq: Number(snap.get('seq') ?? 0) || 0,
  };
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Asks for a fold coordinated by `stateRef`. When this call claims it, it waits for its time and
 * runs `fold(seq)` (seq grows by one per fold: a fold may refuse to overwrite a newer one).
 */
export async function requestFold(
  db: Firestore,
  stateRef: DocumentReference,
  opts: FoldOptions,
  fold: (seq: number) => Promise<void>,
): Promise<FoldOutcome> {
  const now = opts.now ?? (() => new Date());
  const sleep = opts.sleep ?? defaultSleep;
  const planOpts = {
    minIntervalMs: opts.minIntervalMs,
    sweepMs: opts.sweepMs,
    leaseMs: opts.leaseMs ?? FOLD_LEASE_MS,
  };

  // A plain read first: most events find a fold pending (or a fresh one) and stop here, without a lock.
  const first = foldPlan(stateOf(await stateRef.get()), now(), planOpts);
  if (first.action !== 'claim') return first.action;

  const claimId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const claimed = await runTransactionRetrying(db, async (tx) => {
    const plan = foldPlan(stateOf(await tx.get(stateRef)), now(), planOpts);
    if (plan.action !== 'claim') return plan.action;
    tx.set(stateRef, { runAt: plan.runAt, claimId }, { merge: true });
    return plan.runAt;
  });
  if (!(claimed instanceof Date)) return claimed;

  const wait = claimed.getTime() - now().getTime();
  if (wait > 0) await sleep(wait);

  // Release the claim and record the fold's time before reading anything: events from here on
  // claim the next fold.
  const seq = await runTransactionRetrying(db, async (tx) => {
    const state = stateOf(await tx.get(stateRef));
    if (state.claimId !== claimId) return null;
    // foldedAt is the commit time (Firestore's clock, like an event's eventAt): reads below see
    // every write committed before it.
    tx.set(
      stateRef,
      { foldedAt: FieldValue.serverTimestamp(), runAt: null, claimId: null, seq: state.seq + 1 },
      { merge: true },
    );
    return state.seq + 1;
  });
  if (seq === null) return 'taken-over';
  await fold(seq);
  return 'folded';
}
