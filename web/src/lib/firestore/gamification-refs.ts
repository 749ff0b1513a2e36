import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  activityConverter,
  leaderboardEntryConverter,
  pointEventConverter,
} from './converters/gamification-converter';

// Gamification paths (SPEC §3), beside refs.ts. All server-written: clients only read them.

export const gamificationPaths = {
  activity: (uid: string) => `users/${uid}/private/activity`,
  pointEvents: (uid: string) => `users/${uid}/pointEvents`,
  leaderboardEntries: (period: string) => `leaderboards/${period}/entries`,
  leaderboardEntry: (period: string, uid: string) => `leaderboards/${period}/entries/${uid}`,
} as const;

/** users/{uid}/private/activity (owner only). */
export const activityRef = (uid: string) =>
  doc(db, gamificationPaths.activity(uid)).withConverter(activityConverter);

/** users/{uid}/pointEvents (owner only). */
export const pointEventsRef = (uid: string) =>
  collection(db, gamificationPaths.pointEvents(uid)).withConverter(pointEventConverter);

/** leaderboards/{period}/entries (signed-in users). */
export const leaderboardEntriesRef = (period: string) =>
  collection(db, gamificationPaths.leaderboardEntries(period)).withConverter(leaderboardEntryConverter);

export const leaderboardEntryRef = (period: string, uid: string) =>
  doc(db, gamificationPaths.leaderboardEntry(period, uid)).withConverter(leaderboardEntryConverter);
