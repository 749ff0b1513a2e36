// Gamification: the badge definitions, the ledger user's point events (her awards replayed through
// the streak rules), the leaderboard periods and the weekly league (./leagues.ts).
import {
  ALL_TIME_PERIOD,
  BADGES,
  isoWeekId,
  localDay,
  nextStreak,
  POINTS,
  pointEventId,
  type StreakState,
} from '@skillverse/domain/gamification';
import type { BadgeDefinition, PointEvent } from '@skillverse/domain/models';
import { USERS } from '../data/users';
import { DEMO_LEARNER } from '../demo-accounts';
import { buildLeagueSeed } from './leagues';
import { type Data, LEDGER_UID, type LedgerEntry, type SeedContext } from './seed-context';

export function addBadgeDocs(ctx: SeedContext): void {
  for (const badge of BADGES) {
    const { id, ...data } = badge;
    ctx.put<Data<BadgeDefinition>>(`badges/${id}`, data);
  }
}

/** The ledger user's replayed ledger: what her profile, heat-map and leaderboard entries show. */
export interface LedgerSummary {
  fullLedger: LedgerEntry[];
  streak: StreakState;
  weekId: string;
  ledgerPoints: number;
  ledgerWeekPoints: number;
}

export function addLedgerDocs(ctx: SeedContext): LedgerSummary {
  const { now, put, user, noteFirst, ledger } = ctx;
  // Replays the demo learner's activity through the domain's streak rules, adding the daily
  // streak awards the ledger trigger would have created, so totals, streaks and badges match it.
  ledger.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const ledgerUser = user(LEDGER_UID, 'ledger');
  let streak: StreakState = { currentStreak: 0, longestStreak: 0, lastActiveDay: null };
  const streakEvents: LedgerEntry[] = [];
  for (const e of ledger) {
    const day = localDay(e.createdAt, ledgerUser.timezone);
    const next = nextStreak(streak, day);
    if (next.currentStreak > streak.currentStreak && next.currentStreak > 1) {
      streakEvents.push({
        id: pointEventId.streak(day),
        points: POINTS.daily_streak,
        reason: 'daily_streak',
        refPath: null,
        createdAt: e.createdAt,
      });
    }
    if (next.longestStreak >= 7 && streak.longestStreak < 7) noteFirst(LEDGER_UID, 'streak-7', e.createdAt);
    streak = next;
  }
  const fullLedger = [...ledger, ...streakEvents];
  for (const e of fullLedger) {
    // `leagueAt`: the weekly league's standings are seeded as they stand (./leagues.ts), so the
    // league step of the ledger trigger must not add these entries again.
    put<PointEvent & { leagueAt: Date }>(`users/${LEDGER_UID}/pointEvents/${e.id}`, {
      points: e.points,
      reason: e.reason,
      refPath: e.refPath,
      createdAt: e.createdAt,
      appliedAt: e.createdAt,
      leagueAt: e.createdAt,
    });
  }
  const weekId = isoWeekId(now);
  const ledgerPoints = fullLedger.reduce((sum, e) => sum + e.points, 0);
  const ledgerWeekPoints = fullLedger
    .filter((e) => isoWeekId(e.createdAt) === weekId)
    .reduce((sum, e) => sum + e.points, 0);
  return { fullLedger, streak, weekId, ledgerPoints, ledgerWeekPoints };
}

/** The leaderboard period documents (their entries come with each user) and the weekly league. */
export function addLeaderboardDocs(ctx: SeedContext, weekId: string): void {
  const { now, put } = ctx;
  put(`leaderboards/${ALL_TIME_PERIOD}`, { period: ALL_TIME_PERIOD, updatedAt: now });
  put(`leaderboards/${weekId}`, { period: weekId, updatedAt: now });
  // Weekly leagues: the demo learner's cohort with the other active people (./leagues.ts).
  for (const d of buildLeagueSeed(now, USERS, DEMO_LEARNER.uid)) put(d.path, d.data);
}
