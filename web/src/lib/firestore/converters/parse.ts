import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';

/** Anything Firestore may hold for a time (Timestamp, Date, millis) → Date; otherwise null. */
export function toDate(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (value && typeof value === 'object' && 'toDate' in value && typeof value.toDate === 'function') {
    const date: unknown = value.toDate();
    return date instanceof Date ? date : null;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
  return null;
}

// `.optional()` first: in zod 4 a bare z.unknown() with a transform makes the key required, so a
// document without the field would fail to parse instead of falling back.
export const dateOrNull = z.unknown().optional().transform(toDate);
/** A time the server always sets; a pending server timestamp reads as "now" until it resolves. */
export const dateOrNow = z
  .unknown()
  .optional()
  .transform((v) => toDate(v) ?? new Date());

/** An array that keeps the items matching `item` and drops the rest (never fails). */
export function arrayOf<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((raw) => {
        const r = item.safeParse(raw);
        return r.success ? [r.data as z.output<T>] : [];
      }),
    );
}

export const text = (fallback = '') => z.string().catch(fallback);
export const count = z.number().finite().catch(0);

/** Read-only models: the client never writes them through the converter. */
export function serverOnly(collection: string): never {
  throw new Error(`${collection} documents are written by the server, not through this converter`);
}

/**
 * A converter for documents the client only reads: `parse` gets the id and the data (pending
 * server timestamps estimated); writing through it throws.
 */
export function readOnlyConverter<T>(
  collection: string,
  parse: (id: string, data: unknown) => T,
): FirestoreDataConverter<T> {
  return {
    toFirestore: () => serverOnly(collection),
    fromFirestore: (snapshot: QueryDocumentSnapshot) =>
      parse(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
  };
}
