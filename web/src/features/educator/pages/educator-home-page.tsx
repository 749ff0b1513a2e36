import { completionRate } from '@skillverse/domain/educator';
import { lazy, Suspense } from 'react';
import { Icon, type IconName } from '@/components/icon';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { LoadError } from '@/components/ui/load-error';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useSignedInUser } from '@/lib/auth/auth-context';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useMyCourses } from '../api/get-my-courses';
import { CourseStatsList } from '../components/course-stats-list';
import { EarningsCard } from '../components/earnings-card';
import { PayoutsCard } from '../components/payouts-card';
import { UpcomingSessionsCard } from '../components/upcoming-sessions-card';

// Plus statements: their own chunk and query, loaded after the dashboard's first paint.
const PlusEarningsCard = lazy(() =>
  import('../components/plus-earnings-card').then((m) => ({ default: m.PlusEarningsCard })),
);

const number = new Intl.NumberFormat('en-US');

function Figure({
  icon,
  label,
  value,
  hint,
}: {
  icon: IconName;
  label: string;
  value: string;
  hint?: string;
}) {
  return (
    <Card className="p-4">
      <dt className="flex items-center gap-2 text-sm font-medium text-stone-600">
        <Icon name={icon} className="size-4 text-brand-700" />
        {label}
      </dt>
      <dd className="mt-1">
        <span className="text-2xl font-bold tracking-tight text-stone-900">{value}</span>
        {hint ? <span className="mt-0.5 block text-xs text-stone-600">{hint}</span> : null}
      </dd>
    </Card>
  );
}

/**
 * /educator — the educator dashboard: headline figures, my courses with status, students,
 * completion rate and rating, earnings (total, pending, paid out, by month) and my upcoming live
 * sessions. Reads: my courses (one live query), earnings (two reads), sessions (one query).
 */
export function EducatorHomePage() {
  useDocumentTitle('Educator');
  const { uid } = useSignedInUser();
  const courses = useMyCourses(uid);
  const items = courses.data ?? [];

  const published = items.filter((c) => c.status === 'published');
  const students = items.reduce((sum, c) => sum + c.enrollmentCount, 0);
  const completions = items.reduce((sum, c) => sum + (c.completionCount ?? 0), 0);
  const overallRate = completionRate(completions, students);
  const rated = items.reduce((acc, c) => acc + c.rating.count, 0);
  const ratingAverage =
    rated > 0 ? items.reduce((acc, c) => acc + c.rating.average * c.rating.count, 0) / rated : null;

  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6">
      <PageHeader
        flush
        title="Educator dashboard"
        description="Your courses, students, earnings and upcoming live sessions."
        actions={
          <>
            <ButtonLink to={paths.educatorSessions.href()} variant="secondary">
              Live sessions
            </ButtonLink>
            <ButtonLink to={paths.educatorNewCourse.href()}>New course</ButtonLink>
          </>
        }
      />

      {courses.isPending ? (
        <div className="flex flex-col gap-3" aria-busy="true">
          <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ) : courses.error && !courses.data ? (
        <LoadError
          title="We couldn’t load your courses"
          error={courses.error}
          onRetry={() => void courses.refetch()}
        />
      ) : (
        <>
          <section aria-labelledby="figures-heading">
            <h2 id="figures-heading" className="sr-only">
              At a glance
            </h2>
            <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
              <Figure
                icon="book"
                label="Courses"
                value={number.format(items.length)}
                hint={`${published.length} published`}
              />
              <Figure icon="graduation" label="Students" value={number.format(students)} />
              <Figure
                icon="target"
                label="Completion rate"
                value={overallRate === null ? '—' : `${overallRate}%`}
                hint={overallRate === null ? 'No students yet' : `${number.format(completions)} completed`}
              />
              <Figure
                icon="star"
                label="Average rating"
                value={ratingAverage === null ? '—' : ratingAverage.toFixed(1)}
                hint={
                  rated === 0
                    ? 'No ratings yet'
                    : `${number.format(rated)} ${rated === 1 ? 'rating' : 'ratings'}`
                }
              />
            </dl>
          </section>

          <section aria-labelledby="courses-heading">
            <Card className="overflow-hidden">
              <CardHeader id="courses-heading" title="Your courses" />
              {items.length === 0 ? (
                <div className="p-5">
                  <EmptyState
                    icon="pencil"
                    title="You haven’t created a course yet"
                    description="Start with a title and a description; add sections, lectures and a quiz after."
                    action={
                      <ButtonLink to={paths.educatorNewCourse.href()}>Create your first course</ButtonLink>
                    }
                  />
                </div>
              ) : (
                <CourseStatsList courses={items} />
              )}
            </Card>
          </section>
        </>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <section aria-labelledby="earnings-heading" className="min-w-0">
            <EarningsCard uid={uid} />
          </section>
          <section aria-labelledby="payouts-heading" className="min-w-0">
            <PayoutsCard uid={uid} />
          </section>
          <section aria-labelledby="plus-earnings-heading" className="min-w-0">
            <Suspense fallback={<Skeleton className="h-32" />}>
              <PlusEarningsCard uid={uid} />
            </Suspense>
          </section>
        </div>
        <section aria-labelledby="sessions-heading" className="min-w-0">
          <UpcomingSessionsCard uid={uid} />
        </section>
      </div>
    </div>
  );
}
