// Points, levels, badges, streaks and leaderboard periods (SPEC §5.5). Pure functions: the
// Cloud Functions apply them inside transactions, the web app uses them to render progress.
import type { BadgeDefinition, Gamification, PointReason, UserStats } from './models';
import { sha256Hex } from './sha256';

/** Points per ledger reason. Every award is a ledger entry with a deterministic id. */
export const POINTS: Readonly<Record<PointReason, number>> = {
  lecture_completed: 10,
  course_completed: 100,
  quiz_mastered: 50,
  exchange_completed: 75,
  review_written: 15,
  daily_streak: 5,
  referral: 25,
  session_attended: 20,
  session_hosted: 50,
  // Compensating entries carry the negative of the entry they reverse (domain/src/refunds.ts).
  refund_reversal: 0,
};

/** A quiz earns `quiz_mastered` points at or above this score (percent). */
export const QUIZ_MASTERY_THRESHOLD = 90;

/** Reasons that count as learning activity for the daily streak (the streak bonus itself does not). */
export const STREAK_REASONS: readonly PointReason[] = [
  'lecture_completed',
  'course_completed',
  'quiz_mastered',
  'exchange_completed',
  'review_written',
  'session_attended',
  'session_hosted',
];

export function countsTowardStreak(reason: PointReason): boolean {
  return STREAK_REASONS.includes(reason);
}

/**
 * A ledger id as awardPoints accepts it: 1–500 of letters, digits and `_ . : - ~`. `~` appears only
 * where pointEventId put a hash (below), never in a part it kept as written.
 */
export const POINT_EVENT_ID_RE = /^[A-Za-z0-9_.:~-]{1,500}$/;

/** A document id that goes into a ledger id as written: today's ids (auto-ids, slugs) all do. */
const READABLE_ID_PART = /^[A-Za-z0-9_.:-]{1,150}$/;

/**
 * One id inside a ledger id. Readable ids stay as they are, so existing ledger ids never change;
 * any other document id (a space, an emoji, over 150 characters) becomes `~` and the first 32 hex
 * digits of its SHA-256 — deterministic, so a repeated award still finds its entry, and never
 * equal to a readable part (those have no `~`).
 */
function idPart(value: string, what: string): string {
  if (value.length === 0 || value.includes('/')) {
    throw new Error(`pointEventId: ${what} must be a non-empty id without "/" (got "${value}")`);
  }
  return READABLE_ID_PART.test(value) ? value : `~${sha256Hex(value).slice(0, 32)}`;
}

/**
 * Deterministic ledger ids for `users/{uid}/pointEvents/{eventId}`: the same achievement always
 * maps to the same document, so a repeated award is a no-op. Any valid document id yields a valid
 * ledger id (POINT_EVENT_ID_RE): see idPart.
 */
export const pointEventId = {
  lecture: (courseId: string, lectureId: string) =>
    `lecture_${idPart(courseId, 'courseId')}_${idPart(lectureId, 'lectureId')}`,
  course: (courseId: string) => `course_${idPart(courseId, 'courseId')}`,
  quiz: (courseId: string, quizId: string) =>
    `quiz_${idPart(courseId, 'courseId')}_${idPart(quizId, 'quizId')}`,
  exchange: (exchangeId: string) => `exchange_${idPart(exchangeId, 'exchangeId')}`,
  /** A completed swap cycle (issue 16 item 7): reason exchange_completed, one entry per person. */
  cycle: (cycleId: string) => `cycle_${idPart(cycleId, 'cycleId')}`,
  review: (courseId: string) => `review_${idPart(courseId, 'courseId')}`,
  streak: (day: string) => `streak_${assertDay(day)}`,
  referral: (referredUid: string) => `referral_${idPart(referredUid, 'uid')}`,
  sessionAttended: (sessionId: string) => `session_attended_${idPart(sessionId, 'sessionId')}`,
  sessionHosted: (sessionId: string) => `session_hosted_${idPart(sessionId, 'sessionId')}`,
  /** The compensating entry of another entry (one per entry, so a repeated reversal is a no-op). */
  reversal: (eventId: string) =>
    `reversal_${POINT_EVENT_ID_RE.test(eventId) && eventId.length <= 491 ? eventId : idPart(eventId, 'eventId')}`,
} as const;

