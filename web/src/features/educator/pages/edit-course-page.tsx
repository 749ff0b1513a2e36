import { orderLectures } from '@skillverse/domain/catalog';
import { isReviewedCourseStatus, revisionId } from '@skillverse/domain/course-revisions';
import { useParams, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { LoadError } from '@/components/ui/load-error';
import { Badge } from '@/components/ui/badge';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { errorCode, friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCourse } from '@/lib/data/courses';
import { useLectures } from '@/lib/data/lectures';
import { useQuizzes } from '@/lib/data/quizzes';
import { useCourseRevisions } from '@/lib/data/revisions';
import { useQuizKey } from '../api/get-course-content';
import { useUpdateCourseDetails } from '../api/save-course';
import { CourseDetailsForm } from '../components/course-details-form';
import { CurriculumEditor } from '../components/curriculum-editor';
import { PlusToggle } from '../components/plus-toggle';
import { PublishPanel } from '../components/publish-panel';
import { QUIZ_ID, QuizEditor } from '../components/quiz-editor';
import { centsToDollars } from '../utils/course-schema';
import { STATUS_BADGE } from '../components/course-stats-list';

const TABS = ['details', 'curriculum', 'quiz', 'publish'] as const;
type Tab = (typeof TABS)[number];

/** /educator/courses/:id/edit — details, curriculum, quiz, certificate rule and review. */
export function EditCoursePage() {
  const { id = '' } = useParams();
  const { uid } = useSignedInUser();
  const { canWrite } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'details';
  const course = useCourse(id);
  const lectures = useLectures(id);
  const quizzes = useQuizzes(id);
  const quiz = quizzes.data?.[0] ?? null;
  const quizKey = useQuizKey(quiz ? id : undefined, quiz?.id);
  const update = useUpdateCourseDetails(id);
  // Live courses: lectures and quizzes change through revisions an admin approves (issue 15).
  const live = isReviewedCourseStatus(course.data?.status);
  const revisions = useCourseRevisions(id, live && course.data?.instructorId === uid);
  const { toast } = useToast();
  const c = course.data;
  useDocumentTitle(c ? `Edit: ${c.title}` : 'Edit course');

  if (course.isPending) {
    return (
      <div aria-busy="true">
        <h1 tabIndex={-1} className="sr-only">
          Loading course…
        </h1>
        <Skeleton className="h-10 w-1/2" />
        <Skeleton className="mt-6 h-96" />
      </div>
    );
  }
  if (!c || c.instructorId !== uid) {
    return (
      <div className="mx-auto max-w-2xl py-10 text-center">
        <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
          Course not found
        </h1>
        <p className="mt-2 text-stone-700">
          {course.error && errorCode(course.error) !== 'permission-denied'
            ? friendlyError(course.error)
            : 'This course doesn’t exist, or you’re not its instructor.'}
        </p>
        <ButtonLink to={paths.educator.href()} className="mt-6">
          Back to your courses
        </ButtonLink>
      </div>
    );
  }

  const allLectures = orderLectures(lectures.data ?? [], c.sections);
  const editable = canWrite && c.status !== 'pending';

  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={c.title || 'Untitled course'}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={STATUS_BADGE[c.status].tone}>{STATUS_BADGE[c.status].label}</Badge>
            <span>
              {c.totalLectures} {c.totalLectures === 1 ? 'lecture' : 'lectures'} in {c.sections.length}{' '}
              {c.sections.length === 1 ? 'section' : 'sections'}
            </span>
          </span>
        }
        actions={
          <>
            <ButtonLink to={paths.educator.href()} variant="ghost">
              All courses
            </ButtonLink>
            <ButtonLink to={paths.course.href(c.id)} variant="secondary">
              View course page
            </ButtonLink>
          </>
        }
      />
      {c.status === 'rejected' ? (
        <Alert tone="error" className="mb-5" title="An admin rejected this course">
          {c.rejectionReason || 'No reason was given.'} Make the changes and submit it again.
        </Alert>
      ) : c.status === 'pending' ? (
        <Alert tone="info" className="mb-5" title="In review">
          An admin is reviewing this course. To change it, withdraw it from review first (Publishing tab).
        </Alert>
      ) : null}
      <Tabs
        label="Course editor"
        value={tab}
        onChange={(next) => setParams({ tab: next }, { replace: true })}
        items={[
          { value: 'details', label: 'Details' },
          { value: 'curriculum', label: 'Curriculum' },
          { value: 'quiz', label: 'Quiz' },
          { value: 'publish', label: 'Publishing' },
        ]}
      >
        {tab === 'details' ? (
          <Card>
            <CardBody>
              <CourseDetailsForm
                key={c.id}
                courseId={c.id}
                initial={{
                  title: c.title,
                  description: c.description,
                  category: c.category,
                  tags: c.tags,
                  level: c.level,
                  price: centsToDollars(c.price),
                  currency: c.currency,
                  thumbnailUrl: c.thumbnailUrl ?? '',
                }}
                submitLabel="Save draft"
                pending={update.isPending}
                error={update.error}
                disabled={!editable}
                onSubmit={(details) =>
                  update.mutate(details, { onSuccess: () => toast({ title: 'Details saved' }) })
                }
              />
              <div className="mt-5">
                <PlusToggle course={c} disabled={!canWrite} />
              </div>
            </CardBody>
          </Card>
        ) : tab === 'curriculum' ? (
          lectures.isPending ? (
            <Skeleton className="h-64" />
          ) : lectures.error && !lectures.data ? (
            <LoadError
              title="We couldn’t load the lectures"
              error={lectures.error}
              onRetry={() => void lectures.refetch()}
            />
          ) : (
            <CurriculumEditor
              course={c}
              lectures={lectures.data ?? []}
              disabled={!editable}
              live={live}
              revisions={revisions.data ?? []}
            />
          )
        ) : tab === 'quiz' ? (
          quizzes.isPending ||
          (quiz && quizKey.isPending && quizKey.data === undefined) ||
          lectures.isPending ? (
            <Skeleton className="h-64" />
          ) : (
            <QuizEditor
              key={c.id}
              course={c}
              lectures={allLectures}
              quiz={quiz}
              quizKey={quizKey.data ?? null}
              disabled={!editable}
              live={live}
              revision={(revisions.data ?? []).find((r) => r.id === revisionId('quiz', quiz?.id ?? QUIZ_ID))}
            />
          )
        ) : (
          <PublishPanel course={c} lectures={allLectures} disabled={!canWrite} />
        )}
      </Tabs>
    </div>
  );
}
