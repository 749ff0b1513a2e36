import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { paths } from '@/config/paths';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useUpcomingSessions } from '../api/get-upcoming-sessions';
import { RowsSkeleton } from './section-states';

/** Live sessions I registered for that are still ahead, soonest first. */
export function UpcomingSessions({ uid }: { uid: string }) {
  const sessions = useUpcomingSessions(uid);
  return (
    <Card>
      <CardHeader
        title="Upcoming live sessions"
        actions={
          <Link
            to={paths.liveSessions.href()}
            className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            All sessions
          </Link>
        }
      />
      <CardBody>
        {sessions.isPending ? (
          <RowsSkeleton rows={2} />
        ) : sessions.error && sessions.data === undefined ? (
          <LoadError
            title="Couldn’t load your sessions"
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
          />
        ) : sessions.data && sessions.data.length > 0 ? (
          <ul className="-my-2 divide-y divide-stone-100">
            {sessions.data.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <Link
                    to={paths.liveSession.href(s.id)}
                    className="block font-medium text-stone-900 hover:underline"
                  >
                    {s.title}
                  </Link>
                  <p className="text-xs text-stone-600">
                    {s.hostName ? `${s.hostName} · ` : ''}
                    <time dateTime={s.scheduledAt.toISOString()} title={formatDateTime(s.scheduledAt)}>
                      {formatDateTime(s.scheduledAt)}
                    </time>
                    {s.status === 'scheduled' ? ` (${formatRelativeTime(s.scheduledAt)})` : ''}
                  </p>
                </div>
                {s.status === 'live' ? (
                  <ButtonLink reloadDocument to={paths.liveRoom.href(s.id)} size="sm">
                    Join now<span className="sr-only">: {s.title}</span>
                  </ButtonLink>
                ) : (
                  <Badge tone="brand">Registered</Badge>
                )}
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState
            icon="video"
            title="No sessions coming up"
            description="Register for a live class and it appears here with its start time."
            action={
              <ButtonLink to={paths.liveSessions.href()} size="sm" variant="secondary">
                Find a live session
              </ButtonLink>
            }
          />
        )}
      </CardBody>
    </Card>
  );
}
