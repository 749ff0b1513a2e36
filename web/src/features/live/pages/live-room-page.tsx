import { useCallback, useMemo, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { LoadingState } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { errorCode, friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLiveSession, useMyRegistration } from '../api/get-live-sessions';
import { useChat, useHands, useMyRemoval, usePolls, useQuestions, useRoster, useSpeakers } from '../api/room';
import { useEndLiveSession, useStartLiveSession } from '../api/session-actions';
import { ChatPanel } from '../components/room/chat-panel';
import { PeoplePanel } from '../components/room/people-panel';
import { PollsPanel } from '../components/room/polls-panel';
import { QaPanel } from '../components/room/qa-panel';
import { RoomClosedNotice } from '../components/room/room-closed-notice';
import { RoomHeader } from '../components/room/room-header';
import { RecordingControls } from '../components/recording/recording-controls';
import { RoomNotFound, RoomRegisterPrompt, RoomRemovedNotice } from '../components/room/room-unavailable';
import { usePresenceHeartbeat } from '../components/room/use-presence-heartbeat';
import { VideoStage } from '../components/video-stage';

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
  const roster = useRoster(sessionId, loaded);
  const removal = useMyRemoval(sessionId, uid, loaded && !isHost);
  const start = useStartLiveSession();
  const end = useEndLiveSession();
  useDocumentTitle(data ? `${data.title} — live room` : 'Live room');

  const denied = errorCode(chat.error) === 'permission-denied';
  const open = data?.status === 'scheduled' || data?.status === 'live';
  // Presence carries the profile's own name and photo (the rules check), and only while live.
  usePresenceHeartbeat(
    sessionId,
    uid,
    profile?.displayName ?? '',
    profile?.photoURL ?? null,
    loaded && data?.status === 'live' && !denied && !removal.data && canWrite && Boolean(profile),
  );

  // Who's here comes from the server's folded roster (host first, then speakers, then arrivals).
  const people = roster.data?.people ?? [];
  const hereCount = roster.data?.count ?? people.length;
  // Names for chat and Q&A: everyone this page has seen in the roster (people who left keep theirs).
  const seenNames = useRef(new Map<string, string>());
  const names = useMemo(() => {
    for (const p of roster.data?.people ?? []) seenNames.current.set(p.uid, p.displayName);
    const map = new Map(seenNames.current);
    if (data) map.set(data.hostId, data.hostName || map.get(data.hostId) || 'Host');
    return map;
  }, [roster.data, data]);
  const nameOf = useCallback((id: string) => names.get(id) ?? 'Participant', [names]);
  const onLeave = useCallback(() => navigate(paths.liveSession.href(sessionId)), [navigate, sessionId]);

  if (session.isPending) return <LoadingState label="Opening the room…" className="py-16" />;
  if (!data) return <RoomNotFound />;
  if (removal.data) return <RoomRemovedNotice sessionId={sessionId} title={data.title} />;
  if (denied && !registration.data) return <RoomRegisterPrompt sessionId={sessionId} title={data.title} />;

  const failure = (title: string) => (error: unknown) =>
    toast({
      title,
      description: error instanceof Error ? error.message : friendlyError(error),
      tone: 'error',
    });

  return (
    <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-6 sm:px-6">
      <RoomHeader
        sessionId={sessionId}
        title={data.title}
        status={data.status}
        scheduledAt={data.scheduledAt}
        durationMin={data.durationMin}
        isHost={isHost}
        canWrite={canWrite}
        starting={start.isPending}
        ending={end.isPending}
        onStart={() =>
          start.mutate(
            { sessionId },
            {
              onSuccess: () => toast({ title: 'You’re live', tone: 'success' }),
              onError: failure('Couldn’t go live'),
            },
          )
        }
        onEnd={() =>
          end.mutate(
            { sessionId },
            {
              onSuccess: (result) =>
                toast({ title: 'Session ended', description: result.hosting.reason, tone: 'success' }),
              onError: failure('Couldn’t end the session'),
            },
          )
        }
      />

      <RecordingControls sessionId={sessionId} isHost={isHost} />
      {!open ? (
        <RoomClosedNotice
          sessionId={sessionId}
          ended={data.status === 'ended'}
          isHost={isHost}
          hosting={data.hosting ?? null}
        />
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4 lg:col-span-2">
          {open ? <VideoStage sessionId={sessionId} live={data.status === 'live'} onLeave={onLeave} /> : null}
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
            hereCount={hereCount}
            loading={roster.isPending}
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
