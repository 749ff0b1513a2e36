import { describe, expect, it } from 'vitest';
import {
  type CandidateCourse,
  courseEmbeddingText,
  profileEmbeddingText,
  profileTerms,
  rankRecommendations,
  recommendationInputsChanged,
  scoreCourse,
} from './recommendations';

function course(id: string, overrides: Partial<CandidateCourse> = {}): CandidateCourse {
  return {
    id,
    title: `Course ${id}`,
    category: 'Programming',
    tags: [],
    level: 'beginner',
    instructorId: 'teacher',
    instructorName: 'Tess Teacher',
    thumbnailUrl: null,
    price: 0,
    currency: 'USD',
    status: 'published',
    rating: { average: 4, count: 3 },
    enrollmentCount: 10,
    ...overrides,
  };
}

const skill = (name: string) => ({ name, level: 'beginner' as const });

describe('scoreCourse (overlap, without embeddings)', () => {
  it('explains a desired skill found in the tags', () => {
    const t = profileTerms({ desiredSkills: [skill('Spanish')] });
    expect(scoreCourse(t, course('c', { tags: ['spanish', 'grammar'], category: 'Languages' }))).toEqual({
      score: 45,
      reasons: ['Teaches Spanish, which you want to learn'],
    });
  });

  it('matches an interest that names the category, in its canonical spelling', () => {
    const t = profileTerms({ interests: ['design'] });
    expect(scoreCourse(t, course('c', { category: 'Design' }))).toEqual({
      score: 25,
      reasons: ['Matches your interest in Design'],
    });
  });

  it('matches interests and skills in the title after normalisation (aliases included)', () => {
    const t = profileTerms({ interests: ['Machine Learning'], skills: [skill('JS')] });
    const result = scoreCourse(t, course('c', { title: 'Machine learning with JavaScript' }));
    expect(result.score).toBe(35 + 15);
    expect(result.reasons).toEqual(['Matches your interest in Machine Learning', 'Builds on your JS skills']);
  });

  it('adds 10 per similar learner who completed the course, up to 30', () => {
    const t = profileTerms({});
    expect(scoreCourse(t, course('c'), { peerCompletions: 2 })).toEqual({
      score: 20,
      reasons: ['Learners like you completed this'],
    });
    expect(scoreCourse(t, course('c'), { peerCompletions: 9 }).score).toBe(30);
  });

  it('uses the embedding similarity when it beats the overlap, with a reason from the profile', () => {
    const t = profileTerms({ desiredSkills: [skill('Castilian')], interests: ['Travel'] });
    expect(scoreCourse(t, course('c', { title: 'Spanish for travellers' }), { similarity: 0.9 })).toEqual({
      score: 54,
      reasons: ['Close to what you’re into: Castilian, Travel'],
    });
    // Too dissimilar: nothing.
    expect(scoreCourse(t, course('c', { title: 'Pottery' }), { similarity: 0.1 }).score).toBe(0);
  });
});

describe('rankRecommendations', () => {
  const profile = { interests: ['Design'], desiredSkills: [skill('Python')] };
  const courses = [
    course('python', { tags: ['python'], rating: { average: 4.8, count: 9 } }),
    course('figma', { category: 'Design', tags: ['figma'] }),
    course('mine', { tags: ['python'], instructorId: 'me' }),
    course('taken', { tags: ['python'] }),
    course('draft', { tags: ['python'], status: 'draft' }),
    course('sql', { enrollmentCount: 50 }),
    course('pottery', { enrollmentCount: 5 }),
  ];

  it('ranks by score, excluding my own, my enrolled and unpublished courses, and fills with popular ones', () => {
    const recs = rankRecommendations({
      profile,
      courses,
      enrolledCourseIds: ['taken'],
      uid: 'me',
      peerCompletions: { sql: 1 },
      limit: 4,
    });
    expect(recs.map((r) => [r.courseId, r.score, r.reasons])).toEqual([
      ['python', 45, ['Teaches Python, which you want to learn']],
      ['figma', 25, ['Matches your interest in Design']],
      ['sql', 10, ['Learners like you completed this']],
      ['pottery', 0, ['Popular with learners']],
    ]);
    expect(recs[0]).toMatchObject({ title: 'Course python', instructorName: 'Tess Teacher', price: 0 });
  });

  it('gives the same list for the same inputs in any order', () => {
    const input = { profile, enrolledCourseIds: new Set<string>(), uid: 'me' };
    const a = rankRecommendations({ ...input, courses });
    const b = rankRecommendations({ ...input, courses: [...courses].reverse() });
    expect(b).toEqual(a);
  });

  it('recommends popular courses to a profile with nothing to match on', () => {
    const recs = rankRecommendations({ profile: {}, courses, enrolledCourseIds: [], uid: 'me', limit: 2 });
    expect(recs.map((r) => r.courseId)).toEqual(['sql', 'python']);
    expect(recs.every((r) => r.reasons[0] === 'Popular with learners')).toBe(true);
  });
});

describe('embedding texts and recompute triggers', () => {
  it('describes the profile and the course in plain words', () => {
    expect(
      profileEmbeddingText({
        interests: ['Design'],
        desiredSkills: [skill('Python')],
        skills: [skill('SQL')],
      }),
    ).toBe('Wants to learn: Python. Interested in: Design. Knows: SQL.');
    expect(courseEmbeddingText({ title: 'Figma basics', category: 'Design', tags: ['figma', 'ui'] })).toBe(
      'Figma basics Category: Design. Topics: figma, ui.',
    );
  });

  it('recomputes when interests or skills change, not for other profile writes', () => {
    const before = { interests: ['Design'], skills: [], desiredSkills: [] };
    expect(recommendationInputsChanged(before, { ...before, interests: ['Design', 'Music'] })).toBe(true);
    expect(recommendationInputsChanged(before, { ...before, desiredSkills: [skill('Go')] })).toBe(true);
    expect(recommendationInputsChanged(before, { ...before })).toBe(false);
    expect(recommendationInputsChanged(before, null)).toBe(false);
  });
});
