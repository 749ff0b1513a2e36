// auditLog/{id}: admin actions, written only by functions.
import type { AuditLogEntry } from '@skillverse/domain/accounts-api';
import { collection, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  dateOrNow,
  isPlainObject,
  nullableStr,
  obj,
  serverOnly,
  str,
  trimmedOrNull,
} from '@/lib/firestore/parse';

export function parseAuditLogEntry(id: string, data: unknown): AuditLogEntry {
  const d = obj(data);
  return {
    id,
    actorId: str(d.actorId),
    // Display names stored at write time; entries written before the fields have none (null).
    actorName: trimmedOrNull(d.actorName),
    action: str(d.action, 'unknown'),
    targetUid: nullableStr(d.targetUid),
    target: nullableStr(d.target),
    targetName: trimmedOrNull(d.targetName),
    details: isPlainObject(d.details) ? { ...d.details } : {},
    createdAt: dateOrNow(d.createdAt),
  };
}

export const auditLogConverter: FirestoreDataConverter<AuditLogEntry> = {
  // Only functions write the audit log; the rules deny every client write.
  toFirestore: () => serverOnly('auditLog'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => parseAuditLogEntry(snapshot.id, snapshot.data()),
};

// ---------------------------------------------------------------- paths and refs

export const auditLogPaths = {
  auditLog: () => 'auditLog',
} as const;

/** auditLog: admins read; only functions write. */
export const auditLogRef = () => collection(db, auditLogPaths.auditLog()).withConverter(auditLogConverter);
