// Weekly leagues (issue 8, item 2): Duolingo-style cohorts of up to 30 learners per tier per week.
// Pure functions — the Cloud Functions apply them in transactions, the web app renders with them.
//
// Decisions (see README, "Weekly leagues"):
// - A league week is the user's *local* week, Monday 00:00 to the next Monday 00:00 in the time
//   zone of their profile. Its key is the local Monday, 'YYYY-MM-DD'.
// - A learner joins a cohort when they first earn points in a week (so cohorts hold only people
//   who are active that week). The first week places them by level; after that, the tier the
//   last rollover decided.
// - Ranking: points (teaching doubled) descending, then whoever reached their total first, then
//   uid — deterministic, so a rollover repeated gives the same answer.
// - Cohorts of 10 or more promote the top 5 and demote the bottom 5; smaller cohorts move a third
//   each way (rounded down), so a cohort of 4 promotes 1 and demotes 1 and one of 2 moves nobody.
//   Nobody is promoted above Diamond or demoted below Bronze.
import { addDays, dayNumber, localDay, type StreakState, nextStreak, timeZoneOffsetMs } from './gamification';
import { weekdayIndex } from './activity';
import type { PointReason } from './models';

export const LEAGUE_TIERS = ['bronze', 'silver', 'gold', 'sapphire', 'ruby', 'diamond'] as const;
export type LeagueTier = (typeof LEAGUE_TIERS)[number];

export const LEAGUE_TIER_NAMES: Readonly<Record<LeagueTier, string>> = {
  bronze: 'Bronze',
  silver: 'Silver',
  gold: 'Gold',
  sapphire: 'Sapphire',
  ruby: 'Ruby',
  diamond: 'Diamond',
};

export const COHORT_SIZE = 30;
export const PROMOTE_COUNT = 5;
export const DEMOTE_COUNT = 5;
/** Cohorts with fewer members move `floor(size / 3)` each way instead of 5. */
export const FULL_ZONE_MIN_SIZE = 10;
/** Verified teaching counts double in the league (not in the all-time totals). */
export const TEACHING_MULTIPLIER = 2;
/** Streak freezes held at most; one is earned per verified teaching event. */
export const MAX_STREAK_FREEZES = 2;

export function isLeagueTier(value: unknown): value is LeagueTier {
  return typeof value === 'string' && (LEAGUE_TIERS as readonly string[]).includes(value);
}

export function tierIndex(tier: LeagueTier): number {
  return LEAGUE_TIERS.indexOf(tier);
}

/**
 * The first week's tier, by level: Novice → Bronze, Learner → Silver, Achiever → Gold,
 * Expert → Sapphire, Master → Ruby. Diamond is reached only by promotion.
 */
export function placementTier(level: number): LeagueTier {
  const l = Number.isFinite(level) ? Math.floor(level) : 1;
  const index = Math.min(Math.max(l, 1), 5) - 1;
  return LEAGUE_TIERS[index] ?? 'bronze';
}

// ---------------------------------------------------------------------------------------------
// Weeks and rollover timing

/** The league week of `date` for someone in `timeZone`: their local Monday, 'YYYY-MM-DD'. */
export function leagueWeekKey(date: Date, timeZone: string): string {
  const day = localDay(date, timeZone);
  return addDays(day, -weekdayIndex(day));
}

/**
 * The instant local midnight starts `day` in `timeZone`. Two passes handle a DST change between
 * UTC midnight and local midnight; where midnight itself is skipped (a few zones switch at 00:00),
 * the result is the first instant of that local day.
 */
