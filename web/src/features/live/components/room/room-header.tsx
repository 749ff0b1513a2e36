import type { LiveSessionStatus } from '@skillverse/domain/models';
import { Button, ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { SessionStatusBadge } from '../session-status-badge';
import { SessionTime } from '../session-time';

/** The session's status, time and title; the host's Go live / End session; leaving the room. */
export function RoomHeader({
  sessionId,
  title,
  status,
  scheduledAt,
  durationMin,
  isHost,
  canWrite,
  starting,
  ending,
  onStart,
  onEnd,
}: {
  sessionId: string;
  title: string;
  status: LiveSessionStatus;
  scheduledAt: Date;
  durationMin: number;
  isHost: boolean;
  canWrite: boolean;
  starting: boolean;
  ending: boolean;
  onStart: () => void;
  /** Called once the host has confirmed ending the session for everyone. */
  onEnd: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="min-w-0 flex-1">
        <div className="flex items-center gap-2">
          <SessionStatusBadge status={status} />
          <span className="text-sm text-stone-600">
            <SessionTime scheduledAt={scheduledAt} durationMin={durationMin} />
          </span>
        </div>
        <h1 tabIndex={-1} className="mt-1 truncate text-2xl font-bold tracking-tight text-stone-900">
          {title}
        </h1>
        {isHost && status === 'scheduled' ? (
          <p id="go-live-hint" className="mt-1 text-sm text-stone-600">
            You can go live from 10 minutes before the start. Hosting points need a session of at least 15
            minutes with 2 attendees present 10 minutes each (half of a shorter session).
          </p>
        ) : null}
      </div>
      {isHost && status === 'scheduled' ? (
        <Button loading={starting} disabled={!canWrite} onClick={onStart} aria-describedby="go-live-hint">
          Go live
        </Button>
      ) : null}
      {isHost && status === 'live' ? (
        <Button
          variant="danger"
          loading={ending}
          disabled={!canWrite}
          onClick={() => {
            if (!window.confirm('End the session for everyone?')) return;
            onEnd();
          }}
        >
          End session
        </Button>
      ) : null}
      <ButtonLink to={paths.liveSession.href(sessionId)} variant="ghost">
        Leave room
      </ButtonLink>
    </div>
  );
}
