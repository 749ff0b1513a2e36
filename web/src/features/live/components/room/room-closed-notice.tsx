import type { LiveHostingOutcome } from '@skillverse/domain/models';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { HostingChecklist } from '../attendance-list';

/**
 * The session ended or was cancelled: the host goes to the attendance (and reads whether hosting
 * points were earned, and why: what the platform observed against what they need), the others to
 * feedback.
 */
export function RoomClosedNotice({
  sessionId,
  ended,
  isHost,
  hosting,
}: {
  sessionId: string;
  /** Ended (else cancelled). */
  ended: boolean;
  isHost: boolean;
  /** The server's verdict on hosting points and what it observed, shown to the host. */
  hosting?: LiveHostingOutcome | null;
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
      {ended && isHost && hosting ? (
        <>
          <span className="mt-1 block" data-testid="hosting-outcome">
            {hosting.reason}
          </span>
          <HostingChecklist hosting={hosting} />
        </>
      ) : null}
    </Alert>
  );
}
