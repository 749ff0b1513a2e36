// startQuizAttempt + submitQuiz on the emulators (issue 15 item 3): attempts issued by the server
// with their own order and deadline, the limit counted in a transaction, the deadline (+ grace)
// enforced, repeats idempotent, per-question correctness only after passing or on the last attempt.
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import type { QuizQuestion } from '@skillverse/domain/models';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFunction, deleteUserData, emulatorsRunning, testDb } from '../../test/emulator';
import {
  deleteCourse,
  enrol,
  QUIZ_KEY,
  QUIZ_QUESTIONS,
  type SignedInUser,
  seedCourse,
  signedInUser,
} from '../../test/course-fixtures';
import { logMailer } from '../notifications/mailer';
import { startQuizAttempt as startQuizAttemptHandler } from './start-quiz-attempt';
import { submitQuiz as submitQuizHandler } from './submit-quiz';

const users: string[] = [];
const courses: string[] = [];
let instructor: SignedInUser;
let learner: SignedInUser;

async function newLearner() {
  const user = await signedInUser({ displayName: 'Quinn Quiz' });
  users.push(user.uid);
  return user;
}

async function newCourse(options: Omit<Parameters<typeof seedCourse>[1], 'instructorId'> = {}) {
  const course = await seedCourse(testDb(), { instructorId: instructor.uid, ...options });
  courses.push(course.courseId);
  return course;
}

/** A learner enrolled in a new course with quiz `final`, its lectures already done. */
async function learnerWithQuiz(settings: Record<string, unknown> = {}, passingScore = 70) {
  const user = await newLearner();
  const course = await newCourse({ quiz: { passingScore, settings } });
  await enrol(testDb(), course.courseId, user.uid, instructor.uid);
  await testDb()
    .doc(`enrollments/${course.courseId}_${user.uid}`)
    .update({ completedLectureIds: course.lectureIds, progress: 100 });
  return { user, ...course };
}

const start = (user: SignedInUser, courseId: string, quizId = 'final') =>
  callFunction(coursesContracts.startQuizAttempt, { courseId, quizId }, user.token);
const submit = (
  user: SignedInUser,
  courseId: string,
  attemptId: string,
  answers: Record<string, number[]>,
  quizId = 'final',
) => callFunction(coursesContracts.submitQuiz, { courseId, quizId, attemptId, answers }, user.token);

/**
 * Answers as the attempt shows them: for each question, the shown positions of the options whose
 * stored index is in `stored` (QUIZ_KEY gives the right ones).
 */
function shownAnswers(shown: QuizQuestion[], stored: Record<string, number[]>): Record<string, number[]> {
  return Object.fromEntries(
    shown.map((q) => {
      const original = QUIZ_QUESTIONS.find((o) => o.id === q.id)!;
      const texts = (stored[q.id] ?? []).map((i) => original.options[i]);
      return [q.id, q.options.flatMap((text, pos) => (texts.includes(text) ? [pos] : []))];
    }),
  );
}
const PERFECT = QUIZ_KEY;
/** One of three right (33 %). */
const POOR = { q1: [1], q2: [0], q3: [1] };

const attemptsOf = (courseId: string, uid: string) =>
  testDb().collection('quizAttempts').where('courseId', '==', courseId).where('uid', '==', uid).get();
const quizPoints = (uid: string, courseId: string) =>
  testDb().doc(`users/${uid}/pointEvents/quiz_${courseId}_final`).get();

