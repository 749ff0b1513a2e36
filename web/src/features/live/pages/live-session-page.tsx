import { buildIcs, liveSessionIcsUid } from '@skillverse/domain/ics';
import { seatsLeft, sessionEndsAt } from '@skillverse/domain/live';
import type { LiveSession } from '@skillverse/domain/models';
import { useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Avatar } from '@/components/ui/avatar';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadingState } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useEnrollment } from '@/lib/data/enrollments';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useHostSummary } from '../api/get-host';
import { useLiveSession, useMyRegistration } from '../api/get-live-sessions';
import { useRegisterForLiveSession } from '../api/session-actions';
import { AfterSessionPanel } from '../components/after-session/after-session-panel';
import { FollowUpQuestions } from '../components/after-session/follow-up-questions';
import { AttendanceList } from '../components/attendance-list';
import { FeedbackForm } from '../components/feedback-form';
import { SessionRecordingCard } from '../components/recording/session-recording-card';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';

function calendarHref(session: LiveSession): string {
  const ics = buildIcs({
    uid: liveSessionIcsUid(session.id),
    title: session.title,
    description: session.description,
    start: session.scheduledAt,
    end: sessionEndsAt(session),
    stamp: new Date(),
    url: `${window.location.origin}${paths.liveSession.href(session.id)}`,
    method: 'PUBLISH',
  });
  return `data:text/calendar;charset=utf-8,${encodeURIComponent(ics)}`;
}

/** One session: when, who hosts, seats left; register, join when live, feedback afterwards. */
export function LiveSessionPage() {
  const { id = '' } = useParams();
  const { user, canWrite, claims } = useAuth();
  const uid = user?.uid;
  const query = useLiveSession(id);
  const registration = useMyRegistration(id, uid);
  const register = useRegisterForLiveSession();
  const { toast } = useToast();
  const session = query.data;
  const host = useHostSummary(session ?? null);
  // Learners of the linked course were in the room without registering: their questions count too.
  const enrollment = useEnrollment(
    session?.status === 'ended' && session.courseId && uid !== session.hostId ? session.courseId : undefined,
    uid,
  );
  const enrolledInCourse = enrollment.data?.status === 'active';
  useDocumentTitle(session?.title ?? 'Live session');

  if (query.isPending) return <LoadingState label="Loading the session…" />;
  if (query.error && !session) return <Alert tone="error">{friendlyError(query.error)}</Alert>;
  if (!session)
    return (
      <Alert tone="warning" title="Session not found">
        This live session doesn’t exist.
      </Alert>
    );

  const isHost = uid === session.hostId;
  const registered = Boolean(registration.data);
  const left = seatsLeft(session);
  const open = session.status === 'scheduled' || session.status === 'live';

  const toggle = (action: 'register' | 'unregister') =>
    register.mutate(
      { sessionId: id, action },
      {
        onSuccess: () =>
          toast({
            title: action === 'register' ? 'You’re registered' : 'Registration cancelled',
            description: action === 'register' ? 'We’ve sent you a calendar invite.' : undefined,
            tone: 'success',
          }),
        onError: (error) =>
          toast({
            title: 'That didn’t work',
            description: error instanceof Error ? error.message : friendlyError(error),
            tone: 'error',
          }),
      },
    );

  return (
    <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 sm:py-10 lg:grid-cols-3">
      <div className="flex flex-col gap-6 lg:col-span-2">
        <div>
          <div className="mb-2 flex items-center gap-2">
            <SessionStatusBadge status={session.status} />
            {session.recordingEnabled ? <span className="text-sm text-stone-600">Recorded</span> : null}
          </div>
          <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
            {session.title}
          </h1>
          <p className="mt-2 text-stone-700">
            <SessionTime scheduledAt={session.scheduledAt} durationMin={session.durationMin} />
          </p>
        </div>
        {session.description ? (
          <p className="whitespace-pre-line text-stone-800">{session.description}</p>
        ) : null}
        <SessionRecordingCard
          session={session}
          canRead={Boolean(uid) && (isHost || registered || enrolledInCourse || claims.admin)}
          canEdit={isHost || claims.admin}
          disabled={!canWrite}
        />
        {session.status === 'ended' && isHost ? <AfterSessionPanel session={session} /> : null}
        {session.status === 'ended' && uid && !isHost && (registered || enrolledInCourse) ? (
          <FollowUpQuestions session={session} uid={uid} />
        ) : null}
        {session.status === 'ended' && uid && !isHost ? (
          <Card id="feedback">
            <CardHeader title="Your feedback" />
            <CardBody>
              <FeedbackForm sessionId={id} uid={uid} />
            </CardBody>
          </Card>
        ) : null}
        {isHost && (session.status === 'ended' || session.status === 'live') ? (
          <Card>
            <CardHeader title="Attendance" />
            <CardBody>
              <AttendanceList sessionId={id} hostId={session.hostId} hosting={session.hosting} />
            </CardBody>
          </Card>
        ) : null}
      </div>

      <aside className="flex flex-col gap-4">
        <Card className="p-5">
          <div className="flex items-center gap-3">
            <Avatar name={host.displayName} src={host.photoURL} />
            <div>
              <p className="text-sm text-stone-600">Hosted by</p>
              <p className="font-medium text-stone-900">{host.displayName}</p>
            </div>
          </div>
          {!open ? (
            <p className="mt-4 text-sm text-stone-700">
              {session.status === 'ended' ? 'This session has ended.' : 'This session was cancelled.'}
            </p>
          ) : null}
          {open ? (
            <p className="mt-4 text-sm text-stone-700" aria-live="polite">
              {left === 0 ? 'No seats left' : `${left} of ${session.capacity} seats left`}
            </p>
          ) : null}
          <div className="mt-4 flex flex-col gap-2">
            {!uid && open ? (
              <ButtonLink to={paths.signIn.href(paths.liveSession.href(id))} block>
                Sign in to register
              </ButtonLink>
            ) : null}
            {uid && !isHost && open && !registered ? (
              <Button
                block
                onClick={() => toggle('register')}
                loading={register.isPending}
                disabled={!canWrite || left === 0}
              >
                {left === 0 ? 'Session full' : 'Register'}
              </Button>
            ) : null}
            {uid && !isHost && open && registered ? (
              <>
                <p className="text-sm font-medium text-emerald-800">You’re registered.</p>
                <Button
                  variant="ghost"
                  block
                  onClick={() => toggle('unregister')}
                  loading={register.isPending}
                  disabled={!canWrite}
                >
                  Cancel registration
                </Button>
              </>
            ) : null}
            {session.status === 'live' && (isHost || registered) ? (
              <ButtonLink reloadDocument to={paths.liveRoom.href(id)} block>
                Join the room
              </ButtonLink>
            ) : null}
            {session.status === 'live' && uid && !isHost && !registered && session.courseId ? (
              <ButtonLink reloadDocument to={paths.liveRoom.href(id)} variant="secondary" block>
                Enrolled in the course? Join the room
              </ButtonLink>
            ) : null}
            {isHost && session.status === 'scheduled' ? (
              <ButtonLink reloadDocument to={paths.liveRoom.href(id)} variant="secondary" block>
                Open the room
              </ButtonLink>
            ) : null}
            {open ? (
              <a
                className="text-center text-sm text-brand-800 underline"
                href={calendarHref(session)}
                download={`${session.title.replace(/[^\w-]+/g, '-').slice(0, 40) || 'session'}.ics`}
              >
                Add to calendar
              </a>
            ) : null}
          </div>
        </Card>
      </aside>
    </div>
  );
}
