import type { LeaderboardEntry, PointEvent, PointReason } from '@skillverse/domain/models';
import { collection, doc, type FirestoreDataConverter } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import { dateOrNow, nullableStr, num, obj, str, readOnlyConverter } from '@/lib/firestore/parse';

// Gamification documents the server writes and clients only read (SPEC §3, §5.5):
// leaderboards/{period}/entries/{uid} and the points ledger users/{uid}/pointEvents.

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
export const pointEventConverter: FirestoreDataConverter<LedgerEntry> = readOnlyConverter(
  'pointEvents',
  parsePointEvent,
);

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
export const leaderboardEntryConverter: FirestoreDataConverter<LeaderboardEntry> = readOnlyConverter(
  'leaderboards',
  parseLeaderboardEntry,
);

// ---------------------------------------------------------------- paths and refs

export const leaderboardPaths = {
  entries: (period: string) => `leaderboards/${period}/entries`,
  entry: (period: string, uid: string) => `leaderboards/${period}/entries/${uid}`,
  pointEvents: (uid: string) => `users/${uid}/pointEvents`,
} as const;

/** leaderboards/{period}/entries (signed-in users). */
export const leaderboardEntriesRef = (period: string) =>
  collection(db, leaderboardPaths.entries(period)).withConverter(leaderboardEntryConverter);

export const leaderboardEntryRef = (period: string, uid: string) =>
  doc(db, leaderboardPaths.entry(period, uid)).withConverter(leaderboardEntryConverter);

/** users/{uid}/pointEvents (owner only). */
export const pointEventsRef = (uid: string) =>
  collection(db, leaderboardPaths.pointEvents(uid)).withConverter(pointEventConverter);
