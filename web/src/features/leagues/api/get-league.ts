import { orderBy, query } from 'firebase/firestore';
import { leagueMembersRef, myLeagueRef, streakFreezesRef } from '@/lib/data/leagues';
import { docSource, querySource } from '@/lib/firestore/live-source';
import { liveQueryOptions, useLiveQuery } from '@/lib/firestore/use-live-query';

export function myLeagueQueryOptions(uid: string) {
  return liveQueryOptions(['leagues', 'mine', uid] as const, docSource(myLeagueRef(uid)));
}

/** My tier, cohort and last result, live (null: never earned points). */
export function useMyLeague(uid: string) {
  return useLiveQuery(myLeagueQueryOptions(uid));
}

export function cohortStandingsQueryOptions(cohortId: string | null) {
  return liveQueryOptions(
    ['leagues', 'cohort', cohortId] as const,
    // One listener on the cohort (≤ 30 members), by points; ties are ordered in the page.
    cohortId ? querySource(query(leagueMembersRef(cohortId), orderBy('points', 'desc'))) : null,
  );
}

/** The standings of a cohort, live. */
export function useCohortStandings(cohortId: string | null) {
  return useLiveQuery(cohortStandingsQueryOptions(cohortId));
}

export function streakFreezesQueryOptions(uid: string) {
  return liveQueryOptions(['leagues', 'freezes', uid] as const, docSource(streakFreezesRef(uid)));
}

/** My streak and streak freezes, live. */
export function useStreakFreezes(uid: string) {
  return useLiveQuery(streakFreezesQueryOptions(uid));
}
