import { describe, expect, it } from 'vitest';
import { stableJson, userToRecompute } from './compute-recommendations';

const skill = (name: string) => ({ name, level: 'beginner' });

describe('userToRecompute', () => {
  it('recomputes a profile whose interests or skills changed, and nothing for other profile writes', () => {
    const before = { interests: ['Design'], skills: [], desiredSkills: [], bio: '' };
    expect(
      userToRecompute('u1', { kind: 'profile', before, after: { ...before, interests: ['Music'] } }),
    ).toBe('u1');
    expect(
      userToRecompute('u1', { kind: 'profile', before, after: { ...before, desiredSkills: [skill('Go')] } }),
    ).toBe('u1');
    expect(userToRecompute('u1', { kind: 'profile', before, after: { ...before, bio: 'Hi' } })).toBeNull();
    expect(userToRecompute('u1', { kind: 'profile', before, after: null })).toBeNull();
  });

  it('recomputes the learner when an enrolment is created, completed, refunded or removed — not on progress', () => {
    const e = { uid: 'learner', courseId: 'c', status: 'active', completedAt: null, progress: 10 };
    expect(userToRecompute(null, { kind: 'enrollment', before: null, after: e })).toBe('learner');
    expect(
      userToRecompute(null, {
        kind: 'enrollment',
        before: e,
        after: { ...e, completedAt: new Date(), progress: 100 },
      }),
    ).toBe('learner');
    expect(
      userToRecompute(null, { kind: 'enrollment', before: e, after: { ...e, status: 'refunded' } }),
    ).toBe('learner');
    expect(userToRecompute(null, { kind: 'enrollment', before: e, after: null })).toBe('learner');
    expect(
      userToRecompute(null, { kind: 'enrollment', before: e, after: { ...e, progress: 40 } }),
    ).toBeNull();
  });
});

describe('stableJson', () => {
  it('ignores the key order of maps, not the order of lists', () => {
    expect(stableJson([{ a: 1, b: { c: 2, d: 3 } }])).toBe(stableJson([{ b: { d: 3, c: 2 }, a: 1 }]));
    expect(stableJson([1, 2])).not.toBe(stableJson([2, 1]));
  });
});
