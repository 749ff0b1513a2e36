// users/{uid} (the public profile) and its owner-only users/{uid}/private/{account,activity}
// documents (SPEC §3): paths, converters and refs. The league state (users/{uid}/private/league)
// lives in leagues.ts, the points ledger in leaderboards.ts and exchange matches in exchanges.ts.
import {
  ACCOUNT_STATUSES,
  type AvailabilitySlot,
  FIRST_GOALS,
  type Gamification,
  ROLES,
  SKILL_LEVELS,
  type Skill,
  type PrivateAccount,
  type UserActivity,
  type UserProfile,
  WEEKDAYS,
} from '@skillverse/domain/models';
import type { Endorser } from '@skillverse/domain/endorsements';
import { resolvePreferences, type StoredNotificationPreferences } from '@skillverse/domain/notifications';
import {
  collection,
  collectionGroup,
  doc,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
} from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { docSource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';
import {
  arrayOf,
  asInt,
  asNum,
  bool,
  dateOrNow,
  nonEmptyStr,
  nullableStr,
  num,
  isPlainObject,
  obj,
  oneOf,
  recordOf,
  recordOfAll,
  serverOnly,
  str,
  strings,
  toDate,
  readOnlyConverter,
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

/** One recent endorser; dropped without a uid. */
function readEndorser(raw: unknown): Endorser | undefined {
  const e = obj(raw);
  const uid = nonEmptyStr(e.uid);
  return uid === undefined
    ? undefined
    : { uid, name: str(e.name, 'A SkillVerse member'), at: dateOrNow(e.at) };
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
    followerCount: asInt(d.followerCount, 0, Number.MAX_SAFE_INTEGER) ?? 0,
    endorsements: recordOf(d.endorsements, (x) => asInt(x, 1, Number.MAX_SAFE_INTEGER)),
    endorsers: recordOf(d.endorsers, (x) => {
      const list = arrayOf(x, readEndorser);
      return list.length > 0 ? list : undefined;
    }),
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
      learningSeconds: stat('learningSeconds'),
    },
    createdAt: dateOrNow(d.createdAt),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

// Owners update their profile fields with updateDoc (see features/profile/api); everything else
// on this document belongs to the server.
export const userProfileConverter: FirestoreDataConverter<UserProfile> = readOnlyConverter(
  'users',
  parseUserProfile,
);

export function parsePrivateAccount(data: unknown): PrivateAccount {
  const d = obj(data);
  const stored = isPlainObject(d.notificationPreferences) ? { ...d.notificationPreferences } : null;
  return {
    email: nullableStr(d.email),
    stripeCustomerId: nullableStr(d.stripeCustomerId),
    // Stored preferences may be partial or older than the list of types: fill in the defaults.
    notificationPreferences: resolvePreferences(stored as StoredNotificationPreferences),
    referredBy: nullableStr(d.referredBy),
    createdAt: dateOrNow(d.createdAt),
  };
}

export const privateAccountConverter: FirestoreDataConverter<PrivateAccount> = {
  // The owner changes only notificationPreferences, with updateDoc (features/settings/api).
  toFirestore: () => serverOnly('users/{uid}/private'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePrivateAccount(snapshot.data({ serverTimestamps: 'estimate' })),
};

export function parseActivity(data: unknown): UserActivity {
  const d = obj(data);
  return {
    // All or nothing, as before: one day that is not a number empties the map.
    days: recordOfAll(d.days, asNum),
    timezone: str(d.timezone, 'UTC'),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

/** users/{uid}/private/activity: local day → points from learning (server-written). */
export const activityConverter: FirestoreDataConverter<UserActivity> = {
  toFirestore: () => serverOnly('users/{uid}/private/activity'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseActivity(snapshot.data({ serverTimestamps: 'estimate' })),
};

// ---------------------------------------------------------------- paths and refs

export const userPaths = {
  users: () => 'users',
  user: (uid: string) => `users/${uid}`,
  privateAccount: (uid: string) => `users/${uid}/private/account`,
  activity: (uid: string) => `users/${uid}/private/activity`,
  /** The collection-group id of every users/{uid}/private/* document. */
  privateGroup: () => 'private',
} as const;

/** users/{uid}: the public profile. */
export const userRef = (uid: string) => doc(db, userPaths.user(uid)).withConverter(userProfileConverter);

/** users, for searches (nameLower, status, roles, offeredSkillKeys). */
export const usersRef = () => collection(db, userPaths.users()).withConverter(userProfileConverter);

/** users/{uid}/private/account: email and notification preferences (owner only). */
export const privateAccountRef = (uid: string) =>
  doc(db, userPaths.privateAccount(uid)).withConverter(privateAccountConverter);

/** Every users/{uid}/private/* document: admins look accounts up by email. */
export const privateAccountsGroupRef = () =>
  collectionGroup(db, userPaths.privateGroup()).withConverter(privateAccountConverter);

/** users/{uid}/private/activity (owner only). */
export const activityRef = (uid: string) => doc(db, userPaths.activity(uid)).withConverter(activityConverter);

// ---------------------------------------------------------------- shared queries

/**
 * users/{uid}, live — one definition (and one cache key) for the signed-in user's own profile,
 * public profiles, instructors, reviewers, exchange partners and the admin console.
 * `null` data: the document does not exist (yet).
 */
export function userProfileQueryOptions(uid: string | undefined) {
  return liveQueryOptions(['users', uid ?? null, 'profile'] as const, uid ? docSource(userRef(uid)) : null);
}

export function useUserProfile(uid: string | undefined) {
  return useLiveQuery(userProfileQueryOptions(uid));
}
