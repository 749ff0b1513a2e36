// What the dashboard and achievements pages show about points: progress to the next level, the
// level ladder, progress toward every badge, and a readable label and target for each ledger
// entry. Pure; the web app turns targets into links.
import {
  BADGES,
  type BadgeId,
  type BadgeInputs,
  type BadgeProgress,
  badgeProgress,
  LEVELS,
  type LevelDefinition,
  levelForPoints,
} from './gamification';
import type { BadgeDefinition, PointReason } from './models';

// ---------------------------------------------------------------------------------------------
// Levels

export interface LevelProgress {
  level: number;
  name: string;
  points: number;
  /** The next level, or null at the top. */
  next: LevelDefinition | null;
  /** Points earned since this level started. */
  intoLevel: number;
  /** Points still needed for the next level (0 at the top). */
  toNext: number;
  /** 0..1 of the way to the next level (1 at the top). */
  progress: number;
}

/** Where `points` stand within the current level and how far the next one is. */
export function levelProgress(points: number): LevelProgress {
  const p = Number.isFinite(points) ? Math.max(0, Math.floor(points)) : 0;
  const info = levelForPoints(p);
  const next = LEVELS.find((l) => l.level === info.level + 1) ?? null;
  return {
    level: info.level,
    name: info.name,
    points: p,
    next,
    intoLevel: p - info.min,
    toNext: next ? next.min - p : 0,
    progress: info.progress,
  };
}

export interface LadderStep extends LevelDefinition {
  /** Points at which the following level starts (null for the top level). */
  max: number | null;
  state: 'reached' | 'current' | 'ahead';
}

/** Every level, marked reached, current or ahead for `points`. */
export function levelLadder(points: number): LadderStep[] {
  const current = levelForPoints(points).level;
  return LEVELS.map((l, i) => ({
    ...l,
    max: LEVELS[i + 1]?.min ?? null,
    state: l.level < current ? 'reached' : l.level === current ? 'current' : 'ahead',
  }));
}

// ---------------------------------------------------------------------------------------------
// Badges

export interface BadgeStatus {
  badge: BadgeDefinition & { id: BadgeId };
  progress: BadgeProgress;
  earned: boolean;
  /** When it was earned, if known. */
  earnedAt: Date | null;
}

/**
 * Every badge in display order with progress from the profile's stats, streak and rating. A badge
 * the profile holds counts as earned even if its counter has since dropped (e.g. a broken streak
 * or a lower rating): badges are kept.
 */
export function badgeStatuses(
  inputs: BadgeInputs & { held?: readonly string[] | null; earnedAt?: Record<string, Date> | null },
): BadgeStatus[] {
  const held = new Set(inputs.held ?? []);
  return [...BADGES]
    .sort((a, b) => a.order - b.order)
    .map((badge) => {
      const computed = badgeProgress(badge.id, inputs);
      const earned = held.has(badge.id) || computed.earned;
      const progress = earned
        ? { current: computed.target, target: computed.target, earned: true }
        : computed;
      return { badge, progress, earned, earnedAt: inputs.earnedAt?.[badge.id] ?? null };
    });
}

/** Earned badges, most recently earned first (unknown dates last). */
export function recentBadges(statuses: readonly BadgeStatus[], max: number): BadgeStatus[] {
  return statuses
    .filter((s) => s.earned)
    .sort((a, b) => (b.earnedAt?.getTime() ?? 0) - (a.earnedAt?.getTime() ?? 0))
    .slice(0, Math.max(0, max));
}

// ---------------------------------------------------------------------------------------------
// Ledger entries

const REASON_LABELS: Readonly<Record<PointReason, string>> = {
  lecture_completed: 'Completed a lecture',
  course_completed: 'Completed a course',
  quiz_mastered: 'Aced a quiz (90% or more)',
  exchange_completed: 'Completed a skill exchange',
  review_written: 'Wrote a course review',
  daily_streak: 'Daily streak bonus',
  referral: 'A friend joined through your invite',
  session_attended: 'Attended a live session',
  session_hosted: 'Hosted a live session',
  refund_reversal: 'Taken back: the course was refunded',
};

/** A readable label for a ledger entry's reason (unknown reasons get a generic label). */
export function pointReasonLabel(reason: string): string {
  return (REASON_LABELS as Record<string, string>)[reason] ?? 'Points awarded';
}

/** What a ledger entry was for, as a place in the app (the web app maps it to a route). */
export type LedgerTarget =
  | { kind: 'lecture'; courseId: string; lectureId: string }
  | { kind: 'course'; courseId: string }
  | { kind: 'exchange'; exchangeId: string }
  | { kind: 'liveSession'; sessionId: string }
  | { kind: 'profile'; uid: string };

/**
 * Where a ledger entry's `refPath` points: a lecture, a course (also for its quizzes and
 * reviews), an exchange, a live session or a person. Null when there is nothing to link to
 * (e.g. a streak bonus, which refers to another ledger entry).
 */
export function ledgerTarget(refPath: string | null | undefined): LedgerTarget | null {
  if (!refPath) return null;
  const parts = refPath.split('/');
  if (parts.some((p) => p.length === 0)) return null;
  const [collection, id, sub, subId] = parts;
  if (!collection || !id) return null;
  switch (collection) {
    case 'courses':
      if (sub === 'lectures' && subId && parts.length === 4) {
        return { kind: 'lecture', courseId: id, lectureId: subId };
      }
      return { kind: 'course', courseId: id };
    case 'exchanges':
      return { kind: 'exchange', exchangeId: id };
    case 'liveSessions':
      return { kind: 'liveSession', sessionId: id };
    case 'users':
      return parts.length === 2 ? { kind: 'profile', uid: id } : null;
    default:
      return null;
  }
}

/** The words of a link to a ledger target, e.g. "Open the lecture". */
export function ledgerTargetLabel(target: LedgerTarget): string {
  switch (target.kind) {
    case 'lecture':
      return 'Open the lecture';
    case 'course':
      return 'Open the course';
    case 'exchange':
      return 'Open the exchange';
    case 'liveSession':
      return 'Open the session';
    case 'profile':
      return 'View their profile';
  }
}

// ---------------------------------------------------------------------------------------------
// Leaderboards

/** The start of the next ISO week (Monday 00:00 UTC) after `date`: when the weekly board rolls over. */
export function nextIsoWeekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 8 - weekday);
  return day;
}

/** Rank among entries sorted by points: 1 + how many have strictly more points (ties share a rank). */
export function rankFromAhead(ahead: number): number {
  return Math.max(0, Math.floor(ahead)) + 1;
}

/** Ranks for a list sorted by points, descending; equal points share the better rank. */
export function ranksOf(points: readonly number[]): number[] {
  const ranks: number[] = [];
  points.forEach((p, i) => {
    ranks.push(i > 0 && points[i - 1] === p ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}
