import {
  asNum,
  asStr,
  bool,
  type Fields,
  isRecord,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  str,
} from '@skillverse/domain/fields';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';

// Lenient field readers for Firestore documents. A converter never throws on a malformed document:
// each field reads as its type or falls back to its default, arrays keep the items that read and
// drop the rest, and so on. They replace the zod schemas the converters used to have (a read
// converter is on every page's first paint; zod is not, issue 7), so each mirrors the zod
// expression it replaced — noted on each reader — and the converters read like
// `displayName: str(d.displayName)`.
//
// Two kinds of scalar reader: `asStr`, `asNum`, `asInt` return the value or `undefined` (item
// readers for `arrayOf`, `recordOf`, … return `undefined` to drop an item), and `str`, `num`,
// `int`, `bool` return the value or a fallback.
//
// The scalar readers the server shares (`str`, `num`, `bool`, `obj`, …) are @skillverse/domain/fields,
// re-exported here so a converter imports all its readers from one place; this file adds the ones
// only the web's converters need.
export { asNum, asStr, bool, type Fields, nonEmptyStr, nullableStr, num, obj, oneOf, str };

/** An object zod's `z.object()` would read: any non-null object but an array. */
export const isObject = isRecord;

/**
 * A map zod's `z.record()` would read: an object literal (what Firestore returns for a map), not
 * an array, Date, Timestamp or other class instance. Any realm's Object.prototype counts.
 */
export function isPlainObject(v: unknown): v is Fields {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.hasOwn(proto as object, 'isPrototypeOf');
}

/** `z.string().trim().min(1).nullable().catch(null)`: the trimmed string, null when blank or not one. */
export function trimmedOrNull(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length > 0 ? s : null;
}

/**
 * `z.number().int().min(min).max(max)`: a safe integer (zod's `.int()`) within [min, max], else
 * `undefined`.
 */
export function asInt(
  v: unknown,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max ? v : undefined;
}

/** `z.number().int().min(min).max(max).catch(fallback)`; the fallback may be null (`.nullable()`). */
export function int<F extends number | null>(
  v: unknown,
  fallback: F,
  min?: number,
  max?: number,
): number | F {
  return asInt(v, min, max) ?? fallback;
}

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

/** A time that may be missing: the Date, or null. */
export function dateOrNull(v: unknown): Date | null {
  return toDate(v);
}

/** A time the server always sets; a pending server timestamp reads as "now" until it resolves. */
export function dateOrNow(v: unknown): Date {
  return toDate(v) ?? new Date();
}

/**
 * The old `arrayOf(item)` schema: an array keeps the items `readItem` reads and drops the rest
 * (holes read as `undefined`); anything but an array reads as [].
 */
export function arrayOf<T>(v: unknown, readItem: (raw: unknown) => T | undefined): T[] {
  if (!Array.isArray(v)) return [];
  const out: T[] = [];
  for (const raw of v) {
    const item = readItem(raw);
    if (item !== undefined) out.push(item);
  }
  return out;
}

/** `z.array(item).catch([])`: all or nothing — a single item that does not read empties the array. */
export function arrayOfAll<T>(v: unknown, readItem: (raw: unknown) => T | undefined): T[] {
  const out = arrayOf(v, readItem);
  return Array.isArray(v) && out.length === v.length ? out : [];
}

/** `arrayOf(z.string())`: the strings of an array. */
export function strings(v: unknown): string[] {
  return arrayOf(v, asStr);
}

/** A map that keeps the entries `readValue` reads and drops the rest; anything but a map reads as {}. */
export function recordOf<T>(v: unknown, readValue: (raw: unknown) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isPlainObject(v)) return out;
  for (const [key, raw] of Object.entries(v)) {
    const value = readValue(raw);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * `z.record(z.string(), value).catch({})`: all or nothing, as zod did it — a single value that does
 * not read fails the whole record, which then reads as {}.
 */
export function recordOfAll<T>(v: unknown, readValue: (raw: unknown) => T | undefined): Record<string, T> {
  const out = recordOf(v, readValue);
  return isPlainObject(v) && Object.keys(out).length === Object.keys(v).length ? out : {};
}

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
