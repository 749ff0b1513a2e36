import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import type { EducatorApplicationDoc } from '@/lib/data/educator-applications';
import { formatDateTime, formatRelativeTime } from '@/lib/format';
import { useUserProfile } from '@/lib/data/users';

/** One pending application: who, what they would teach, why, their sample; approve or reject. */
export function ApplicationCard({
  application,
  busy,
  approving,
  onApprove,
  onReject,
}: {
  application: EducatorApplicationDoc;
  busy: boolean;
  approving: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const profile = useUserProfile(application.uid).data;
  const name = profile?.displayName || 'Applicant';
  const sent = application.updatedAt ?? application.createdAt;
  const headingId = `application-${application.uid}`;
  return (
    <Card>
      <article aria-labelledby={headingId} className="flex flex-col gap-4 p-5">
        <header className="flex flex-wrap items-center gap-3">
          <Avatar name={name} src={profile?.photoURL ?? null} />
          <div className="min-w-0 flex-1">
            <h3 id={headingId} className="font-semibold text-stone-900">
              <Link to={paths.publicProfile.href(application.uid)} className="hover:underline">
                {name}
              </Link>
            </h3>
            <p className="text-sm text-stone-600">
              {profile?.headline ? `${profile.headline} · ` : ''}
              {application.updatedAt ? 'applied again ' : 'applied '}
              <time dateTime={sent.toISOString()} title={formatDateTime(sent)}>
                {formatRelativeTime(sent)}
              </time>
            </p>
          </div>
        </header>
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
          <div>
            <dt className="font-medium text-stone-900">Sample material</dt>
            <dd className="mt-1 break-all">
              {application.sampleUrl ? (
                <a
                  href={application.sampleUrl}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="text-brand-700 underline"
                >
                  {application.sampleUrl}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                <span className="text-stone-600">None given</span>
              )}
            </dd>
          </div>
        </dl>
        <div className="flex flex-wrap gap-2">
          <Button onClick={onApprove} loading={approving} disabled={busy} aria-describedby={headingId}>
            Approve
          </Button>
          <Button variant="danger" onClick={onReject} disabled={busy} aria-describedby={headingId}>
            Reject…
          </Button>
        </div>
      </article>
    </Card>
  );
}
