// The learner-progress transaction shared by completeLecture and submitQuiz: one place reads the
// enrolment, course, lectures and quizzes, applies a step (a lecture done, a quiz passed),
// recomputes progress and, when the course becomes complete, records completion, awards points
// and issues the certificate — exactly once, however often or concurrently it runs.
import {
  type CompletionOutcome,
  certificateVerifyPath,
  courseProgress,
  isCourseComplete,
} from '@skillverse/domain/courses-api';
import { pointEventId } from '@skillverse/domain/gamification';
import type { PointReason } from '@skillverse/domain/models';
import {
  type DocumentReference,
  FieldValue,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { logger } from 'firebase-functions';
import { newPointEvent } from '../gamification/award-points';
import { recheckBadges } from '../gamification/recheck-badges';
import { notFound } from '../lib/errors';
import { type NotifyDeps, notify } from '../notifications/notify';
import { num, str, strList } from '@skillverse/domain/fields';
import { type CourseInfo, courseRef, lecturesCol, quizzesCol, readCourse } from '../lib/data/courses';
import { enrollmentRef } from '../lib/data/enrollments';
import { assertPlusEnrollmentCurrent } from '../lib/data/plus-membership';
import { pointEventRef, userRef } from '../lib/data/users';
import { certificateRef, newCertificateId } from '../lib/data/certificates';
import { runCallableTransaction } from '../lib/firestore';
import { incrementSharded } from '../lib/sharded-counter';

export interface ProgressContext {
  db: Firestore;
  uid: string;
  now: Date;
  course: CourseInfo;
  enrollmentRef: DocumentReference;
  /** Raw enrolment data as stored. */
  enrollment: Record<string, unknown>;
  completedLectureIds: string[];
  passedQuizIds: string[];
  /** Ids of the lectures that exist now. */
  lectureIds: Set<string>;
  /** Quiz id → its pass mark. */
  quizzes: Map<string, { passingScore: number }>;
}

export interface PointAward {
  eventId: string;
  reason: PointReason;
  refPath: string;
}

/** What a step changes. It may read more inside the transaction but must not write itself. */
export interface ProgressStep<T> {
  lectureId?: string;
  passedQuizId?: string;
  /** Awarded if their ledger entry does not exist yet. */
  points?: PointAward[];
  /** Dotted `stats.*` field → increment, on users/{uid}. */
  stats?: Record<string, number>;
  /** Extra enrolment fields to set. */
  enrollmentFields?: Record<string, unknown>;
  /** Extra writes (e.g. the quiz attempt), applied after the reads. */
  write?: (tx: Transaction) => void;
  result: T;
}

export interface ProgressResult<T> extends CompletionOutcome {
  stepResult: T;
  newlyCompletedLecture: boolean;
}

export const certificateNotificationId = (courseId: string) => `certificate_${courseId}`;

export interface ProgressStepOptions<T> {
  /**
   * Whether the enrolment (read without a transaction) already shows this step applied, and then the
   * step's result: asked only after the transaction lost on contention, so a duplicate of a call a
   * concurrent one applied answers with the applied state instead of contending again.
   */
  alreadyApplied?: (enrollment: Record<string, unknown>) => T | undefined;
}

export async function runProgressStep<T>(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  courseId: string,
  step: (ctx: ProgressContext, tx: Transaction) => Promise<ProgressStep<T>>,
  options: ProgressStepOptions<T> = {},
): Promise<ProgressResult<T>> {
  const { db, now } = deps;
  const cRef = courseRef(db, courseId);
  const eRef = enrollmentRef(db, courseId, uid);
  const uRef = userRef(db, uid);
  const { alreadyApplied } = options;
  const settled = alreadyApplied
    ? async () => {
        const enrollment = (await eRef.get()).data();
        if (enrollment?.status !== 'active') return undefined;
        const stepResult = alreadyApplied(enrollment);
        if (stepResult === undefined) return undefined;
        return {
          progress: num(enrollment.progress),
          completedLectureIds: strList(enrollment.completedLectureIds),
          courseCompleted: false,
          complete: enrollment.completedAt != null,
          certificateId: str(enrollment.certificateId) || null,
          certificateIssued: false,
          newlyCompletedLecture: false,
          stepResult,
          courseTitle: '',
        };
      }
    : undefined;

  const outcome = await runCallableTransaction(
    db,
    async (tx) => {
      const [courseSnap, enrollmentSnap, userSnap] = await tx.getAll(cRef, eRef, uRef);
      const course = courseSnap ? readCourse(courseSnap) : null;
      if (!course) throw notFound(`Course ${courseId}`);
      if (!enrollmentSnap?.exists || enrollmentSnap.get('status') !== 'active') {
        throw new HttpsError('permission-denied', 'You are not enrolled in this course.');
      }
      if (!userSnap?.exists) throw new HttpsError('failed-precondition', 'Your profile is not set up yet.');
      // A Plus enrolment earns only while the membership (and the course's place in Plus) lasts.
      await assertPlusEnrollmentCurrent(db, uid, courseId, enrollmentSnap.data() ?? {}, now, course);
      const learnerName = str(userSnap.get('displayName')).trim();
      const [lectures, quizzes] = await Promise.all([
        tx.get(lecturesCol(db, courseId).select()),
        tx.get(quizzesCol(db, courseId).select('passingScore')),
      ]);
      const enrollment = enrollmentSnap.data() ?? {};
      const ctx: ProgressContext = {
        db,
        uid,
        now,
        course,
        enrollmentRef: eRef,
        enrollment,
        completedLectureIds: strList(enrollment.completedLectureIds),
        passedQuizIds: strList(enrollment.passedQuizIds),
        lectureIds: new Set(lectures.docs.map((d) => d.id)),
        quizzes: new Map(quizzes.docs.map((d) => [d.id, { passingScore: num(d.get('passingScore'), 0) }])),
      };

      const change = await step(ctx, tx);

      // Lectures and passed quizzes: set union, so repeats change nothing.
      const newlyCompletedLecture =
        change.lectureId !== undefined && !ctx.completedLectureIds.includes(change.lectureId);
      const completedLectureIds = newlyCompletedLecture
        ? [...ctx.completedLectureIds, change.lectureId as string]
        : ctx.completedLectureIds;
      const passedQuizIds =
        change.passedQuizId !== undefined && !ctx.passedQuizIds.includes(change.passedQuizId)
          ? [...ctx.passedQuizIds, change.passedQuizId]
          : ctx.passedQuizIds;
      const countedLectures = completedLectureIds.filter((id) => ctx.lectureIds.has(id));
      const progress = courseProgress(countedLectures, ctx.lectureIds.size);
      const complete = isCourseComplete(
        { completedLectureIds: countedLectures },
        {
          totalLectures: ctx.lectureIds.size,
          certificate: course.certificate,
          quizIds: [...ctx.quizzes.keys()],
        },
        passedQuizIds,
      );
      const alreadyCompleted = enrollment.completedAt != null;
      const courseCompleted = complete && !alreadyCompleted;
      const existingCertificateId = str(enrollment.certificateId) || null;
      const issueCertificate = complete && course.certificate.enabled && !existingCertificateId;

      const points: PointAward[] = [...(change.points ?? [])];
      if (newlyCompletedLecture && change.lectureId) {
        points.push({
          eventId: pointEventId.lecture(courseId, change.lectureId),
          reason: 'lecture_completed',
          refPath: `courses/${courseId}/lectures/${change.lectureId}`,
        });
      }
      if (courseCompleted) {
        points.push({
          eventId: pointEventId.course(courseId),
          reason: 'course_completed',
          refPath: `courses/${courseId}`,
        });
      }

      // Remaining reads: which awards exist already, and the instructor's name if not denormalised.
      const pointRefs = points.map((p) => pointEventRef(db, uid, p.eventId));
      const pointSnaps = pointRefs.length > 0 ? await tx.getAll(...pointRefs) : [];
      let instructorName = course.instructorName;
      if (issueCertificate && !instructorName && course.instructorId) {
        const instructorSnap = await tx.get(userRef(db, course.instructorId));
        instructorName = str(instructorSnap.get('displayName')) || null;
      }

      // Writes.
      change.write?.(tx);
      points.forEach((award, i) => {
        if (pointSnaps[i]?.exists) return;
        tx.create(pointRefs[i] as DocumentReference, newPointEvent(award, now));
      });

      const stats: Record<string, number> = { ...(change.stats ?? {}) };
      if (newlyCompletedLecture) stats.lecturesCompleted = (stats.lecturesCompleted ?? 0) + 1;
      if (courseCompleted) stats.coursesCompleted = (stats.coursesCompleted ?? 0) + 1;
      const userUpdate = Object.fromEntries(
        Object.entries(stats)
          .filter(([, by]) => by !== 0)
          .map(([field, by]) => [`stats.${field}`, FieldValue.increment(by)]),
      );
      if (Object.keys(userUpdate).length > 0) tx.update(uRef, userUpdate);
      // The course's completion counter (server-only) for the instructor's completion rate: once per
      // enrolment, in the same transaction that records the completion, on one of the course's
      // counter shards (lib/sharded-counter.ts), so a popular course's completions don't contend.
      if (courseCompleted) incrementSharded(tx, cRef, uid, { completionCount: 1 }, now);

      let certificateId = existingCertificateId;
      if (issueCertificate) {
        certificateId = newCertificateId();
        tx.create(certificateRef(db, certificateId), {
          uid,
          userName: str(userSnap.get('displayName'), 'SkillVerse learner'),
          courseId,
          courseTitle: course.title,
          instructorId: course.instructorId,
          instructorName: instructorName ?? 'SkillVerse instructor',
          issuedAt: now,
          // What the platform observed (issue 15): the credential states this, nothing more.
          courseEvidence: {
            observedSeconds: num(enrollment.watchedSeconds),
            lectures: countedLectures.length,
            quizzesPassed: passedQuizIds.filter((id) => ctx.quizzes.has(id)).length,
            quizzes: ctx.quizzes.size,
          },
        });
      }

      const enrollmentUpdate: Record<string, unknown> = {
        ...(change.enrollmentFields ?? {}),
        completedLectureIds,
        passedQuizIds,
        progress,
        // Server-observed activity and the current name, for the instructor's students view.
        lastActivityAt: now,
        ...(learnerName ? { learnerName } : {}),
        updatedAt: now,
      };
      if (change.lectureId !== undefined) enrollmentUpdate.lastLectureId = change.lectureId;
      if (courseCompleted) enrollmentUpdate.completedAt = now;
      if (issueCertificate) enrollmentUpdate.certificateId = certificateId;
      tx.update(eRef, enrollmentUpdate);

      return {
        progress,
        completedLectureIds,
        courseCompleted,
        complete: complete || alreadyCompleted,
        certificateId,
        certificateIssued: issueCertificate,
        newlyCompletedLecture,
        stepResult: change.result,
        courseTitle: course.title,
      };
    },
    { settled },
  );

  if (outcome.courseCompleted || outcome.certificateIssued) {
    logger.info('course completed', { uid, courseId, certificateId: outcome.certificateId });
    await recheckBadges(db, uid, now, deps);
  }
  if (outcome.certificateIssued && outcome.certificateId) {
    await notify(
      db,
      {
        uid,
        type: 'certificate_issued',
        id: certificateNotificationId(courseId),
        title: `🎓 Certificate earned: ${outcome.courseTitle}`,
        body: `You completed ${outcome.courseTitle}. Your certificate is ready to share.`,
        link: certificateVerifyPath(outcome.certificateId),
      },
      deps,
    );
  }

  const { certificateIssued: _issued, courseTitle: _title, ...result } = outcome;
  return result;
}
