import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { friendlyError } from '@/lib/errors';
import type { EducatorApplicationDoc } from '@/lib/data/educator-applications';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useDecideApplication, decisionReasonSchema } from '../api/decide-application';
import { useDecidedApplications, usePendingApplications } from '../api/get-applications';
import { ApplicationCard } from '../components/application-card';
import { PersonName } from '../components/person-name';
import { ReasonDialog } from '../components/reason-dialog';

/** /admin/applications — applications to teach: approve, or reject with a reason; recent decisions. */
export function AdminApplicationsPage() {
  useDocumentTitle('Educator applications');
  const queue = usePendingApplications();
  const decide = useDecideApplication();
  const { toast } = useToast();
  const [rejecting, setRejecting] = useState<EducatorApplicationDoc | null>(null);
  const items = queue.data ?? [];

  const approve = (application: EducatorApplicationDoc) =>
    decide.mutate(
      { uid: application.uid, decision: 'approve' },
      {
        onSuccess: () =>
          toast({
            title: 'Application approved',
            description: 'The applicant is now an educator and has been told.',
          }),
        onError: (error) =>
          toast({ title: 'We couldn’t approve it', description: friendlyError(error), tone: 'error' }),
      },
    );

  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title="Educator applications"
        description="People who asked to teach, oldest first. Approving gives them the educator role at once."
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="pending-heading" className="flex min-w-0 flex-col gap-4">
          <h2 id="pending-heading" className="text-lg font-semibold text-stone-900">
            Waiting for a decision{queue.data ? ` (${items.length})` : ''}
          </h2>
          {queue.isPending ? (
            <Skeleton className="h-64" />
          ) : queue.error && !queue.data ? (
            <LoadError
              title="We couldn’t load the applications"
              error={queue.error}
              onRetry={() => void queue.refetch()}
            />
          ) : items.length === 0 ? (
            <EmptyState
              icon="check"
              title="No applications waiting"
              description="New applications appear here as soon as they are sent."
            />
          ) : (
            <ul className="flex flex-col gap-4">
              {items.map((application) => (
                <li key={application.uid}>
                  <ApplicationCard
                    application={application}
                    busy={decide.isPending && decide.variables?.uid === application.uid}
                    approving={
                      decide.isPending &&
                      decide.variables?.uid === application.uid &&
                      decide.variables.decision === 'approve'
                    }
                    onApprove={() => approve(application)}
                    onReject={() => {
                      decide.reset();
                      setRejecting(application);
                    }}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        <RecentDecisions />
      </div>
      {rejecting ? (
        <ReasonDialog
          key={rejecting.uid}
          open
          title="Reject this application"
          description="The applicant reads your reason and can apply again."
          label="Reason for the applicant"
          hint="Say what is missing, e.g. a sample lesson."
          confirmLabel="Reject application"
          schema={decisionReasonSchema}
          pending={decide.isPending}
          error={decide.variables?.decision === 'reject' ? decide.error : null}
          onClose={() => setRejecting(null)}
          onConfirm={(reason) =>
            decide.mutate(
              { uid: rejecting.uid, decision: 'reject', ...(reason ? { reason } : {}) },
              {
                onSuccess: () => {
                  setRejecting(null);
                  toast({ title: 'Application rejected', description: 'The applicant has your reason.' });
                },
              },
            )
          }
        />
      ) : null}
    </div>
  );
}

function RecentDecisions() {
  const decided = useDecidedApplications();
  return (
    <Card className="self-start">
      <section aria-labelledby="decided-heading">
        <CardHeader id="decided-heading" title="Recently decided" />
        {decided.isPending ? (
          <div className="p-4">
            <Skeleton className="h-24" />
          </div>
        ) : decided.error && !decided.data ? (
          <div className="p-4">
            <LoadError
              title="We couldn’t load recent decisions"
              error={decided.error}
              onRetry={() => void decided.refetch()}
            />
          </div>
        ) : (decided.data ?? []).length === 0 ? (
          <p className="px-4 py-3 text-sm text-stone-600">No decisions yet.</p>
        ) : (
          <ul className="divide-y divide-stone-100">
            {(decided.data ?? []).map((a) => (
              <li key={a.uid} className="px-4 py-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <PersonName uid={a.uid} fallback="Applicant" />
                  <Badge tone={a.status === 'approved' ? 'success' : 'danger'}>
                    {a.status === 'approved' ? 'Approved' : 'Rejected'}
                  </Badge>
                </div>
                {a.decidedAt ? (
                  <p className="mt-0.5 text-xs text-stone-600">
                    <time dateTime={a.decidedAt.toISOString()} title={formatDateTime(a.decidedAt)}>
                      {formatRelativeTime(a.decidedAt)}
                    </time>
                  </p>
                ) : null}
                {a.status === 'rejected' && a.decisionReason ? (
                  <p className="mt-1 text-stone-600">{a.decisionReason}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}
