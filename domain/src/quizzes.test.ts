import { describe, expect, it } from 'vitest';
import {
  attemptDeadline,
  attemptOrder,
  attemptsLeft,
  DEFAULT_QUIZ_SETTINGS,
  formatCountdown,
  isInTime,
  orderedQuestions,
  QUIZ_DEADLINE_GRACE_MS,
  quizAttemptId,
  readQuizSettings,
  secondsLeft,
  showsCorrectness,
  shuffled,
  toStoredAnswers,
} from './quizzes';

/** A small deterministic generator (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const QUESTIONS = [
  { id: 'q1', prompt: 'One', type: 'single' as const, options: ['a', 'b', 'c'] },
  { id: 'q2', prompt: 'Two', type: 'multiple' as const, options: ['w', 'x', 'y', 'z'] },
  { id: 'q3', prompt: 'Three', type: 'boolean' as const, options: ['True', 'False'] },
];

describe('readQuizSettings', () => {
  it('defaults to 3 attempts, no time limit, no shuffle, correctness after passing or the last attempt', () => {
    expect(readQuizSettings(undefined)).toEqual(DEFAULT_QUIZ_SETTINGS);
    expect(DEFAULT_QUIZ_SETTINGS).toEqual({
      attemptLimit: 3,
      timeLimitMinutes: null,
      shuffle: false,
      showCorrectness: 'afterPassOrLast',
    });
  });

  it('keeps values in range and defaults the rest', () => {
    expect(
      readQuizSettings({ attemptLimit: 2, timeLimitMinutes: 5, shuffle: true, showCorrectness: 'never' }),
    ).toEqual({ attemptLimit: 2, timeLimitMinutes: 5, shuffle: true, showCorrectness: 'never' });
    expect(
      readQuizSettings({ attemptLimit: 0, timeLimitMinutes: 0, shuffle: 'yes', showCorrectness: 'always' }),
    ).toEqual(DEFAULT_QUIZ_SETTINGS);
    expect(readQuizSettings({ attemptLimit: 11, timeLimitMinutes: 181 })).toEqual(DEFAULT_QUIZ_SETTINGS);
    expect(readQuizSettings({ attemptLimit: 2.5, timeLimitMinutes: null })).toEqual(DEFAULT_QUIZ_SETTINGS);
  });
});

describe('attempt order', () => {
  it('shuffled is a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6];
    const out = shuffled(input, seeded(7));
    expect([...out].sort()).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('without shuffle keeps the stored order', () => {
    const order = attemptOrder(QUESTIONS, false, seeded(1));
    expect(order).toEqual({
      questionOrder: ['q1', 'q2', 'q3'],
      optionOrder: { q1: [0, 1, 2], q2: [0, 1, 2, 3], q3: [0, 1] },
    });
    expect(orderedQuestions(QUESTIONS, order)).toEqual(QUESTIONS);
  });

  it('with shuffle gives each attempt its own order of questions and options', () => {
    const orders = Array.from({ length: 20 }, (_, i) => attemptOrder(QUESTIONS, true, seeded(i + 1)));
    for (const order of orders) {
      expect([...order.questionOrder].sort()).toEqual(['q1', 'q2', 'q3']);
      expect([...(order.optionOrder.q2 ?? [])].sort()).toEqual([0, 1, 2, 3]);
    }
    const distinct = new Set(orders.map((o) => JSON.stringify(o)));
    expect(distinct.size).toBeGreaterThan(5);
  });

  it('shows the options in the attempt order and maps shown positions back to the stored key', () => {
    const order = {
      questionOrder: ['q3', 'q1', 'q2'],
      optionOrder: { q1: [2, 0, 1], q2: [3, 2, 1, 0], q3: [1, 0] },
    };
    const shown = orderedQuestions(QUESTIONS, order);
    expect(shown.map((q) => q.id)).toEqual(['q3', 'q1', 'q2']);
    expect(shown[1]?.options).toEqual(['c', 'a', 'b']);
    expect(shown[2]?.options).toEqual(['z', 'y', 'x', 'w']);
    // The learner picks "a" for q1 (shown 2nd), "x" and "z" for q2, "False" for q3 (shown 1st).
    expect(toStoredAnswers({ q1: [1], q2: [2, 0], q3: [0] }, order)).toEqual({
      q1: [0],
      q2: [1, 3],
      q3: [1],
    });
  });

  it('keeps positions the attempt did not show out of range, and passes unknown questions through', () => {
    const order = attemptOrder(QUESTIONS, false, seeded(1));
    expect(toStoredAnswers({ q1: [3], q9: [0] }, order)).toEqual({ q1: [3], q9: [0] });
  });

  it('names the n-th attempt deterministically', () => {
    expect(quizAttemptId('c1', 'final', 'u1', 2)).toBe('c1_final_u1_2');
  });
});

describe('deadline math', () => {
  const start = new Date('2026-12-07T10:00:00Z');

  it('puts the deadline a time limit after the start, none without a limit', () => {
    expect(attemptDeadline(start, 5)?.toISOString()).toBe('2026-12-07T10:05:00.000Z');
    expect(attemptDeadline(start, null)).toBeNull();
  });

  it('accepts a submission until the deadline plus the 30 s grace, not after', () => {
    const deadline = attemptDeadline(start, 5);
    expect(QUIZ_DEADLINE_GRACE_MS).toBe(30_000);
    expect(isInTime(deadline, new Date('2026-12-07T10:04:59Z'))).toBe(true);
    expect(isInTime(deadline, new Date('2026-12-07T10:05:30Z'))).toBe(true);
    expect(isInTime(deadline, new Date('2026-12-07T10:05:30.001Z'))).toBe(false);
    expect(isInTime(deadline, new Date('2026-12-07T10:05:00.001Z'), 0)).toBe(false);
    expect(isInTime(null, new Date('2030-01-01T00:00:00Z'))).toBe(true);
  });

  it('counts whole seconds down to zero and formats them', () => {
    const deadline = attemptDeadline(start, 5);
    expect(secondsLeft(deadline, new Date('2026-12-07T10:00:00Z'))).toBe(300);
    expect(secondsLeft(deadline, new Date('2026-12-07T10:04:59.200Z'))).toBe(1);
    expect(secondsLeft(deadline, new Date('2026-12-07T10:06:00Z'))).toBe(0);
    expect(secondsLeft(null, start)).toBeNull();
    expect(formatCountdown(245)).toBe('4:05');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(3723)).toBe('1:02:03');
  });
});

describe('attempts and feedback', () => {
  it('counts attempts left, never below zero', () => {
    expect(attemptsLeft(3, 1)).toBe(2);
    expect(attemptsLeft(3, 3)).toBe(0);
    expect(attemptsLeft(2, 5)).toBe(0);
  });

  it('shows per-question correctness only after passing or on the last attempt, never in "never" mode', () => {
    expect(showsCorrectness('afterPassOrLast', { passed: false, number: 1 }, 3)).toBe(false);
    expect(showsCorrectness('afterPassOrLast', { passed: false, number: 2 }, 3)).toBe(false);
    expect(showsCorrectness('afterPassOrLast', { passed: false, number: 3 }, 3)).toBe(true);
    expect(showsCorrectness('afterPassOrLast', { passed: true, number: 1 }, 3)).toBe(true);
    expect(showsCorrectness('never', { passed: true, number: 3 }, 3)).toBe(false);
  });
});
