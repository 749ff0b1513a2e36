import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

/** The session ended or was cancelled: the host goes to the attendance, the others to feedback. */
export function RoomClosedNotice({
  sessionId,
  ended,
  isHost,
}: {
  sessionId: string;
  /** Ended (else cancelled). */
  ended: boolean;
  isHost: boolean;
}) {
  return (
    <Alert
      tone="info"
      title={ended ? 'This session has ended' : 'This session was cancelled'}
      action={
        <ButtonLink to={`${paths.liveSession.href(sessionId)}${isHost ? '' : '#feedback'}`} size="sm">
          {isHost ? 'See attendance' : 'Leave feedback'}
        </ButtonLink>
      }
    >
      {ended ? 'Thanks for taking part.' : null}
    </Alert>
  );
}
