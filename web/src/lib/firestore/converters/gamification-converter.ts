import type { LeaderboardEntry, PointEvent, PointReason, UserActivity } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { count, dateOrNow, serverOnly, text } from './parse';

// Gamification documents the server writes and clients only read (SPEC §3, §5.5).

const activitySchema = z.object({
  days: z.record(z.string(), z.number()).catch({}),
  timezone: text('UTC'),
  updatedAt: dateOrNow,
});

/** users/{uid}/private/activity: local day → points from learning. */
export const activityConverter: FirestoreDataConverter<UserActivity> = {
  toFirestore: () => serverOnly('users/{uid}/private/activity'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    activitySchema.parse(snapshot.data({ serverTimestamps: 'estimate' }) ?? {}),
};

export type LedgerEntry = PointEvent & { id: string };

const pointEventSchema = z.object({
  points: count,
  // Kept as a string: a reason this client does not know yet still shows (with a generic label).
  reason: text('unknown'),
  refPath: z.string().nullable().catch(null),
  createdAt: dateOrNow,
});

export function parsePointEvent(id: string, data: unknown): LedgerEntry {
  const d = pointEventSchema.parse(data ?? {});
  return { id, ...d, reason: d.reason as PointReason };
}

/** users/{uid}/pointEvents/{eventId}: the points ledger. */
export const pointEventConverter: FirestoreDataConverter<LedgerEntry> = {
  toFirestore: () => serverOnly('pointEvents'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePointEvent(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

const entrySchema = z.object({
  points: count,
  displayName: text('SkillVerse member'),
  photoURL: z.string().nullable().catch(null),
  updatedAt: dateOrNow,
});

export function parseLeaderboardEntry(uid: string, data: unknown): LeaderboardEntry {
  return { uid, ...entrySchema.parse(data ?? {}) };
}

/** leaderboards/{period}/entries/{uid}; the uid is the document id. */
export const leaderboardEntryConverter: FirestoreDataConverter<LeaderboardEntry> = {
  toFirestore: () => serverOnly('leaderboards'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseLeaderboardEntry(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
