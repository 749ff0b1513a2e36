// Server-side quiz grading of an attempt startQuizAttempt issued (issue 15 item 3): the key stays
// on the server; answers arrive as the attempt's shown positions and are mapped back to the stored
// key; a submission after the deadline (+ grace) or beyond the limit is refused; a repeat answers
// the recorded result. Mastery points (≥ 90 %) once per quiz; a perfect score counts once per quiz;
// passing may complete the course. Per-question correctness only when the attempt passed or was
// the last one (or never, as the educator chose).
import { requiredQuizScore, type SubmitQuizResponse } from '@skillverse/domain/courses-api';
import { pointEventId, QUIZ_MASTERY_THRESHOLD } from '@skillverse/domain/gamification';
import {
  attemptsLeft,
  isInTime,
  QUIZ_DEADLINE_GRACE_MS,
  readQuizSettings,
  showsCorrectness,
  toStoredAnswers,
} from '@skillverse/domain/quizzes';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { submitQuiz as submitQuizContract } from '@skillverse/domain/contracts/courses';
import { failedPrecondition, notFound } from '../lib/errors';
import type { NotifyDeps } from '../notifications/notify';
import { gradeQuiz } from './grade-quiz';
import { bestScore } from '@skillverse/domain/students';
import { type PointAward, type ProgressStep, runProgressStep } from './progress';
import { num, strList } from '@skillverse/domain/fields';
import { quizKeyRef, quizRef } from '../lib/data/courses';
import { quizAttemptRef, readIssuedAttempt } from '../lib/data/quiz-attempts';
import { readKey, readQuestions } from './quiz-read';

export type SubmitQuizInput = ParsedRequestOf<typeof submitQuizContract>;

type QuizStepResult = Pick<
  SubmitQuizResponse,
  | 'attemptId'
  | 'score'
  | 'passed'
  | 'passingScore'
  | 'requiredScore'
  | 'results'
  | 'feedbackShown'
  | 'attemptNumber'
  | 'attemptsLeft'
>;

export async function submitQuiz(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  input: SubmitQuizInput,
): Promise<SubmitQuizResponse> {
  const { db, now } = deps;
  const result = await runProgressStep(deps, uid, input.courseId, async (ctx, tx) => {
    const attemptDocRef = quizAttemptRef(db, input.attemptId);
    const [quizSnap, keySnap, attemptSnap] = await tx.getAll(
      quizRef(db, input.courseId, input.quizId),
      quizKeyRef(db, input.courseId, input.quizId),
      attemptDocRef,
    );
    if (!quizSnap?.exists) throw notFound(`Quiz ${input.quizId} in this course`);
    const attempt = readIssuedAttempt(attemptSnap);
    if (
      !attempt ||
      attempt.uid !== uid ||
      attempt.courseId !== input.courseId ||
      attempt.quizId !== input.quizId
    ) {
      throw notFound('This quiz attempt (start the quiz to get one)');
    }
    const settings = readQuizSettings(quizSnap.data());
    const passingScore = num(quizSnap.get('passingScore'), 70);
    const requiredScore = requiredQuizScore(passingScore, ctx.course.certificate);
    const left = attemptsLeft(settings.attemptLimit, attempt.number);

    // A repeat of a graded attempt answers what was recorded and changes nothing.
    if (attempt.status === 'submitted') {
      const step: ProgressStep<QuizStepResult> = {
        result: {
          attemptId: attempt.id,
          score: attempt.score,
          passed: attempt.passed,
          passingScore,
          requiredScore,
          results: attempt.feedbackShown ? attempt.results : [],
          feedbackShown: attempt.feedbackShown,
          attemptNumber: attempt.number,
          attemptsLeft: left,
        },
      };
      if (attempt.countsForCompletion) step.passedQuizId = input.quizId;
      return step;
    }
    if (attempt.number > settings.attemptLimit) {
      throw failedPrecondition(
        `No attempts left: this quiz now allows ${settings.attemptLimit} and this was attempt ${attempt.number}.`,
      );
    }
    if (!isInTime(attempt.deadline, now, QUIZ_DEADLINE_GRACE_MS)) {
      throw failedPrecondition(
        'Time is up: this attempt’s deadline has passed, so it can no longer be submitted. It counts as used.',
      );
    }
    if (!keySnap?.exists) throw failedPrecondition('This quiz cannot be graded yet: it has no answer key.');
    const questions = readQuestions(quizSnap.get('questions'));
    const outcome = gradeQuiz(
      questions,
      readKey(keySnap.get('answers')),
      toStoredAnswers(input.answers, attempt),
    );
    if (!outcome.ok)
      throw new HttpsError('invalid-argument', `Invalid request: ${outcome.problems.join('; ')}`);
    const { grade } = outcome;
    if (grade.questionCount === 0) throw failedPrecondition('This quiz has no gradeable questions.');

    const passed = grade.score >= passingScore;
    const countsForCompletion = grade.score >= requiredScore;
    const feedbackShown = showsCorrectness(
      settings.showCorrectness,
      { passed, number: attempt.number },
      settings.attemptLimit,
    );
    const results = feedbackShown ? grade.results : [];
    const perfectQuizIds = strList(ctx.enrollment.perfectQuizIds);
    const firstPerfect = grade.score === 100 && !perfectQuizIds.includes(input.quizId);
    const points: PointAward[] =
      grade.score >= QUIZ_MASTERY_THRESHOLD
        ? [
            {
              eventId: pointEventId.quiz(input.courseId, input.quizId),
              reason: 'quiz_mastered',
              refPath: `courses/${input.courseId}/quizzes/${input.quizId}`,
            },
          ]
        : [];

    const step: ProgressStep<QuizStepResult> = {
      points,
      stats: firstPerfect ? { perfectQuizzes: 1 } : {},
      enrollmentFields: {
        ...(firstPerfect ? { perfectQuizIds: FieldValue.arrayUnion(input.quizId) } : {}),
        // The students view shows the best graded score of any quiz (max: a retry is a no-op).
        bestQuizScore: bestScore(ctx.enrollment.bestQuizScore, grade.score),
      },
      write: (t) => {
        t.update(attemptDocRef, {
          status: 'submitted',
          score: grade.score,
          passed,
          countsForCompletion,
          answers: grade.answers,
          correctCount: grade.correctCount,
          questionCount: grade.questionCount,
          feedbackShown,
          // Per-question right/wrong is kept only when it may be shown: the learner reads this doc.
          ...(feedbackShown ? { results } : {}),
          submittedAt: now,
        });
      },
      result: {
        attemptId: attempt.id,
        score: grade.score,
        passed,
        passingScore,
        requiredScore,
        results,
        feedbackShown,
        attemptNumber: attempt.number,
        attemptsLeft: left,
      },
    };
    if (countsForCompletion) step.passedQuizId = input.quizId;
    return step;
  });

  return {
    ...result.stepResult,
    progress: result.progress,
    completedLectureIds: result.completedLectureIds,
    courseCompleted: result.courseCompleted,
    complete: result.complete,
    certificateId: result.certificateId,
  };
}
