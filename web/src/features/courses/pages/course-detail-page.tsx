import { formatDuration, LEVEL_LABELS } from '@skillverse/domain/catalog';
import { formatPrice } from '@skillverse/domain/courses-api';
import { lazy, memo, Suspense } from 'react';
import { useParams } from 'react-router';
import { CourseThumbnail } from '@/components/courses/course-thumbnail';
import { RatingSummary } from '@/components/courses/rating-stars';
import { Alert } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth/auth-context';
import { errorCode, friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCourse } from '@/lib/data/courses';
import { useEnrollment } from '@/lib/data/enrollments';
import { useCourseLectures } from '@/lib/data/lectures';
import type { Lecture } from '@skillverse/domain/models';
import { CourseOutline } from '../components/course-outline';
import { BuyCourseButton, ContinueLearning, EnrollPanel, firstLectureId } from '../components/enroll-panel';

// Reviews sit below the outline: their code loads after the first paint (the route's budget, issue 7).
// "Included with Plus" (issue 18): its own chunk, after first paint (the route sits at its budget).
const PlusCoursePanel = lazy(() =>
  import('../components/plus-course-panel').then((m) => ({ default: m.PlusCoursePanel })),
);
// The instructor card (profile read, follow button) sits in the side column: after first paint too.
// memo: the page renders again as its queries and the auth state settle; these sections depend
// only on their props (the course keeps its reference across equal snapshots: share-equal.ts).
const InstructorCard = memo(
  lazy(() => import('../components/instructor-card').then((m) => ({ default: m.InstructorCard }))),
);
const CourseReviews = memo(
  lazy(() => import('../components/course-reviews').then((m) => ({ default: m.CourseReviews }))),
);
const Outline = memo(CourseOutline);
const NO_LECTURES: Lecture[] = [];

/**
 * At least a screen tall, so the footer is below the fold until the course renders: otherwise the
 * page pushes it down on arrival, which counts as layout shift.
 */
function DetailSkeleton() {
  return (
    <div className="mx-auto min-h-dvh max-w-7xl px-4 py-10 sm:px-6" aria-busy="true">
      <h1 tabIndex={-1} className="sr-only">
        Loading course…
      </h1>
      <Skeleton className="h-8 w-2/3" />
      <Skeleton className="mt-4 h-4 w-1/2" />
      <div className="mt-8 grid gap-8 lg:grid-cols-3">
        <Skeleton className="h-64 lg:col-span-2" />
        <Skeleton className="h-64" />
      </div>
    </div>
  );
}

function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
        Course not found
      </h1>
      <p className="mt-2 text-stone-700">
        This course doesn’t exist, or it isn’t published. It may have been moved or taken down.
      </p>
      <ButtonLink to={paths.courses.href()} className="mt-6">
        Browse courses
      </ButtonLink>
    </div>
  );
}

