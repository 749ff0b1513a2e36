import { Link } from 'react-router';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { ProgressBar } from '@/components/ui/progress-bar';
import { paths } from '@/config/paths';
import { formatRelativeTime } from '@/lib/format';
import { useContinueLearning } from '../api/get-continue-learning';
import { RowsSkeleton } from './section-states';

/** The player opens the first lecture for this id (see features/learning). */
const FIRST_LECTURE = 'start';

/** The courses I was most recently learning, with progress and a link back to where I left off. */
export function ContinueLearning({ uid }: { uid: string }) {
  const list = useContinueLearning(uid);
  return (
    <Card>
      <CardHeader
        title="Continue learning"
        actions={
          <Link
            to={paths.myLearning.href()}
            className="text-sm font-semibold text-brand-700 underline-offset-2 hover:underline"
          >
            My learning
          </Link>
        }
      />
      <CardBody>
        {list.isPending ? (
          <RowsSkeleton rows={2} className="h-20" />
        ) : list.error && list.data === undefined ? (
          <LoadError
            title="Couldn’t load your courses"
            error={list.error}
            onRetry={() => void list.refetch()}
          />
        ) : list.data && list.data.length > 0 ? (
          <ul className="flex flex-col gap-3">
            {list.data.map((e) => {
              const title = e.courseTitle || 'Untitled course';
              const started = e.completedLectureIds.length > 0 || e.lastLectureId !== null;
              return (
                <li
                  key={e.id}
                  className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 p-3 sm:flex-nowrap"
                >
                  <CourseThumbnail
                    src={e.courseThumbnailUrl ?? null}
                    className="w-20 shrink-0 rounded-lg sm:w-32"
                  />
                  <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                    <h3 className="font-semibold text-stone-900">
                      <Link to={paths.course.href(e.courseId)} className="hover:underline">
                        {title}
                      </Link>
                    </h3>
                    <ProgressBar value={e.progress / 100} label={`Progress in ${title}`} />
                    <p className="text-xs text-stone-600">
                      {e.progress}% complete
                      {e.updatedAt ? ` · last active ${formatRelativeTime(e.updatedAt)}` : ''}
                    </p>
                  </div>
                  <ButtonLink
                    to={paths.lecture.href(e.courseId, e.lastLectureId ?? FIRST_LECTURE)}
                    size="sm"
                    className="ml-auto"
                  >
                    {started ? 'Resume' : 'Start'}
                    <span className="sr-only">: {title}</span>
                  </ButtonLink>
                </li>
              );
            })}
          </ul>
        ) : (
          <EmptyState
            icon="book"
            title="Nothing in progress"
            description="Pick a course and your progress shows up here, ready to resume."
            action={
              <ButtonLink to={paths.courses.href()} size="sm">
                Browse courses
              </ButtonLink>
            }
          />
        )}
      </CardBody>
    </Card>
  );
}
