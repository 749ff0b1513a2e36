import type { DailyStats, PlatformStats, StatsHistory } from '@skillverse/domain/stats';
import { emptyCounters } from '@skillverse/domain/stats';
import type { FirestoreDataConverter, QueryDocumentSnapshot } from 'firebase/firestore';
import { z } from 'zod';
import { arrayOf, count, dateOrNow, dateOrNull, serverOnly } from './parse';

/** A record of counters: every number kept, anything else dropped. */
const counts = z
  .record(z.string(), z.unknown())
  .catch({})
  .transform((r) =>
    Object.fromEntries(Object.entries(r).filter((e): e is [string, number] => typeof e[1] === 'number')),
  );

/** stats/platform, with every counter present (0 when the server has not written it yet). */
export function parsePlatformStats(data: unknown): PlatformStats {
  const raw = z
    .object({
      users: counts,
      courses: counts,
      enrollments: counts,
      payments: counts,
      revenue: counts,
      exchanges: counts,
      liveSessions: counts,
      educatorApplications: counts,
      activeLearners: z
        .object({ last7Days: count, last30Days: count, asOf: dateOrNow })
        .nullable()
        .catch(null),
      updatedAt: dateOrNow,
      reconciledAt: dateOrNull,
    })
    .parse(data ?? {});
  const base = emptyCounters();
  return {
    users: { ...base.users, ...raw.users },
    courses: { ...base.courses, ...raw.courses },
    enrollments: { ...base.enrollments, ...raw.enrollments },
    payments: { ...base.payments, ...raw.payments },
    revenue: raw.revenue,
    exchanges: { ...base.exchanges, ...raw.exchanges },
    liveSessions: { ...base.liveSessions, ...raw.liveSessions },
    educatorApplications: { ...base.educatorApplications, ...raw.educatorApplications },
    activeLearners: raw.activeLearners,
    updatedAt: raw.updatedAt,
    reconciledAt: raw.reconciledAt,
  };
}

const day = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  newUsers: count,
  newEnrollments: count,
  revenue: counts,
  paymentsPaid: count,
  activeLearners7d: count,
  activeLearners30d: count,
  users: count,
  enrollments: count,
}) satisfies z.ZodType<DailyStats>;

/** stats/history: the days oldest first; malformed entries are dropped. */
export function parseStatsHistory(data: unknown): StatsHistory {
  const raw = z.object({ days: arrayOf(day), updatedAt: dateOrNow }).parse(data ?? {});
  return { days: [...raw.days].sort((a, b) => a.day.localeCompare(b.day)), updatedAt: raw.updatedAt };
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
