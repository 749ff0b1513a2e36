import type { CourseStatus } from '@skillverse/domain/models';
import { formatPrice } from '@skillverse/domain/courses-api';
import { Link } from 'react-router-dom';
import { LoadError } from '@/components/ui/load-error';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMyCourses } from '../api/get-my-courses';

export const STATUS_BADGE: Record<
  CourseStatus,
  { label: string; tone: 'neutral' | 'warning' | 'success' | 'danger' }
> = {
  draft: { label: 'Draft', tone: 'neutral' },
  pending: { label: 'In review', tone: 'warning' },
  published: { label: 'Published', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  archived: { label: 'Archived', tone: 'neutral' },
};

/** /educator — my courses with their status, and "New course". */
export function EducatorHomePage() {
  useDocumentTitle('Educator');
  const { uid } = useSignedInUser();
  const courses = useMyCourses(uid);
  const items = courses.data ?? [];

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="Your courses"
        description="Create courses, keep them up to date, and submit them for review."
        actions={<ButtonLink to={paths.educatorNewCourse.href()}>New course</ButtonLink>}
      />
      {courses.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ) : courses.error && !courses.data ? (
        <LoadError
          title="We couldn’t load your courses"
          error={courses.error}
          onRetry={() => void courses.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon="pencil"
          title="You haven’t created a course yet"
          description="Start with a title and a description; add sections, lectures and a quiz after."
          action={<ButtonLink to={paths.educatorNewCourse.href()}>Create your first course</ButtonLink>}
        />
      ) : (
        <Card className="overflow-hidden">
          <ul className="divide-y divide-stone-100">
            {items.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3 px-5 py-4">
                <div className="min-w-0 flex-1">
                  <p className="font-semibold text-stone-900">
                    <Link to={paths.educatorEditCourse.href(c.id)} className="hover:underline">
                      {c.title || 'Untitled course'}
                    </Link>
                  </p>
                  <p className="text-sm text-stone-600">
                    {formatPrice(c.price, c.currency)} · {c.totalLectures}{' '}
                    {c.totalLectures === 1 ? 'lecture' : 'lectures'} · {c.enrollmentCount}{' '}
                    {c.enrollmentCount === 1 ? 'learner' : 'learners'} · updated{' '}
                    {formatRelativeTime(c.updatedAt)}
                  </p>
                  {c.status === 'rejected' && c.rejectionReason ? (
                    <p className="mt-1 text-sm text-red-800">Reason: {c.rejectionReason}</p>
                  ) : null}
                </div>
                <Badge tone={STATUS_BADGE[c.status].tone}>{STATUS_BADGE[c.status].label}</Badge>
                <ButtonLink to={paths.educatorEditCourse.href(c.id)} size="sm" variant="secondary">
                  Edit<span className="sr-only"> {c.title}</span>
                </ButtonLink>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}
