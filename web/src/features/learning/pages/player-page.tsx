import { orderLectures } from '@skillverse/domain/catalog';
import { requiredQuizScore } from '@skillverse/domain/courses-api';
import { type ReactNode, useEffect, useRef } from 'react';
import { Link, Navigate, useParams } from 'react-router-dom';
import { Icon } from '@/components/icon';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteLecture } from '../api/complete-lecture';
import { useCourse } from '@/lib/queries/course';
import { useEnrollment } from '@/lib/queries/enrollment';
import { useLectures } from '../api/get-lectures';
import { useQuizzes } from '../api/get-quizzes';
import { useSaveResumePosition } from '../api/save-resume-position';
import { LectureFaq } from '../components/lecture-faq';
import { LectureList } from '../components/lecture-list';
import { LectureVideo } from '../components/lecture-video';
import { QuizRunner } from '../components/quiz-runner';
import { FIRST_LECTURE } from '../utils/first-lecture';
import { neighbours, quizzesForLecture } from '../utils/player';

function PlayerSkeleton() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6" aria-busy="true">
      <h1 tabIndex={-1} className="sr-only">
        Loading lecture…
      </h1>
      <Skeleton className="h-6 w-1/3" />
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Skeleton className="aspect-video w-full" />
        <Skeleton className="h-96" />
      </div>
    </div>
  );
}

function Message({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-16 text-center sm:px-6">
      <h1 tabIndex={-1} className="text-2xl font-bold text-stone-900">
        {title}
      </h1>
      <div className="mt-3 text-stone-700">{children}</div>
    </div>
  );
}