describe.skipIf(!emulatorsRunning)('quiz attempts', () => {
  beforeAll(async () => {
    instructor = await signedInUser({ displayName: 'Ina Instructor', claims: { educator: true } });
    learner = await newLearner();
    users.push(instructor.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  describe(coursesContracts.startQuizAttempt.name, () => {
    it('requires sign-in and enrolment, issuing nothing', async () => {
      const { courseId } = await newCourse({ quiz: { passingScore: 70 } });
      expect(
        (await callFunction(coursesContracts.startQuizAttempt, { courseId, quizId: 'final' })).error?.status,
      ).toBe('UNAUTHENTICATED');
      expect((await start(learner, courseId)).error?.status).toBe('PERMISSION_DENIED');
      expect((await attemptsOf(courseId, learner.uid)).size).toBe(0);
    });

    it.each([
      [{ quizId: 'final' }, 'courseId'],
      [{ courseId: 'c', quizId: 'a/b' }, 'quizId'],
      [{ courseId: 'c', quizId: 'final', attemptId: 'x' }, 'attemptId'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await callFunction(coursesContracts.startQuizAttempt, data, learner.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('answers not-found for an unknown quiz', async () => {
      const { user, courseId } = await learnerWithQuiz();
      expect((await start(user, courseId, 'nope')).error?.status).toBe('NOT_FOUND');
    });

    it('issues attempt 1 with a server deadline, and hands the open attempt back on a repeat', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 2, timeLimitMinutes: 5 });
      const before = Date.now();
      const first = await start(user, courseId);
      expect(first.error).toBeUndefined();
      const a = first.result!;
      expect(a).toMatchObject({ attemptNumber: 1, attemptLimit: 2, attemptsLeft: 1, newAttempt: true });
      expect(a.deadline! - a.startedAt).toBe(5 * 60_000);
      expect(a.startedAt).toBeGreaterThanOrEqual(before - 5_000);
      expect(a.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
      const doc = await testDb().doc(`quizAttempts/${a.attemptId}`).get();
      expect(doc.data()).toMatchObject({
        uid: user.uid,
        courseId,
        quizId: 'final',
        number: 1,
        status: 'open',
      });
      expect(doc.get('deadline').toMillis()).toBe(a.deadline);

      const again = (await start(user, courseId)).result!;
      expect(again).toMatchObject({ attemptId: a.attemptId, newAttempt: false, deadline: a.deadline });
      expect((await attemptsOf(courseId, user.uid)).size).toBe(1);
    });

    it('shuffles questions and options per attempt when the educator enabled it', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 10, shuffle: true });
      const orders = new Set<string>();
      for (let i = 0; i < 6; i += 1) {
        const a = (await start(user, courseId)).result!;
        expect([...a.questions.map((q) => q.id)].sort()).toEqual(['q1', 'q2', 'q3']);
        for (const q of a.questions) {
          const original = QUIZ_QUESTIONS.find((o) => o.id === q.id)!;
          expect([...q.options].sort()).toEqual([...original.options].sort());
        }
        orders.add(JSON.stringify(a.questions));
        // Each attempt graded by the stored key, whatever its order: always 100 %.
        const graded = (await submit(user, courseId, a.attemptId, shownAnswers(a.questions, PERFECT)))
          .result!;
        expect(graded.score).toBe(100);
      }
      expect(orders.size).toBeGreaterThan(1);
    });
  });

  describe(coursesContracts.submitQuiz.name, () => {
    it('answers bad input with invalid-argument: the attempt id is required', async () => {
      for (const [data, field] of [
        [{ courseId: 'c', quizId: 'final', answers: {} }, 'attemptId'],
        [{ courseId: 'c', quizId: 'final', attemptId: 'a', answers: [] }, 'answers'],
        [{ courseId: 'c', quizId: 'final', attemptId: 'a', answers: { q1: 1 } }, 'answers.q1'],
        [{ courseId: 'c', quizId: 'final', attemptId: 'a', answers: { q1: [-1] } }, 'answers.q1'],
      ] as const) {
        const res = await callFunction(coursesContracts.submitQuiz, data, learner.token);
        expect(res.error?.status, JSON.stringify(data)).toBe('INVALID_ARGUMENT');
        expect(res.error?.message).toContain(field);
      }
    });

    it('refuses an attempt that is not the caller’s or not issued, writing nothing', async () => {
      const { user, courseId } = await learnerWithQuiz();
      const other = await newLearner();
      await enrol(testDb(), courseId, other.uid, instructor.uid);
      const a = (await start(user, courseId)).result!;
      expect((await submit(other, courseId, a.attemptId, PERFECT)).error?.status).toBe('NOT_FOUND');
      expect((await submit(user, courseId, 'made-up', PERFECT)).error?.status).toBe('NOT_FOUND');
      expect((await quizPoints(other.uid, courseId)).exists).toBe(false);
      expect((await testDb().doc(`quizAttempts/${a.attemptId}`).get()).get('status')).toBe('open');
    });

    it('answers invalid-argument for answers that do not fit the quiz; the attempt stays open', async () => {
      const { user, courseId } = await learnerWithQuiz();
      const a = (await start(user, courseId)).result!;
      const res = await submit(user, courseId, a.attemptId, { q9: [0], q3: [5] });
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain('answers.q9');
      expect(res.error?.message).toContain('answers.q3');
      expect((await testDb().doc(`quizAttempts/${a.attemptId}`).get()).get('status')).toBe('open');
    });

    it('grades a failed attempt without per-question correctness while attempts remain, then shows it on the last', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 2 });
      const a1 = (await start(user, courseId)).result!;
      const r1 = await submit(user, courseId, a1.attemptId, POOR);
      expect(r1.error).toBeUndefined();
      expect(r1.result).toMatchObject({
        score: 33,
        passed: false,
        results: [],
        feedbackShown: false,
        attemptNumber: 1,
        attemptsLeft: 1,
      });
      const doc1 = await testDb().doc(`quizAttempts/${a1.attemptId}`).get();
      expect(doc1.get('status')).toBe('submitted');
      expect(doc1.get('results')).toBeUndefined();

      const a2 = (await start(user, courseId)).result!;
      expect(a2).toMatchObject({ attemptNumber: 2, attemptsLeft: 0, newAttempt: true });
      const r2 = (await submit(user, courseId, a2.attemptId, POOR)).result!;
      expect(r2).toMatchObject({ score: 33, feedbackShown: true, attemptsLeft: 0 });
      expect(r2.results).toEqual([
        { questionId: 'q1', correct: true },
        { questionId: 'q2', correct: false },
        { questionId: 'q3', correct: false },
      ]);

      const third = await start(user, courseId);
      expect(third.error?.status).toBe('FAILED_PRECONDITION');
      expect(third.error?.message).toMatch(/No attempts left/);
      expect((await attemptsOf(courseId, user.uid)).size).toBe(2);
    });

    it('never shows per-question correctness when the educator chose "never"', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 1, showCorrectness: 'never' });
      const a = (await start(user, courseId)).result!;
      const r = (await submit(user, courseId, a.attemptId, PERFECT)).result!;
      expect(r).toMatchObject({ score: 100, passed: true, feedbackShown: false, results: [] });
    });

    it('a passing attempt completes the course, awards quiz points once; a repeat answers the recorded result', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 3 });
      const a = (await start(user, courseId)).result!;
      const first = (await submit(user, courseId, a.attemptId, PERFECT)).result!;
      expect(first).toMatchObject({
        score: 100,
        passed: true,
        feedbackShown: true,
        courseCompleted: true,
        complete: true,
      });
      expect(first.results).toHaveLength(3);
      // The same attempt again, even with other answers: the recorded result, nothing new.
      const again = (await submit(user, courseId, a.attemptId, POOR)).result!;
      expect(again).toMatchObject({
        attemptId: a.attemptId,
        score: 100,
        passed: true,
        courseCompleted: false,
        certificateId: first.certificateId,
      });
      expect(again.results).toEqual(first.results);
      expect((await quizPoints(user.uid, courseId)).get('points')).toBe(50);
      const profile = await testDb().doc(`users/${user.uid}`).get();
      expect(profile.get('stats.perfectQuizzes')).toBe(1);
      expect((await attemptsOf(courseId, user.uid)).size).toBe(1);
    });

    it('counts a quiz towards completion only at the certificate pass mark when that is higher', async () => {
      const user = await newLearner();
      const { courseId, lectureIds } = await newCourse({
        quiz: { passingScore: 60 },
        certificate: { enabled: true, passingScore: 80 },
      });
      await enrol(testDb(), courseId, user.uid, instructor.uid);
      await testDb().doc(`enrollments/${courseId}_${user.uid}`).update({ completedLectureIds: lectureIds });
      const a = (await start(user, courseId)).result!;
      const res = (await submit(user, courseId, a.attemptId, { q1: [1], q2: [0, 2], q3: [1] })).result!;
      expect(res).toMatchObject({
        score: 67,
        passed: true,
        requiredScore: 80,
        complete: false,
        certificateId: null,
      });
    });
  });

  describe('deadline', () => {
    it('refuses a submission after the deadline plus the 30 s grace, awarding nothing', async () => {
      const { user, courseId } = await learnerWithQuiz({ timeLimitMinutes: 1 });
      const a = (await start(user, courseId)).result!;
      // Time passes: the attempt's deadline is now 31 s behind the server's clock.
      await testDb()
        .doc(`quizAttempts/${a.attemptId}`)
        .update({ deadline: new Date(Date.now() - 31_000) });
      const late = await submit(user, courseId, a.attemptId, PERFECT);
      expect(late.error?.status).toBe('FAILED_PRECONDITION');
      expect(late.error?.message).toMatch(/Time is up/);
      expect((await quizPoints(user.uid, courseId)).exists).toBe(false);
      expect(
        (await testDb().doc(`enrollments/${courseId}_${user.uid}`).get()).get('passedQuizIds') ?? [],
      ).toEqual([]);
      // The expired attempt counts as used; the next start issues attempt 2.
      const next = (await start(user, courseId)).result!;
      expect(next).toMatchObject({ attemptNumber: 2, newAttempt: true });
    });

    it('accepts a submission within the grace after the deadline', async () => {
      const { user, courseId } = await learnerWithQuiz({ timeLimitMinutes: 1 });
      const a = (await start(user, courseId)).result!;
      await testDb()
        .doc(`quizAttempts/${a.attemptId}`)
        .update({ deadline: new Date(Date.now() - 10_000) });
      const res = await submit(user, courseId, a.attemptId, PERFECT);
      expect(res.error).toBeUndefined();
      expect(res.result?.score).toBe(100);
    });
  });

  // In process against the Firestore emulator (the handlers the callables run): ten concurrent
  // callable requests make the functions emulator spawn ten workers, which is a test of the
  // emulator on a small machine rather than of the transactions.
  describe('concurrency', () => {
    const noMail = { mailer: logMailer };
    const startNow = (uid: string, courseId: string) =>
      startQuizAttemptHandler({ db: testDb(), now: new Date() }, uid, { courseId, quizId: 'final' });
    const submitNow = (uid: string, courseId: string, attemptId: string, answers: Record<string, number[]>) =>
      submitQuizHandler({ db: testDb(), now: new Date(), ...noMail }, uid, {
        courseId,
        quizId: 'final',
        attemptId,
        answers,
      });
    const code = (error: unknown) => String((error as { code?: string }).code ?? error);

    it('10 parallel start-and-submit runs never exceed the attempt limit', async () => {
      const { user, courseId } = await learnerWithQuiz({ attemptLimit: 3 });
      const runs = await Promise.all(
        Array.from({ length: 10 }, async () => {
          try {
            const s = await startNow(user.uid, courseId);
            const r = await submitNow(user.uid, courseId, s.attemptId, POOR);
            return `graded ${r.attemptNumber}`;
          } catch (error) {
            return code(error);
          }
        }),
      );
      for (const outcome of runs) expect(outcome).toMatch(/^graded [123]$|^failed-precondition$/);
      // Keep going one by one until refused: exactly the limit in all.
      for (;;) {
        const s = await start(user, courseId);
        if (s.error) {
          expect(s.error.status).toBe('FAILED_PRECONDITION');
          break;
        }
        expect((await submit(user, courseId, s.result!.attemptId, POOR)).error).toBeUndefined();
      }
      const attempts = await attemptsOf(courseId, user.uid);
      expect(attempts.size).toBe(3);
      expect(attempts.docs.map((d) => d.get('number')).sort()).toEqual([1, 2, 3]);
    });

    it('10 parallel submissions of one attempt grade it once and answer the same result', async () => {
      const { user, courseId } = await learnerWithQuiz();
      const a = (await start(user, courseId)).result!;
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          submitNow(user.uid, courseId, a.attemptId, i % 2 ? PERFECT : POOR),
        ),
      );
      const scores = new Set(results.map((r) => r.score));
      expect(scores.size).toBe(1);
      const doc = await testDb().doc(`quizAttempts/${a.attemptId}`).get();
      expect(doc.get('score')).toBe([...scores][0]);
      const profile = await testDb().doc(`users/${user.uid}`).get();
      expect(profile.get('stats.perfectQuizzes') ?? 0).toBe([...scores][0] === 100 ? 1 : 0);
      expect(results.filter((r) => r.courseCompleted).length).toBeLessThanOrEqual(1);
    });
  });
});
