import { isLeagueTier, type LeagueOutcome, type LeagueTier } from '@skillverse/domain/leagues';
import {
  dateOrNull,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  readOnlyConverter,
} from '@/lib/firestore/parse';
import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';

// Weekly-league documents (README "Weekly leagues"): all written by functions, read here.

export interface LeagueResultSummary {
  weekKey: string;
  tier: LeagueTier;
  rank: number;
  size: number;
  points: number;
  outcome: LeagueOutcome;
  nextTier: LeagueTier;
}

/** users/{uid}/private/league */
export interface MyLeague {
  tier: LeagueTier;
  weekKey: string | null;
  cohortId: string | null;
  rolloverAt: Date | null;
  timezone: string | null;
  lastResult: LeagueResultSummary | null;
}

/** leagues/{cohortId}/members/{uid} */
export interface LeagueMember {
  uid: string;
  points: number;
  displayName: string;
  photoURL: string | null;
  lastEarnedAt: number;
}

/** The streak part of users/{uid} the league page shows. */
export interface StreakFreezes {
  currentStreak: number;
  streakFreezes: number;
}

const tierOf = (v: unknown): LeagueTier => (isLeagueTier(v) ? v : 'bronze');

export function parseResultSummary(v: unknown): LeagueResultSummary | null {
  const d = obj(v);
  const weekKey = nullableStr(d.weekKey);
  if (!weekKey) return null;
  return {
    weekKey,
    tier: tierOf(d.tier),
    rank: num(d.rank),
    size: num(d.size),
    points: num(d.points),
    outcome: oneOf(['promoted', 'demoted', 'stayed'] as const, d.outcome, 'stayed'),
    nextTier: tierOf(d.nextTier),
  };
}

export function parseMyLeague(_id: string, data: unknown): MyLeague {
  const d = obj(data);
  return {
    tier: tierOf(d.tier),
    weekKey: nullableStr(d.weekKey),
    cohortId: nullableStr(d.cohortId),
    rolloverAt: dateOrNull(d.rolloverAt),
    timezone: nullableStr(d.timezone),
    lastResult: parseResultSummary(d.lastResult),
  };
}

export function parseLeagueMember(uid: string, data: unknown): LeagueMember {
  const d = obj(data);
  return {
    uid,
    points: num(d.points),
    displayName: nonEmptyStr(d.displayName) ?? 'SkillVerse member',
    photoURL: nullableStr(d.photoURL),
    lastEarnedAt: dateOrNull(d.lastEarnedAt)?.getTime() ?? 0,
  };
}

export function parseStreakFreezes(_id: string, data: unknown): StreakFreezes {
  const g = obj(obj(data).gamification);
  return { currentStreak: num(g.currentStreak), streakFreezes: num(g.streakFreezes) };
}

export const myLeagueConverter = readOnlyConverter('users/{uid}/private/league', parseMyLeague);
export const leagueMemberConverter = readOnlyConverter('leagues/{cohortId}/members', parseLeagueMember);
export const streakFreezesConverter = readOnlyConverter('users', parseStreakFreezes);

// ---------------------------------------------------------------- paths and refs

export const leaguePaths = {
  myLeague: (uid: string) => `users/${uid}/private/league`,
  members: (cohortId: string) => `leagues/${cohortId}/members`,
  profile: (uid: string) => `users/${uid}`,
} as const;

/** users/{uid}/private/league (owner only). */
export const myLeagueRef = (uid: string) =>
  doc(db, leaguePaths.myLeague(uid)).withConverter(myLeagueConverter);

/** leagues/{cohortId}/members (members of that cohort only). */
export const leagueMembersRef = (cohortId: string) =>
  collection(db, leaguePaths.members(cohortId)).withConverter(leagueMemberConverter);

/**
 * users/{uid}, read for the streak and its freezes only (a narrower reading of the profile that
 * users.ts converts in full; the league page needs nothing else).
 */
export const streakFreezesRef = (uid: string) =>
  doc(db, leaguePaths.profile(uid)).withConverter(streakFreezesConverter);
