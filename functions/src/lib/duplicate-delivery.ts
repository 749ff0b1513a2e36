// Webhook deliveries of one event that arrive at the same moment (Stripe and LiveKit both retry,
// and both may send an event twice). One of them applies the event; the others must not answer
// 5xx for losing that race: they wait for the winner's record and answer "duplicate". A 5xx is
// left for a delivery that really failed while nothing recorded the event.
import type { Firestore, Transaction } from 'firebase-admin/firestore';
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

export type RaceResult<T, R> = { applied: T } | { recorded: R };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Jittered exponential backoff: ~100 ms, 200 ms, 400 ms … capped at ~2 s. */
export function backoffMs(attempt: number, random = Math.random): number {
  return Math.min(2000, 100 * 2 ** Math.max(0, attempt - 1)) * (0.5 + random());
}

/** Lost on a lock or to a concurrent create of the same record: a fresh look can get past it. */
export const lostRace = (error: unknown): boolean => isContention(error) || isAlreadyExists(error);

/**
 * Applies an event in one transaction (one SDK attempt at a time), or finds that a concurrent
 * delivery recorded it. After each attempt lost to contention, `recorded` looks for the winner's
 * record (a plain read, which takes no lock): found → `{ recorded }`; not yet → a jittered pause
 * and another attempt (whose transaction sees the record if the winner committed meanwhile).
 * Errors other than contention, and contention past the deadline, are thrown.
 */
export async function applyOrAwaitWinner<T, R>(
  db: Firestore,
  body: (tx: Transaction) => Promise<T>,
  recorded: () => Promise<R | null>,
  options: RaceOptions,
): Promise<RaceResult<T, R>> {
  const sleep = options.sleep ?? defaultSleep;
  const clock = options.clock ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return { applied: await db.runTransaction(body, { maxAttempts: 1 }) };
    } catch (error) {
      if (!lostRace(error)) throw error;
      const seen = await recorded().catch(() => null);
      if (seen) return { recorded: seen };
      const left = options.deadline - clock();
      if (left <= 0) throw error;
      await sleep(Math.min(backoffMs(attempt), left));
    }
  }
}

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
