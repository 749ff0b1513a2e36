import { describe, expect, it } from 'vitest';
import { badgesToRevoke, courseReversals, isCourseRefPath, refundStatsDelta } from './refunds';

describe('isCourseRefPath', () => {
  it('matches the course and what is inside it, not a course whose id merely starts the same', () => {
    expect(isCourseRefPath('courses/c1', 'c1')).toBe(true);
    expect(isCourseRefPath('courses/c1/lectures/l1', 'c1')).toBe(true);
    expect(isCourseRefPath('courses/c1_x/lectures/l1', 'c1')).toBe(false);
    expect(isCourseRefPath('exchanges/c1', 'c1')).toBe(false);
    expect(isCourseRefPath(null, 'c1')).toBe(false);
  });
});

describe('courseReversals', () => {
  const entries = [
    { id: 'lecture_c1_l1', reason: 'lecture_completed', points: 10, refPath: 'courses/c1/lectures/l1' },
    { id: 'course_c1', reason: 'course_completed', points: 100, refPath: 'courses/c1' },
    { id: 'quiz_c1_q1', reason: 'quiz_mastered', points: 50, refPath: 'courses/c1/quizzes/q1' },
    { id: 'review_c1', reason: 'review_written', points: 15, refPath: 'courses/c1/reviews/u1' },
    { id: 'streak_2026-12-07', reason: 'daily_streak', points: 5, refPath: 'users/u1/pointEvents/x' },
    { id: 'lecture_c2_l1', reason: 'lecture_completed', points: 10, refPath: 'courses/c2/lectures/l1' },
    { id: 'reversal_lecture_c1_l0', reason: 'refund_reversal', points: -10, refPath: 'payments/p0' },
  ];

  it('reverses every positive entry the course earned, with a deterministic id per entry', () => {
    expect(courseReversals(entries, 'c1')).toEqual([
      { eventId: 'reversal_lecture_c1_l1', points: -10, reverses: 'lecture_c1_l1' },
      { eventId: 'reversal_course_c1', points: -100, reverses: 'course_c1' },
      { eventId: 'reversal_quiz_c1_q1', points: -50, reverses: 'quiz_c1_q1' },
      { eventId: 'reversal_review_c1', points: -15, reverses: 'review_c1' },
    ]);
  });

  it('leaves other courses, streak bonuses and earlier reversals alone', () => {
    expect(courseReversals(entries, 'c3')).toEqual([]);
  });
});

describe('refundStatsDelta', () => {
  it('takes back the lectures, the completed course and the perfect quizzes of the enrolment', () => {
    expect(
      refundStatsDelta(
        { completedLectureIds: ['l1', 'l2', 'l2'], perfectQuizIds: ['q1'], completedAt: new Date() },
        { lecturesCompleted: 5, coursesCompleted: 1, perfectQuizzes: 3 },
      ),
    ).toEqual({ lecturesCompleted: -2, coursesCompleted: -1, perfectQuizzes: -1 });
  });

  it('never takes a stat below zero and skips what the enrolment did not add', () => {
    expect(
      refundStatsDelta({ completedLectureIds: ['l1', 'l2'], completedAt: null }, { lecturesCompleted: 1 }),
    ).toEqual({ lecturesCompleted: -1 });
  });
});

describe('badgesToRevoke', () => {
  it('takes back course badges the stats no longer support, and keeps the others', () => {
    const held = ['first-course', 'quiz-master', 'skill-sharer', 'streak-7'];
    expect(badgesToRevoke(held, { stats: { coursesCompleted: 0, perfectQuizzes: 5 } })).toEqual([
      'first-course',
    ]);
  });

  it('keeps a badge another course still supports', () => {
    expect(badgesToRevoke(['first-course'], { stats: { coursesCompleted: 1 } })).toEqual([]);
  });
});
