// Platform counters (stats/platform) and the daily history (stats/platform/daily/{day},
// stats/history). Pure: what one document contributes to the counters, the difference a write
// makes, and the shape of the history. Triggers apply `counterDelta(before, after)` as
// increments, so every write counts once and deliveries in any order add up to the same totals.
import {
  ACCOUNT_STATUSES,
  COURSE_STATUSES,
  type CourseStatus,
  EDUCATOR_APPLICATION_STATUSES,
  type EducatorApplicationStatus,
  ENROLLMENT_STATUSES,
  EXCHANGE_STATUSES,
  type ExchangeStatus,
  LIVE_SESSION_STATUSES,
  type LiveSessionStatus,
  PAYMENT_STATUSES,
  type PaymentStatus,
} from './models';
import { shardFor } from './counters';

/** The collections whose documents feed the counters. */
export const COUNTED_COLLECTIONS = [
  'users',
  'courses',
  'enrollments',
  'payments',
  'exchanges',
  'liveSessions',
  'educatorApplications',
] as const;
export type CountedCollection = (typeof COUNTED_COLLECTIONS)[number];

export interface UserCounters {
  total: number;
  active: number;
  suspended: number;
  banned: number;
  educators: number;
  admins: number;
}

export interface EnrollmentCounters {
  total: number;
  active: number;
  refunded: number;
  /** Enrolments with a completion (completedAt set). */
  completed: number;
}

/** The headline counters kept on stats/platform. */
export interface PlatformCounters {
  users: UserCounters;
  courses: Record<CourseStatus, number>;
  enrollments: EnrollmentCounters;
  payments: Record<PaymentStatus, number>;
  /** Sum of paid payments' amounts, in minor units, by ISO currency code (e.g. { USD: 12900 }). */
  revenue: Record<string, number>;
  exchanges: Record<ExchangeStatus, number>;
  liveSessions: Record<LiveSessionStatus, number>;
  educatorApplications: Record<EducatorApplicationStatus, number>;
}

export interface ActiveLearners {
  /** Users with learning activity (gamification.lastActiveAt) in the 7 / 30 days before `asOf`. */
  last7Days: number;
  last30Days: number;
  asOf: Date;
}

/** stats/platform: the counters plus what the daily rollup adds. Admin read, server write. */
export interface PlatformStats extends PlatformCounters {
  activeLearners: ActiveLearners | null;
  updatedAt: Date;
  /** When the rollup last set the counters from aggregation queries. */
  reconciledAt: Date | null;
}

/**
 * stats/reconciliation: events written up to `countedUpTo` are already in the counters (the
 * rollup or the seed counted the documents themselves), so a trigger delivered later skips them.
 */
export interface StatsReconciliation {
  countedUpTo: Date;
  by: 'rollup' | 'seed';
}

/** One UTC day of the history. */
export interface DailyStats {
  /** UTC day, YYYY-MM-DD. */
  day: string;
  newUsers: number;
  newEnrollments: number;
  /** Paid payments created that day: amount by currency, minor units. */
  revenue: Record<string, number>;
  paymentsPaid: number;
  /** Active learners in the 7 / 30 days up to the end of the day. */
  activeLearners7d: number;
  activeLearners30d: number;
  /** Totals at the end of the day (users, enrolments). */
  users: number;
  enrollments: number;
}

/** stats/history: the last HISTORY_DAYS days in one document, oldest first. */
export interface StatsHistory {
  days: DailyStats[];
  updatedAt: Date;
}

export const HISTORY_DAYS = 90;
/** How long an applied-event marker is kept (a TTL policy on `expireAt` deletes it). */
export const APPLIED_EVENT_TTL_DAYS = 7;

/**
 * stats/platform is read as its base document plus this many shards
 * (stats/platform/shards/{shard}): each counted event adds its delta to one shard, chosen by its
 * event id, so concurrent events spread their writes over the shards instead of all waiting on one
 * document (Firestore sustains about one write a second per document). The daily reconciliation
 * writes the true counts into the base and empties the shards in one transaction.
 */
export const PLATFORM_STAT_SHARDS = 16;

/** The shard an event's delta goes to: a stable hash of its id (FNV-1a), so a retry picks the same one. */
export function statsShardFor(eventId: string, shards = PLATFORM_STAT_SHARDS): string {
  return shardFor(eventId, shards);
}

