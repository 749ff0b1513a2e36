import type { Enrollment } from '@skillverse/domain/models';
import { useState } from 'react';
import { Link } from 'react-router';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { LoadError } from '@/components/ui/load-error';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { formatRelativeTime } from '@/lib/format';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMyEnrollments } from '../api/get-my-enrollments';
import { FIRST_LECTURE } from '../utils/first-lecture';

type Filter = 'in-progress' | 'completed';

function EnrollmentCard({ enrollment: e }: { enrollment: Enrollment }) {
  const done = e.completedAt !== null;
  const title = e.courseTitle || 'Untitled course';
  const continueTo = paths.lecture.href(e.courseId, e.lastLectureId ?? FIRST_LECTURE);
  return (
    <li className="flex flex-col overflow-hidden rounded-(--radius-card) border border-stone-200 bg-white shadow-(--shadow-card) sm:flex-row">
      <CourseThumbnail src={e.courseThumbnailUrl ?? null} className="sm:w-56 sm:shrink-0" />
      <div className="flex flex-1 flex-col gap-3 p-4">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h2 className="text-lg font-semibold text-stone-900">
            <Link to={paths.course.href(e.courseId)} className="hover:underline">
              {title}
            </Link>
          </h2>
          {done ? <Badge tone="success">Completed</Badge> : null}
        </div>
        <div className="flex flex-col gap-1.5">
          <ProgressBar value={e.progress / 100} label={`Progress in ${title}`} />
          <p className="text-sm text-stone-700">
            {e.progress}% complete · {e.completedLectureIds.length}{' '}
            {e.completedLectureIds.length === 1 ? 'lecture' : 'lectures'} done
            {e.updatedAt ? ` · last active ${formatRelativeTime(e.updatedAt)}` : ''}
          </p>
        </div>
        <div className="mt-auto flex flex-wrap gap-2">
          <ButtonLink to={continueTo} size="sm" variant={done ? 'secondary' : 'primary'}>
            {done ? 'Watch again' : e.completedLectureIds.length > 0 ? 'Continue' : 'Start'}
            <span className="sr-only">: {title}</span>
          </ButtonLink>
          {e.certificateId ? (
            <ButtonLink to={paths.certificateVerify.href(e.certificateId)} size="sm" variant="subtle">
              View certificate<span className="sr-only">: {title}</span>
            </ButtonLink>
          ) : null}
        </div>
      </div>
    </li>
  );
}

/** /my-learning — my enrolments with progress, continue buttons, and certificates for finished ones. */
export function MyLearningPage() {
  useDocumentTitle('My learning');
  const { uid } = useSignedInUser();
  const list = useMyEnrollments(uid);
  const [filter, setFilter] = useState<Filter>('in-progress');
  const items = (list.data ?? []).filter((e) => e.status === 'active');
  const inProgress = items.filter((e) => e.completedAt === null);
  const completed = items.filter((e) => e.completedAt !== null);
  const shown = filter === 'completed' ? completed : inProgress;

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title="My learning"
        description="Your courses, how far you’ve got, and where to pick up."
        actions={
          <ButtonLink to={paths.courses.href()} variant="secondary">
            Browse courses
          </ButtonLink>
        }
      />
      {list.isPending ? (
        <div className="flex flex-col gap-4" aria-busy="true">
          <Skeleton className="h-36" />
          <Skeleton className="h-36" />
        </div>
      ) : list.error && !list.data ? (
        <LoadError
          title="We couldn’t load your courses"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <EmptyState
          icon="book"
          title="You haven’t enrolled in a course yet"
          description="Find something you want to learn: many courses are free."
          action={<ButtonLink to={paths.courses.href()}>Browse courses</ButtonLink>}
        />
      ) : (
        <Tabs
          label="Filter courses"
          value={filter}
          onChange={setFilter}
          items={[
            { value: 'in-progress', label: `In progress (${inProgress.length})` },
            { value: 'completed', label: `Completed (${completed.length})` },
          ]}
        >
          {shown.length === 0 ? (
            <EmptyState
              icon={filter === 'completed' ? 'award' : 'check'}
              title={filter === 'completed' ? 'No finished courses yet' : 'Nothing in progress'}
              description={
                filter === 'completed'
                  ? 'Finish every lecture of a course (and its quiz) to earn its certificate.'
                  : 'You’ve finished everything you started. Time for something new?'
              }
            />
          ) : (
            <ul className="flex flex-col gap-4">
              {shown.map((e) => (
                <EnrollmentCard key={e.id} enrollment={e} />
              ))}
            </ul>
          )}
        </Tabs>
      )}
    </div>
  );
}
