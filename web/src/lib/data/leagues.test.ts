import { describe, expect, it } from 'vitest';
import { parseLeagueMember, parseMyLeague, parseStreakFreezes } from './leagues';

describe('league converters', () => {
  it('reads my league with its last result, defaulting what is missing', () => {
    const at = new Date('2026-11-30T05:00:00Z');
    expect(
      parseMyLeague('league', {
        tier: 'gold',
        weekKey: '2026-11-23',
        cohortId: '2026-11-23_gold_0',
        rolloverAt: at,
        timezone: 'America/New_York',
        lastResult: {
          weekKey: '2026-11-16',
          tier: 'silver',
          rank: 2,
          size: 30,
          points: 400,
          outcome: 'promoted',
          nextTier: 'gold',
        },
      }),
    ).toEqual({
      tier: 'gold',
      weekKey: '2026-11-23',
      cohortId: '2026-11-23_gold_0',
      rolloverAt: at,
      timezone: 'America/New_York',
      lastResult: {
        weekKey: '2026-11-16',
        tier: 'silver',
        rank: 2,
        size: 30,
        points: 400,
        outcome: 'promoted',
        nextTier: 'gold',
      },
    });
    expect(parseMyLeague('league', { tier: 'platinum', lastResult: { outcome: 'x' } })).toEqual({
      tier: 'bronze',
      weekKey: null,
      cohortId: null,
      rolloverAt: null,
      timezone: null,
      lastResult: null,
    });
  });

  it('reads a member with the uid from the path', () => {
    expect(parseLeagueMember('u1', { points: 'lots', displayName: '' })).toEqual({
      uid: 'u1',
      points: 0,
      displayName: 'SkillVerse member',
      photoURL: null,
      lastEarnedAt: 0,
    });
  });

  it('reads streak freezes from the profile', () => {
    expect(parseStreakFreezes('u1', { gamification: { currentStreak: 4, streakFreezes: 1 } })).toEqual({
      currentStreak: 4,
      streakFreezes: 1,
    });
    expect(parseStreakFreezes('u1', {})).toEqual({ currentStreak: 0, streakFreezes: 0 });
  });
});
