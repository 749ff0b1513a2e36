import type { LeaderboardEntry, PointEvent, PointReason, UserActivity } from '@skillverse/domain/models';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { asNum, dateOrNow, nullableStr, num, obj, recordOfAll, serverOnly, str } from '@/lib/firestore/parse';

// Gamification documents the server writes and clients only read (SPEC §3, §5.5).

export function parseActivity(data: unknown): UserActivity {
  const d = obj(data);
  return {
    // All or nothing, as before: one day that is not a number empties the map.
    days: recordOfAll(d.days, asNum),
    timezone: str(d.timezone, 'UTC'),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

/** users/{uid}/private/activity: local day → points from learning. */
export const activityConverter: FirestoreDataConverter<UserActivity> = {
  toFirestore: () => serverOnly('users/{uid}/private/activity'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseActivity(snapshot.data({ serverTimestamps: 'estimate' })),
};

export type LedgerEntry = PointEvent & { id: string };

export function parsePointEvent(id: string, data: unknown): LedgerEntry {
  const d = obj(data);
  return {
    id,
    points: num(d.points),
    // Kept as a string: a reason this client does not know yet still shows (with a generic label).
    reason: str(d.reason, 'unknown') as PointReason,
    refPath: nullableStr(d.refPath),
    createdAt: dateOrNow(d.createdAt),
  };
}

/** users/{uid}/pointEvents/{eventId}: the points ledger. */
export const pointEventConverter: FirestoreDataConverter<LedgerEntry> = {
  toFirestore: () => serverOnly('pointEvents'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePointEvent(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};

export function parseLeaderboardEntry(uid: string, data: unknown): LeaderboardEntry {
  const d = obj(data);
  return {
    uid,
    points: num(d.points),
    displayName: str(d.displayName, 'SkillVerse member'),
    photoURL: nullableStr(d.photoURL),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

/** leaderboards/{period}/entries/{uid}; the uid is the document id. */
export const leaderboardEntryConverter: FirestoreDataConverter<LeaderboardEntry> = {
  toFirestore: () => serverOnly('leaderboards'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseLeaderboardEntry(snapshot.id, snapshot.data({ serverTimestamps: 'estimate' })),
};
