// Courses and what learning in them leaves behind: outlines, lectures, quizzes and their keys,
// enrolments with progress, payments, quiz attempts, certificates and reviews. Counts each user's
// learning (stats, first badges, the ledger user's points) on the way.
import { learnerSortName } from '@skillverse/domain/students';
import { pointEventId, QUIZ_MASTERY_THRESHOLD } from '@skillverse/domain/gamification';
import { quizAttemptId } from '@skillverse/domain/quizzes';
import type {
  Certificate,
  Course,
  CourseSection,
  Enrollment,
  Lecture,
  Payment,
  Quiz,
  QuizAttempt,
  QuizKey,
  Review,
} from '@skillverse/domain/models';
import { searchTokens } from '@skillverse/domain/courses-api';
import { COURSES, SAMPLE_VIDEOS, type SeedCourse, type SeedLearner } from '../data/courses';
import type { SeedUser } from '../data/users';
import {
  ACTIVITY_OFFSET_HOURS,
  CURRENCY,
  certificateIdFor,
  type Data,
  type KeyedByUid,
  QUIZ_ID,
  requireNumber,
  type SeedContext,
} from './seed-context';
import { between, type Clock, durationSec, ordinalId, stableId, thumbnailDataUrl } from './util';

export interface SeededCertificate {
  id: string;
  uid: string;
  courseId: string;
}

export interface CourseDocsResult {
  courseIds: string[];
  certificates: SeededCertificate[];
  lectureCount: number;
  quizCount: number;
  reviewCount: number;
  enrollmentCount: number;
  paymentCount: number;
  revenueCents: number;
  attemptCount: number;
}

/** A course as its learners' documents need it. */
interface SeededCourse {
  course: SeedCourse;
  instructor: SeedUser;
  lectures: (Data<Lecture> & { id: string })[];
  passingScore: number;
  certificateEnabled: boolean;
  thumbnailUrl: string;
}

export function addCourseDocs(ctx: SeedContext): CourseDocsResult {
  const totals: CourseDocsResult = {
    courseIds: [],
    certificates: [],
    lectureCount: 0,
    quizCount: 0,
    reviewCount: 0,
    enrollmentCount: 0,
    paymentCount: 0,
    revenueCents: 0,
    attemptCount: 0,
  };
  COURSES.forEach((course, courseIndex) => {
    totals.courseIds.push(course.id);
    const seeded = addCourse(ctx, course, courseIndex, totals);
    const { instructor } = seeded;
    const learners = course.learners ?? [];
    const seen = new Set<string>();
    for (const learner of learners) {
      if (seen.has(learner.uid)) throw new Error(`seed: ${course.id}: ${learner.uid} enrolled twice`);
      seen.add(learner.uid);
      if (learner.uid === instructor.uid)
        throw new Error(`seed: ${course.id}: instructor enrolled in own course`);
      ctx.user(learner.uid, `learners of ${course.id}`);
      addLearner(ctx, seeded, learner, totals);
    }
  });
  return totals;
}

