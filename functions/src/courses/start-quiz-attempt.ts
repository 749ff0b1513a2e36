// Issues a quiz attempt on the server (issue 15 item 3): its number (counted in a transaction over
// the deterministic attempt ids, so concurrent starts never exceed the quiz's limit), its own
// question/option order (shuffled per attempt when the educator enabled it) and its deadline in
// server time. An attempt still open and in time is handed back instead of a new one.
import type { StartQuizAttemptResponse } from '@skillverse/domain/courses-api';
import {
  attemptDeadline,
  attemptOrder,
  attemptsLeft,
  isInTime,
  orderedQuestions,
  QUIZ_ATTEMPT_LIMIT_MAX,
  type Random,
  readQuizSettings,
} from '@skillverse/domain/quizzes';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { startQuizAttempt as contract } from '@skillverse/domain/contracts/courses';
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { failedPrecondition, notFound } from '../lib/errors';
import { courseRef, quizKeyRef, quizRef, readCourse } from '../lib/data/courses';
import { enrollmentRef } from '../lib/data/enrollments';
import { assertPlusEnrollmentCurrent } from '../lib/data/plus-membership';
import { numberedAttemptRef, readIssuedAttempt } from '../lib/data/quiz-attempts';
import { readQuestions } from './quiz-read';
import { runCallableTransaction } from '../lib/firestore';

export type StartQuizAttemptInput = ParsedRequestOf<typeof contract>;

export async function startQuizAttempt(
  deps: { db: Firestore; now: Date; random?: Random },
  uid: string,
  input: StartQuizAttemptInput,
): Promise<StartQuizAttemptResponse> {
  const { db, now } = deps;
  const random = deps.random ?? Math.random;
  const { courseId, quizId } = input;
  return runCallableTransaction(
    db,
    async (tx) => {
      const attemptRefs = Array.from({ length: QUIZ_ATTEMPT_LIMIT_MAX }, (_, i) =>
        numberedAttemptRef(db, courseId, quizId, uid, i + 1),
      );
      const [courseSnap, enrollmentSnap, quizSnap, keySnap, ...attemptSnaps] = await tx.getAll(
        courseRef(db, courseId),
        enrollmentRef(db, courseId, uid),
        quizRef(db, courseId, quizId),
        quizKeyRef(db, courseId, quizId),
        ...attemptRefs,
      );
      const course = courseSnap ? readCourse(courseSnap) : null;
      if (!course) throw notFound(`Course ${courseId}`);
      if (!enrollmentSnap?.exists || enrollmentSnap.get('status') !== 'active') {
        throw new HttpsError('permission-denied', 'You are not enrolled in this course.');
      }
      await assertPlusEnrollmentCurrent(db, uid, courseId, enrollmentSnap.data() ?? {}, deps.now, course);
      if (!quizSnap?.exists) throw notFound(`Quiz ${quizId} in this course`);
      if (!keySnap?.exists) throw failedPrecondition('This quiz cannot be taken yet: it has no answer key.');
      const settings = readQuizSettings(quizSnap.data());
      const questions = readQuestions(quizSnap.get('questions'));
      if (questions.length === 0) throw failedPrecondition('This quiz has no questions yet.');

      // Attempts used: the numbered attempts that exist (numbers are taken in order, never reused).
      const used = attemptSnaps.findIndex((s) => !s?.exists);
      const usedCount = used === -1 ? attemptSnaps.length : used;
      const latest = usedCount > 0 ? readIssuedAttempt(attemptSnaps[usedCount - 1]) : null;

      const answer = (
        attempt: { id: string; number: number; startedAt: Date; deadline: Date | null },
        order: { questionOrder: string[]; optionOrder: Record<string, number[]> },
        newAttempt: boolean,
      ): StartQuizAttemptResponse => ({
        attemptId: attempt.id,
        attemptNumber: attempt.number,
        attemptLimit: settings.attemptLimit,
        attemptsLeft: attemptsLeft(settings.attemptLimit, attempt.number),
        newAttempt,
        startedAt: attempt.startedAt.getTime(),
        deadline: attempt.deadline?.getTime() ?? null,
        serverNow: now.getTime(),
        timeLimitMinutes: settings.timeLimitMinutes,
        questions: orderedQuestions(questions, order),
      });

      // Resume: the latest attempt is still open and in time (a reload, a second tab, a double click).
      if (
        latest &&
        latest.status === 'open' &&
        latest.number <= settings.attemptLimit &&
        isInTime(latest.deadline, now, 0)
      ) {
        return answer(latest, latest, false);
      }
      const number = usedCount + 1;
      if (number > settings.attemptLimit) {
        throw failedPrecondition(
          `No attempts left: this quiz allows ${settings.attemptLimit} ${settings.attemptLimit === 1 ? 'attempt' : 'attempts'} and you have used them.`,
        );
      }
      const order = attemptOrder(questions, settings.shuffle, random);
      const deadline = attemptDeadline(now, settings.timeLimitMinutes);
      const ref = attemptRefs[number - 1];
      if (!ref) throw failedPrecondition('No attempts left.');
      tx.create(ref, {
        uid,
        courseId,
        quizId,
        instructorId: course.instructorId,
        number,
        attemptLimit: settings.attemptLimit,
        status: 'open',
        startedAt: now,
        deadline,
        timeLimitMinutes: settings.timeLimitMinutes,
        questionOrder: order.questionOrder,
        optionOrder: order.optionOrder,
        createdAt: now,
      });
      return answer({ id: ref.id, number, startedAt: now, deadline }, order, true);
    },
    { maxAttempts: 30 },
  );
}
