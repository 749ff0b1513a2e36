// Field readers for documents read at the boundary (Firestore data, webhook payloads): each field
// reads as its type or as a fallback, never throws. Pure, so functions and web can share them.
//
// The one rule about empty strings: `str` and `asStr` take any string, the empty string included;
// `nonEmptyStr` (and `trimmedStr`) treat '' (or blank) as missing. Pick per field: an optional id or
// name where '' means "not set" reads with `nonEmptyStr(v) ?? fallback`; a text field reads with `str`.

/** A document or nested map, read field by field. */
export type Fields = { readonly [key: string]: unknown };

/** A non-null object that is not an array (a Firestore map, a parsed JSON object). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` as a map to read field by field, or `{}`. */
export function obj(v: unknown): Fields {
  return isRecord(v) ? v : {};
}

/** A string (the empty string included), else `undefined`. */
export function asStr(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A string (the empty string included), else the fallback (''). */
export function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : fallback;
}

/** A string (the empty string included), else null. */
export function nullableStr(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** A non-empty string, else `undefined`: '' counts as missing. */
export function nonEmptyStr(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

/** A non-empty string, else null: '' counts as missing (for a field written back as null). */
export function nonEmptyStrOrNull(v: unknown): string | null {
  return typeof v === 'string' && v.length > 0 ? v : null;
}

/** The trimmed string when it is not blank, else `undefined`: '' and whitespace count as missing. */
export function trimmedStr(v: unknown): string | undefined {
  const s = typeof v === 'string' ? v.trim() : '';
  return s.length > 0 ? s : undefined;
}

/** A finite number, else `undefined` (NaN and ±Infinity too). */
export function asNum(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A finite number, else the fallback (0). */
export function num(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** A boolean, else the fallback (false). */
export function bool(v: unknown, fallback = false): boolean {
  return typeof v === 'boolean' ? v : fallback;
}

/** The strings of an array (other items dropped); anything but an array reads as []. */
export function strList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((item): item is string => typeof item === 'string') : [];
}

/** One of the allowed values, else the fallback. */
export function oneOf<const T extends string, F>(allowed: readonly T[], v: unknown, fallback: F): T | F {
  return (allowed as readonly unknown[]).includes(v) ? (v as T) : fallback;
}