/** The course document with its outline, its lectures, and its quiz with the answer key. */
function addCourse(
  ctx: SeedContext,
  course: SeedCourse,
  courseIndex: number,
  totals: CourseDocsResult,
): SeededCourse {
  const { c, put, user, statsOf, noteFirst } = ctx;
  const instructor = user(course.instructorId, `course ${course.id}`);
  if (!instructor.roles.includes('educator'))
    throw new Error(`seed: ${course.id}: instructor is not an educator`);
  const createdAt = c.daysAgo(course.createdDaysAgo);
  const published = course.status === 'published';
  const publishedAt = published
    ? c.daysAgo(requireNumber(course.publishedDaysAgo, `${course.id}.publishedDaysAgo`))
    : null;
  if (publishedAt && publishedAt < createdAt)
    throw new Error(`seed: ${course.id} published before it was created`);
  if (published) {
    statsOf(instructor.uid).coursesPublished += 1;
    noteFirst(instructor.uid, 'course-creator', publishedAt!);
  }

  // Outline and lectures.
  const lectures: (Data<Lecture> & { id: string })[] = [];
  const sections: CourseSection[] = course.sections.map((section, sIndex) => {
    const sectionId = `s${sIndex + 1}`;
    const lectureIds: string[] = [];
    for (const lecture of section.lectures) {
      const i = lectures.length;
      const id = ordinalId('l', i);
      lectureIds.push(id);
      const seconds = durationSec(lecture.duration);
      lectures.push({
        id,
        title: lecture.title,
        order: i + 1,
        sectionId,
        videoUrl: seconds > 0 ? SAMPLE_VIDEOS[(courseIndex + i) % SAMPLE_VIDEOS.length]! : null,
        videoPath: null,
        durationSec: seconds,
        preview: false,
        body: lecture.body,
        resources: lecture.resources ?? [],
        quizId: null,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      });
    }
    return { id: sectionId, title: section.title, order: sIndex + 1, lectureIds };
  });
  // The first lecture is a free preview; long courses preview the first two.
  const previews = lectures.length >= 5 ? 2 : 1;
  lectures.forEach((l, i) => {
    l.preview = i < previews;
  });
  if (published && (lectures.length < 3 || lectures.length > 8)) {
    throw new Error(`seed: ${course.id} should have 3–8 lectures (has ${lectures.length})`);
  }
  const lastLecture = lectures.at(-1);
  if (course.quiz && lastLecture) lastLecture.quizId = QUIZ_ID;
  const totalDurationSec = lectures.reduce((sum, l) => sum + l.durationSec, 0);

  // Learners, reviews, enrolments, payments, quiz attempts, certificates.
  const learners = course.learners ?? [];
  if (learners.length > 0 && !published)
    throw new Error(`seed: ${course.id} is not published but has learners`);
  const reviewers = learners.filter((l) => l.rating !== undefined);
  const ratingAverage = reviewers.length
    ? round2(reviewers.reduce((sum, l) => sum + (l.rating ?? 0), 0) / reviewers.length)
    : 0;
  const certificateEnabled = course.certificate !== false;
  const passingScore = course.quiz?.passingScore ?? 70;
  const thumbnailUrl = thumbnailDataUrl(course.category);

  const courseDoc: Data<Course> = {
    instructorId: instructor.uid,
    title: course.title,
    description: course.description,
    category: course.category,
    tags: course.tags,
    level: course.level,
    price: course.price,
    currency: CURRENCY,
    thumbnailUrl,
    status: course.status,
    rejectionReason: course.rejectionReason ?? null,
    sections,
    totalLectures: lectures.length,
    rating: { average: ratingAverage, count: reviewers.length },
    enrollmentCount: learners.length,
    certificate: { enabled: certificateEnabled, passingScore },
    instructorName: instructor.displayName,
    instructorPhotoURL: null,
    totalDurationSec,
    featured: course.featured === true,
    searchTokens: searchTokens(course.title, course.tags, instructor.displayName, course.category),
    publishedAt,
    createdAt,
    updatedAt: publishedAt ?? createdAt,
  };
  put(`courses/${course.id}`, courseDoc);
  for (const { id, ...lecture } of lectures)
    put<Data<Lecture>>(`courses/${course.id}/lectures/${id}`, lecture);
  totals.lectureCount += lectures.length;

  if (course.quiz) {
    const questions = course.quiz.questions.map((q, i) => ({ id: `q${i + 1}`, q }));
    for (const { id, q } of questions) {
      if (q.type === 'boolean' && q.options.length !== 2)
        throw new Error(`seed: ${course.id} ${id}: boolean needs 2 options`);
      if (q.answer.length === 0 || q.answer.some((a) => a < 0 || a >= q.options.length)) {
        throw new Error(`seed: ${course.id} ${id}: answer out of range`);
      }
      if (q.type !== 'multiple' && q.answer.length !== 1)
        throw new Error(`seed: ${course.id} ${id}: one answer expected`);
    }
    put<Data<Quiz>>(`courses/${course.id}/quizzes/${QUIZ_ID}`, {
      title: course.quiz.title,
      questions: questions.map(({ id, q }) => ({ id, prompt: q.prompt, type: q.type, options: q.options })),
      passingScore: course.quiz.passingScore,
      ...(course.quiz.settings ?? {}),
      sectionId: sections.at(-1)?.id ?? null,
      lectureId: lastLecture?.id ?? null,
      order: 1,
      createdAt,
      updatedAt: publishedAt ?? createdAt,
    });
    put<QuizKey>(`courses/${course.id}/quizKeys/${QUIZ_ID}`, {
      answers: Object.fromEntries(questions.map(({ id, q }) => [id, q.answer])),
    });
    totals.quizCount += 1;
  }

  return { course, instructor, lectures, passingScore, certificateEnabled, thumbnailUrl };
}

