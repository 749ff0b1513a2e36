// The seed's platform statistics, derived from the seed's own documents with the same domain
// functions the server uses: stats/platform (counters = the sum of every document's
// contribution), stats/platform/daily/{day} and stats/history for the last HISTORY days (new users,
// enrolments and paid revenue by createdAt; active learners from each person's learning activity).
// Pure. The seed writes these documents last, followed by stats/reconciliation (see write.ts), so
// counter triggers that run on the seed's own writes skip them instead of counting them twice.
import {
  COUNTED_COLLECTIONS,
  type CountedCollection,
  countersFrom,
  type DailyStats,
  type PlatformStats,
  type StatsHistory,
  utcDay,
  utcDayRange,
} from '@skillverse/domain/stats';

/** Days of history the seed writes (the console charts up to 90). */
export const SEED_HISTORY_DAYS = 60;

const DAY_MS = 86_400_000;

interface Doc {
  path: string;
  data: object;
}

const asDate = (value: unknown): Date | null => (value instanceof Date ? value : null);

function countedCollection(path: string): CountedCollection | null {
  const parts = path.split('/');
  if (parts.length !== 2) return null;
  return (COUNTED_COLLECTIONS as readonly string[]).includes(parts[0] ?? '')
    ? (parts[0] as CountedCollection)
    : null;
}

/** Learning activity per user: streak days up to their last activity, ledger entries, enrolment use. */
function activityByUser(docs: readonly Doc[]): Map<string, Date[]> {
  const out = new Map<string, Date[]>();
  const note = (uid: unknown, at: Date | null) => {
    if (typeof uid !== 'string' || !at) return;
    const list = out.get(uid) ?? [];
    list.push(at);
    out.set(uid, list);
  };
  for (const { path, data } of docs) {
    const d = data as Record<string, unknown>;
    const parts = path.split('/');
    if (parts[0] === 'users' && parts.length === 2) {
      const g = (d.gamification ?? {}) as Record<string, unknown>;
      const last = asDate(g.lastActiveAt);
      const streak = typeof g.currentStreak === 'number' ? Math.max(1, g.currentStreak) : 1;
      if (last) for (let k = 0; k < streak; k += 1) note(parts[1], new Date(last.getTime() - k * DAY_MS));
    } else if (parts[0] === 'users' && parts[2] === 'pointEvents') {
      note(parts[1], asDate(d.createdAt));
    } else if (parts[0] === 'enrollments' && parts.length === 2) {
      note(d.uid, asDate(d.createdAt));
      note(d.uid, asDate(d.updatedAt));
    }
  }
  return out;
}

export interface SeedStats {
  platform: PlatformStats;
  daily: DailyStats[];
  history: StatsHistory;
}

export function buildSeedStats(docs: readonly Doc[], now: Date, days = SEED_HISTORY_DAYS): SeedStats {
  const counted = docs.flatMap((d) => {
    const collection = countedCollection(d.path);
    return collection ? [{ collection, data: d.data as Record<string, unknown> }] : [];
  });
  const counters = countersFrom(counted);
  const created = (collection: CountedCollection): (Record<string, unknown> & { at: Date | null })[] =>
    counted
      .filter((d) => d.collection === collection)
      .map((d) => ({ ...d.data, at: asDate(d.data.createdAt) }));
  const users = created('users');
  const enrollments = created('enrollments');
  const paid = created('payments').filter((p) => p.status === 'paid');
  const activity = activityByUser(docs);
  const activeBetween = (from: number, to: number) =>
    [...activity.values()].filter((times) => times.some((t) => t.getTime() >= from && t.getTime() < to))
      .length;

  const today = utcDay(now);
  const daily: DailyStats[] = [];
  for (let i = days - 1; i >= 0; i -= 1) {
    const day = utcDay(new Date(utcDayRange(today).start.getTime() - i * DAY_MS));
    const { start, end } = utcDayRange(day);
    const asOf = Math.min(end.getTime(), now.getTime());
    const inDay = (at: Date | null) => at !== null && at >= start && at < end;
    const before = (at: Date | null) => at !== null && at < end;
    const revenue: Record<string, number> = {};
    let paymentsPaid = 0;
    for (const p of paid) {
      if (!inDay(p.at)) continue;
      paymentsPaid += 1;
      const currency = String(p.currency);
      revenue[currency] = (revenue[currency] ?? 0) + Number(p.amount);
    }
    daily.push({
      day,
      newUsers: users.filter((u) => inDay(u.at)).length,
      newEnrollments: enrollments.filter((e) => inDay(e.at)).length,
      revenue,
      paymentsPaid,
      activeLearners7d: activeBetween(asOf - 7 * DAY_MS, asOf),
      activeLearners30d: activeBetween(asOf - 30 * DAY_MS, asOf),
      users: users.filter((u) => before(u.at)).length,
      enrollments: enrollments.filter((e) => before(e.at)).length,
    });
  }
  // The headline figure is what the rollup's count() on gamification.lastActiveAt gives.
  const lastActive = users.map((u) =>
    asDate((u.gamification as Record<string, unknown> | undefined)?.lastActiveAt),
  );
  const activeSince = (ms: number) =>
    lastActive.filter((t) => t !== null && t.getTime() >= now.getTime() - ms).length;
  const platform: PlatformStats = {
    ...counters,
    activeLearners: { last7Days: activeSince(7 * DAY_MS), last30Days: activeSince(30 * DAY_MS), asOf: now },
    updatedAt: now,
    reconciledAt: now,
  };
  return { platform, daily, history: { days: daily, updatedAt: now } };
}

/** The documents to write, in order (the counters last but one; stats/reconciliation comes after). */
export function seedStatsDocs(stats: SeedStats): Doc[] {
  return [
    ...stats.daily.map((d) => ({ path: `stats/platform/daily/${d.day}`, data: d })),
    { path: 'stats/history', data: stats.history },
    { path: 'stats/platform', data: stats.platform },
  ];
}
