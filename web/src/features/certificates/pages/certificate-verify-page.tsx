import { useParams } from 'react-router-dom';
import { Icon } from '@/components/icon';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { certificatePdfUrl, useCertificate } from '../api/get-certificate';

const issued = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/** /certificates/:id/verify — public: anyone can check a certificate, signed in or not. */
export function CertificateVerifyPage() {
  const { id = '' } = useParams();
  const cert = useCertificate(id || undefined);
  const c = cert.data;
  useDocumentTitle(
    c ? `Certificate: ${c.courseTitle}` : cert.isPending ? 'Verify a certificate' : 'Certificate not found',
  );

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
            <code className="rounded bg-stone-100 px-1.5 py-0.5">{id}</code>. Check the link you were given:
            the id must match exactly.
          </p>
        )}
        <ButtonLink to={paths.courses.href()} variant="secondary" className="mt-6">
          Browse courses
        </ButtonLink>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <Alert tone="success" title="Verified certificate">
        This certificate was issued by SkillVerse and is genuine.
      </Alert>
      <article className="mt-6 rounded-2xl border-4 border-double border-amber-300 bg-white px-6 py-10 text-center shadow-(--shadow-card) sm:px-12">
        <span className="mx-auto inline-flex size-14 items-center justify-center rounded-full bg-amber-50 text-amber-700">
          <Icon name="award" className="size-8" />
        </span>
        <p className="mt-4 text-sm font-semibold tracking-widest text-stone-600 uppercase">
          Certificate of completion
        </p>
        <h1 tabIndex={-1} className="mt-4 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
          {c.userName}
        </h1>
        <p className="mt-3 text-stone-700">has completed the course</p>
        <p className="mt-2 text-xl font-semibold text-brand-800">{c.courseTitle}</p>
        <dl className="mx-auto mt-8 grid max-w-lg gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-600">Instructor</dt>
            <dd className="font-medium text-stone-900">{c.instructorName}</dd>
          </div>
          <div>
            <dt className="text-stone-600">Issued</dt>
            <dd className="font-medium text-stone-900">
              <time dateTime={c.issuedAt.toISOString()}>{issued.format(c.issuedAt)}</time>
            </dd>
          </div>
          <div className="sm:col-span-2">
            <dt className="text-stone-600">Certificate id</dt>
            <dd className="font-mono text-stone-900 break-all">{c.id}</dd>
          </div>
        </dl>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          <a
            href={certificatePdfUrl(c.id)}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex h-10 items-center gap-2 rounded-lg bg-brand-600 px-4 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
          >
            Download PDF<span className="sr-only"> (opens in a new tab)</span>
          </a>
          <ButtonLink to={paths.course.href(c.courseId)} variant="secondary">
            About the course
          </ButtonLink>
        </div>
      </article>
    </div>
  );
}