/** /courses/:id — outline, preview lectures, instructor, reviews, and the way to enrol. */
export function CourseDetailPage() {
  const { id = '' } = useParams();
  const { user, claims } = useAuth();
  const course = useCourse(id || undefined);
  const enrollment = useEnrollment(id || undefined, user?.uid);
  const c = course.data;
  const isInstructor = Boolean(user && c && user.uid === c.instructorId);
  const enrolled = enrollment.data?.status === 'active';
  const scope = !c
    ? null
    : enrolled || isInstructor || claims.admin
      ? 'all'
      : c.status === 'published'
        ? 'preview'
        : null;
  const lectures = useCourseLectures(c ? id : undefined, enrollment.isPending && user ? null : scope);
  useDocumentTitle(c ? c.title : course.isPending ? 'Course' : 'Course not found');

  if (course.isPending) return <DetailSkeleton />;
  if (course.error && !c) {
    if (errorCode(course.error) === 'permission-denied') return <NotFound />;
    return (
      <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
          We couldn’t load this course
        </h1>
        <Alert
          tone="error"
          className="mt-4"
          action={
            <Button size="sm" variant="secondary" onClick={() => void course.refetch()}>
              Try again
            </Button>
          }
        >
          {friendlyError(course.error)}
        </Alert>
      </div>
    );
  }
  if (!c) return <NotFound />;

  return (
    <div>
      <section className="border-b border-stone-200 bg-gradient-to-b from-brand-50 to-white">
        <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <div className="flex flex-wrap gap-2">
              <Badge tone="brand">{c.category}</Badge>
              <Badge>{LEVEL_LABELS[c.level]}</Badge>
              {c.status !== 'published' ? <Badge tone="warning">Status: {c.status}</Badge> : null}
            </div>
            <h1 tabIndex={-1} className="mt-3 text-3xl font-bold tracking-tight text-stone-900 sm:text-4xl">
              {c.title}
            </h1>
            <p className="mt-3 text-stone-700">
              By{' '}
              <span className="font-medium text-stone-900">
                {c.instructorName || 'a SkillVerse educator'}
              </span>
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-stone-700">
              <RatingSummary average={c.rating.average} count={c.rating.count} />
              <span>
                {c.enrollmentCount} {c.enrollmentCount === 1 ? 'learner' : 'learners'}
              </span>
              <span>
                {c.totalLectures} {c.totalLectures === 1 ? 'lecture' : 'lectures'} ·{' '}
                {formatDuration(c.totalDurationSec)}
              </span>
              {c.certificate.enabled ? <span>Certificate of completion</span> : null}
            </div>
          </div>
          <Card className="overflow-hidden lg:row-span-2">
            <CourseThumbnail src={c.thumbnailUrl} priority />
            <CardBody className="flex flex-col gap-3">
              <p className="text-2xl font-bold text-stone-900">{formatPrice(c.price, c.currency)}</p>
              <EnrollPanel course={c} enrollment={enrollment.data} enrollmentLoading={enrollment.isPending} />
              <Suspense fallback={null}>
                <PlusCoursePanel
                  course={c}
                  enrollment={enrollment.data}
                  firstLectureId={firstLectureId(c)}
                  buy={<BuyCourseButton course={c} />}
                  continueLearning={
                    enrollment.data ? <ContinueLearning course={c} enrollment={enrollment.data} /> : null
                  }
                />
              </Suspense>
              {enrolled && enrollment.data ? (
                <div className="flex flex-col gap-1.5">
                  <ProgressBar value={enrollment.data.progress / 100} label="Your progress" />
                  <p className="text-sm text-stone-700">{enrollment.data.progress}% complete</p>
                  {enrollment.data.certificateId ? (
                    <ButtonLink
                      to={paths.certificateVerify.href(enrollment.data.certificateId)}
                      variant="subtle"
                      className="mt-1"
                    >
                      View your certificate
                    </ButtonLink>
                  ) : null}
                </div>
              ) : null}
            </CardBody>
          </Card>
        </div>
      </section>

      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 sm:px-6 lg:grid-cols-3">
        <div className="flex flex-col gap-8 lg:col-span-2">
          <section aria-labelledby="about-heading">
            <h2 id="about-heading" className="text-xl font-semibold text-stone-900">
              About this course
            </h2>
            <p className="mt-3 whitespace-pre-line text-stone-800">{c.description}</p>
            {c.tags.length > 0 ? (
              <ul className="mt-4 flex flex-wrap gap-2" aria-label="Tags">
                {c.tags.map((t) => (
                  <li key={t}>
                    <Badge>{t}</Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </section>
          <section aria-labelledby="outline-heading">
            <h2 id="outline-heading" className="mb-3 text-xl font-semibold text-stone-900">
              Course outline
            </h2>
            {/* A Plus enrolment whose membership lapsed may not read the lectures (the rules): the
                outline's titles stay, and the Plus panel says why and offers to buy or renew. */}
            {lectures.error && !lectures.data && enrollment.data?.source !== 'plus' ? (
              <Alert tone="warning" className="mb-3">
                We couldn’t load the lecture details. {friendlyError(lectures.error)}
              </Alert>
            ) : null}
            <Outline course={c} lectures={lectures.data ?? NO_LECTURES} />
          </section>
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <CourseReviews course={c} enrolled={enrolled} />
          </Suspense>
        </div>
        <aside className="flex flex-col gap-6">
          <Suspense fallback={<Skeleton className="h-40 w-full" />}>
            <InstructorCard uid={c.instructorId} fallbackName={c.instructorName} />
          </Suspense>
          {c.certificate.enabled ? (
            <Card>
              <CardHeader title="Certificate" />
              <CardBody className="text-sm text-stone-700">
                Finish every lecture
                {c.certificate.passingScore > 0
                  ? ` and pass the quiz with ${c.certificate.passingScore}% or more`
                  : ''}{' '}
                to earn a certificate anyone can verify.
              </CardBody>
            </Card>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
