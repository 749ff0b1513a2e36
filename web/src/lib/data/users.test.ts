import { describe, expect, it } from 'vitest';
import { parseUserProfile } from './users';

const ZERO_STATS = {
  coursesCompleted: 0,
  lecturesCompleted: 0,
  perfectQuizzes: 0,
  exchangesCompleted: 0,
  coursesPublished: 0,
  reviewsWritten: 0,
  sessionsAttended: 0,
  sessionsHosted: 0,
  referrals: 0,
  learningSeconds: 0,
};

describe('parseUserProfile', () => {
  it('reads a document full of wrong types as safe defaults, without throwing', () => {
    const profile = parseUserProfile('u1', {
      displayName: 42,
      photoURL: { url: 'x' },
      bio: null,
      headline: ['h'],
      interests: 'music',
      skills: 'Spanish',
      offeredSkills: { name: 'Go' },
      desiredSkills: null,
      availability: 'weekends',
      timezone: 3,
      onboarded: 'yes',
      firstGoal: 'conquer',
      referredBy: 7,
      roles: 'admin',
      status: 'godmode',
      gamification: 'lots',
      rating: [5],
      stats: 'many',
      createdAt: 'yesterday',
      updatedAt: Number.NaN,
    });
    expect(profile).toMatchObject({
      uid: 'u1',
      displayName: '',
      photoURL: null,
      bio: '',
      headline: '',
      interests: [],
      skills: [],
      offeredSkills: [],
      desiredSkills: [],
      availability: [],
      timezone: 'UTC',
      onboarded: false,
      firstGoal: null,
      referredBy: null,
      roles: [],
      status: 'active',
      gamification: {
        points: 0,
        level: 1,
        badges: [],
        currentStreak: 0,
        longestStreak: 0,
        lastActiveDay: null,
        badgeEarnedAt: {},
      },
      rating: { average: 0, count: 0 },
      stats: ZERO_STATS,
    });
    expect(profile.createdAt).toBeInstanceOf(Date);
    expect(profile.updatedAt).toBeInstanceOf(Date);
  });

  it('reads endorsement counts and recent endorsers, dropping malformed entries', () => {
    const at = new Date('2026-12-01T10:00:00Z');
    const profile = parseUserProfile('u3', {
      endorsements: { figma: 3, python: 'lots', go: 0, rust: 1.5 },
      endorsers: {
        figma: [{ uid: 'ana', name: 'Ana', at }, { name: 'no uid' }, 'junk'],
        python: 'junk',
        go: [],
      },
    });
    expect(profile.endorsements).toEqual({ figma: 3 });
    expect(profile.endorsers).toEqual({ figma: [{ uid: 'ana', name: 'Ana', at }] });
    expect(parseUserProfile('u4', {})).toMatchObject({ endorsements: {}, endorsers: {} });
  });

  it('reads a missing document as an empty profile', () => {
    expect(parseUserProfile('u2', undefined)).toMatchObject({
      uid: 'u2',
      displayName: '',
      stats: ZERO_STATS,
    });
  });

  it('drops skills without a name, slots outside the day and unknown roles', () => {
    const profile = parseUserProfile('u1', {
      skills: [
        { name: 'Spanish', level: 'expert' },
        { name: '', level: 'expert' },
        { name: 'Go', level: 'guru' },
        'x',
      ],
      availability: [
        { day: 'mon', startMin: 540, endMin: 600 },
        { day: 'mon', startMin: 0, endMin: 1440 },
        { day: 'tue', startMin: 540, endMin: 1441 },
        { day: 'wed', startMin: 60.5, endMin: 120 },
        { day: 'funday', startMin: 0, endMin: 60 },
        { day: 'thu', startMin: 0 },
      ],
      roles: ['learner', 'superuser', 'admin'],
    });
    expect(profile.skills).toEqual([
      { name: 'Spanish', level: 'expert' },
      { name: 'Go', level: 'beginner' },
    ]);
    expect(profile.availability).toEqual([
      { day: 'mon', startMin: 540, endMin: 600 },
      { day: 'mon', startMin: 0, endMin: 1440 },
    ]);
    expect(profile.roles).toEqual(['learner', 'admin']);
  });

  it('resets every counter to 0 when one stored counter is not a number (as the zod record did)', () => {
    expect(parseUserProfile('u1', { stats: { coursesCompleted: 3, referrals: 1 } }).stats).toMatchObject({
      coursesCompleted: 3,
      referrals: 1,
      lecturesCompleted: 0,
    });
    expect(parseUserProfile('u1', { stats: { coursesCompleted: 3, referrals: 'one' } }).stats).toEqual(
      ZERO_STATS,
    );
  });

  it('reads each gamification field of a map on its own', () => {
    const profile = parseUserProfile('u1', {
      gamification: { points: 40, level: 'two', badges: ['a', 1], currentStreak: Number.POSITIVE_INFINITY },
    });
    expect(profile.gamification).toMatchObject({ points: 40, level: 1, badges: ['a'], currentStreak: 0 });
  });
});
