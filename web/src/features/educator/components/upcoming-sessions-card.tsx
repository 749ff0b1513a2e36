import { Link } from 'react-router';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useUpcomingHostedSessions } from '../api/get-upcoming-sessions';

/** The next live sessions I host, soonest first. */
export function UpcomingSessionsCard({ uid }: { uid: string }) {
  const sessions = useUpcomingHostedSessions(uid);
  const items = sessions.data ?? [];
  return (
    <Card>
      <CardHeader
        id="sessions-heading"
        title="Upcoming live sessions"
        actions={
          <ButtonLink to={paths.educatorSessions.href()} size="sm" variant="secondary">
            Manage
          </ButtonLink>
        }
      />
      <CardBody>
        {sessions.isPending ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <Skeleton className="h-12" />
            <Skeleton className="h-12" />
          </div>
        ) : sessions.error && !sessions.data ? (
          <LoadError
            title="We couldn’t load your sessions"
            error={sessions.error}
            onRetry={() => void sessions.refetch()}
          />
        ) : items.length === 0 ? (
          <p className="text-sm text-stone-700">
            Nothing scheduled.{' '}
            <Link to={paths.educatorSessions.href()} className="font-semibold text-brand-700 hover:underline">
              Schedule a live session
            </Link>
          </p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {items.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2.5">
                <div className="min-w-0 flex-1">
                  <Link
                    to={paths.liveSession.href(s.id)}
                    className="font-medium text-stone-900 hover:underline"
                  >
                    {s.title || 'Untitled session'}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {formatDateTime(s.scheduledAt)} · {s.durationMin} min · {s.registeredCount}/{s.capacity}{' '}
                    registered
                  </p>
                </div>
                {s.status === 'live' ? <Badge tone="danger">Live now</Badge> : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
