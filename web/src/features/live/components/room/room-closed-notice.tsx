import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';

/**
 * The session ended or was cancelled: the host goes to the attendance (and reads whether hosting
 * points were earned, and why), the others to feedback.
 */
export function RoomClosedNotice({
  sessionId,
  ended,
  isHost,
  hostingReason,
}: {
  sessionId: string;
  /** Ended (else cancelled). */
  ended: boolean;
  isHost: boolean;
  /** The server's verdict on hosting points, shown to the host. */
  hostingReason?: string | null;
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
      {ended && isHost && hostingReason ? (
        <span className="mt-1 block" data-testid="hosting-outcome">
          {hostingReason}
        </span>
      ) : null}
    </Alert>
  );
}
