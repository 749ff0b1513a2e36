// Grading a quiz attempt against its key. Pure; the key never leaves the server — only per-question
// right/wrong is returned.
import type { QuizQuestionResult } from '@skillverse/domain/courses-api';
import type { QuizQuestion } from '@skillverse/domain/models';

export interface QuizGrade {
  /** Percent of gradeable questions answered exactly right, rounded to a whole number. */
  score: number;
  correctCount: number;
  questionCount: number;
  results: QuizQuestionResult[];
  /** The answers as graded: each list sorted and without duplicates. */
  answers: Record<string, number[]>;
}

export type GradeOutcome = { ok: true; grade: QuizGrade } | { ok: false; problems: string[] };

function normalise(indexes: readonly number[]): number[] {
  return [...new Set(indexes)].sort((a, b) => a - b);
}

function sameSet(a: readonly number[], b: readonly number[]): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Checks the answers against the questions (unknown question ids, option indexes out of range,
 * several options for a single-answer question are problems) and grades them. A question
 * without an answer counts as wrong; a question missing from the key is not graded.
 */
export function gradeQuiz(
  questions: readonly QuizQuestion[],
  key: Readonly<Record<string, readonly number[]>>,
  answers: Readonly<Record<string, readonly number[]>>,
): GradeOutcome {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  for (const [questionId, chosen] of Object.entries(answers)) {
    const question = byId.get(questionId);
    if (!question) {
      problems.push(`answers.${questionId}: this quiz has no such question`);
      continue;
    }
    const bad = chosen.filter((i) => !Number.isInteger(i) || i < 0 || i >= question.options.length);
    if (bad.length > 0) {
      problems.push(
        `answers.${questionId}: option ${bad.join(', ')} does not exist (0–${question.options.length - 1})`,
      );
    }
    if (question.type !== 'multiple' && normalise(chosen).length > 1) {
      problems.push(`answers.${questionId}: choose one option for this question`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const results: QuizQuestionResult[] = [];
  let correctCount = 0;
  for (const question of questions) {
    const expected = key[question.id];
    if (!expected || expected.length === 0) continue;
    const correct = sameSet(answers[question.id] ?? [], expected);
    if (correct) correctCount += 1;
    results.push({ questionId: question.id, correct });
  }
  const questionCount = results.length;
  const score = questionCount === 0 ? 0 : Math.round((correctCount / questionCount) * 100);
  const graded = Object.fromEntries(Object.entries(answers).map(([id, chosen]) => [id, normalise(chosen)]));
  return { ok: true, grade: { score, correctCount, questionCount, results, answers: graded } };
}
