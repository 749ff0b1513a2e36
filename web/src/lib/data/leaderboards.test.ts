import { describe, expect, it } from 'vitest';
import { parseLeaderboardEntry, parsePointEvent } from './leaderboards';
import { parseLiveSession } from './live-sessions';
import { parseUserProfile } from './users';

describe('gamification converters', () => {
  it('reads a ledger entry with its id, keeping an unknown reason for a generic label', () => {
    const at = new Date('2026-11-24T10:00:00Z');
    expect(
      parsePointEvent('lecture_c1_l1', {
        points: 10,
        reason: 'lecture_completed',
        refPath: 'courses/c1/lectures/l1',
        createdAt: at,
      }),
    ).toEqual({
      id: 'lecture_c1_l1',
      points: 10,
      reason: 'lecture_completed',
      refPath: 'courses/c1/lectures/l1',
      createdAt: at,
    });
    expect(parsePointEvent('x', { points: 'lots', reason: 'future_reason' })).toMatchObject({
      points: 0,
      reason: 'future_reason',
      refPath: null,
    });
  });

  it('reads a leaderboard entry with the uid from the path and safe fallbacks', () => {
    expect(parseLeaderboardEntry('u1', { points: 120, displayName: 'Ana' })).toMatchObject({
      uid: 'u1',
      points: 120,
      displayName: 'Ana',
      photoURL: null,
    });
    expect(parseLeaderboardEntry('u2', {})).toMatchObject({ points: 0, displayName: 'SkillVerse member' });
  });

  it('reads badge dates on the profile and drops anything that is not a time', () => {
    const at = new Date('2026-10-30T10:00:00Z');
    const profile = parseUserProfile('u1', {
      gamification: { points: 5, badges: ['first-course'], badgeEarnedAt: { 'first-course': at, junk: 'x' } },
    });
    expect(profile.gamification.badgeEarnedAt).toEqual({ 'first-course': at });
    expect(parseUserProfile('u2', {}).gamification.badgeEarnedAt).toEqual({});
  });

  it('reads the live-session fields the dashboard shows', () => {
    expect(parseLiveSession('s1', { title: 'Office hours', status: 'live', durationMin: 45 })).toMatchObject({
      id: 's1',
      title: 'Office hours',
      status: 'live',
      durationMin: 45,
      hostName: '',
    });
  });
});
