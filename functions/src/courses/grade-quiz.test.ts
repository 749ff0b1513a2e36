import type { QuizQuestion } from '@skillverse/domain/models';
import { describe, expect, it } from 'vitest';
import { gradeQuiz } from './grade-quiz';

const questions: QuizQuestion[] = [
  { id: 'q1', prompt: 'One?', type: 'single', options: ['a', 'b', 'c'] },
  { id: 'q2', prompt: 'Many?', type: 'multiple', options: ['a', 'b', 'c', 'd'] },
  { id: 'q3', prompt: 'True?', type: 'boolean', options: ['True', 'False'] },
];
const key = { q1: [1], q2: [0, 2], q3: [0] };

function grade(answers: Record<string, number[]>) {
  const outcome = gradeQuiz(questions, key, answers);
  if (!outcome.ok) throw new Error(outcome.problems.join('; '));
  return outcome.grade;
}

describe('gradeQuiz', () => {
  it('scores 100 for exactly the right options, in any order and with repeats', () => {
    const g = grade({ q1: [1], q2: [2, 0, 2], q3: [0] });
    expect(g.score).toBe(100);
    expect(g.results.every((r) => r.correct)).toBe(true);
    expect(g.answers.q2).toEqual([0, 2]);
  });

  it('counts a partly right multiple-choice answer and a missing answer as wrong', () => {
    const g = grade({ q1: [1], q2: [0] });
    expect(g.correctCount).toBe(1);
    expect(g.score).toBe(33);
    expect(g.results).toEqual([
      { questionId: 'q1', correct: true },
      { questionId: 'q2', correct: false },
      { questionId: 'q3', correct: false },
    ]);
  });

  it('returns only right or wrong per question, never the key', () => {
    const g = grade({ q1: [0] });
    expect(JSON.stringify(g.results)).not.toContain('[1]');
    expect(Object.keys(g.results[0] ?? {})).toEqual(['questionId', 'correct']);
  });

  it('reports unknown questions, options out of range and several options for a single answer', () => {
    const outcome = gradeQuiz(questions, key, { q9: [0], q1: [0, 1], q3: [2] });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toEqual([
      'answers.q9: this quiz has no such question',
      'answers.q1: choose one option for this question',
      'answers.q3: option 2 does not exist (0–1)',
    ]);
  });

  it('does not grade questions missing from the key', () => {
    const outcome = gradeQuiz(questions, { q1: [1] }, { q1: [1] });
    expect(outcome.ok && outcome.grade).toMatchObject({ score: 100, questionCount: 1 });
  });
});
