import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { paths } from '@/config/paths';
import type { EducatorApplicationDoc } from '@/lib/data/educator-applications';
import { formatDateTime } from '@/lib/format';

const LABELS = {
  pending: { text: 'Under review', tone: 'warning' },
  approved: { text: 'Approved', tone: 'success' },
  rejected: { text: 'Not approved', tone: 'danger' },
} as const;

/** Where the application stands, live: under review, approved (→ educator area) or rejected. */
export function ApplicationStatus({
  application,
  onApplyAgain,
  canWrite,
}: {
  application: EducatorApplicationDoc;
  onApplyAgain: () => void;
  canWrite: boolean;
}) {
  const label = LABELS[application.status];
  const sent = application.updatedAt ?? application.createdAt;
  return (
    <Card>
      <CardHeader
        title="Your application"
        description={`Sent ${formatDateTime(sent)}`}
        actions={<Badge tone={label.tone}>{label.text}</Badge>}
      />
      <CardBody className="flex flex-col gap-4">
        <div role="status" aria-live="polite">
          {application.status === 'pending' ? (
            <Alert tone="info" title="An admin is reviewing your application">
              We’ll notify you here and by email as soon as it’s decided. You don’t need to do anything.
            </Alert>
          ) : application.status === 'approved' ? (
            <Alert
              tone="success"
              title="You’re approved to teach"
              action={<ButtonLink to={paths.educator.href()}>Go to the educator area</ButtonLink>}
            >
              Create your first course or schedule a live session.
            </Alert>
          ) : (
            <Alert tone="warning" title="Your application wasn’t approved this time">
              <p>
                <span className="font-medium">The admin’s reason:</span>{' '}
                {application.decisionReason || 'No reason was given.'}
              </p>
              <p className="mt-1">You can update your application and apply again.</p>
            </Alert>
          )}
        </div>
        <dl className="grid gap-3 text-sm">
          <div>
            <dt className="font-medium text-stone-900">Expertise</dt>
            <dd className="mt-1 flex flex-wrap gap-1.5">
              {application.expertise.map((skill) => (
                <Badge key={skill} tone="brand">
                  {skill}
                </Badge>
              ))}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-stone-900">Motivation</dt>
            <dd className="mt-1 whitespace-pre-line text-stone-700">{application.motivation}</dd>
          </div>
          {application.sampleUrl ? (
            <div>
              <dt className="font-medium text-stone-900">Sample material</dt>
              <dd className="mt-1 break-all">
                <a
                  href={application.sampleUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="text-brand-700 underline"
                >
                  {application.sampleUrl}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
        {application.status === 'rejected' ? (
          <div className="flex justify-end">
            <Button onClick={onApplyAgain} disabled={!canWrite}>
              Apply again
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
