import { collection, doc } from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  leagueMemberConverter,
  myLeagueConverter,
  streakFreezesConverter,
} from './converters/league-converter';

// Weekly-league paths (README "Weekly leagues"). All server-written: clients only read them.

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

/** users/{uid}, read for the streak and its freezes only. */
export const streakFreezesRef = (uid: string) =>
  doc(db, leaguePaths.profile(uid)).withConverter(streakFreezesConverter);
