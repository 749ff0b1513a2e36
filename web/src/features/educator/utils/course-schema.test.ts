import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@/lib/forms';
import {
  centsToDollars,
  certificateRuleSchema,
  courseDetailsSchema,
  dollarsToCents,
  lectureSchema,
  move,
  questionSchema,
  quizSchema,
  submissionProblems,
} from './course-schema';

const details = {
  title: 'Intro to Rust',
  description: 'Ownership, borrowing and lifetimes explained with small, runnable programs.',
  category: 'Programming',
  tags: ['rust'],
  level: 'beginner',
  price: '19.99',
  currency: 'usd',
  thumbnailUrl: '',
} as const;

describe('prices', () => {
  it('turns dollars into cents and back', () => {
    expect(dollarsToCents('49')).toBe(4900);
    expect(dollarsToCents('$19.99')).toBe(1999);
    expect(dollarsToCents('')).toBe(0);
    expect(dollarsToCents('12.345')).toBeNull();
    expect(dollarsToCents('ten')).toBeNull();
    expect(centsToDollars(4900)).toBe('49');
    expect(centsToDollars(1999)).toBe('19.99');
  });
});

describe('courseDetailsSchema', () => {
  it('accepts a valid course and stores the price in cents with an upper-case currency', () => {
    const parsed = courseDetailsSchema.parse(details);
    expect(parsed.price).toBe(1999);
    expect(parsed.currency).toBe('USD');
  });
  it('explains every invalid field', () => {
    const result = courseDetailsSchema.safeParse({
      ...details,
      title: 'Hi',
      description: 'Short',
      price: 'free',
      currency: 'dollars',
      thumbnailUrl: 'ftp://x',
    });
    expect(result.success).toBe(false);
    const errors = result.success ? {} : fieldErrors(result.error);
    expect(errors.title).toMatch(/at least 5/);
    expect(errors.description).toMatch(/at least 30/);
    expect(errors.price).toMatch(/price like/);
    expect(errors.currency).toMatch(/three-letter/);
    expect(errors.thumbnailUrl).toMatch(/https/);
  });
});

describe('lectureSchema', () => {
  it('coerces the duration and requires a title', () => {
    const ok = lectureSchema.parse({
      title: 'Hello',
      videoUrl: '',
      durationSec: '90',
      preview: false,
      body: '',
      resources: [],
    });
    expect(ok.durationSec).toBe(90);
    const bad = lectureSchema.safeParse({
      title: ' ',
      videoUrl: 'nope',
      durationSec: -1,
      preview: false,
      body: '',
      resources: [{ title: '', url: 'x' }],
    });
    expect(bad.success).toBe(false);
    const errors = bad.success ? {} : fieldErrors(bad.error);
    expect(Object.keys(errors).sort()).toEqual([
      'durationSec',
      'resources.0.title',
      'resources.0.url',
      'title',
      'videoUrl',
    ]);
  });
});

describe('quiz schemas', () => {
  const question = {
    id: 'q1',
    prompt: 'Pick one',
    type: 'single' as const,
    options: ['a', 'b'],
    correct: [1],
  };
  it('needs a correct answer, one for single questions', () => {
    expect(questionSchema.safeParse(question).success).toBe(true);
    const none = questionSchema.safeParse({ ...question, correct: [] });
    expect(none.success ? {} : fieldErrors(none.error)).toEqual({ correct: 'Mark the correct answer.' });
    const two = questionSchema.safeParse({ ...question, correct: [0, 1] });
    expect(two.success).toBe(false);
    expect(questionSchema.safeParse({ ...question, type: 'multiple', correct: [0, 1] }).success).toBe(true);
  });
  it('needs at least one question and a pass mark within 0–100', () => {
    const result = quizSchema.safeParse({
      title: 'Final',
      passingScore: '120',
      lectureId: 'l1',
      questions: [],
    });
    const errors = result.success ? {} : fieldErrors(result.error);
    expect(errors.passingScore).toMatch(/0 to 100/);
    expect(errors.questions).toMatch(/at least one/);
  });
  it('reads the attempt settings: defaults, an empty time limit as none, and ranges', () => {
    const base = {
      title: 'Final',
      passingScore: '70',
      lectureId: 'l1',
      questions: [{ id: 'q1', prompt: 'Pick', type: 'single', options: ['a', 'b'], correct: [0] }],
    };
    const parsed = quizSchema.parse({ ...base, timeLimitMinutes: '' });
    expect(parsed).toMatchObject({
      attemptLimit: 3,
      timeLimitMinutes: null,
      shuffle: false,
      showCorrectness: 'afterPassOrLast',
    });
    expect(
      quizSchema.parse({ ...base, attemptLimit: '2', timeLimitMinutes: '5', shuffle: true }),
    ).toMatchObject({
      attemptLimit: 2,
      timeLimitMinutes: 5,
      shuffle: true,
    });
    const bad = quizSchema.safeParse({ ...base, attemptLimit: '0', timeLimitMinutes: '181' });
    const errors = bad.success ? {} : fieldErrors(bad.error);
    expect(errors.attemptLimit).toMatch(/1 to 10 attempts/);
    expect(errors.timeLimitMinutes).toMatch(/1 to 180 minutes/);
  });
  it('validates the certificate rule', () => {
    expect(certificateRuleSchema.parse({ enabled: true, passingScore: '70' })).toEqual({
      enabled: true,
      passingScore: 70,
    });
    expect(certificateRuleSchema.safeParse({ enabled: true, passingScore: -1 }).success).toBe(false);
  });
});

describe('submissionProblems', () => {
  it('is empty for a complete course', () => {
    expect(
      submissionProblems({
        title: details.title,
        description: details.description,
        sections: [{ title: 'One', lectureIds: ['l1'] }],
        lectures: [{ title: 'Hello', videoUrl: 'https://v.example/x.mp4', body: '' }],
      }),
    ).toEqual([]);
  });
  it('lists what is missing', () => {
    const problems = submissionProblems({
      title: '',
      description: '',
      sections: [{ title: 'Empty', lectureIds: [] }],
      lectures: [],
    });
    expect(problems).toHaveLength(4);
  });
});

describe('move', () => {
  it('swaps with the neighbour and ignores moves past the ends', () => {
    expect(move(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});
