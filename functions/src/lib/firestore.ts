// Small Firestore helpers shared by the handlers: timestamps in and out, create-if-absent, paging.
import {
  FieldValue,
  type Firestore,
  type Query,
  type QueryDocumentSnapshot,
  Timestamp,
  type Transaction,
} from 'firebase-admin/firestore';

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
  return e?.code === 10 || (e?.code === 3 && /Transaction is invalid or closed/.test(String(e?.message)));
}

/**
 * db.runTransaction, tried again with jittered backoff when it loses on contention (the body
 * re-reads everything, so a repeat is safe); other errors and the last attempt's are thrown.
 */
export async function runTransactionRetrying<T>(
  db: Firestore,
  body: (tx: Transaction) => Promise<T>,
  attempts = 5,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.runTransaction(body);
    } catch (error) {
      if (attempt >= attempts || !isContention(error)) throw error;
      await new Promise((r) => setTimeout(r, 50 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
