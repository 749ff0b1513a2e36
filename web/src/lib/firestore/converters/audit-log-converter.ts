import type { AuditLogEntry } from '@skillverse/domain/accounts-api';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { dateOrNow, serverOnly } from './parse';

const schema = z.object({
  actorId: z.string().catch(''),
  action: z.string().catch('unknown'),
  targetUid: z.string().nullable().catch(null),
  target: z.string().nullable().catch(null),
  details: z.record(z.string(), z.unknown()).catch({}),
  createdAt: dateOrNow,
});

export function parseAuditLogEntry(id: string, data: unknown): AuditLogEntry {
  return { id, ...schema.parse(data ?? {}) };
}

export const auditLogConverter: FirestoreDataConverter<AuditLogEntry> = {
  // Only functions write the audit log; the rules deny every client write.
  toFirestore: () => serverOnly('auditLog'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) => parseAuditLogEntry(snapshot.id, snapshot.data()),
};
