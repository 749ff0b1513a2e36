import { limit, orderBy, query, where } from 'firebase/firestore';
import { auditLogRef } from '@/lib/data/audit-log';
import { querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function auditLogQueryOptions(options: { max?: number; targetUid?: string | null } = {}) {
  const max = options.max ?? 15;
  const base = options.targetUid
    ? query(
        auditLogRef(),
        where('targetUid', '==', options.targetUid),
        orderBy('createdAt', 'desc'),
        limit(max),
      )
    : query(auditLogRef(), orderBy('createdAt', 'desc'), limit(max));
  return liveQueryOptions(['auditLog', options.targetUid ?? 'all', max] as const, querySource(base));
}

/** The latest admin actions, newest first, live (admins read; only functions write). */
export function useAuditLog(options: { max?: number; targetUid?: string | null } = {}) {
  return useLiveQuery(auditLogQueryOptions(options));
}
