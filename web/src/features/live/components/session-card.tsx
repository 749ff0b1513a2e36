import { seatsLeft } from '@skillverse/domain/live';
import type { LiveSession } from '@skillverse/domain/models';
import { Link } from 'react-router';
import { Avatar } from '@/components/ui/avatar';
import { Card } from '@/components/ui/card';
import { paths } from '@/config/paths';
import { SessionStatusBadge } from './session-status-badge';
import { SessionTime } from './session-time';

export function SessionCard({ session }: { session: LiveSession }) {
  const left = seatsLeft(session);
  return (
    <Card className="flex h-full flex-col gap-3 p-5">
      <div className="flex items-center justify-between gap-2">
        <SessionStatusBadge status={session.status} />
        {session.status === 'scheduled' || session.status === 'live' ? (
          <span className="text-sm text-stone-600">
            {left === 0 ? 'Full' : `${left} of ${session.capacity} seats left`}
          </span>
        ) : null}
      </div>
      <h3 className="text-lg font-semibold text-stone-900">
        <Link to={paths.liveSession.href(session.id)} className="hover:underline focus-visible:underline">
          {session.title}
        </Link>
      </h3>
      <p className="text-sm text-stone-700">
        <SessionTime scheduledAt={session.scheduledAt} durationMin={session.durationMin} />
      </p>
      {session.description ? (
        <p className="line-clamp-2 text-sm text-stone-600">{session.description}</p>
      ) : null}
      <div className="mt-auto flex items-center gap-2 pt-2 text-sm text-stone-700">
        <Avatar name={session.hostName || 'Educator'} src={session.hostPhotoURL} size="sm" />
        <span>{session.hostName || 'Educator'}</span>
        {session.recordingEnabled ? <span className="ml-auto text-xs text-stone-600">Recorded</span> : null}
      </div>
    </Card>
  );
}