/** /learn/:courseId/:lectureId — the course player. */
export function PlayerPage() {
  const { courseId = '', lectureId = '' } = useParams();
  const { uid } = useSignedInUser();
  const { claims, canWrite } = useAuth();
  const { toast } = useToast();
  const course = useCourse(courseId);
  const enrollment = useEnrollment(courseId, uid);
  const c = course.data;
  const e = enrollment.data;
  const enrolled = e?.status === 'active';
  const isInstructor = Boolean(c && c.instructorId === uid);
  const canRead = enrolled || isInstructor || claims.admin;
  const lectures = useLectures(courseId, canRead);
  const quizzes = useQuizzes(courseId, canRead);
  const complete = useCompleteLecture();
  const savePosition = useSaveResumePosition();

  const ordered = c && lectures.data ? orderLectures(lectures.data, c.sections) : [];
  const lecture = ordered.find((l) => l.id === lectureId);
  const { previous, next, index } = neighbours(ordered, lectureId);
  useDocumentTitle(lecture ? `${lecture.title} · ${c?.title ?? ''}` : 'Course player');

  // Remember this lecture as the place to continue from (learners only; one write per lecture).
  const noted = useRef<string | null>(null);
  const lastLectureId = e?.lastLectureId ?? null;
  useEffect(() => {
    if (!enrolled || !lecture || !canWrite || noted.current === lecture.id) return;
    noted.current = lecture.id;
    if (lastLectureId !== lecture.id) {
      savePosition.mutate({ courseId, uid, lectureId: lecture.id, positionSec: 0 });
    }
  }, [enrolled, lecture, canWrite, lastLectureId, courseId, uid, savePosition.mutate]);

  if (course.isPending || enrollment.isPending || (canRead && lectures.isPending)) return <PlayerSkeleton />;
  if (!c) {
    return (
      <Message title="Course not found">
        <p>This course doesn’t exist or isn’t available to you.</p>
        <ButtonLink to={paths.myLearning.href()} className="mt-6">
          Go to my learning
        </ButtonLink>
      </Message>
    );
  }
  if (!canRead) {
    return (
      <Message title="You’re not enrolled in this course">
        <p>Enrol to watch the lectures and take the quizzes.</p>
        <ButtonLink to={paths.course.href(courseId)} className="mt-6">
          See the course
        </ButtonLink>
      </Message>
    );
  }
  if (lectures.error && !lectures.data) {
    return (
      <Message title="We couldn’t load the lectures">
        <Alert tone="error">{friendlyError(lectures.error)}</Alert>
      </Message>
    );
  }
  if (lectureId === FIRST_LECTURE || (!lecture && ordered.length > 0 && lectureId === '')) {
    const first = ordered[0];
    if (first) return <Navigate to={paths.lecture.href(courseId, first.id)} replace />;
  }
  if (!lecture) {
    return (
      <Message title="Lecture not found">
        <p>This lecture isn’t part of the course any more.</p>
        <ButtonLink to={paths.course.href(courseId)} className="mt-6">
          Back to the course
        </ButtonLink>
      </Message>
    );
  }

  const completedIds = e?.completedLectureIds ?? [];
  const isDone = completedIds.includes(lecture.id);
  const lectureQuizzes = quizzesForLecture(lecture, quizzes.data ?? []);
  const progress = e?.progress ?? 0;
  const courseComplete = Boolean(e?.completedAt);

  const markComplete = (auto = false) => {
    if (!enrolled || isDone || complete.isPending) return;
    complete.mutate(
      { courseId, lectureId: lecture.id },
      {
        onSuccess: (res) => {
          if (res.courseCompleted)
            toast({ title: 'Course complete!', description: 'Congratulations on finishing.' });
          else if (!auto)
            toast({ title: 'Lecture completed', description: `${res.progress}% of the course done.` });
        },
        onError: (error) =>
          toast({ title: 'We couldn’t mark it complete', description: friendlyError(error), tone: 'error' }),
      },
    );
  };

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Link to={paths.course.href(courseId)} className="text-sm font-medium text-brand-700 hover:underline">
          ← {c.title}
        </Link>
        {enrolled ? (
          <div className="flex w-full items-center gap-3 sm:w-72">
            <ProgressBar value={progress / 100} label="Course progress" />
            <span className="shrink-0 text-sm font-medium text-stone-700">{progress}%</span>
          </div>
        ) : (
          <span className="text-sm text-stone-600">
            {isInstructor ? 'Instructor preview' : 'Admin preview'}: progress is not recorded.
          </span>
        )}
      </div>

      {courseComplete ? (
        <Alert
          tone="success"
          className="mt-4"
          title="You finished the course!"
          action={
            e?.certificateId ? (
              <ButtonLink to={paths.certificateVerify.href(e.certificateId)} size="sm">
                View your certificate
              </ButtonLink>
            ) : undefined
          }
        >
          {e?.certificateId
            ? 'Your certificate is ready to share.'
            : c.certificate.enabled
              ? 'Your certificate is being issued; it will appear here in a moment.'
              : 'Well done — this course doesn’t award a certificate.'}
        </Alert>
      ) : progress >= 100 && enrolled ? (
        <Alert tone="info" className="mt-4" title="Almost there">
          You’ve watched every lecture. Pass the quiz to complete the course.
        </Alert>
      ) : null}

      <div className="mt-5 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-5">
          {lecture.videoUrl ? (
            <LectureVideo
              src={lecture.videoUrl}
              title={lecture.title}
              startAt={e?.lastLectureId === lecture.id ? e.lastPositionSec : 0}
              onSavePosition={(positionSec) => {
                if (enrolled && canWrite) {
                  savePosition.mutate({ courseId, uid, lectureId: lecture.id, positionSec });
                }
              }}
              onEnded={() => markComplete(true)}
            />
          ) : null}
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <p className="text-sm text-stone-600">
                Lecture {index + 1} of {ordered.length}
              </p>
              <h1 tabIndex={-1} className="text-2xl font-bold tracking-tight text-stone-900">
                {lecture.title}
              </h1>
            </div>
            {enrolled ? (
              isDone ? (
                <span className="inline-flex h-10 items-center gap-2 rounded-lg bg-emerald-50 px-4 text-sm font-semibold text-emerald-800 ring-1 ring-emerald-200">
                  <Icon name="check" className="size-4" /> Completed
                </span>
              ) : (
                <Button onClick={() => markComplete()} loading={complete.isPending} disabled={!canWrite}>
                  Mark complete
                </Button>
              )
            ) : null}
          </div>
          {lecture.body ? (
            <Card>
              <CardBody>
                <div className="whitespace-pre-line text-stone-800">{lecture.body}</div>
              </CardBody>
            </Card>
          ) : null}
          {lecture.resources.length > 0 ? (
            <section aria-labelledby="resources-heading">
              <h2 id="resources-heading" className="text-lg font-semibold text-stone-900">
                Resources
              </h2>
              <ul className="mt-2 flex flex-col gap-1.5">
                {lecture.resources.map((r) => (
                  <li key={r.url}>
                    <a
                      href={r.url}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="font-medium text-brand-700 underline-offset-2 hover:underline"
                    >
                      {r.title || r.url}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <LectureFaq courseId={courseId} lectureId={lecture.id} />
          {lectureQuizzes.map((quiz) => (
            <QuizRunner
              key={quiz.id}
              courseId={courseId}
              quiz={quiz}
              requiredScore={requiredQuizScore(quiz.passingScore, c.certificate)}
              disabled={!enrolled || !canWrite}
            />
          ))}
          <div className="flex flex-wrap justify-between gap-2 border-t border-stone-200 pt-4">
            {previous ? (
              <ButtonLink to={paths.lecture.href(courseId, previous.id)} variant="secondary">
                ← Previous<span className="sr-only">: {previous.title}</span>
              </ButtonLink>
            ) : (
              <span />
            )}
            {next ? (
              <ButtonLink to={paths.lecture.href(courseId, next.id)}>
                Next<span className="sr-only">: {next.title}</span> →
              </ButtonLink>
            ) : null}
          </div>
        </div>
        <aside className="lg:sticky lg:top-20 lg:self-start">
          <Card>
            <CardBody className="max-h-[70vh] overflow-y-auto px-2">
              <LectureList course={c} lectures={ordered} currentId={lecture.id} completedIds={completedIds} />
            </CardBody>
          </Card>
        </aside>
      </div>
    </div>
  );
}