// ---------------------------------------------------------------------------------------------
// Levels

export interface LevelDefinition {
  level: number;
  name: string;
  min: number;
}

export const LEVELS: readonly LevelDefinition[] = [
  { level: 1, name: 'Novice', min: 0 },
  { level: 2, name: 'Learner', min: 1000 },
  { level: 3, name: 'Achiever', min: 2500 },
  { level: 4, name: 'Expert', min: 5000 },
  { level: 5, name: 'Master', min: 10000 },
];

export interface LevelInfo {
  level: number;
  name: string;
  /** Points at which this level starts. */
  min: number;
  /** Points at which the next level starts; null at the top level. */
  nextMin: number | null;
  /** Share of the way from `min` to `nextMin`, 0..1 (1 at the top level). */
  progress: number;
}

export function levelForPoints(points: number): LevelInfo {
  const p = Number.isFinite(points) ? Math.max(0, points) : 0;
  let index = 0;
  for (let i = 0; i < LEVELS.length; i++) {
    if (p >= LEVELS[i]!.min) index = i;
  }
  const current = LEVELS[index]!;
  const next = LEVELS[index + 1];
  const progress = next ? Math.min(1, Math.max(0, (p - current.min) / (next.min - current.min))) : 1;
  return { level: current.level, name: current.name, min: current.min, nextMin: next?.min ?? null, progress };
}

// ---------------------------------------------------------------------------------------------
// Starting values

export function emptyStats(): UserStats {
  return {
    coursesCompleted: 0,
    lecturesCompleted: 0,
    perfectQuizzes: 0,
    exchangesCompleted: 0,
    coursesPublished: 0,
    reviewsWritten: 0,
    sessionsAttended: 0,
    sessionsHosted: 0,
    referrals: 0,
  };
}

export function initialGamification(): Gamification {
  return {
    points: 0,
    level: 1,
    badges: [],
    currentStreak: 0,
    longestStreak: 0,
    lastActiveDay: null,
    badgeEarnedAt: {},
  };
}

// ---------------------------------------------------------------------------------------------
// Badges

export const BADGE_IDS = [
  'first-course',
  'streak-7',
  'bookworm',
  'skill-sharer',
  'top-rated',
  'course-creator',
  'quiz-master',
] as const;
export type BadgeId = (typeof BADGE_IDS)[number];

/** Badge definitions, also written to `badges/{id}` by the seed. */
export const BADGES: readonly (BadgeDefinition & { id: BadgeId })[] = [
  {
    id: 'first-course',
    name: 'First Course Completed',
    description: 'Finished your first course.',
    icon: '🎓',
    criteria: 'Complete 1 course',
    order: 1,
  },
  {
    id: 'streak-7',
    name: '7-Day Streak',
    description: 'Learned something seven days in a row.',
    icon: '🔥',
    criteria: 'Reach a 7-day learning streak',
    order: 2,
  },
  {
    id: 'bookworm',
    name: 'Bookworm',
    description: 'Completed ten courses.',
    icon: '📚',
    criteria: 'Complete 10 courses',
    order: 3,
  },
  {
    id: 'skill-sharer',
    name: 'Skill Sharer',
    description: 'Completed your first skill exchange.',
    icon: '🤝',
    criteria: 'Complete 1 skill exchange',
    order: 4,
  },
  {
    id: 'top-rated',
    name: 'Top Rated',
    description: 'Rated 4.5 or higher by at least three people.',
    icon: '⭐',
    criteria: 'Average rating ≥ 4.5 with at least 3 ratings',
    order: 5,
  },
  {
    id: 'course-creator',
    name: 'Course Creator',
    description: 'Published your first course.',
    icon: '🛠️',
    criteria: 'Publish 1 course',
    order: 6,
  },
  {
    id: 'quiz-master',
    name: 'Quiz Master',
    description: 'Scored 100% on five quizzes.',
    icon: '🧠',
    criteria: 'Score 100% on 5 quizzes',
    order: 7,
  },
];

