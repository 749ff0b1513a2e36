import { describeAuditAction } from '@skillverse/domain/accounts-api';
import { useId } from 'react';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useAuditLog } from '../api/get-audit-log';
import { PersonName } from './person-name';

/**
 * The latest admin actions, newest first, live. Entries are written only by functions; admins
 * read them and nobody can edit them. Used by /admin/users and the admin console.
 */
export function AuditLogPanel({
  max = 15,
  title = 'Audit log',
  className,
}: {
  max?: number;
  title?: string;
  className?: string;
}) {
  const log = useAuditLog({ max });
  const headingId = useId();
  return (
    <Card className={className}>
      <section aria-labelledby={headingId}>
        <CardHeader id={headingId} title={title} description="Every admin action, newest first. Read-only." />
        {log.isPending ? (
          <div className="p-5">
            <Skeleton className="h-32" />
          </div>
        ) : log.error && !log.data ? (
          <div className="p-5">
            <LoadError
              title="We couldn’t load the audit log"
              error={log.error}
              onRetry={() => void log.refetch()}
            />
          </div>
        ) : (log.data ?? []).length === 0 ? (
          <p className="px-5 py-4 text-sm text-stone-600">No admin actions yet.</p>
        ) : (
          <ol className="divide-y divide-stone-100" aria-live="polite" aria-relevant="additions">
            {(log.data ?? []).map((entry) => (
              <li key={entry.id} className="px-5 py-3 text-sm">
                <p className="text-stone-700">
                  <PersonName uid={entry.actorId} fallback="An admin" /> {describeAuditAction(entry)}
                  {entry.targetUid ? (
                    <>
                      {' '}
                      <span className="text-stone-500">for</span> <PersonName uid={entry.targetUid} />
                    </>
                  ) : null}
                </p>
                <p className="mt-0.5 text-xs text-stone-600">
                  <time dateTime={entry.createdAt.toISOString()} title={formatDateTime(entry.createdAt)}>
                    {formatRelativeTime(entry.createdAt)}
                  </time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </Card>
  );
}
