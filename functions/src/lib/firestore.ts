// Small Firestore helpers shared by the handlers: timestamps in and out, create-if-absent.
import { FieldValue, Timestamp } from 'firebase-admin/firestore';

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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
