import { describeAuditAction } from '@skillverse/domain/accounts-api';
import { useId } from 'react';
import { Link } from 'react-router';
import { Card, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useAuditLog } from '../api/get-audit-log';

/**
 * A person named in an entry, linking to their public profile: the display name stored on the
 * entry when it was written (no profile read per row); the uid for older entries without one.
 */
function EntryPerson({ uid, name, fallback }: { uid: string; name: string | null; fallback?: string }) {
  if (!uid) return <span className="font-medium text-stone-900">{name ?? fallback ?? 'Someone'}</span>;
  return (
    <Link
      to={paths.publicProfile.href(uid)}
      className="font-medium text-stone-900 underline-offset-2 hover:underline"
    >
      {name ?? uid}
    </Link>
  );
}

/**
 * The latest admin actions, newest first, live: one query, the names come with the entries.
 * Entries are written only by functions; admins read them and nobody can edit them. Used by
 * /admin/users and the admin console.
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
                  <EntryPerson uid={entry.actorId} name={entry.actorName} fallback="An admin" />{' '}
                  {describeAuditAction(entry)}
                  {entry.targetUid ? (
                    <>
                      {' '}
                      <span className="text-stone-500">for</span>{' '}
                      <EntryPerson uid={entry.targetUid} name={entry.targetName} />
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