/**
 * The counters a reader sees: the base document's counter groups plus every shard's. Non-numeric
 * values in the groups are ignored; the base's other fields (activeLearners, updatedAt…) are kept.
 */
export function sumCounterDocs<T extends object>(
  base: T | null | undefined,
  shards: Iterable<unknown>,
): T & PlatformCounters {
  const groups = Object.keys(emptyCounters()) as (keyof PlatformCounters)[];
  const out = { ...(base ?? {}) } as Record<string, unknown>;
  for (const group of groups) {
    const sum: Record<string, number> = {};
    for (const source of [base, ...shards]) {
      const values = (source as Record<string, unknown> | null | undefined)?.[group];
      if (!values || typeof values !== 'object') continue;
      for (const [key, n] of Object.entries(values))
        if (typeof n === 'number') sum[key] = (sum[key] ?? 0) + n;
    }
    out[group] = { ...(emptyCounters()[group] as Record<string, number>), ...sum };
  }
  return out as T & PlatformCounters;
}

/** Counter deltas by dotted field path, e.g. { 'users.total': 1, 'revenue.USD': 4900 }. */
export type CounterDelta = Record<string, number>;

type Data = Record<string, unknown> | null | undefined;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function emptyCounters(): PlatformCounters {
  return {
    users: { total: 0, active: 0, suspended: 0, banned: 0, educators: 0, admins: 0 },
    courses: zeroes(COURSE_STATUSES),
    enrollments: { total: 0, active: 0, refunded: 0, completed: 0 },
    payments: zeroes(PAYMENT_STATUSES),
    revenue: {},
    exchanges: zeroes(EXCHANGE_STATUSES),
    liveSessions: zeroes(LIVE_SESSION_STATUSES),
    educatorApplications: zeroes(EDUCATOR_APPLICATION_STATUSES),
  };
}

function known<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

/** An ISO 4217-looking code, upper-cased; null for anything else (never a field name we did not expect). */
export function currencyKey(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const code = value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

function amountOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;
}

/** What one document adds to the counters (empty for a missing document). */
export function contribution(collection: CountedCollection, data: Data): CounterDelta {
  if (!data) return {};
  const out: CounterDelta = {};
  const add = (path: string, n = 1) => {
    if (n !== 0) out[path] = (out[path] ?? 0) + n;
  };
  switch (collection) {
    case 'users': {
      add('users.total');
      if (known(ACCOUNT_STATUSES, data.status)) add(`users.${data.status}`);
      const roles = Array.isArray(data.roles) ? data.roles : [];
      if (roles.includes('educator')) add('users.educators');
      if (roles.includes('admin')) add('users.admins');
      break;
    }
    case 'courses':
      if (known(COURSE_STATUSES, data.status)) add(`courses.${data.status}`);
      break;
    case 'enrollments':
      add('enrollments.total');
      if (known(ENROLLMENT_STATUSES, data.status)) add(`enrollments.${data.status}`);
      if (data.completedAt !== null && data.completedAt !== undefined) add('enrollments.completed');
      break;
    case 'payments': {
      if (known(PAYMENT_STATUSES, data.status)) add(`payments.${data.status}`);
      const currency = currencyKey(data.currency);
      if (data.status === 'paid' && currency) add(`revenue.${currency}`, amountOf(data.amount));
      break;
    }
    case 'exchanges':
      if (known(EXCHANGE_STATUSES, data.status)) add(`exchanges.${data.status}`);
      break;
    case 'liveSessions':
      if (known(LIVE_SESSION_STATUSES, data.status)) add(`liveSessions.${data.status}`);
      break;
    case 'educatorApplications':
      if (known(EDUCATOR_APPLICATION_STATUSES, data.status)) add(`educatorApplications.${data.status}`);
      break;
  }
  return out;
}

/** What a write (create, update or delete) changes: contribution(after) − contribution(before), zeros dropped. */
export function counterDelta(collection: CountedCollection, before: Data, after: Data): CounterDelta {
  const out: CounterDelta = { ...contribution(collection, after) };
  for (const [path, n] of Object.entries(contribution(collection, before))) out[path] = (out[path] ?? 0) - n;
  for (const [path, n] of Object.entries(out)) if (n === 0) delete out[path];
  return out;
}

