// Server-side quiz grading: the key stays on the server; the attempt is recorded; mastery points
// (≥ 90 %) once per quiz; a perfect score counts once per quiz; passing may complete the course.
import { requiredQuizScore, type SubmitQuizResponse } from '@skillverse/domain/courses-api';
import { pointEventId, QUIZ_MASTERY_THRESHOLD } from '@skillverse/domain/gamification';
import type { QuizQuestion } from '@skillverse/domain/models';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { submitQuiz as submitQuizContract } from '@skillverse/domain/contracts/courses';
import { failedPrecondition, notFound } from '../lib/errors';
import { isRecord } from '../lib/firestore';
import type { NotifyDeps } from '../notifications/notify';
import { gradeQuiz } from './grade-quiz';
import { type PointAward, type ProgressStep, runProgressStep } from './progress';
import { num, str, strList } from '@skillverse/domain/fields';
import { quizKeyRef, quizRef } from '../lib/data/courses';
import { quizAttemptsCol } from '../lib/data/quiz-attempts';

export type SubmitQuizInput = ParsedRequestOf<typeof submitQuizContract>;

function readQuestions(value: unknown): QuizQuestion[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((q) => ({
    id: str(q.id),
    prompt: str(q.prompt),
    type: q.type === 'multiple' || q.type === 'boolean' ? q.type : 'single',
    options: strList(q.options),
  }));
}

function readKey(value: unknown): Record<string, number[]> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(
    Object.entries(value).map(([id, v]) => [
      id,
      Array.isArray(v) ? v.filter((i): i is number => Number.isInteger(i)) : [],
    ]),
  );
}

type QuizStepResult = Pick<
  SubmitQuizResponse,
  'attemptId' | 'score' | 'passed' | 'passingScore' | 'requiredScore' | 'results'
>;

export async function submitQuiz(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  uid: string,
  input: SubmitQuizInput,
): Promise<SubmitQuizResponse> {
  const { db, now } = deps;
  const result = await runProgressStep(deps, uid, input.courseId, async (ctx, tx) => {
    const [quizSnap, keySnap] = await tx.getAll(
      quizRef(db, input.courseId, input.quizId),
      quizKeyRef(db, input.courseId, input.quizId),
    );
    if (!quizSnap?.exists) throw notFound(`Quiz ${input.quizId} in this course`);
    if (!keySnap?.exists) throw failedPrecondition('This quiz cannot be graded yet: it has no answer key.');
    const questions = readQuestions(quizSnap.get('questions'));
    const outcome = gradeQuiz(questions, readKey(keySnap.get('answers')), input.answers);
    if (!outcome.ok)
      throw new HttpsError('invalid-argument', `Invalid request: ${outcome.problems.join('; ')}`);
    const { grade } = outcome;
    if (grade.questionCount === 0) throw failedPrecondition('This quiz has no gradeable questions.');

    const passingScore = num(quizSnap.get('passingScore'), 70);
    const passed = grade.score >= passingScore;
    const requiredScore = requiredQuizScore(passingScore, ctx.course.certificate);
    const countsForCompletion = grade.score >= requiredScore;
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

    const attemptRef = quizAttemptsCol(db).doc();
    const step: ProgressStep<QuizStepResult> = {
      points,
      stats: firstPerfect ? { perfectQuizzes: 1 } : {},
      enrollmentFields: firstPerfect ? { perfectQuizIds: FieldValue.arrayUnion(input.quizId) } : {},
      write: (t) => {
        t.create(attemptRef, {
          uid,
          courseId: input.courseId,
          quizId: input.quizId,
          instructorId: ctx.course.instructorId,
          score: grade.score,
          passed,
          answers: grade.answers,
          correctCount: grade.correctCount,
          questionCount: grade.questionCount,
          createdAt: now,
        });
      },
      result: {
        attemptId: attemptRef.id,
        score: grade.score,
        passed,
        passingScore,
        requiredScore,
        results: grade.results,
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
