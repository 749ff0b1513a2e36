import { Link } from 'react-router';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { paths } from '@/config/paths';
import { cn } from '@/lib/cn';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { safeRedirect } from '@/lib/redirect';
import { useRecentNotifications } from '../api/get-recent-notifications';
import { RowsSkeleton } from './section-states';

/** The latest few notifications, live, with a link to the notification centre. */
export function RecentNotifications({ uid }: { uid: string }) {
  const recent = useRecentNotifications(uid);
  return (
    <Card>
      <CardHeader
        title="Recent notifications"
        actions={
          <Link
            to={paths.notifications.href()}
            className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            See all<span className="sr-only"> notifications</span>
          </Link>
        }
      />
      <CardBody>
        {recent.isPending ? (
          <RowsSkeleton rows={2} className="h-12" />
        ) : recent.error && recent.data === undefined ? (
          <LoadError
            title="Couldn’t load notifications"
            error={recent.error}
            onRetry={() => void recent.refetch()}
          />
        ) : recent.data && recent.data.length > 0 ? (
          <ul className="-my-2 divide-y divide-stone-100">
            {recent.data.map((n) => {
              const link = n.link ? safeRedirect(n.link, '') : '';
              const body = (
                <>
                  <span className={cn('block text-sm text-stone-900', !n.read && 'font-semibold')}>
                    {!n.read ? <span className="sr-only">Unread: </span> : null}
                    {n.title}
                  </span>
                  <time
                    dateTime={n.createdAt.toISOString()}
                    title={formatDateTime(n.createdAt)}
                    className="text-xs text-stone-600"
                  >
                    {formatRelativeTime(n.createdAt)}
                  </time>
                </>
              );
              return (
                <li key={n.id} className="flex items-start gap-3 py-2">
                  <span
                    aria-hidden="true"
                    className={cn(
                      'mt-1.5 size-2 shrink-0 rounded-full',
                      n.read ? 'bg-transparent' : 'bg-brand-600',
                    )}
                  />
                  {link ? (
                    <Link to={link} className="min-w-0 hover:underline">
                      {body}
                    </Link>
                  ) : (
                    <span className="min-w-0">{body}</span>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState
            icon="bell"
            title="Nothing new yet"
            description="When you enrol in a course, get an exchange request or earn a badge, it shows up here."
          />
        )}
      </CardBody>
    </Card>
  );
}
