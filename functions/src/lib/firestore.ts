// Small Firestore helpers shared by the handlers: timestamps in and out, create-if-absent, paging.
import {
  FieldValue,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';

export { isRecord } from '@skillverse/domain/fields';

export const serverTimestamp = () => FieldValue.serverTimestamp();

/** A Firestore Timestamp (or Date, or ISO string) read from a document, as a Date; otherwise null. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Timestamp) return value.toDate();
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return null;
}

export function toTimestamp(date: Date): Timestamp {
  return Timestamp.fromDate(date);
}

/** gRPC ALREADY_EXISTS, as thrown by DocumentReference.create() when the document exists. */
export function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 6;
}

/** Runs `create` and answers false instead of throwing when the document already exists. */
export async function createIfAbsent(create: () => Promise<unknown>): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (isAlreadyExists(error)) return false;
    throw error;
  }
}

/** Pages through a query by document id, `pageSize` at a time; answers how many documents it saw. */
export async function forEachDocPage(
  query: Query,
  pageSize: number,
  each: (docs: QueryDocumentSnapshot[]) => Promise<void>,
): Promise<number> {
  let last: QueryDocumentSnapshot | undefined;
  let total = 0;
  for (;;) {
    let page = query.orderBy('__name__').limit(pageSize);
    if (last) page = page.startAfter(last);
    const snap = await page.get();
    if (snap.empty) break;
    await each(snap.docs);
    total += snap.size;
    last = snap.docs[snap.docs.length - 1];
    if (snap.size < pageSize) break;
  }
  return total;
}

/**
 * Lock contention a fresh attempt can get past: ABORTED (10), or INVALID_ARGUMENT (3) "Transaction
 * is invalid or closed", which the emulator answers when concurrent transactions on one document
 * time each other out. The Admin SDK retries only the first.
 */
export function isContention(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === 10 ||
    (e?.code === 3 && /Transaction is invalid or closed/.test(String(e?.message))) ||
    // runCallableTransaction's answer after its own retries (HttpsError 'aborted'), e.g. from
    // endSession when the LiveKit webhook calls it: still a lost lock, still worth another go.
    e?.code === 'aborted'
  );
}

/** How runTransactionRetrying retries. */
export interface RetryOptions<T> {
  /** Passed to db.runTransaction: the Admin SDK's own retries of ABORTED (its default is 5). */
  maxAttempts?: number;
  /**
   * Asked after a lost attempt, before the next: the answer when a concurrent call already applied
   * the same change (a duplicate), read without a transaction, so the duplicate stops contending
   * for the locks the winner needs. Undefined: not applied yet, try again.
   */
  settled?: () => Promise<T | undefined>;
}

/**
 * db.runTransaction, tried again with jittered backoff (at most 2 s a wait) when it loses on
 * contention (the body re-reads everything, so a repeat is safe); other errors and the last
 * attempt's are thrown. With `settled`, a duplicate returns as soon as the winner's change is seen.
 */
export async function runTransactionRetrying<T>(
  db: Firestore,
  body: (tx: Transaction) => Promise<T>,
  attempts = 5,
  options: RetryOptions<T> = {},
): Promise<T> {
  const txOptions = options.maxAttempts === undefined ? undefined : { maxAttempts: options.maxAttempts };
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(body, txOptions);
    } catch (error) {
      if (attempt >= attempts || !isContention(error)) throw error;
      const wait = Math.min(2000, 50 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, wait));
      const applied = await options.settled?.();
      if (applied !== undefined) return applied;
    }
  }
}

/** What a person reads when their change lost on contention every time (docs/contention.md). */
export const BUSY_MESSAGE = 'Busy right now — please try again in a moment. Nothing was changed.';

/**
 * The transaction of a callable (or of code a callable runs): runTransactionRetrying, and when it
 * still loses on contention, `aborted` with BUSY_MESSAGE — retryable, so the web client tries again
 * by itself (web/src/lib/firebase.ts callFunction) — never the raw ABORTED that onCall would answer
 * as INTERNAL. Errors the body throws (HttpsErrors included) pass through unchanged. With
 * `settled`, the Admin SDK does not retry on its own (maxAttempts 1 unless given): every retry
 * here first asks whether a concurrent duplicate already applied the change.
 */
export async function runCallableTransaction<T>(
  db: Firestore,
  body: (tx: Transaction) => Promise<T>,
  options: RetryOptions<T> = {},
): Promise<T> {
  const retry = options.settled ? { maxAttempts: 1, ...options } : options;
  try {
    return await runTransactionRetrying(db, body, options.settled ? 12 : 6, retry);
  } catch (error) {
    if (!isContention(error)) throw error;
    logger.warn('transaction lost on contention after its retries', { error: String(error) });
    throw new HttpsError('aborted', BUSY_MESSAGE);
  }
}
