// Webhook deliveries of one event that arrive at the same moment (Stripe and LiveKit both retry,
// and both may send an event twice). One of them applies the event; the others must not answer
// 5xx for losing that race: they wait for the winner's record and answer "duplicate". A 5xx is
// left for a delivery that really failed while nothing recorded the event.
//
// Why a claim and not just a transaction per delivery: 20 transactions that all read the event's
// record and then write it hold each other's locks until the lock times out ("ABORTED: Transaction
// lock timeout", 10–30 s on a loaded emulator), so losers past a 40 s wait still answered 500.
import { randomUUID } from 'node:crypto';
import type { DocumentReference, DocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import { isAlreadyExists, isContention } from './firestore';

/**
 * How long a delivery that lost the race keeps waiting for the winner's record: well inside the
 * webhook functions' 60 s timeout, and long enough for a winner that commits slowly on a loaded
 * machine (the 3 s of the first version saw 10 of 20 concurrent deliveries answer 500).
 */
export const DUPLICATE_WAIT_MS = 40_000;

export interface RaceOptions {
  /** Epoch ms after which a delivery that keeps losing gives up (its caller answers 5xx). */
  deadline: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Jittered exponential backoff: ~100 ms, 200 ms, 400 ms … capped at ~2 s. */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.min(2000, 100 * 2 ** Math.max(0, attempt - 1)) * (0.5 + random());
}

/** Lost on a lock or to a concurrent create of the same claim: a fresh look can get past it. */
export const lostRace = (error: unknown): boolean => isContention(error) || isAlreadyExists(error);

/**
 * Polls `check` with jittered backoff until it answers something other than undefined, or the
 * deadline passes (then undefined).
 */
export async function pollUntil<R>(
  check: () => Promise<R | undefined>,
  options: RaceOptions,
): Promise<R | undefined> {
  const sleep = options.sleep ?? defaultSleep;
  const clock = options.clock ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    const value = await check();
    if (value !== undefined) return value;
    const left = options.deadline - clock();
    if (left <= 0) return undefined;
    await sleep(Math.min(backoffMs(attempt), left));
  }
}

// ---------------------------------------------------------------------------------------------
// Claims: one delivery applies, the others wait for its record

/**
 * A record still being applied: `state: 'processing'` (a claim). Anything else that exists —
 * `state: 'done'`, or a record written before claims existed (no `state`) — is done.
 */
export function isDoneRecord(snap: DocumentSnapshot): boolean {
  return snap.exists && snap.get('state') !== 'processing';
}

/** A claim older than this belongs to a delivery that died: the webhook functions time out at 60 s. */
export const CLAIM_LEASE_MS = 90_000;

export interface Claimed {
  claimId: string;
  /** The claim's write time: it is released only while still this claim (`releaseClaim`). */
  writeTime: Timestamp;
}

/** Another delivery still holds the claim at the deadline: answer 5xx so the sender retries. */
export class StillProcessing extends Error {}

/** The claim this delivery held was taken over (its lease ran out): it must not apply. */
export class ClaimLost extends Error {}

/** gRPC FAILED_PRECONDITION: an update or delete whose lastUpdateTime no longer holds. */
const isFailedPrecondition = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 9;

/**
 * Makes this delivery the one that applies an event, or waits until another one has. The event's
 * record is created as a claim (`state: 'processing'`, a lease): one create wins. While another
 * delivery's claim is live, poll with backoff; a released claim (its delivery failed) is claimed
 * again, a stale one (its delivery died) taken over with a compare-and-set on its update time.
 * Answers `{ claimed }`, or `{ done }` with the winner's record; StillProcessing at the deadline.
 * Deliveries that wait take no lock: 20 concurrent deliveries make one transaction, not 20
 * transactions that time each other out on the record's lock.
 */
export async function claimOrAwait(
  ref: DocumentReference,
  fields: Record<string, unknown>,
  options: RaceOptions & { leaseMs?: number },
): Promise<{ claimed: Claimed } | { done: DocumentSnapshot }> {
  const claimId = randomUUID();
  const claim = () => ({
    ...fields,
    state: 'processing',
    claimId,
    claimedAt: new Date(),
    claimedUntil: new Date(Date.now() + (options.leaseMs ?? CLAIM_LEASE_MS)),
  });
  const outcome = await pollUntil<{ claimed: Claimed } | { done: DocumentSnapshot }>(async () => {
    const snap = await ref.get();
    if (isDoneRecord(snap)) return { done: snap };
    try {
      if (!snap.exists) return { claimed: { claimId, writeTime: (await ref.create(claim())).writeTime } };
      const until = snap.get('claimedUntil');
      const untilMs = until && typeof until.toMillis === 'function' ? (until.toMillis() as number) : 0;
      if (untilMs < Date.now()) {
        const taken = await ref.update(claim(), { lastUpdateTime: snap.updateTime });
        return { claimed: { claimId, writeTime: taken.writeTime } };
      }
    } catch (error) {
      // Another delivery created or took over the claim first: look again.
      if (!lostRace(error) && !isFailedPrecondition(error)) throw error;
    }
    return undefined;
  }, options);
  if (!outcome) throw new StillProcessing(`${ref.path} is still being applied by another delivery`);
  return outcome;
}

/** Gives a claim up after a failure, unless it was taken over meanwhile. Never throws. */
export async function releaseClaim(ref: DocumentReference, claimed: Claimed): Promise<void> {
  await ref.delete({ lastUpdateTime: claimed.writeTime }).catch(() => undefined);
}

/** Inside the owner's transaction: the record is still this delivery's claim (else ClaimLost). */
export function assertStillClaimed(snap: DocumentSnapshot, claimed: Claimed): void {
  if (!snap.exists || snap.get('state') !== 'processing' || snap.get('claimId') !== claimed.claimId)
    throw new ClaimLost(`${snap.ref.path}: the claim was taken over`);
}
