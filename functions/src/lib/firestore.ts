// Small Firestore helpers shared by the handlers: timestamps in and out, create-if-absent, paging.
import { FieldValue, type Query, type QueryDocumentSnapshot, Timestamp } from 'firebase-admin/firestore';

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
