import { callOpen, callWindow, OBSERVED_HELD_MIN } from '@skillverse/domain/exchange-call';
import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { getCycleCallTokenFor, useCycleCallHeartbeat, useCycleSessions } from '../api/cycle-sessions';
import { useCycle } from '../api/swap-cycles';
import { VideoArea } from '../components/call-video-area';
import { fromMyView, personName } from '../components/group-swaps';
import { formatMinutes } from '../utils/labels';
import { GroupChat } from './cycle-room-page';
import { sessionWhen, useNow } from '../utils/session-clock';

/**
 * /skill-exchange/cycles/:id/sessions/:sessionId/call — a swap cycle's group call, for its three
 * people: the exchange call room with three. While open, the page tells the server this person is
 * here (server time); all three together for OBSERVED_HELD_MIN minutes inside the session's time
 * make it held (observed). docs/swap-cycles.md.
 */
export function CycleCallPage() {
  const { id = '', sessionId = '' } = useParams();
  const { uid } = useSignedInUser();
  const { canWrite } = useAuth();
  const cycle = useCycle(id || undefined);
  const sessions = useCycleSessions(cycle.data ? id : undefined);
  const session = (sessions.data ?? []).find((s) => s.id === sessionId);
  const now = useNow(15_000);
  const window_ = session ? callWindow(session.scheduledAt, session.durationMin) : null;
  const open = Boolean(
    window_ && session && session.status !== 'cancelled' && callOpen(window_, new Date(now)),
  );
  const heartbeat = useCycleCallHeartbeat(id, sessionId, open && canWrite);
  const loadToken = useCallback(() => getCycleCallTokenFor({ cycleId: id, sessionId }), [id, sessionId]);
  useDocumentTitle('Group call');

  if (cycle.isPending || (cycle.data && sessions.isPending)) {
    return (
      <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6" aria-busy="true">
        <h1 className="sr-only" tabIndex={-1}>
          Loading the group call…
        </h1>
        <Skeleton className="h-24" />
        <Skeleton className="mt-6 h-96" />
      </div>
    );
  }
  const c = cycle.data ? fromMyView(cycle.data, uid) : null;
  if (!c || !session || !window_) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16 sm:px-6">
        <h1 tabIndex={-1} className="text-center text-2xl font-bold text-stone-900">
          Group call not found
        </h1>
        <EmptyState
          className="mt-6"
          icon="swap"
          title="We can’t show this group call"
          description={
            cycle.error
              ? friendlyError(cycle.error)
              : 'This session doesn’t exist, or you are not one of its three people.'
          }
          action={<ButtonLink to={paths.skillExchange.href()}>Back to skill exchange</ButtonLink>}
        />
      </div>
    );
  }

  const seen = heartbeat.kind === 'present' ? heartbeat.seen : null;
  const observed = Math.max(seen?.observedMinutes ?? 0, session.held?.observedMinutes ?? 0);
  const held = session.status === 'held' || Boolean(seen?.held);
  const evidence = session.held?.evidence ?? (seen?.held ? 'observed' : null);
  const others = c.participants.filter((p) => p !== uid);

  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6">
      <p className="mb-3 text-sm">
        <Link to={paths.exchangeCycle.href(c.id)} className="text-brand-700 hover:underline">
          ← Back to the group swap
        </Link>
      </p>
      <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
        Group call: {c.participants.map((p) => personName(c, p, uid)).join(', ')}
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
                : `It closed at ${sessionWhen.format(window_.endsAt)}, when the session ended. Confirm it took place in the group swap.`}
            </Alert>
          )}
          {c.status === 'active' ? <GroupChat cycle={c} me={uid} /> : null}
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
              {others.map((p) => {
                const here = Boolean(seen?.present.includes(p));
                return (
                  <li key={p} className="flex items-center justify-between gap-2">
                    <span>{personName(c, p, uid)}</span>
                    <Badge tone={here ? 'success' : 'neutral'} data-testid="member-presence">
                      {here ? 'Here' : 'Not here yet'}
                    </Badge>
                  </li>
                );
              })}
            </ul>
            <div>
              <ProgressBar
                value={observed / OBSERVED_HELD_MIN}
                label="Minutes all three together, observed"
                valueText={`${observed} of ${OBSERVED_HELD_MIN} minutes`}
              />
              <p className="mt-2 text-sm text-stone-700" role="status" data-testid="observed-minutes">
                All three together in the call: {observed} min observed
              </p>
            </div>
            {held ? (
              <Alert tone="success" title="Session held">
                {evidence === 'observed'
                  ? `SkillVerse saw all three of you here for ${observed} minutes: this session counts as held (observed). After it ends, each of you confirms it in the group swap.`
                  : 'All three of you confirmed this session took place (self-reported).'}
              </Alert>
            ) : (
              <p className="text-sm text-stone-600">
                When SkillVerse sees all three of you here for {OBSERVED_HELD_MIN} minutes during the
                session’s time, it counts as held. Two of three is not enough. Keep this page open.
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
