import {
  ACCOUNT_STATUSES,
  type AvailabilitySlot,
  FIRST_GOALS,
  type Gamification,
  ROLES,
  SKILL_LEVELS,
  type Skill,
  type UserProfile,
  WEEKDAYS,
} from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import {
  arrayOf,
  asInt,
  asNum,
  bool,
  dateOrNow,
  nonEmptyStr,
  nullableStr,
  num,
  obj,
  oneOf,
  recordOf,
  recordOfAll,
  serverOnly,
  str,
  strings,
  toDate,
} from '@/lib/firestore/parse';

/** A skill; dropped without a name, an unknown level reads as beginner. */
function readSkill(raw: unknown): Skill | undefined {
  const s = obj(raw);
  const name = nonEmptyStr(s.name);
  return name === undefined ? undefined : { name, level: oneOf(SKILL_LEVELS, s.level, 'beginner') };
}

/** A weekly slot; dropped unless the day is a weekday and both ends are whole minutes of the day. */
function readSlot(raw: unknown): AvailabilitySlot | undefined {
  const s = obj(raw);
  const day = oneOf(WEEKDAYS, s.day, undefined);
  const startMin = asInt(s.startMin, 0, 1440);
  const endMin = asInt(s.endMin, 0, 1440);
  if (day === undefined || startMin === undefined || endMin === undefined) return undefined;
  return { day, startMin, endMin };
}

function readGamification(v: unknown): Gamification {
  const g = obj(v);
  return {
    points: num(g.points),
    level: num(g.level, 1),
    badges: strings(g.badges),
    currentStreak: num(g.currentStreak),
    longestStreak: num(g.longestStreak),
    lastActiveDay: nullableStr(g.lastActiveDay),
    // Badge id → when it was earned; entries that are not times are dropped.
    badgeEarnedAt: recordOf(g.badgeEarnedAt, (x) => toDate(x) ?? undefined),
  };
}

/** Parses a users/{uid} document; missing or malformed fields fall back to safe defaults. */
export function parseUserProfile(uid: string, data: unknown): UserProfile {
  const d = obj(data);
  const rating = obj(d.rating);
  // All or nothing, as before: one counter that is not a number resets them all to 0.
  const stats = recordOfAll(d.stats, asNum);
  const stat = (key: string) => stats[key] ?? 0;
  return {
    uid,
    displayName: str(d.displayName),
    photoURL: nullableStr(d.photoURL),
    bio: str(d.bio),
    headline: str(d.headline),
    interests: strings(d.interests),
    skills: arrayOf(d.skills, readSkill),
    offeredSkills: arrayOf(d.offeredSkills, readSkill),
    desiredSkills: arrayOf(d.desiredSkills, readSkill),
    availability: arrayOf(d.availability, readSlot),
    timezone: str(d.timezone, 'UTC'),
    onboarded: bool(d.onboarded),
    firstGoal: oneOf(FIRST_GOALS, d.firstGoal, null),
    referredBy: nullableStr(d.referredBy),
    roles: arrayOf(d.roles, (x) => oneOf(ROLES, x, undefined)),
    status: oneOf(ACCOUNT_STATUSES, d.status, 'active'),
    gamification: readGamification(d.gamification),
    rating: { average: num(rating.average), count: num(rating.count) },
    stats: {
      coursesCompleted: stat('coursesCompleted'),
      lecturesCompleted: stat('lecturesCompleted'),
      perfectQuizzes: stat('perfectQuizzes'),
      exchangesCompleted: stat('exchangesCompleted'),
      coursesPublished: stat('coursesPublished'),
      reviewsWritten: stat('reviewsWritten'),
      sessionsAttended: stat('sessionsAttended'),
      sessionsHosted: stat('sessionsHosted'),
      referrals: stat('referrals'),
    },
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const userProfileConverter: FirestoreDataConverter<UserProfile> = {
  // Owners update their profile fields with updateDoc (see features/profile/api); everything else
  // on this document belongs to the server.
  toFirestore: () => serverOnly('users'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseUserProfile(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
