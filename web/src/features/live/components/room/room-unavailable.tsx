import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

/** In place of the room: the session does not exist. */
export function RoomNotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <h1 className="sr-only" tabIndex={-1}>
        Live room
      </h1>
      <Alert tone="warning" title="Session not found">
        This live session doesn’t exist. <Link to={paths.liveSessions.href()}>See all sessions</Link>.
      </Alert>
    </div>
  );
}

/** In place of the room: the rules let only registered people (and enrolled learners) in. */
export function RoomRegisterPrompt({ sessionId, title }: { sessionId: string; title: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <h1 className="sr-only" tabIndex={-1}>
        {title}
      </h1>
      <Alert
        tone="info"
        title="Register to join this room"
        action={<ButtonLink to={paths.liveSession.href(sessionId)}>Go to the session</ButtonLink>}
      >
        The room is for registered people (and learners enrolled in the linked course).
      </Alert>
    </div>
  );
}

/** In place of the room: the host removed this person, for the rest of the session. */
export function RoomRemovedNotice({ sessionId, title }: { sessionId: string; title: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
      <h1 className="sr-only" tabIndex={-1}>
        {title}
      </h1>
      <Alert
        tone="warning"
        title="You were removed from this room"
        action={<ButtonLink to={paths.liveSession.href(sessionId)}>Go to the session</ButtonLink>}
      >
        The host removed you from this session’s room, so you cannot rejoin it. Other sessions are not
        affected.
      </Alert>
    </div>
  );
}
