// stats/platform and stats/history (admin figures): server-written, admins read.
import type { DailyStats, PlatformStats, StatsHistory } from '@skillverse/domain/stats';
import { emptyCounters } from '@skillverse/domain/stats';
import {
  collection,
  type DocumentData,
  doc,
  type FirestoreDataConverter,
  type QueryDocumentSnapshot,
} from 'firebase/firestore';
import { db } from '@/lib/firebase';
import {
  arrayOf,
  dateOrNow,
  dateOrNull,
  isObject,
  num,
  obj,
  recordOf,
  serverOnly,
} from '@/lib/firestore/parse';

/**
 * A map of counters: every number kept, anything else dropped. (Any number, as before — unlike
 * the other numeric fields this does not drop NaN or Infinity.)
 */
function counts(v: unknown): Record<string, number> {
  return recordOf(v, (x) => (typeof x === 'number' ? x : undefined));
}

/** stats/platform, with every counter present (0 when the server has not written it yet). */
export function parsePlatformStats(data: unknown): PlatformStats {
  const d = obj(data);
  const base = emptyCounters();
  const active = d.activeLearners;
  return {
    users: { ...base.users, ...counts(d.users) },
    courses: { ...base.courses, ...counts(d.courses) },
    enrollments: { ...base.enrollments, ...counts(d.enrollments) },
    payments: { ...base.payments, ...counts(d.payments) },
    revenue: counts(d.revenue),
    exchanges: { ...base.exchanges, ...counts(d.exchanges) },
    liveSessions: { ...base.liveSessions, ...counts(d.liveSessions) },
    educatorApplications: { ...base.educatorApplications, ...counts(d.educatorApplications) },
    activeLearners: isObject(active)
      ? { last7Days: num(active.last7Days), last30Days: num(active.last30Days), asOf: dateOrNow(active.asOf) }
      : null,
    updatedAt: dateOrNow(d.updatedAt),
    reconciledAt: dateOrNull(d.reconciledAt),
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One day of the history; dropped without a YYYY-MM-DD day. */
function readDay(raw: unknown): DailyStats | undefined {
  const d = obj(raw);
  if (typeof d.day !== 'string' || !DAY.test(d.day)) return undefined;
  return {
    day: d.day,
    newUsers: num(d.newUsers),
    newEnrollments: num(d.newEnrollments),
    revenue: counts(d.revenue),
    paymentsPaid: num(d.paymentsPaid),
    activeLearners7d: num(d.activeLearners7d),
    activeLearners30d: num(d.activeLearners30d),
    users: num(d.users),
    enrollments: num(d.enrollments),
  };
}

/** stats/history: the days oldest first; malformed entries are dropped. */
export function parseStatsHistory(data: unknown): StatsHistory {
  const d = obj(data);
  return {
    days: arrayOf(d.days, readDay).sort((a, b) => a.day.localeCompare(b.day)),
    updatedAt: dateOrNow(d.updatedAt),
  };
}

export const platformStatsConverter: FirestoreDataConverter<PlatformStats> = {
  toFirestore: () => serverOnly('stats'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parsePlatformStats(snapshot.data({ serverTimestamps: 'estimate' })),
};

export const statsHistoryConverter: FirestoreDataConverter<StatsHistory> = {
  toFirestore: () => serverOnly('stats'),
  fromFirestore: (snapshot: QueryDocumentSnapshot) =>
    parseStatsHistory(snapshot.data({ serverTimestamps: 'estimate' })),
};

// ---------------------------------------------------------------- paths and refs

export const statsPaths = {
  platform: () => 'stats/platform',
  platformShards: () => 'stats/platform/shards',
  history: () => 'stats/history',
} as const;

/** stats/platform: the headline counters (admins only). */
export const platformStatsRef = () => doc(db, statsPaths.platform()).withConverter(platformStatsConverter);
/** stats/history: the last 90 days of the daily rollup in one document (admins only). */
export const statsHistoryRef = () => doc(db, statsPaths.history()).withConverter(statsHistoryConverter);
/**
 * stats/platform/shards: the counter deltas since the last reconciliation, spread over shards so no
 * one document takes every write (admins only). Readers add them to stats/platform: see
 * usePlatformStats. Raw data: parsePlatformStats reads the sum.
 */
export const platformStatShardsRef = () =>
  collection(db, statsPaths.platformShards()).withConverter<DocumentData, DocumentData>({
    toFirestore: () => serverOnly('stats'),
    fromFirestore: (snapshot: QueryDocumentSnapshot) => snapshot.data(),
  });