export const TOP_RATED_MIN_AVERAGE = 4.5;
export const TOP_RATED_MIN_COUNT = 3;

export interface Rating {
  average: number;
  count: number;
}

/** What badge rules look at. Missing fields (older documents) count as zero. */
export interface BadgeInputs {
  stats?: Partial<UserStats> | null;
  gamification?: Partial<Pick<Gamification, 'currentStreak' | 'longestStreak'>> | null;
  rating?: Partial<Rating> | null;
}

export interface BadgeProgress {
  current: number;
  target: number;
  earned: boolean;
}

function n(value: number | undefined | null): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function progress(current: number, target: number, earned = current >= target): BadgeProgress {
  return { current: Math.min(current, target), target, earned };
}

/** Progress toward one badge, for the achievements page. */
export function badgeProgress(badgeId: BadgeId, inputs: BadgeInputs): BadgeProgress {
  const stats = inputs.stats ?? {};
  const g = inputs.gamification ?? {};
  const rating = inputs.rating ?? {};
  switch (badgeId) {
    case 'first-course':
      return progress(n(stats.coursesCompleted), 1);
    case 'streak-7':
      return progress(Math.max(n(g.longestStreak), n(g.currentStreak)), 7);
    case 'bookworm':
      return progress(n(stats.coursesCompleted), 10);
    case 'skill-sharer':
      return progress(n(stats.exchangesCompleted), 1);
    case 'top-rated': {
      // Counted in ratings; ratings only count while the average is high enough.
      const highEnough = n(rating.average) >= TOP_RATED_MIN_AVERAGE;
      const current = highEnough ? n(rating.count) : 0;
      return progress(current, TOP_RATED_MIN_COUNT, highEnough && n(rating.count) >= TOP_RATED_MIN_COUNT);
    }
    case 'course-creator':
      return progress(n(stats.coursesPublished), 1);
    case 'quiz-master':
      return progress(n(stats.perfectQuizzes), 5);
  }
}

/** Every badge the inputs qualify for (not only new ones), in display order. */
export function earnedBadges(
  stats: BadgeInputs['stats'],
  gamification: BadgeInputs['gamification'],
  rating: BadgeInputs['rating'],
): BadgeId[] {
  return BADGES.filter((b) => badgeProgress(b.id, { stats, gamification, rating }).earned).map((b) => b.id);
}

/** Badges earned now that are not yet in `alreadyHeld`. */
export function newlyEarnedBadges(inputs: BadgeInputs, alreadyHeld: readonly string[]): BadgeId[] {
  const held = new Set(alreadyHeld);
  return earnedBadges(inputs.stats, inputs.gamification, inputs.rating).filter((id) => !held.has(id));
}

export function badgeById(id: string): (BadgeDefinition & { id: BadgeId }) | undefined {
  return BADGES.find((b) => b.id === id);
}

// ---------------------------------------------------------------------------------------------
// Days, streaks and weeks

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function assertDay(day: string): string {
  dayNumber(day);
  return day;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' calendar day; throws on anything else. */
export function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a YYYY-MM-DD day: "${day}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new Error(`Not a calendar day: "${day}"`);
  }
  return Math.round(ms / MS_PER_DAY);
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

export interface StreakState {
  currentStreak: number;
  longestStreak: number;
  lastActiveDay: string | null;
}

/**
 * The streak after activity on `activityDay` (the user's local day). Same day: unchanged. The day
 * after the last active day: +1. A gap: back to 1. A day before the last active day (an event
 * delivered out of order): unchanged.
 */
export function nextStreak(prev: StreakState, activityDay: string): StreakState {
  const today = dayNumber(activityDay);
  const current = Math.max(0, n(prev.currentStreak));
  const longest = Math.max(0, n(prev.longestStreak));
  if (prev.lastActiveDay) {
    const last = dayNumber(prev.lastActiveDay);
    if (today <= last)
      return { currentStreak: current, longestStreak: longest, lastActiveDay: prev.lastActiveDay };
    if (today === last + 1) {
      const streak = current + 1;
      return { currentStreak: streak, longestStreak: Math.max(longest, streak), lastActiveDay: activityDay };
    }
  }
  return { currentStreak: 1, longestStreak: Math.max(longest, 1), lastActiveDay: activityDay };
}

