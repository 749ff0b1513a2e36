// Firestore values as plain JSON (for a person's data export): timestamps as ISO strings, references
// as paths, bytes as base64, GeoPoints as {latitude, longitude}; everything else as it is.
import { DocumentReference, GeoPoint, Timestamp } from 'firebase-admin/firestore';

export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof DocumentReference) return value.path;
  if (value instanceof GeoPoint) return { latitude: value.latitude, longitude: value.longitude };
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, toJsonValue(v)]),
    );
  }
  return value;
}

/** A document's data as JSON, with its id (and optionally more fields, e.g. a parent id). */
export function docJson(
  snap: { id: string; data(): Record<string, unknown> | undefined },
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { id: snap.id, ...extra, ...(toJsonValue(snap.data() ?? {}) as Record<string, unknown>) };
}
