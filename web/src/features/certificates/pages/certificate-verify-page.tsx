import type { OpenBadgeCredential } from '@skillverse/domain/credentials';
import type { Certificate } from '@skillverse/domain/models';
import { useParams } from 'react-router';
import { Icon } from '@/components/icon';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { cn } from '@/lib/cn';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { certificatePdfUrl, useCertificate } from '../api/get-certificate';
import { useCredentialVerification, type Verification } from '../api/verify-credential';
import { CredentialActions, certificateUrl } from '../components/credential-actions';
import { QrCode } from '../components/qr-code';
import { RecipientCheck } from '../components/recipient-check';
import { RevokePanel } from '../components/revoke-panel';

const longDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

function titleFor(c: Certificate | null | undefined, v: Verification | undefined, pending: boolean): string {
  if (pending) return 'Verify a certificate';
  if (!c) return 'Certificate not found';
  if (v?.status === 'invalid') return 'Certificate signature invalid';
  if (v?.status === 'unsupported') return `Certificate (signature not checked): ${c.skill ?? c.courseTitle}`;
  if (v?.status === 'revoked') return `Revoked certificate: ${c.skill ?? c.courseTitle}`;
  return `Certificate: ${c.skill ?? c.courseTitle}`;
}

/**
 * /certificates/:id/verify — public: anyone can check a certificate, signed in or not. The page
 * verifies the signed Open Badges 3.0 credential itself (signature, claims, revocation list) in the
 * browser; it shows the certificate as genuine only when that check passes.
 */
export function CertificateVerifyPage() {
  const { id = '' } = useParams();
  const cert = useCertificate(id || undefined);
  const c = cert.data;
  const verification = useCredentialVerification(c);
  const v = verification.data;
  useDocumentTitle(titleFor(c, v, cert.isPending));

  if (cert.isPending) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6" aria-busy="true">
        <h1 tabIndex={-1} className="sr-only">
          Checking the certificate…
        </h1>
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }

  if (!c) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
        <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
          Certificate not found
        </h1>
        {cert.error ? (
          <Alert tone="error" className="mt-4 text-left">
            {friendlyError(cert.error)}
          </Alert>
        ) : (
          <p className="mt-3 text-stone-700">
            No SkillVerse certificate has the id{' '}
            <code className="rounded bg-stone-100 px-1.5 py-0.5 break-all">{id}</code>. Check the link you
            were given: the id must match exactly.
          </p>
        )}
        <ButtonLink to={paths.courses.href()} variant="secondary" className="mt-6">
          Browse courses
        </ButtonLink>
      </div>
    );
  }

  if (v?.status === 'invalid') {
    return (
      <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
        <span className="inline-flex size-12 items-center justify-center rounded-full bg-red-50 text-red-700">
          <Icon name="shield" className="size-7" />
        </span>
        <h1 tabIndex={-1} className="mt-4 text-2xl font-bold text-stone-900 sm:text-3xl">
          Signature invalid
        </h1>
        <Alert tone="error" title="Do not trust this certificate" className="mt-4">
          {v.reason} The record no longer matches what SkillVerse signed, so nothing it says can be confirmed.
        </Alert>
        <dl className="mt-6 text-sm">
          <dt className="text-stone-600">Certificate id</dt>
          <dd className="font-mono break-all text-stone-900">{c.id}</dd>
        </dl>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <StatusBanner cert={c} verification={v} checking={verification.isPending} error={verification.error} />
      <CertificateCard
        cert={c}
        credential={v && 'credential' in v ? v.credential : null}
        revoked={v?.status === 'revoked'}
      />
      <section
        aria-labelledby="share-heading"
        className="mt-6 grid gap-6 rounded-(--radius-card) border border-stone-200 bg-white p-5 shadow-(--shadow-card) sm:grid-cols-[auto_1fr] sm:items-center"
      >
        <QrCode
          value={certificateUrl(c.id)}
          label="QR code of this verification page"
          className="mx-auto size-36 sm:mx-0"
        />
        <div>
          <h2 id="share-heading" className="font-semibold text-stone-900">
            Share or keep this credential
          </h2>
          <p className="mt-1 text-sm text-stone-700">
            Scan the code to open this page. The JSON is an Open Badges 3.0 credential; the signed version
            (VC-JWT) can be checked by any Open Badges or DID verifier against SkillVerse’s published key.
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <CredentialActions cert={c} share={v?.status === 'verified'} />
            <a
              href={certificatePdfUrl(c.id)}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex h-10 items-center gap-2 rounded-lg px-4 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            >
              Download PDF<span className="sr-only"> (opens in a new tab)</span>
            </a>
          </div>
        </div>
      </section>
      {v && (v.status === 'verified' || v.status === 'revoked') ? (
        <RecipientCheck credential={v.credential} />
      ) : null}
      <AdminRevoke cert={c} verification={v} />
    </div>
  );
}

function AdminRevoke({ cert, verification }: { cert: Certificate; verification: Verification | undefined }) {
  const { claims } = useAuth();
  if (!claims.admin || cert.revocation || verification?.status !== 'verified') return null;
  return <RevokePanel certificateId={cert.id} />;
}

