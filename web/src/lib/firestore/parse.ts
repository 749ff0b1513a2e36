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

/** A document or nested map, read field by field (any field may be missing or of any type). */
export type Fields = { readonly [key: string]: unknown };

/** An object zod's `z.object()` would read: any non-null object but an array. */
export function isObject(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as a plain-object view, or `{}` — so a whole document or nested map reads field by field. */
export function obj(v: unknown): Fields {
  return isObject(v) ? v : {};
}

/**
 * A map zod's `z.record()` would read: an object literal (what Firestore returns for a map), not
 * an array, Date, Timestamp or other class instance. Any realm's Object.prototype counts.
 */
export function isPlainObject(v: unknown): v is Fields {
  if (!isObject(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === null || Object.hasOwn(proto as object, 'isPrototypeOf');
}

/** `z.string()`: a string (empty included), else `undefined`. */
export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** `z.string().catch(fallback)`: a string (empty included), else the fallback (''). */
export function str(v: unknown, fallback = ''): string {
  return asStr(v) ?? fallback;
}

/** `z.string().nullable().catch(null)`. */
export function nullableStr(v: unknown): string | null {
  return asStr(v) ?? null;
}

/** `z.string().min(1)`: a non-empty string, else `undefined`. */
export function nonEmptyStr(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** `z.string().trim().min(1).nullable().catch(null)`: the trimmed string, null when blank or not one. */
export function trimmedOrNull(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length > 0 ? s : null;
}

/** `z.number()` (zod 4 numbers are finite): a finite number, else `undefined` (NaN and ±Infinity too). */
export function asNum(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** `z.number().catch(fallback)`: a finite number, else the fallback (0). */
export function num(v: unknown, fallback = 0): number {
  return asNum(v) ?? fallback;
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

/** `z.boolean().catch(fallback)`: a boolean, else the fallback (false). */
export function bool(v: unknown, fallback = false): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/**
 * `z.enum(allowed).catch(fallback)`: one of the allowed values, else the fallback (pass
 * `undefined` for an item reader, `null` for a nullable field).
 */
export function oneOf<const T extends string, F>(allowed: readonly T[], v: unknown, fallback: F): T | F {
  return (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback;
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
