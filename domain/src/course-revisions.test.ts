import { describe, expect, it } from 'vitest';
import {
  answerKeyOf,
  describeRevision,
  isReviewedCourseStatus,
  parseRevisionId,
  revisionId,
  revisionPatch,
  splitEdit,
} from './course-revisions';

describe('course revisions', () => {
  it('reviews the content of published and archived courses only', () => {
    expect(isReviewedCourseStatus('published')).toBe(true);
    expect(isReviewedCourseStatus('archived')).toBe(true);
    for (const s of ['draft', 'pending', 'rejected', undefined])
      expect(isReviewedCourseStatus(s)).toBe(false);
  });

  it('names one revision per item and reads the name back', () => {
    expect(revisionId('lecture', 'l-1')).toBe('lecture-l-1');
    expect(parseRevisionId('lecture-l-1')).toEqual({ kind: 'lecture', itemId: 'l-1' });
    expect(parseRevisionId('quiz-q1')).toEqual({ kind: 'quiz', itemId: 'q1' });
    expect(parseRevisionId('review-x')).toBeNull();
    expect(parseRevisionId('lecture-')).toBeNull();
  });

  it('keeps typo edits in place and sends what is watched or graded to review', () => {
    const before = { title: 'Chrods', body: 'Play G.', durationSec: 60, order: 1, resources: [] };
    expect(splitEdit('lecture', before, { title: 'Chords', body: 'Play G.', durationSec: 60 })).toEqual({
      inPlace: { title: 'Chords' },
      reviewed: {},
    });
    expect(
      splitEdit('lecture', before, { title: 'Chords', durationSec: 600, videoUrl: 'https://v.example/x' }),
    ).toEqual({
      inPlace: { title: 'Chords' },
      reviewed: { durationSec: 600, videoUrl: 'https://v.example/x' },
    });
    expect(
      splitEdit('quiz', { title: 'Q', passingScore: 50, questions: [] }, { title: 'Q', passingScore: 0 }),
    ).toEqual({ inPlace: {}, reviewed: { passingScore: 0 } });
  });

  it('applies only content fields of a revision', () => {
    expect(
      revisionPatch('lecture', { title: 'T', durationSec: 30, status: 'approved', createdAt: 1 }),
    ).toEqual({
      title: 'T',
      durationSec: 30,
    });
    expect(revisionPatch('quiz', { questions: [], instructorId: 'x' })).toEqual({ questions: [] });
    expect(revisionPatch('quiz', null)).toEqual({});
  });

  it('accepts an answer key of option index lists only', () => {
    expect(answerKeyOf({ a: [0], b: [1, 2] })).toEqual({ a: [0], b: [1, 2] });
    expect(answerKeyOf({ a: [-1] })).toBeNull();
    expect(answerKeyOf({ a: 'x' })).toBeNull();
    expect(answerKeyOf(null)).toBeNull();
  });

  it('describes a revision for the queue', () => {
    expect(describeRevision('lecture', 'add', 'Barre chords')).toBe('New lecture “Barre chords”');
    expect(describeRevision('quiz', 'change', 'Check')).toBe('Changes to quiz “Check”');
    expect(describeRevision('lecture', 'remove', '')).toBe('Removal of lecture “Untitled”');
  });
});
