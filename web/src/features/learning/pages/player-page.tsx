import { orderLectures } from '@skillverse/domain/catalog';
import { requiredQuizScore } from '@skillverse/domain/courses-api';
import { videoSource } from '@skillverse/domain/video';
import { canCompleteLecture, notYetMessage, watchRequirement } from '@skillverse/domain/watch-time';
import { useEffect, useRef } from 'react';
import { Navigate, useParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody } from '@/components/ui/card';
import { useToast } from '@/components/ui/toast';
import { paths } from '@/config/paths';
import { useAuth, useSignedInUser } from '@/lib/auth/auth-context';
import { friendlyError } from '@/lib/errors';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useCompleteLecture } from '../api/complete-lecture';
import { useCourse } from '@/lib/data/courses';
import { useEnrollment } from '@/lib/data/enrollments';
import { useLectures } from '@/lib/data/lectures';
import { useQuizzes } from '@/lib/data/quizzes';
import { useLectureProgressReporter, useReadingClock } from '../api/record-lecture-progress';
import { useSaveResumePosition } from '../api/save-resume-position';
import { CourseCompletionNotice } from '../components/course-completion-notice';
import { LectureFaq } from '../components/lecture-faq';
import { LectureHeader } from '../components/lecture-header';
import { LectureList } from '../components/lecture-list';
import { LecturePager } from '../components/lecture-pager';
import { LectureResources } from '../components/lecture-resources';
import { LectureVideo } from '../components/lecture-video';
import { PlayerMessage } from '../components/player-message';
import { PlayerSkeleton } from '../components/player-skeleton';
import { PlayerTopBar } from '../components/player-top-bar';
import { QuizRunner } from '../components/quiz-runner';
import { FIRST_LECTURE } from '../utils/first-lecture';
import { neighbours, quizzesForLecture } from '../utils/player';

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

  // Watching is observed: a playing file reports from the video element; a text lecture or an
  // embedded player (whose state the page cannot see) reports while the page is visible.
  const observing = Boolean(enrolled && lecture && canWrite && !e?.completedLectureIds.includes(lecture.id));
  const report = useLectureProgressReporter(courseId, lecture?.id ?? '', observing);
  const playsFile = Boolean(lecture?.videoUrl && videoSource(lecture.videoUrl).kind === 'file');
  useReadingClock(report, lecture?.id ?? '', observing && !playsFile);
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
      <PlayerMessage title="Course not found">
        <p>This course doesn’t exist or isn’t available to you.</p>
        <ButtonLink to={paths.myLearning.href()} className="mt-6">
          Go to my learning
        </ButtonLink>
      </PlayerMessage>
    );
  }
  if (!canRead) {
    return (
      <PlayerMessage title="You’re not enrolled in this course">
        <p>Enrol to watch the lectures and take the quizzes.</p>
        <ButtonLink to={paths.course.href(courseId)} className="mt-6">
          See the course
        </ButtonLink>
      </PlayerMessage>
    );
  }
  if (lectures.error && !lectures.data && e?.source === 'plus') {
    // A Plus enrolment whose membership lapsed (or whose course left Plus): the rules stop reading.
    return (
      <PlayerMessage title="Your Plus membership no longer includes this course">
        <p>Your progress is saved. Renew Plus or buy the course to continue.</p>
        <ButtonLink to={paths.plus.href()} className="mt-6">
          See Plus plans
        </ButtonLink>
      </PlayerMessage>
    );
  }
  if (lectures.error && !lectures.data) {
    return (
      <PlayerMessage title="We couldn’t load the lectures">
        <Alert tone="error">{friendlyError(lectures.error)}</Alert>
      </PlayerMessage>
    );
  }
  if (lectureId === FIRST_LECTURE || (!lecture && ordered.length > 0 && lectureId === '')) {
    const first = ordered[0];
    if (first) return <Navigate to={paths.lecture.href(courseId, first.id)} replace />;
  }
  if (!lecture) {
    return (
      <PlayerMessage title="Lecture not found">
        <p>This lecture isn’t part of the course any more.</p>
        <ButtonLink to={paths.course.href(courseId)} className="mt-6">
          Back to the course
        </ButtonLink>
      </PlayerMessage>
    );
  }

  const completedIds = e?.completedLectureIds ?? [];
  const isDone = completedIds.includes(lecture.id);
  const lectureQuizzes = quizzesForLecture(lecture, quizzes.data ?? []);
  const progress = e?.progress ?? 0;
  const courseComplete = Boolean(e?.completedAt);
  const watched = e?.watch?.[lecture.id];
  const requirement = watchRequirement(lecture, watched?.measuredSec ?? null);
  const mayComplete = canCompleteLecture(watched?.seconds ?? 0, requirement);

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
      <PlayerTopBar
        courseId={courseId}
        courseTitle={c.title}
        enrolled={enrolled}
        progress={progress}
        isInstructor={isInstructor}
      />
      <CourseCompletionNotice
        courseComplete={courseComplete}
        allWatched={progress >= 100 && enrolled}
        certificateId={e?.certificateId}
        certificateEnabled={c.certificate.enabled}
      />

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
              onWatch={(event, durationSec) => void report(event, durationSec)}
              onEnded={() => {
                void report('pause').then((res) => {
                  if (res?.canComplete) markComplete(true);
                });
              }}
            />
          ) : null}
          <LectureHeader
            index={index}
            total={ordered.length}
            title={lecture.title}
            enrolled={enrolled}
            isDone={isDone}
            completing={complete.isPending}
            canWrite={canWrite}
            mayComplete={mayComplete}
            observedSeconds={Math.floor(watched?.seconds ?? 0)}
            requiredSeconds={requirement?.requiredSeconds ?? null}
            notYet={notYetMessage(requirement)}
            onComplete={() => markComplete()}
          />
          {lecture.body ? (
            <Card>
              <CardBody>
                <div className="whitespace-pre-line text-stone-800">{lecture.body}</div>
              </CardBody>
            </Card>
          ) : null}
          <LectureResources resources={lecture.resources} />
          <LectureFaq courseId={courseId} lectureId={lecture.id} />
          {lectureQuizzes.map((quiz) => (
            <QuizRunner
              key={quiz.id}
              courseId={courseId}
              uid={uid}
              quiz={quiz}
              requiredScore={requiredQuizScore(quiz.passingScore, c.certificate)}
              disabled={!enrolled || !canWrite}
            />
          ))}
          <LecturePager courseId={courseId} previous={previous} next={next} />
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
