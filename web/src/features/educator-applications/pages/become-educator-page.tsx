import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { LoadingState } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMyApplication } from '../api/get-my-application';
import { useSubmitApplication } from '../api/submit-application';
import { ApplicationForm } from '../components/application-form';
import { ApplicationStatus } from '../components/application-status';
import { emptyApplication } from '../utils/application-schema';

const PERKS = [
  { title: 'Publish video courses', text: 'Sections, lectures, quizzes and certificates, free or paid.' },
  { title: 'Host live classes', text: 'Schedule sessions with chat, Q&A, polls and raised hands.' },
  { title: 'Earn and grow', text: 'Get paid for paid courses and build a following of learners.' },
];

/** /become-educator — why teach, and the application: apply, follow its status, apply again. */
export function BecomeEducatorPage() {
  useDocumentTitle('Become an educator');
  const { user, loading, claims } = useAuth();

  return (
    <div className="mx-auto max-w-3xl px-3 py-8 sm:px-6">
      <PageHeader
        title="Become an educator"
        description="Share what you know with learners around the world. Tell us what you’d teach; an admin reviews every application."
      />
      <ul className="mb-8 grid gap-3 sm:grid-cols-3">
        {PERKS.map((perk) => (
          <li key={perk.title} className="rounded-xl border border-stone-200 bg-white p-4">
            <p className="font-semibold text-stone-900">{perk.title}</p>
            <p className="mt-1 text-sm text-stone-600">{perk.text}</p>
          </li>
        ))}
      </ul>
      {loading ? (
        <LoadingState />
      ) : !user ? (
        <Card>
          <CardBody className="flex flex-wrap items-center justify-between gap-4 py-5">
            <p className="text-stone-700">Sign in to apply: it takes two minutes.</p>
            <div className="flex gap-2">
              <ButtonLink to={paths.signUp.href(paths.becomeEducator.href())} variant="secondary">
                Create an account
              </ButtonLink>
              <ButtonLink to={paths.signIn.href(paths.becomeEducator.href())}>Sign in to apply</ButtonLink>
            </div>
          </CardBody>
        </Card>
      ) : (
        <Application uid={user.uid} educator={claims.educator} />
      )}
    </div>
  );
}

function AlreadyEducator() {
  return (
    <Alert
      tone="success"
      title="You’re already an educator"
      action={<ButtonLink to={paths.educator.href()}>Go to the educator area</ButtonLink>}
    >
      Create courses and schedule live sessions from your educator area.
    </Alert>
  );
}

/** The signed-in person's application, live; educators see their approval (or just that they are one). */
function Application({ uid, educator }: { uid: string; educator: boolean }) {
  const { canWrite } = useAuth();
  const application = useMyApplication(uid);
  const submit = useSubmitApplication(uid);
  const { toast } = useToast();
  const [reapplying, setReapplying] = useState(false);

  if (application.isPending) return <Skeleton className="h-72" />;
  if (application.error && application.data === undefined) {
    return (
      <LoadError
        title="We couldn’t load your application"
        error={application.error}
        onRetry={() => void application.refetch()}
      />
    );
  }
  const current = application.data ?? null;
  if (educator && current?.status !== 'approved') return <AlreadyEducator />;

  if (current && !(current.status === 'rejected' && reapplying)) {
    return (
      <ApplicationStatus
        application={current}
        canWrite={canWrite}
        onApplyAgain={() => {
          submit.reset();
          setReapplying(true);
        }}
      />
    );
  }

  const mode = current ? 'reapply' : 'create';
  return (
    <Card>
      <CardHeader
        title={mode === 'create' ? 'Apply to teach' : 'Apply again'}
        description={
          mode === 'create'
            ? 'Most applications are reviewed within a few days.'
            : 'Update your application with what the admin asked for.'
        }
      />
      <CardBody>
        {!canWrite ? (
          <Alert tone="warning" className="mb-4">
            Your account can’t make changes right now, so you can’t apply.
          </Alert>
        ) : null}
        <ApplicationForm
          initial={
            current
              ? {
                  expertise: current.expertise,
                  motivation: current.motivation,
                  sampleUrl: current.sampleUrl ?? '',
                }
              : emptyApplication()
          }
          submitLabel={mode === 'create' ? 'Send application' : 'Send again'}
          pending={submit.isPending}
          error={submit.error}
          disabled={!canWrite}
          onCancel={mode === 'reapply' ? () => setReapplying(false) : undefined}
          onSubmit={(input) =>
            submit.mutate(
              { input, mode },
              {
                onSuccess: () => {
                  setReapplying(false);
                  toast({ title: 'Application sent', description: 'An admin will review it soon.' });
                },
              },
            )
          }
        />
      </CardBody>
    </Card>
  );
}