/** A profile time-zone change moves the streak's day boundaries at most this often. */
export const STREAK_TIMEZONE_CHANGE_MS = 7 * MS_PER_DAY;

/** What the server keeps about the streak's time zone (users/{uid}.gamification). */
export interface StreakZoneState {
  /** The zone the streak's days are counted in (null: none yet, adopt the profile's). */
  streakTimezone: string | null;
  /** When the streak last switched zones (null: never). */
  streakTimezoneChangedAt: Date | null;
  lastActiveDay: string | null;
}

/**
 * The time zone an activity at `at` counts in (`dayZone`, issue 15 §10): the one the day began in,
 * and the zone kept for later activities (`timezone`, `changedAt`). A changed
 * profile zone takes effect only once the day that began in the old zone is over (the old zone's
 * day at `at` is later than the last active day) and at most once in 7 days; until then the old
 * zone keeps counting, so switching between far zones never makes extra days.
 */
export function streakTimeZone(
  state: StreakZoneState,
  profileTimezone: string,
  at: Date,
): { dayZone: string; timezone: string; changedAt: Date | null } {
  const wanted = isValidTimeZone(profileTimezone) ? profileTimezone : 'UTC';
  const current = state.streakTimezone && isValidTimeZone(state.streakTimezone) ? state.streakTimezone : null;
  const since = state.streakTimezoneChangedAt;
  if (!current) return { dayZone: wanted, timezone: wanted, changedAt: since };
  if (wanted === current) return { dayZone: current, timezone: current, changedAt: since };
  const weekPassed = !since || at.getTime() - since.getTime() >= STREAK_TIMEZONE_CHANGE_MS;
  const oldDay = localDay(at, current);
  const dayOver = !state.lastActiveDay || oldDay > state.lastActiveDay;
  // The switching activity still counts in the day that began in the old zone; later ones in the new.
  if (weekPassed && dayOver) return { dayZone: current, timezone: wanted, changedAt: at };
  return { dayZone: current, timezone: current, changedAt: since };
}

/**
 * The streak day of an activity at `at` in `timezone`, never earlier than the last active day
 * (an earlier day after a westward switch is the same day, not a reset).
 */
export function streakDay(at: Date, timezone: string, lastActiveDay: string | null): string {
  const day = localDay(at, timezone);
  return lastActiveDay && day < lastActiveDay ? lastActiveDay : day;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0) return false;
  try {
    dayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields of `date` in `timeZone` (an unknown time zone throws a RangeError). */
export function zonedParts(date: Date, timeZone: string) {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? '0');
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/**
 * Milliseconds `timeZone` is ahead of UTC at `date` (e.g. +3_600_000 for Paris in winter), to the
 * second; an unknown time zone throws a RangeError.
 */
export function timeZoneOffsetMs(date: Date, timeZone: string): number {
  const p = zonedParts(date, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

/** The calendar day ('YYYY-MM-DD') of `date` in `timeZone`; an unknown time zone counts as UTC. */
export function localDay(date: Date, timeZone: string): string {
  const f = isValidTimeZone(timeZone) ? dayFormatter(timeZone) : dayFormatter('UTC');
  const parts = f.formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** ISO-8601 week id of `date` (in UTC), e.g. '2026-W48'; the year is the ISO week-year. */
export function isoWeekId(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const weekYear = day.getUTCFullYear();
  const jan1 = Date.UTC(weekYear, 0, 1);
  const week = Math.floor((day.getTime() - jan1) / MS_PER_DAY / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** Leaderboard periods: `allTime` and ISO weeks. */
export const ALL_TIME_PERIOD = 'allTime';

export function leaderboardPeriods(date: Date): [typeof ALL_TIME_PERIOD, string] {
  return [ALL_TIME_PERIOD, isoWeekId(date)];
}
