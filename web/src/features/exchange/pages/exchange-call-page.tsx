import { callOpen, callWindow, OBSERVED_HELD_MIN } from '@skillverse/domain/exchange-call';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { getCallToken, useCallHeartbeat } from '../api/call';
import { VideoArea } from '../components/call-video-area';
import { useExchange } from '../api/get-exchange';
import { useSessions } from '../api/sessions';
import { ChatPanel } from '../components/chat-panel';
import { usePartner } from '../components/exchange-list';
import { ExchangeNotFound, ExchangeRoomSkeleton } from '../components/exchange-room-states';
import { formatMinutes } from '../utils/labels';
import { sessionWhen, useNow } from '../utils/session-clock';

/**
 * /skill-exchange/:id/sessions/:sessionId/call — the session's one-to-one call room. While it is
 * open the page tells the server this person is here (server time); both people together for
 * OBSERVED_HELD_MIN minutes inside the session's time make it held (observed). docs/exchange.md.
 */
export function ExchangeCallPage() {
  const { id = '', sessionId = '' } = useParams();
  const { uid } = useSignedInUser();
  const { canWrite } = useAuth();
  const exchange = useExchange(id || undefined);
  const sessions = useSessions(exchange.data ? id : undefined);
  const x = exchange.data;
  const other = usePartner(x, uid);
  const session = (sessions.data ?? []).find((s) => s.id === sessionId);
  const now = useNow(15_000);
  const window_ = session ? callWindow(session.scheduledAt, session.durationMin) : null;
  const open = Boolean(
    window_ && session && session.status !== 'cancelled' && callOpen(window_, new Date(now)),
  );
  const heartbeat = useCallHeartbeat(id, sessionId, open && canWrite);
  const loadToken = useCallback(() => getCallToken({ exchangeId: id, sessionId }), [id, sessionId]);
  useDocumentTitle(other ? `Call with ${other.displayName}` : 'Exchange call');

  if (exchange.isPending || (x && sessions.isPending)) return <ExchangeRoomSkeleton />;
  if (!x || !other || !session || !window_) {
    return (
      <ExchangeNotFound
        reason={
          exchange.error
            ? friendlyError(exchange.error)
            : 'This session doesn’t exist, or you are not one of its two participants.'
        }
      />
    );
  }

  const seen = heartbeat.kind === 'present' ? heartbeat.seen : null;
  const observed = Math.max(seen?.observedMinutes ?? 0, session.held?.observedMinutes ?? 0);
  const held = session.status === 'held' || Boolean(seen?.held);
  const evidence = session.held?.evidence ?? (seen?.held ? 'observed' : null);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="mb-3 text-sm">
        <Link to={paths.exchange.href(x.id)} className="text-brand-700 hover:underline">
          ← Back to the exchange
        </Link>
      </p>
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Call with {other.displayName}
      </h1>
      <p className="mt-1 text-sm text-stone-600">
        {sessionWhen.format(session.scheduledAt)} · {formatMinutes(session.durationMin)}
        {session.notes ? ` · ${session.notes}` : ''}
      </p>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          {open ? (
            <VideoArea loadToken={loadToken} />
          ) : (
            <Alert
              tone="info"
              title={now < window_.opensAt.getTime() ? 'The call is not open yet' : 'The call has ended'}
            >
              {now < window_.opensAt.getTime()
                ? `It opens at ${sessionWhen.format(window_.opensAt)}, a few minutes before the session starts.`
                : `It closed at ${sessionWhen.format(window_.endsAt)}, when the session ended.`}
            </Alert>
          )}
          <ChatPanel exchange={x} me={uid} otherName={other.displayName} canWrite={canWrite} />
        </div>

        <Card>
          <CardHeader title="In the room" description="What SkillVerse sees of this call" />
          <CardBody className="flex flex-col gap-4">
            <ul className="flex flex-col gap-2 text-sm" aria-label="People in the call">
              <li className="flex items-center justify-between gap-2">
                <span>You</span>
                <Badge tone={seen ? 'success' : 'neutral'}>
                  {seen ? 'Here' : open ? 'Joining…' : 'Not in the call'}
                </Badge>
              </li>
              <li className="flex items-center justify-between gap-2">
                <span>{other.displayName}</span>
                <Badge tone={seen?.partnerPresent ? 'success' : 'neutral'} data-testid="partner-presence">
                  {seen?.partnerPresent ? 'Here' : 'Not here yet'}
                </Badge>
              </li>
            </ul>
            <div>
              <ProgressBar
                value={observed / OBSERVED_HELD_MIN}
                label="Minutes together, observed"
                valueText={`${observed} of ${OBSERVED_HELD_MIN} minutes`}
              />
              <p className="mt-2 text-sm text-stone-700" role="status" data-testid="observed-minutes">
                Together in the call: {observed} min observed
              </p>
            </div>
            {held ? (
              <Alert tone="success" title="Session held">
                {evidence === 'observed'
                  ? `SkillVerse saw you both here for ${observed} minutes: this session counts as held (observed).`
                  : 'You both confirmed this session took place (self-reported).'}
              </Alert>
            ) : (
              <p className="text-sm text-stone-600">
                When SkillVerse sees you both here for {OBSERVED_HELD_MIN} minutes during the session’s time,
                it counts as held — no need to confirm it afterwards. Keep this page open.
              </p>
            )}
            {heartbeat.kind === 'refused' ? (
              <Alert tone="warning" title="You’re not counted as present">
                {friendlyError(heartbeat.error)}
              </Alert>
            ) : null}
            {!canWrite ? (
              <p className="text-sm text-stone-600">Your account can’t take part in calls right now.</p>
            ) : null}
          </CardBody>
        </Card>
      </div>
    </div>
  );
}