function StatusBanner({
  cert,
  verification: v,
  checking,
  error,
}: {
  cert: Certificate;
  verification: Verification | undefined;
  checking: boolean;
  error: Error | null;
}) {
  if (checking) {
    return (
      <div
        role="status"
        className="flex items-center gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3 text-sm"
      >
        <Spinner /> Checking the signature and the revocation list…
      </div>
    );
  }
  if (error || !v) {
    return (
      <Alert tone="error" title="The credential could not be checked">
        {friendlyError(error)}
      </Alert>
    );
  }
  switch (v.status) {
    case 'verified':
      return (
        <Alert tone="success" title="Verified">
          The signature is valid and SkillVerse has not revoked this credential.
          {v.devKey ? ' (Signed with the local development key: valid only on this test stack.)' : ''}
        </Alert>
      );
    case 'revoked':
      return (
        <Alert tone="error" title="Revoked">
          SkillVerse revoked this credential
          {cert.revocation ? (
            <>
              {' '}
              on{' '}
              <time dateTime={cert.revocation.revokedAt.toISOString()}>
                {longDate.format(cert.revocation.revokedAt)}
              </time>
              . Reason: {cert.revocation.reason.replace(/[.!?]?$/, '.')}
            </>
          ) : (
            '.'
          )}{' '}
          It was genuine when issued but is no longer valid.
        </Alert>
      );
    case 'unsigned':
      return (
        <Alert tone="info" title="Being signed">
          This certificate was just issued; its signed credential is being prepared and this page updates on
          its own.
        </Alert>
      );
    case 'unsupported':
      return (
        <Alert tone="warning" title="Signature not checked in this browser">
          This browser cannot check this kind of signature, so this page could not confirm the credential —
          which does not mean it was altered. Open this page in a current browser, or check the signed
          credential (JSON download) with any JOSE library against SkillVerse’s published key.
        </Alert>
      );
    case 'status-unknown':
      return (
        <Alert tone="warning" title="Signature valid, revocation not checked">
          {v.reason} Try again later before relying on it.
        </Alert>
      );
    default:
      return null;
  }
}

/** The certificate as the signed credential states it (or the record while it is being signed). */
function CertificateCard({
  cert,
  credential,
  revoked,
}: {
  cert: Certificate;
  credential: OpenBadgeCredential | null;
  revoked: boolean;
}) {
  const exchange = cert.kind === 'exchange';
  const holder = credential?.credentialSubject.name ?? cert.userName;
  const achievement = credential?.credentialSubject.achievement.name ?? cert.skill ?? cert.courseTitle;
  const issuedAt = credential ? new Date(credential.validFrom) : cert.issuedAt;
  const evidence = credential?.evidence?.[0];
  return (
    <article
      className={cn(
        'mt-6 rounded-2xl border-4 border-double bg-white px-6 py-10 text-center shadow-(--shadow-card) sm:px-12',
        revoked ? 'border-red-300' : 'border-amber-300',
      )}
    >
      <span className="mx-auto inline-flex size-14 items-center justify-center rounded-full bg-amber-50 text-amber-700">
        <Icon name="award" className="size-8" />
      </span>
      <p className="mt-4 text-sm font-semibold tracking-widest text-stone-600 uppercase">
        {exchange ? 'Peer teaching credential' : 'Certificate of completion'}
        {revoked ? <span className="text-red-700"> · revoked</span> : null}
      </p>
      <h1
        tabIndex={-1}
        className="mt-4 text-3xl font-bold tracking-tight break-words text-stone-900 sm:text-4xl"
      >
        {holder}
      </h1>
      <p className="mt-3 text-stone-700">
        {exchange ? 'taught, in a completed skill exchange,' : 'has completed the course'}
      </p>
      <p className="mt-2 text-xl font-semibold break-words text-brand-800">
        {exchange ? (cert.skill ?? cert.courseTitle) : achievement}
      </p>
      <dl className="mx-auto mt-8 grid max-w-lg gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-stone-600">Issuer</dt>
          <dd className="font-medium text-stone-900">{credential?.issuer.name ?? 'SkillVerse'}</dd>
        </div>
        <div>
          <dt className="text-stone-600">Issued</dt>
          <dd className="font-medium text-stone-900">
            <time dateTime={issuedAt.toISOString()}>{longDate.format(issuedAt)}</time>
          </dd>
        </div>
        <div>
          <dt className="text-stone-600">{exchange ? 'Taught to' : 'Instructor'}</dt>
          <dd className="font-medium text-stone-900">{cert.partnerName ?? cert.instructorName}</dd>
        </div>
        <div>
          <dt className="text-stone-600">Achievement</dt>
          <dd className="font-medium text-stone-900">{achievement}</dd>
        </div>
        {evidence ? (
          <div className="sm:col-span-2">
            <dt className="text-stone-600">Evidence</dt>
            <dd className="font-medium text-stone-900">{evidence.description}</dd>
          </div>
        ) : null}
        <div className="sm:col-span-2">
          <dt className="text-stone-600">Certificate id</dt>
          <dd className="font-mono break-all text-stone-900">{cert.id}</dd>
        </div>
      </dl>
      {!exchange && cert.courseId ? (
        <ButtonLink to={paths.course.href(cert.courseId)} variant="secondary" className="mt-8">
          About the course
        </ButtonLink>
      ) : null}
    </article>
  );
}
