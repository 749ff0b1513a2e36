import { Link } from 'react-router';
import { Icon } from '@/components/icon';
import { LoadError } from '@/components/ui/load-error';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { certificatePdfUrl } from '../api/get-certificate';
import { useMyCertificates } from '../api/get-my-certificates';
import { CredentialActions } from '../components/credential-actions';

const issued = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** /certificates — the certificates I have earned. */
export function CertificatesPage() {
  useDocumentTitle('Certificates');
  const { uid } = useSignedInUser();
  const list = useMyCertificates(uid);
  const items = list.data ?? [];

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Certificates"
        description="Your certificates for completed courses and skill exchanges: signed Open Badges 3.0 credentials anyone can verify with the link."
      />
      {list.isPending ? (
        <div className="grid gap-4 sm:grid-cols-2" aria-busy="true">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      ) : list.error && !list.data ? (
        <LoadError
          title="We couldn’t load your certificates"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon="award"
          title="No certificates yet"
          description="Finish a course (and pass its quiz), or complete a skill exchange with good ratings from both sides, to earn a credential you can share."
          action={<ButtonLink to={paths.myLearning.href()}>Go to my learning</ButtonLink>}
        />
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {items.map((cert) => (
            <li
              key={cert.id}
              className="flex flex-col gap-3 rounded-(--radius-card) border border-stone-200 bg-white p-5 shadow-(--shadow-card)"
            >
              <span className="inline-flex size-10 items-center justify-center rounded-full bg-amber-50 text-amber-700">
                <Icon name="certificate" />
              </span>
              <div>
                <h2 className="font-semibold text-stone-900">
                  <Link to={paths.certificateVerify.href(cert.id)} className="hover:underline">
                    {cert.kind === 'exchange'
                      ? `Peer teaching: ${cert.skill ?? cert.courseTitle}`
                      : cert.courseTitle}
                  </Link>
                </h2>
                <p className="text-sm text-stone-700">
                  {cert.kind === 'exchange'
                    ? `Taught ${cert.partnerName ?? cert.instructorName} in a skill exchange`
                    : `Taught by ${cert.instructorName}`}{' '}
                  · issued {issued.format(cert.issuedAt)}
                </p>
                {cert.revocation ? (
                  <p className="mt-1 text-sm font-semibold text-red-700">Revoked: {cert.revocation.reason}</p>
                ) : !cert.credentialJwt ? (
                  <p className="mt-1 text-sm text-stone-600">Signing the credential…</p>
                ) : null}
              </div>
              <div className="mt-auto flex flex-wrap gap-2">
                <ButtonLink to={paths.certificateVerify.href(cert.id)} size="sm" variant="secondary">
                  Verification page<span className="sr-only">: {cert.courseTitle}</span>
                </ButtonLink>
                {!cert.revocation ? <CredentialActions cert={cert} size="sm" /> : null}
                <a
                  href={certificatePdfUrl(cert.id)}
                  className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50"
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  Download PDF<span className="sr-only">: {cert.courseTitle} (opens in a new tab)</span>
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
