// Weekly-league seed (issue 8, item 2): the demo learner in this week's cohort with the other active
// seeded people, so /league is alive in `npm start`. Deterministic for a given `now`: the cohort is
// `{demo learner's week}_{tier}_0` and its counter says how full it is, so learners who earn points
// later join the same cohort until it holds 30.
import {
  COHORT_SIZE,
  cohortId,
  type LeagueTier,
  leagueWeekKey,
  rolloverAt,
} from '@skillverse/domain/leagues';
import { addDays } from '@skillverse/domain/gamification';

export interface LeagueSeedUser {
  uid: string;
  displayName: string;
  timezone: string;
  status: string;
}

export interface LeagueSeedDoc {
  path: string;
  data: Record<string, unknown>;
}

/** The cohort's tier: Silver, so the demo shows both a promotion and a demotion line. */
export const SEED_LEAGUE_TIER: LeagueTier = 'silver';

/** Weekly points per seeded member, by position; the demo learner sits mid-table. */
function seededPoints(index: number): number {
  return 30 + ((index * 53) % 290);
}

export function buildLeagueSeed(
  now: Date,
  users: readonly LeagueSeedUser[],
  demoUid: string,
): LeagueSeedDoc[] {
  const demo = users.find((u) => u.uid === demoUid);
  if (!demo) throw new Error(`seed: leagues: no demo learner "${demoUid}"`);
  const week = leagueWeekKey(now, demo.timezone);
  const tier = SEED_LEAGUE_TIER;
  const id = cohortId(week, tier, 0);
  const members = users.filter((u) => u.status === 'active').slice(0, COHORT_SIZE);
  const docs: LeagueSeedDoc[] = [];
  // Times inside the week (before now), one minute apart, so ties rank the same on every run.
  const weekStart = rolloverAt(addDays(week, -7), demo.timezone).getTime();
  members.forEach((u, i) => {
    const points = u.uid === demoUid ? 150 : seededPoints(i);
    const lastEarnedAt = new Date(Math.min(now.getTime(), weekStart + (i + 1) * 60_000));
    docs.push({
      path: `leagues/${id}/members/${u.uid}`,
      data: {
        uid: u.uid,
        points,
        displayName: u.displayName,
        photoURL: null,
        joinedAt: lastEarnedAt,
        lastEarnedAt,
        updatedAt: now,
      },
    });
    docs.push({
      path: `users/${u.uid}/private/league`,
      data: {
        tier,
        weekKey: week,
        cohortId: id,
        timezone: u.timezone,
        joinedAt: lastEarnedAt,
        // Each member's week ends at their own local Monday; the members share the demo's week key.
        rolloverAt: rolloverAt(week, u.timezone),
        updatedAt: now,
        ...(u.uid === demoUid
          ? {
              lastResult: {
                weekKey: addDays(week, -7),
                tier: 'bronze',
                rank: 3,
                size: 24,
                points: 410,
                outcome: 'promoted',
                nextTier: 'silver',
              },
            }
          : {}),
      },
    });
  });
  docs.push({
    path: `leagues/${id}`,
    data: { weekKey: week, tier, index: 0, size: members.length, updatedAt: now },
  });
  docs.push({
    path: `leagueWeeks/${week}_${tier}`,
    data: { weekKey: week, tier, open: 0, size: members.length, updatedAt: now },
  });
  return docs;
}
