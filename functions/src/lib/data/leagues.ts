// Weekly leagues, server-only: leagues/{weekKey}_{tier}_{n} (a cohort) with members/{uid} and
// results/{uid}; leagueWeeks/{weekKey}_{tier} (the cohort new members join). The user's own league
// state is users/{uid}/private/league (users.ts, leagueStateRef).
import type { LeagueTier } from '@skillverse/domain/leagues';
import type { CollectionReference, DocumentReference, Firestore } from 'firebase-admin/firestore';

export const LEAGUES = 'leagues';
export const MEMBERS = 'members';
export const RESULTS = 'results';
export const LEAGUE_WEEKS = 'leagueWeeks';

export const cohortRef = (db: Firestore, id: string): DocumentReference => db.collection(LEAGUES).doc(id);
export const membersCol = (db: Firestore, id: string): CollectionReference =>
  cohortRef(db, id).collection(MEMBERS);
export const memberRef = (db: Firestore, id: string, uid: string): DocumentReference =>
  membersCol(db, id).doc(uid);
export const resultRef = (db: Firestore, id: string, uid: string): DocumentReference =>
  cohortRef(db, id).collection(RESULTS).doc(uid);
export const weekCounterRef = (db: Firestore, weekKey: string, tier: LeagueTier): DocumentReference =>
  db.collection(LEAGUE_WEEKS).doc(`${weekKey}_${tier}`);
