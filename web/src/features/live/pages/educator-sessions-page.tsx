import type { LiveSession } from '@skillverse/domain/models';
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useHostedSessions } from '../api/get-live-sessions';
import { useCancelLiveSession } from '../api/session-actions';
import { SessionForm } from '../components/session-form';
import { SessionStatusBadge } from '../components/session-status-badge';
import { SessionTime } from '../components/session-time';
import { browserTimeZone } from '../utils/session-form';

/** The educator's sessions: schedule, edit, cancel; open the room or the attendance. */
export function EducatorSessionsPage() {
  useDocumentTitle('Your live sessions');
  const { uid } = useSignedInUser();
  const { profile, canWrite } = useAuth();
  const timeZone = profile?.timezone || browserTimeZone();
  const sessions = useHostedSessions(uid);
  const cancel = useCancelLiveSession();
  const { toast } = useToast();
  const [editing, setEditing] = useState<LiveSession | 'new' | null>(null);

  const onCancelSession = (s: LiveSession) => {
    if (!window.confirm(`Cancel “${s.title}”? Registered people will be told.`)) return;
    cancel.mutate(
      { sessionId: s.id },
      {
        onSuccess: () => toast({ title: 'Session cancelled', tone: 'success' }),
        onError: (error) =>
          toast({ title: 'Couldn’t cancel it', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Your live sessions"
        description="Schedule live classes; registered learners get an invite and reminders."
        actions={
          editing ? null : (
            <Button onClick={() => setEditing('new')} disabled={!canWrite}>
              Schedule a session
            </Button>
          )
        }
      />
      {editing ? (
        <Card className="mb-6">
          <CardHeader title={editing === 'new' ? 'New session' : `Edit “${editing.title}”`} />
          <CardBody>
            <SessionForm
              key={editing === 'new' ? 'new' : editing.id}
              hostId={uid}
              timeZone={timeZone}
              session={editing === 'new' ? null : editing}
              onDone={() => setEditing(null)}
              onCancel={() => setEditing(null)}
            />
          </CardBody>
        </Card>
      ) : null}

      {sessions.error && sessions.data ? (
        <Alert tone="warning" className="mb-4" title="This list may be out of date">
          {friendlyError(sessions.error)} ({sessions.error.message})
        </Alert>
      ) : null}
      {sessions.isPending ? (
        <Skeleton className="h-40" />
      ) : sessions.error && !sessions.data ? (
        <Alert tone="error" title="We couldn’t load your sessions">
          {friendlyError(sessions.error)}
        </Alert>
      ) : (sessions.data ?? []).length === 0 ? (
        <EmptyState icon="video" title="No sessions yet" description="Schedule your first live session." />
      ) : (
        <Card className="overflow-hidden">
          <ul className="divide-y divide-stone-100">
            {(sessions.data ?? []).map((s) => (
              <li key={s.id} className="flex flex-wrap items-center gap-3 p-4">
                <div className="min-w-0 flex-1">
                  <div className="flex items-center gap-2">
                    <SessionStatusBadge status={s.status} />
                    <Link
                      to={paths.liveSession.href(s.id)}
                      className="truncate font-medium text-stone-900 hover:underline"
                    >
                      {s.title}
                    </Link>
                  </div>
                  <p className="mt-1 text-sm text-stone-600">
                    <SessionTime scheduledAt={s.scheduledAt} durationMin={s.durationMin} /> ·{' '}
                    {s.registeredCount}/{s.capacity} registered
                  </p>
                </div>
                <div className="flex gap-2">
                  {s.status === 'scheduled' || s.status === 'live' ? (
                    <ButtonLink reloadDocument to={paths.liveRoom.href(s.id)} size="sm" variant="subtle">
                      Open room
                    </ButtonLink>
                  ) : null}
                  {s.status === 'scheduled' ? (
                    <>
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => setEditing(s)}
                        disabled={!canWrite}
                      >
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="ghost"
                        onClick={() => onCancelSession(s)}
                        disabled={!canWrite}
                      >
                        Cancel
                      </Button>
                    </>
                  ) : null}
                  {s.status === 'ended' ? (
                    <ButtonLink to={paths.liveSession.href(s.id)} size="sm" variant="secondary">
                      Attendance
                    </ButtonLink>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
