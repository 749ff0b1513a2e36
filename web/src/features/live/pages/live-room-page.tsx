import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { LoadingState } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { errorCode, friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLiveSession, useMyRegistration } from '../api/get-live-sessions';
import {
  roomActions,
  useChat,
  useHands,
  usePolls,
  usePresence,
  useQuestions,
  useSpeakers,
} from '../api/room';
import { useEndLiveSession, useStartLiveSession } from '../api/session-actions';
import { ChatPanel } from '../components/room/chat-panel';
import { PeoplePanel } from '../components/room/people-panel';
import { PollsPanel } from '../components/room/polls-panel';
import { QaPanel } from '../components/room/qa-panel';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';
import { VideoStage } from '../components/video-stage';

const HEARTBEAT_MS = 60_000;
const PRESENT_FOR_MS = 150_000;

/** Announces me in the room (presence doc) and refreshes it every minute while the page is open. */
function usePresenceHeartbeat(
  sessionId: string,
  uid: string,
  name: string,
  photoURL: string | null,
  on: boolean,
) {
  useEffect(() => {
    if (!on) return;
    let stopped = false;
    const beat = () =>
      roomActions
        .heartbeat(sessionId, uid, true)
        .catch(() =>
          stopped ? undefined : roomActions.enterRoom(sessionId, uid, name, photoURL).catch(() => undefined),
        );
    void beat();
    const timer = window.setInterval(beat, HEARTBEAT_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      void roomActions.heartbeat(sessionId, uid, false).catch(() => undefined);
    };
  }, [sessionId, uid, name, photoURL, on]);
}

function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The live room: video (when LiveKit is configured), chat, people and hands, Q&A and polls. */
export function LiveRoomPage() {
  const { sessionId = '' } = useParams();
  const { uid } = useSignedInUser();
  const { profile, canWrite } = useAuth();
  const navigate = useNavigate();
  const { toast } = useToast();
  const session = useLiveSession(sessionId);
  const registration = useMyRegistration(sessionId, uid);
  const data = session.data;
  const isHost = data?.hostId === uid;
  const loaded = Boolean(data);

  const chat = useChat(sessionId, loaded);
  const questions = useQuestions(sessionId, loaded);
  const polls = usePolls(sessionId, loaded);
  const hands = useHands(sessionId, loaded);
  const speakers = useSpeakers(sessionId, loaded);
  const presence = usePresence(sessionId, loaded);
  const start = useStartLiveSession();
  const end = useEndLiveSession();
  const now = useNow(30_000);
  useDocumentTitle(data ? `${data.title} — live room` : 'Live room');

  const denied = errorCode(chat.error) === 'permission-denied';
  const open = data?.status === 'scheduled' || data?.status === 'live';
  const displayName = profile?.displayName || 'Participant';
  usePresenceHeartbeat(
    sessionId,
    uid,
    displayName,
    profile?.photoURL ?? null,
    loaded && open && !denied && canWrite,
  );

  const people = useMemo(
    () =>
      (presence.data ?? [])
        .filter((p) => p.present && now - p.lastSeenAt.getTime() < PRESENT_FOR_MS)
        .sort(
          (a, b) =>
            Number(b.uid === data?.hostId) - Number(a.uid === data?.hostId) ||
            a.displayName.localeCompare(b.displayName),
        ),
    [presence.data, now, data?.hostId],
  );
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of presence.data ?? []) map.set(p.uid, p.displayName);
    if (data) map.set(data.hostId, data.hostName || map.get(data.hostId) || 'Host');
    return map;
  }, [presence.data, data]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'Participant', [names]);
  const onLeave = useCallback(() => navigate(paths.liveSession.href(sessionId)), [navigate, sessionId]);

  if (session.isPending) return <LoadingState label="Opening the room…" className="py-16" />;
  if (!data) {
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
  if (denied && !registration.data) {
    return (
      <div className="mx-auto max-w-xl px-4 py-16 sm:px-6">
        <h1 className="sr-only" tabIndex={-1}>
          {data.title}
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

  const mayPublish = isHost || (speakers.data ?? []).some((s) => s.uid === uid);
  const failure = (title: string) => (error: unknown) =>
    toast({
      title,
      description: error instanceof Error ? error.message : friendlyError(error),
      tone: 'error',
    });

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center gap-3">
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <SessionStatusBadge status={data.status} />
            <span className="text-sm text-stone-600">
              <SessionTime scheduledAt={data.scheduledAt} durationMin={data.durationMin} />
            </span>
          </div>
          <h1 tabIndex={-1} className="mt-1 truncate text-2xl font-bold tracking-tight text-stone-900">
            {data.title}
          </h1>
        </div>
        {isHost && data.status === 'scheduled' ? (
          <Button
            loading={start.isPending}
            disabled={!canWrite}
            onClick={() =>
              start.mutate(
                { sessionId },
                {
                  onSuccess: () => toast({ title: 'You’re live', tone: 'success' }),
                  onError: failure('Couldn’t go live'),
                },
              )
            }
          >
            Go live
          </Button>
        ) : null}
        {isHost && data.status === 'live' ? (
          <Button
            variant="danger"
            loading={end.isPending}
            disabled={!canWrite}
            onClick={() => {
              if (!window.confirm('End the session for everyone?')) return;
              end.mutate(
                { sessionId },
                {
                  onSuccess: () => toast({ title: 'Session ended', tone: 'success' }),
                  onError: failure('Couldn’t end the session'),
                },
              );
            }}
          >
            End session
          </Button>
        ) : null}
        <ButtonLink to={paths.liveSession.href(sessionId)} variant="ghost">
          Leave room
        </ButtonLink>
      </div>

      {!open ? (
        <Alert
          tone="info"
          title={data.status === 'ended' ? 'This session has ended' : 'This session was cancelled'}
          action={
            <ButtonLink to={`${paths.liveSession.href(sessionId)}${isHost ? '' : '#feedback'}`} size="sm">
              {isHost ? 'See attendance' : 'Leave feedback'}
            </ButtonLink>
          }
        >
          {data.status === 'ended' ? 'Thanks for taking part.' : null}
        </Alert>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          {open ? (
            <VideoStage
              sessionId={sessionId}
              live={data.status === 'live'}
              mayPublish={mayPublish}
              onLeave={onLeave}
            />
          ) : null}
          <QaPanel
            sessionId={sessionId}
            uid={uid}
            isHost={isHost}
            questions={questions.data ?? []}
            nameOf={nameOf}
            canPost={canWrite && open}
          />
          <PollsPanel
            sessionId={sessionId}
            uid={uid}
            isHost={isHost}
            polls={polls.data ?? []}
            canVote={canWrite && open}
          />
        </div>
        <div className="flex flex-col gap-4">
          <PeoplePanel
            sessionId={sessionId}
            uid={uid}
            hostId={data.hostId}
            isHost={isHost}
            people={people}
            hands={hands.data ?? []}
            speakers={speakers.data ?? []}
            nameOf={nameOf}
            canWrite={canWrite && open}
          />
          <ChatPanel
            sessionId={sessionId}
            uid={uid}
            messages={chat.data ?? []}
            nameOf={nameOf}
            canPost={canWrite && open}
          />
        </div>
      </div>
    </div>
  );
}