/** One learner's enrolment and progress, payment, quiz attempt, certificate and review. */
function addLearner(
  ctx: SeedContext,
  seeded: SeededCourse,
  learner: SeedLearner,
  totals: CourseDocsResult,
): void {
  const { c, put, user, statsOf, noteFirst, award } = ctx;
  const { course, instructor, lectures, passingScore, certificateEnabled, thumbnailUrl } = seeded;
  const e = enrollmentFor(course, learner, lectures, c);
  const st = statsOf(learner.uid);
  st.lecturesCompleted += e.doneIds.length;
  e.lectureTimes.forEach((at, i) => {
    award(
      learner.uid,
      pointEventId.lecture(course.id, e.doneIds[i]!),
      'lecture_completed',
      `courses/${course.id}/lectures/${e.doneIds[i]}`,
      at,
    );
  });

  let certificateId: string | null = null;
  // The students view's fields (domain/students.ts), as the server keeps them.
  let bestQuizScore: number | null = null;
  if (e.completedAt) {
    st.coursesCompleted += 1;
    noteFirst(learner.uid, 'first-course', e.completedAt);
    award(
      learner.uid,
      pointEventId.course(course.id),
      'course_completed',
      `courses/${course.id}`,
      e.completedAt,
    );
    if (course.quiz) {
      const attempt = quizAttemptFor(course, learner, passingScore);
      const attemptAt = new Date(e.completedAt.getTime() - 5 * 60_000);
      // Attempt 1, issued and graded as startQuizAttempt/submitQuiz do (a passing attempt shows
      // its per-question results).
      put<Data<QuizAttempt>>(`quizAttempts/${quizAttemptId(course.id, QUIZ_ID, learner.uid, 1)}`, {
        uid: learner.uid,
        courseId: course.id,
        quizId: QUIZ_ID,
        instructorId: instructor.uid,
        number: 1,
        status: 'submitted',
        startedAt: new Date(attemptAt.getTime() - 3 * 60_000),
        deadline: null,
        score: attempt.score,
        passed: true,
        answers: attempt.answers,
        feedbackShown: true,
        submittedAt: attemptAt,
        createdAt: attemptAt,
      });
      totals.attemptCount += 1;
      bestQuizScore = attempt.score;
      if (attempt.score === 100) st.perfectQuizzes += 1;
      if (attempt.score >= QUIZ_MASTERY_THRESHOLD) {
        award(
          learner.uid,
          pointEventId.quiz(course.id, QUIZ_ID),
          'quiz_mastered',
          `courses/${course.id}/quizzes/${QUIZ_ID}`,
          attemptAt,
        );
      }
    }
    if (certificateEnabled) {
      certificateId = certificateIdFor(course.id, learner.uid);
      put<Data<Certificate>>(`certificates/${certificateId}`, {
        uid: learner.uid,
        userName: user(learner.uid, 'certificate').displayName,
        courseId: course.id,
        courseTitle: course.title,
        instructorId: instructor.uid,
        instructorName: instructor.displayName,
        issuedAt: e.completedAt,
      });
      totals.certificates.push({ id: certificateId, uid: learner.uid, courseId: course.id });
    }
  }

  const source = course.price > 0 ? 'stripe' : 'free';
  put<Data<Enrollment>>(`enrollments/${course.id}_${learner.uid}`, {
    uid: learner.uid,
    courseId: course.id,
    instructorId: instructor.uid,
    status: 'active',
    source,
    completedLectureIds: e.doneIds,
    progress: Math.round((e.doneIds.length / lectures.length) * 100),
    lastLectureId: e.lastLectureId,
    lastPositionSec: e.lastPositionSec,
    completedAt: e.completedAt,
    certificateId,
    courseTitle: course.title,
    courseThumbnailUrl: thumbnailUrl,
    learnerName: learnerSortName(user(learner.uid, 'enrolment').displayName),
    lastActivityAt: e.lastActiveAt,
    bestQuizScore,
    createdAt: e.enrolledAt,
    updatedAt: e.lastActiveAt,
  });
  totals.enrollmentCount += 1;

  if (source === 'stripe') {
    const paidAt = new Date(e.enrolledAt.getTime() - 60_000);
    put<Data<Payment>>(`payments/${stableId(`payment/${course.id}/${learner.uid}`, 20)}`, {
      uid: learner.uid,
      courseId: course.id,
      instructorId: instructor.uid,
      amount: course.price,
      currency: CURRENCY,
      status: 'paid',
      stripeCheckoutSessionId: `cs_test_${stableId(`checkout/${course.id}/${learner.uid}`, 56)}`,
      stripePaymentIntentId: `pi_${stableId(`intent/${course.id}/${learner.uid}`, 24)}`,
      createdAt: new Date(paidAt.getTime() - 90_000),
      paidAt,
    });
    totals.paymentCount += 1;
    totals.revenueCents += course.price;
  }

  if (learner.rating !== undefined) {
    const reviewedAt = c.daysAgo(
      requireNumber(learner.reviewedDaysAgo, `${course.id}/${learner.uid}.reviewedDaysAgo`),
      ACTIVITY_OFFSET_HOURS,
    );
    if (reviewedAt <= e.enrolledAt)
      throw new Error(`seed: ${course.id}/${learner.uid} reviewed before enrolling`);
    if (!learner.comment || learner.comment.length > 2000)
      throw new Error(`seed: ${course.id}/${learner.uid}: bad comment`);
    put<KeyedByUid<Review>>(`courses/${course.id}/reviews/${learner.uid}`, {
      rating: learner.rating,
      comment: learner.comment,
      createdAt: reviewedAt,
      updatedAt: reviewedAt,
    });
    totals.reviewCount += 1;
    st.reviewsWritten += 1;
    award(
      learner.uid,
      pointEventId.review(course.id),
      'review_written',
      `courses/${course.id}/reviews/${learner.uid}`,
      reviewedAt,
    );
  }
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

interface EnrollmentTimeline {
  enrolledAt: Date;
  lastActiveAt: Date;
  doneIds: string[];
  lectureTimes: Date[];
  completedAt: Date | null;
  lastLectureId: string;
  lastPositionSec: number;
}

/**
 * When each lecture was completed: one a day ending on the learner's last active day when that
 * fits since enrolling (so streaks read naturally), otherwise spread evenly.
 */
function enrollmentFor(
  course: SeedCourse,
  learner: SeedLearner,
  lectures: readonly { id: string; durationSec: number }[],
  c: Clock,
): EnrollmentTimeline {
  // Activity happens 20 minutes before the hour of "now", whole days back, so one-a-day
  // activity always lands on consecutive local days.
  const at = (daysAgo: number) => c.daysAgo(daysAgo, ACTIVITY_OFFSET_HOURS);
  if (learner.enrolledDaysAgo >= requireNumber(course.publishedDaysAgo, `${course.id}.publishedDaysAgo`)) {
    throw new Error(`seed: ${course.id}/${learner.uid} enrolled before the course was published`);
  }
  const completed = learner.done === 'all';
  const count = completed ? lectures.length : (learner.done as number);
  if (count < 0 || (!completed && count >= lectures.length)) {
    throw new Error(`seed: ${course.id}/${learner.uid}: use done: 'all' to complete the course`);
  }
  const enrolledAt = c.daysAgo(learner.enrolledDaysAgo, 3);
  const defaultLast =
    completed && learner.reviewedDaysAgo !== undefined
      ? Math.min(learner.enrolledDaysAgo - 1, learner.reviewedDaysAgo + 1)
      : Math.floor(learner.enrolledDaysAgo / 2);
  const lastActiveDaysAgo = learner.lastActiveDaysAgo ?? defaultLast;
  if (lastActiveDaysAgo >= learner.enrolledDaysAgo) {
    throw new Error(`seed: ${course.id}/${learner.uid}: last active before enrolling`);
  }
  const lastActiveAt = at(lastActiveDaysAgo);
  const doneIds = lectures.slice(0, count).map((l) => l.id);
  const daily = count <= learner.enrolledDaysAgo - lastActiveDaysAgo;
  const lectureTimes = doneIds.map((_, i) =>
    daily
      ? at(lastActiveDaysAgo + (count - 1 - i))
      : between(new Date(enrolledAt.getTime() + 3_600_000), lastActiveAt, (i + 1) / count),
  );
  const current = completed ? lectures.at(-1)! : lectures[count]!;
  return {
    enrolledAt,
    lastActiveAt,
    doneIds,
    lectureTimes,
    completedAt: completed ? new Date(lastActiveAt.getTime() + 15 * 60_000) : null,
    lastLectureId: current.id,
    lastPositionSec: completed ? current.durationSec : Math.floor(current.durationSec * 0.4),
  };
}

/** A passing attempt with `quizWrong` questions answered wrongly. */
function quizAttemptFor(
  course: SeedCourse,
  learner: SeedLearner,
  passingScore: number,
): { score: number; answers: Record<string, number[]> } {
  const questions = course.quiz!.questions;
  const wrong = learner.quizWrong ?? 0;
  const answers: Record<string, number[]> = {};
  questions.forEach((q, i) => {
    const id = `q${i + 1}`;
    if (i < wrong) {
      const other = q.options.findIndex((_, index) => !q.answer.includes(index));
      answers[id] = [other];
    } else {
      answers[id] = [...q.answer];
    }
  });
  const score = Math.round(((questions.length - wrong) / questions.length) * 100);
  if (score < passingScore) {
    throw new Error(`seed: ${course.id}/${learner.uid} completed the course but failed the quiz (${score}%)`);
  }
  return { score, answers };
}
