// Attack: "n attempts reveal the key" (issue 15 item 3). Before, submitQuiz told right/wrong per
// question on every submission and attempts were unlimited, so a learner answered, read which were
// wrong, changed those and scored 100 % (50 points, the perfect-quiz badge) on the next try.
// Now attempts are issued by startQuizAttempt (limit 3 by default), per-question correctness is
// withheld until the learner passed or used the last attempt, and nothing outside an issued attempt
// is graded. The honest learner who knows the material still earns exactly the quiz's points.
import { enrollInFreeCourse, startQuizAttempt, submitQuiz } from '@skillverse/domain/contracts/courses';
import { gradeQuiz } from '../../../functions/src/courses/grade-quiz';
import { deleteDoc, doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, QUIZ_KEY, QUIZ_QUESTIONS, seedCourse } from '../../../functions/test/course-fixtures';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
} from './support';

const courses: string[] = [];

async function quizCourse(): Promise<string> {
  // A published free course with quiz `final` (3 questions) and default attempt settings.
  const { courseId } = await seedCourse(testDb(), {
    instructorId: uniqueId('instructor'),
    quiz: { passingScore: 70 },
  });
  courses.push(courseId);
  return courseId;
}

async function enrolled(label: string, courseId: string): Promise<Attacker> {
  const a = await newAttacker(label);
  const enrolment = await a.call(enrollInFreeCourse, { courseId });
  expect(enrolment.ok, JSON.stringify(enrolment)).toBe(true);
  return a;
}

const QUESTIONS = QUIZ_QUESTIONS.map((q) => ({ ...q, type: q.type as 'single' | 'multiple' | 'boolean' }));

describe.skipIf(!emulatorsRunning)('abuse: n quiz attempts reveal the key', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of courses) await deleteCourse(testDb(), id);
  });

  it('probing answer patterns learns no key while attempts remain and never scores beyond honest grading', async () => {
    const courseId = await quizCourse();
    const attacker = await enrolled('prober', courseId);
    const before = await rewardsOf(attacker.uid);

    // The old way: grading without an issued attempt is refused.
    expectRefused(
      await attacker.call(submitQuiz, { courseId, quizId: 'final', answers: QUIZ_KEY }),
      'invalid-argument',
    );
    expectRefused(
      await attacker.call(submitQuiz, { courseId, quizId: 'final', attemptId: 'forged', answers: QUIZ_KEY }),
      'not-found',
    );
    // The key itself is out of reach, and an attempt cannot be written by hand.
    await expect(getDoc(doc(attacker.db, `courses/${courseId}/quizKeys/final`))).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(
      setDoc(doc(attacker.db, `quizAttempts/${courseId}_final_${attacker.uid}_1`), {
        uid: attacker.uid,
        courseId,
        quizId: 'final',
        number: 1,
        status: 'open',
        startedAt: new Date(),
        deadline: null,
      }),
    ).rejects.toMatchObject({ code: 'permission-denied' });

    // Probe: every question answered with option 0, then 1, then 2 (a simple key search).
    const seen: { score: number; results: unknown[] }[] = [];
    for (let pattern = 0; pattern < 3; pattern += 1) {
      const started = await attacker.call(startQuizAttempt, { courseId, quizId: 'final' });
      expect(started.ok, JSON.stringify(started)).toBe(true);
      if (!started.ok) return;
      const answers = Object.fromEntries(
        started.data.questions.map((q) => [q.id, [Math.min(pattern, q.options.length - 1)]]),
      );
      const graded = await attacker.call(submitQuiz, {
        courseId,
        quizId: 'final',
        attemptId: started.data.attemptId,
        answers,
      });
      expect(graded.ok, JSON.stringify(graded)).toBe(true);
      if (!graded.ok) return;
      // Honest scoring: exactly what these answers are worth against the key.
      const honest = gradeQuiz(QUESTIONS, QUIZ_KEY, answers);
      expect(honest.ok && honest.grade.score).toBe(graded.data.score);
      seen.push({ score: graded.data.score, results: graded.data.results });
      // An attempt the server already graded cannot be improved (it answers the recorded result).
      const again = await attacker.call(submitQuiz, {
        courseId,
        quizId: 'final',
        attemptId: started.data.attemptId,
        answers: QUIZ_KEY,
      });
      expect(again.ok && again.data.score).toBe(graded.data.score);
    }
    // No per-question correctness while attempts remained; the last attempt shows it, but then
    // no attempt is left to use it.
    expect(seen[0]?.results).toEqual([]);
    expect(seen[1]?.results).toEqual([]);
    expect(seen[2]?.results).toHaveLength(3);
    expect(Math.max(...seen.map((s) => s.score))).toBeLessThan(100);
    expectRefused(
      await attacker.call(startQuizAttempt, { courseId, quizId: 'final' }),
      'failed-precondition',
    );
    expectRefused(
      await attacker.call(submitQuiz, {
        courseId,
        quizId: 'final',
        attemptId: `${courseId}_final_${attacker.uid}_4`,
        answers: QUIZ_KEY,
      }),
      'not-found',
    );
    // Resetting the count by deleting or rewriting an attempt is refused by the rules.
    await expect(
      deleteDoc(doc(attacker.db, `quizAttempts/${courseId}_final_${attacker.uid}_1`)),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expect(
      updateDoc(doc(attacker.db, `quizAttempts/${courseId}_final_${attacker.uid}_3`), { status: 'open' }),
    ).rejects.toMatchObject({ code: 'permission-denied' });

    expectNothingMinted(before, await rewardsOf(attacker.uid), 'probing a quiz key over its attempts');
  });

  it('the honest learner who knows the material earns the quiz points once, on the first attempt', async () => {
    const courseId = await quizCourse();
    const learner = await enrolled('honest', courseId);
    const before = await rewardsOf(learner.uid);
    const started = await learner.call(startQuizAttempt, { courseId, quizId: 'final' });
    if (!started.ok) throw new Error(started.message);
    const texts = Object.fromEntries(
      QUIZ_QUESTIONS.map((q) => [
        q.id,
        (QUIZ_KEY as Record<string, number[]>)[q.id]!.map((i) => q.options[i]),
      ]),
    );
    const answers = Object.fromEntries(
      started.data.questions.map((q) => [
        q.id,
        q.options.flatMap((text, pos) => (texts[q.id]?.includes(text) ? [pos] : [])),
      ]),
    );
    const graded = await learner.call(submitQuiz, {
      courseId,
      quizId: 'final',
      attemptId: started.data.attemptId,
      answers,
    });
    if (!graded.ok) throw new Error(graded.message);
    expect(graded.data).toMatchObject({ score: 100, passed: true, feedbackShown: true, attemptsLeft: 2 });
    // The ledger entry is written with the grade; the profile total follows from it by trigger.
    const ledger = await testDb().doc(`users/${learner.uid}/pointEvents/quiz_${courseId}_final`).get();
    expect(ledger.get('points')).toBe(50);
    const after = await rewardsOf(learner.uid);
    expect(after.ledgerEntries - before.ledgerEntries).toBe(1);
    expect(after.stats.perfectQuizzes ?? 0).toBe(1);
  });
});