export function localMidnight(day: string, timeZone: string): Date {
  const tz = safeZone(timeZone);
  const guess = dayNumber(day) * 86_400_000;
  let t = guess - timeZoneOffsetMs(new Date(guess), tz);
  t = guess - timeZoneOffsetMs(new Date(t), tz);
  // Skipped midnight: the computed instant falls on the previous local day; move to the next hour.
  while (localDay(new Date(t), tz) !== day) t += 3_600_000;
  return new Date(t);
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** When the league week `weekKey` ends for someone in `timeZone`: the next local Monday 00:00. */
export function rolloverAt(weekKey: string, timeZone: string): Date {
  return localMidnight(addDays(weekKey, 7), timeZone);
}

/** "2 days 5 hours", "3 hours 12 minutes", "4 minutes" — time left until a rollover. */
export function formatTimeLeft(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'any minute now';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return `${unit(days, 'day')} ${unit(hours, 'hour')}`;
  if (hours > 0) return `${unit(hours, 'hour')} ${unit(mins, 'minute')}`;
  return unit(Math.max(mins, 1), 'minute');
}

// ---------------------------------------------------------------------------------------------
// Points

/** League points for a ledger entry: teaching counts double. */
export function leaguePoints(points: number, teaching: boolean): number {
  if (!Number.isSafeInteger(points) || points <= 0) return 0;
  return teaching ? points * TEACHING_MULTIPLIER : points;
}

/** Reasons that can be verified teaching (the function checks the evidence). */
export const TEACHING_REASONS: readonly PointReason[] = ['session_hosted', 'exchange_completed'];

export interface TeachingEvidence {
  reason: PointReason;
  /** session_hosted: people other than the host with an attendance record. */
  attendeesOtherThanHost?: number;
  /** exchange_completed: whether this user taught a skill in the exchange. */
  taughtInExchange?: boolean;
}

/** Verified teaching: a hosted session someone attended, or a completed exchange where you taught. */
export function isVerifiedTeaching(evidence: TeachingEvidence): boolean {
  if (evidence.reason === 'session_hosted') return (evidence.attendeesOtherThanHost ?? 0) > 0;
  if (evidence.reason === 'exchange_completed') return evidence.taughtInExchange === true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Ranking and outcomes

export interface CohortMember {
  uid: string;
  points: number;
  /** When they reached their current total (ms since epoch); earlier ranks higher on a tie. */
  lastEarnedAt: number;
}

export type RankedMember<T extends CohortMember = CohortMember> = T & { rank: number };

export function compareMembers(a: CohortMember, b: CohortMember): number {
  if (a.points !== b.points) return b.points - a.points;
  if (a.lastEarnedAt !== b.lastEarnedAt) return a.lastEarnedAt - b.lastEarnedAt;
  return a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0;
}

/** Members in standing order with ranks 1…n (ties broken as in `compareMembers`). */
export function rankCohort<T extends CohortMember>(members: readonly T[]): RankedMember<T>[] {
  return [...members].sort(compareMembers).map((m, i) => ({ ...m, rank: i + 1 }));
}

export interface Zones {
  promote: number;
  demote: number;
}

/** How many move up and down in a cohort of `size` at `tier`. */
export function zoneCounts(size: number, tier: LeagueTier): Zones {
  const n = Math.max(0, Math.floor(size));
  const base = n >= FULL_ZONE_MIN_SIZE ? PROMOTE_COUNT : Math.floor(n / 3);
  const demoteBase = n >= FULL_ZONE_MIN_SIZE ? DEMOTE_COUNT : Math.floor(n / 3);
  return {
    promote: tier === 'diamond' ? 0 : base,
    demote: tier === 'bronze' ? 0 : demoteBase,
  };
}

export type LeagueOutcome = 'promoted' | 'demoted' | 'stayed';

export interface LeagueResult {
  outcome: LeagueOutcome;
  nextTier: LeagueTier;
}

/** The outcome for rank `rank` (1-based) of a cohort of `size` at `tier`. */
export function leagueOutcome(rank: number, size: number, tier: LeagueTier): LeagueResult {
  const { promote, demote } = zoneCounts(size, tier);
  const i = tierIndex(tier);
  if (rank >= 1 && rank <= promote) return { outcome: 'promoted', nextTier: LEAGUE_TIERS[i + 1] ?? tier };
  if (rank > size - demote && rank <= size)
    return { outcome: 'demoted', nextTier: LEAGUE_TIERS[i - 1] ?? tier };
  return { outcome: 'stayed', nextTier: tier };
}

/** Where the zone of a rank lies, for the standings. */
export function zoneOf(rank: number, size: number, tier: LeagueTier): LeagueOutcome {
  return leagueOutcome(rank, size, tier).outcome;
}

export function cohortId(weekKey: string, tier: LeagueTier, index: number): string {
  return `${weekKey}_${tier}_${index}`;
}

/** The next open slot in a tier's week: join cohort `open` unless it is full. */
export function nextCohortSlot(counter: { open?: number; size?: number } | undefined): {
  index: number;
  size: number;
} {
  const open = Number.isSafeInteger(counter?.open) ? (counter?.open as number) : 0;
  const size = Number.isSafeInteger(counter?.size) ? (counter?.size as number) : 0;
  return size >= COHORT_SIZE ? { index: open + 1, size: 1 } : { index: open, size: size + 1 };
}

// ---------------------------------------------------------------------------------------------
// Streak freezes

export function earnFreeze(current: number): number {
  const c = Number.isSafeInteger(current) && current > 0 ? current : 0;
  return Math.min(MAX_STREAK_FREEZES, c + 1);
}

/**
 * `nextStreak` with freezes: when activity on `activityDay` follows a gap of k missed days and
 * at least k freezes are held, the streak continues (+1) and k freezes are used. Otherwise it is
 * exactly `nextStreak` and no freeze is used.
 */
export function nextStreakWithFreezes(
  prev: StreakState,
  activityDay: string,
  freezes: number,
): { streak: StreakState; freezesUsed: number } {
  const held = Number.isSafeInteger(freezes) && freezes > 0 ? freezes : 0;
  if (prev.lastActiveDay && held > 0 && prev.currentStreak > 0) {
    const missed = dayNumber(activityDay) - dayNumber(prev.lastActiveDay) - 1;
    if (missed >= 1 && missed <= held) {
      const current = prev.currentStreak + 1;
      return {
        streak: {
          currentStreak: current,
          longestStreak: Math.max(prev.longestStreak, current),
          lastActiveDay: activityDay,
        },
        freezesUsed: missed,
      };
    }
  }
  return { streak: nextStreak(prev, activityDay), freezesUsed: 0 };
}
