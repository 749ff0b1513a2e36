import {
  ACCOUNT_STATUSES,
  FIRST_GOALS,
  ROLES,
  SKILL_LEVELS,
  type UserProfile,
  WEEKDAYS,
} from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, serverOnly, text, toDate } from './parse';

const skill = z.object({ name: z.string().min(1), level: z.enum(SKILL_LEVELS).catch('beginner') });
const slot = z.object({
  day: z.enum(WEEKDAYS),
  startMin: z.number().int().min(0).max(1440),
  endMin: z.number().int().min(0).max(1440),
});

/** Badge id → when it was earned; entries that are not times are dropped. */
const badgeDates = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((raw) => {
    const out: Record<string, Date> = {};
    for (const [id, value] of Object.entries(raw)) {
      const date = toDate(value);
      if (date) out[id] = date;
    }
    return out;
  });

const schema = z.object({
  displayName: text(),
  photoURL: z.string().nullable().catch(null),
  bio: text(),
  headline: text(),
  interests: arrayOf(z.string()),
  skills: arrayOf(skill),
  offeredSkills: arrayOf(skill),
  desiredSkills: arrayOf(skill),
  availability: arrayOf(slot),
  timezone: text('UTC'),
  onboarded: z.boolean().catch(false),
  firstGoal: z.enum(FIRST_GOALS).nullable().catch(null),
  referredBy: z.string().nullable().catch(null),
  roles: arrayOf(z.enum(ROLES)),
  status: z.enum(ACCOUNT_STATUSES).catch('active'),
  gamification: z
    .object({
      points: count,
      level: z.number().catch(1),
      badges: arrayOf(z.string()),
      currentStreak: count,
      longestStreak: count,
      lastActiveDay: z.string().nullable().catch(null),
      badgeEarnedAt: badgeDates,
    })
    .catch({
      points: 0,
      level: 1,
      badges: [],
      currentStreak: 0,
      longestStreak: 0,
      lastActiveDay: null,
      badgeEarnedAt: {},
    }),
  rating: z.object({ average: count, count }).catch({ average: 0, count: 0 }),
  stats: z.record(z.string(), z.number()).catch({}),
  createdAt: dateOrNow,
  updatedAt: dateOrNow,
});

/** Parses a users/{uid} document; missing or malformed fields fall back to safe defaults. */
export function parseUserProfile(uid: string, data: unknown): UserProfile {
  const d = schema.parse(data ?? {});
  const stats = d.stats;
  const stat = (key: string) => stats[key] ?? 0;
  return {
    uid,
    ...d,
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
  };
}

export const userProfileConverter: FirestoreDataConverter<UserProfile> = {
  // Owners update their profile fields with updateDoc (see features/profile/api); everything else
  // on this document belongs to the server.
  toFirestore: () => serverOnly('users'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseUserProfile(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