/** Adds deltas together (e.g. the contributions of many documents). */
export function sumDeltas(deltas: Iterable<CounterDelta>): CounterDelta {
  const out: CounterDelta = {};
  for (const d of deltas) for (const [path, n] of Object.entries(d)) out[path] = (out[path] ?? 0) + n;
  for (const [path, n] of Object.entries(out)) if (n === 0) delete out[path];
  return out;
}

/** Turns dotted paths into a nested object, mapping each number (e.g. to FieldValue.increment). */
export function nestDelta<V>(delta: CounterDelta, map: (n: number) => V): Record<string, Record<string, V>> {
  const out: Record<string, Record<string, V>> = {};
  for (const [path, n] of Object.entries(delta)) {
    const dot = path.indexOf('.');
    const group = path.slice(0, dot);
    const key = path.slice(dot + 1);
    out[group] ??= {};
    out[group][key] = map(n);
  }
  return out;
}

/** Counters with a delta applied (for the seed and tests; the server uses increments). */
export function applyDelta(counters: PlatformCounters, delta: CounterDelta): PlatformCounters {
  const next = JSON.parse(JSON.stringify(counters)) as Record<string, Record<string, number>>;
  for (const [path, n] of Object.entries(delta)) {
    const dot = path.indexOf('.');
    const name = path.slice(0, dot);
    next[name] ??= {};
    const group = next[name];
    const key = path.slice(dot + 1);
    group[key] = (group[key] ?? 0) + n;
  }
  return next as unknown as PlatformCounters;
}

/** Counters from scratch: the sum of every document's contribution. */
export function countersFrom(
  docs: Iterable<{ collection: CountedCollection; data: Data }>,
): PlatformCounters {
  const deltas: CounterDelta[] = [];
  for (const d of docs) deltas.push(contribution(d.collection, d.data));
  return applyDelta(emptyCounters(), sumDeltas(deltas));
}

/** Where the counters and the truth differ, by path (truth − counters); empty when they agree. */
export function counterDrift(counters: PlatformCounters, truth: PlatformCounters): CounterDelta {
  // Only the counter groups: a stats document also holds times and the active-learner figures.
  const groups = Object.keys(emptyCounters()) as (keyof PlatformCounters)[];
  const flat = (c: PlatformCounters): CounterDelta => {
    const out: CounterDelta = {};
    for (const group of groups) {
      const values = (c[group] ?? {}) as Record<string, unknown>;
      for (const [key, n] of Object.entries(values)) if (typeof n === 'number') out[`${group}.${key}`] = n;
    }
    return out;
  };
  const a = flat(counters);
  const b = flat(truth);
  const out: CounterDelta = {};
  for (const path of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const d = (b[path] ?? 0) - (a[path] ?? 0);
    if (d !== 0) out[path] = d;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Days and history

const DAY_MS = 86_400_000;

/** The UTC day of `date`, YYYY-MM-DD. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** [start, end) of a UTC day given as YYYY-MM-DD; throws on anything else. */
export function utcDayRange(day: string): { start: Date; end: Date } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`Not a day (YYYY-MM-DD): ${day}`);
  const start = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(start.getTime()) || utcDay(start) !== day) throw new Error(`Not a day: ${day}`);
  return { start, end: new Date(start.getTime() + DAY_MS) };
}

/** The UTC day `n` days before `day` (negative n: after). */
export function addUtcDays(day: string, n: number): string {
  return utcDay(new Date(utcDayRange(day).start.getTime() + n * DAY_MS));
}

/** The day a scheduled rollup at `now` closes: the UTC day before. */
export function dayToRollUp(now: Date): string {
  return utcDay(new Date(now.getTime() - DAY_MS));
}

/**
 * The history with `entry` in it: one entry per day (a day rolled up again replaces itself),
 * oldest first, at most `max` days, the newest kept.
 */
export function mergeHistory(
  days: readonly DailyStats[],
  entries: readonly DailyStats[],
  max = HISTORY_DAYS,
) {
  const byDay = new Map<string, DailyStats>();
  for (const d of days) byDay.set(d.day, d);
  for (const e of entries) byDay.set(e.day, e);
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)).slice(-max);
}

/** refreshPlatformStats (admin callable): roll up a day now (default today so far) and reconcile. */
export interface RefreshPlatformStatsRequest {
  day?: string;
}

export interface RefreshPlatformStatsResult {
  day: string;
  /** Counters that were off and have been corrected. */
  corrected: number;
}
