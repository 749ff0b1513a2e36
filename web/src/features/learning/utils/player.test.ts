import { describe, expect, it } from 'vitest';
import { chooseOption, neighbours, quizzesForLecture, resumeFrom, unanswered } from './player';

describe('neighbours', () => {
  const list = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('finds the previous and next lecture', () => {
    expect(neighbours(list, 'b')).toEqual({ index: 1, previous: { id: 'a' }, next: { id: 'c' } });
  });
  it('has no previous at the start and no next at the end', () => {
    expect(neighbours(list, 'a').previous).toBeNull();
    expect(neighbours(list, 'c').next).toBeNull();
    expect(neighbours(list, 'x')).toEqual({ index: -1, previous: null, next: null });
  });
});

describe('quizzesForLecture', () => {
  it('takes quizzes linked either way', () => {
    const quizzes = [
      { id: 'final', lectureId: 'l7' },
      { id: 'other', lectureId: 'l2' },
    ] as never[];
    expect(quizzesForLecture({ id: 'l7', quizId: null }, quizzes).map((q: { id: string }) => q.id)).toEqual([
      'final',
    ]);
    expect(
      quizzesForLecture({ id: 'l1', quizId: 'other' }, quizzes).map((q: { id: string }) => q.id),
    ).toEqual(['other']);
  });
});

describe('resumeFrom', () => {
  it('resumes mid-video, not at the start or the very end', () => {
    expect(resumeFrom(95.7, 300)).toBe(95);
    expect(resumeFrom(2, 300)).toBeNull();
    expect(resumeFrom(298, 300)).toBeNull();
  });
});

describe('quiz answers', () => {
  it('keeps one choice for single questions and toggles for multiple', () => {
    expect(chooseOption([1], 2, false)).toEqual([2]);
    expect(chooseOption([2], 0, true)).toEqual([0, 2]);
    expect(chooseOption([0, 2], 2, true)).toEqual([0]);
  });
  it('lists unanswered questions', () => {
    expect(unanswered(['q1', 'q2', 'q3'], { q1: [0], q2: [] })).toEqual(['q2', 'q3']);
  });
});
