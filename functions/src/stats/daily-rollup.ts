// The daily rollup: for one UTC day, the day's new users, enrolments and paid revenue (count() and
// sum() over createdAt ranges), active learners in the 7 and 30 days before its end
// (count() on users.gamification.lastActiveAt), written to stats/platform/daily/{day} and merged
// into stats/history (the last 90 days in one document, for the console). It also reconciles the
// headline counters with aggregation queries, so drift from a lost or failed trigger is corrected.
// Every figure comes from aggregation queries: the cost does not grow with the documents counted
// beyond Firestore's one read per 1,000 index entries. Running it twice for a day writes the same
// documents.
import {
  type ActiveLearners,
  type CounterDelta,
  counterDrift,
  currencyKey,
  type DailyStats,
  dayToRollUp,
  emptyCounters,
  HISTORY_DAYS,
  mergeHistory,
  type PlatformCounters,
  utcDayRange,
} from '@skillverse/domain/stats';
import {
  ACCOUNT_STATUSES,
  COURSE_STATUSES,
  EDUCATOR_APPLICATION_STATUSES,
  ENROLLMENT_STATUSES,
  EXCHANGE_STATUSES,
  LIVE_SESSION_STATUSES,
  PAYMENT_STATUSES,
} from '@skillverse/domain/models';
import { AggregateField, type Firestore, type Query } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord, runCallableTransaction } from '../lib/firestore';
import {
  dailyStatsRef,
  historyRef,
  platformStatShardsCol,
  platformStatsRef,
  readPlatformCounters,
  reconciliationRef,
} from '../lib/data/stats';
import { usersCol } from '../lib/data/users';
import { coursesCol } from '../lib/data/courses';
import { enrollmentsCol } from '../lib/data/enrollments';
import { paymentsCol } from '../lib/data/payments';
import { exchangesCol } from '../lib/data/exchanges';
import { liveSessionsCol } from '../lib/data/live-sessions';
import { educatorApplicationsCol } from '../lib/data/educator-applications';

const DAY_MS = 86_400_000;

export interface RollupOptions {
  /** UTC day to roll up (YYYY-MM-DD); defaults to the day before `now`. */
  day?: string;
  /** Reset the headline counters from aggregation queries (default true). */
  reconcile?: boolean;
  /** Aggregation queries in flight at once. */
  concurrency?: number;
}

export interface RollupResult {
  day: string;
  daily: DailyStats;
  /** Counters minus truth before reconciling (empty when they agreed); null when not reconciled. */
  drift: CounterDelta | null;
  queries: number;
}

async function inBatches<T>(tasks: (() => Promise<T>)[], concurrency: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await (tasks[i] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return out;
}

/** Collects aggregation queries, then runs them with a concurrency limit. */
class Aggregations {
  private readonly tasks: (() => Promise<void>)[] = [];

  count(query: Query, set: (n: number) => void): void {
    this.tasks.push(async () => set((await query.count().get()).data().count));
  }

  countAndSum(query: Query, field: string, set: (count: number, sum: number) => void): void {
    this.tasks.push(async () => {
      const snap = await query
        .aggregate({ n: AggregateField.count(), total: AggregateField.sum(field) })
        .get();
      set(snap.data().n, snap.data().total ?? 0);
    });
  }

  get size(): number {
    return this.tasks.length;
  }

  async run(concurrency: number): Promise<void> {
    await inBatches(this.tasks, concurrency);
  }
}

/** The headline counters as the documents have them now (≈ 35 aggregation queries). */
function addCounterQueries(db: Firestore, agg: Aggregations, currencies: string[]): PlatformCounters {
  const c = emptyCounters();
  const users = usersCol(db);
  agg.count(users, (n) => {
    c.users.total = n;
  });
  for (const s of ACCOUNT_STATUSES)
    agg.count(users.where('status', '==', s), (n) => {
      c.users[s] = n;
    });
  agg.count(users.where('roles', 'array-contains', 'educator'), (n) => {
    c.users.educators = n;
  });
  agg.count(users.where('roles', 'array-contains', 'admin'), (n) => {
    c.users.admins = n;
  });
  for (const s of COURSE_STATUSES)
    agg.count(coursesCol(db).where('status', '==', s), (n) => {
      c.courses[s] = n;
    });
  const enrollments = enrollmentsCol(db);
  agg.count(enrollments, (n) => {
    c.enrollments.total = n;
  });
  for (const s of ENROLLMENT_STATUSES)
    agg.count(enrollments.where('status', '==', s), (n) => {
      c.enrollments[s] = n;
    });
  agg.count(enrollments.where('completedAt', '!=', null), (n) => {
    c.enrollments.completed = n;
  });
  const payments = paymentsCol(db);
  for (const s of PAYMENT_STATUSES)
    agg.count(payments.where('status', '==', s), (n) => {
      c.payments[s] = n;
    });
  for (const currency of currencies)
    agg.countAndSum(
      payments.where('status', '==', 'paid').where('currency', '==', currency),
      'amount',
      (_, sum) => {
        if (sum !== 0) c.revenue[currency] = sum;
      },
    );
  for (const s of EXCHANGE_STATUSES)
    agg.count(exchangesCol(db).where('status', '==', s), (n) => {
      c.exchanges[s] = n;
    });
  for (const s of LIVE_SESSION_STATUSES)
    agg.count(liveSessionsCol(db).where('status', '==', s), (n) => {
      c.liveSessions[s] = n;
    });
  for (const s of EDUCATOR_APPLICATION_STATUSES)
    agg.count(educatorApplicationsCol(db).where('status', '==', s), (n) => {
      c.educatorApplications[s] = n;
    });
  return c;
}

function activeLearnerQueries(db: Firestore, agg: Aggregations, asOf: Date, into: ActiveLearners): void {
  const users = usersCol(db);
  for (const [days, key] of [
    [7, 'last7Days'],
    [30, 'last30Days'],
  ] as const) {
    agg.count(
      users.where('gamification.lastActiveAt', '>=', new Date(asOf.getTime() - days * DAY_MS)),
      (n) => {
        into[key] = n;
      },
    );
  }
}

/** Currencies to sum revenue in: those the counters know, plus USD (the seed's and default). */
function currenciesOf(stats: Record<string, unknown> | undefined): string[] {
  const revenue = stats && isRecord(stats.revenue) ? Object.keys(stats.revenue) : [];
  return [...new Set(['USD', ...revenue.map(currencyKey).filter((c): c is string => c !== null)])].sort();
}

export async function runDailyRollup(
  db: Firestore,
  now: Date,
  options: RollupOptions = {},
): Promise<RollupResult> {
  const day = options.day ?? dayToRollUp(now);
  const { start, end } = utcDayRange(day);
  if (start > now) throw new Error(`Cannot roll up ${day}: it has not started yet.`);
  const reconcile = options.reconcile !== false;
  const asOf = end < now ? end : now;

  // Everything written before this instant is in the aggregations below (they start after it).
  const countedUpTo = new Date();
  const current = await readPlatformCounters(db);
  const agg = new Aggregations();
  const truth = reconcile ? addCounterQueries(db, agg, currenciesOf(current)) : null;

  const daily: DailyStats = {
    day,
    newUsers: 0,
    newEnrollments: 0,
    revenue: {},
    paymentsPaid: 0,
    activeLearners7d: 0,
    activeLearners30d: 0,
    users: 0,
    enrollments: 0,
  };
  const inDay = (q: Query) => q.where('createdAt', '>=', start).where('createdAt', '<', end);
  agg.count(inDay(usersCol(db)), (n) => {
    daily.newUsers = n;
  });
  agg.count(inDay(enrollmentsCol(db)), (n) => {
    daily.newEnrollments = n;
  });
  for (const currency of currenciesOf(current))
    agg.countAndSum(
      inDay(paymentsCol(db).where('status', '==', 'paid').where('currency', '==', currency)),
      'amount',
      (count, sum) => {
        daily.paymentsPaid += count;
        if (sum !== 0) daily.revenue[currency] = sum;
      },
    );
  agg.count(usersCol(db).where('createdAt', '<', end), (n) => {
    daily.users = n;
  });
  agg.count(enrollmentsCol(db).where('createdAt', '<', end), (n) => {
    daily.enrollments = n;
  });
  const dayActive: ActiveLearners = { last7Days: 0, last30Days: 0, asOf };
  activeLearnerQueries(db, agg, asOf, dayActive);
  // The console's headline "active learners" are as of now (the same queries when today is rolled up).
  const nowActive: ActiveLearners =
    asOf.getTime() === now.getTime() ? dayActive : { last7Days: 0, last30Days: 0, asOf: now };
  if (nowActive !== dayActive) activeLearnerQueries(db, agg, now, nowActive);

  await agg.run(options.concurrency ?? 8);
  daily.activeLearners7d = dayActive.last7Days;
  daily.activeLearners30d = dayActive.last30Days;

  const drift = truth
    ? counterDrift(truth, {
        ...emptyCounters(),
        ...(current as Partial<PlatformCounters> | undefined),
      } as PlatformCounters)
    : null;

  await runCallableTransaction(db, async (tx) => {
    const history = await tx.get(historyRef(db));
    // The true counts replace the base and the shards together: nothing counted twice or lost.
    const shards = truth ? await tx.get(platformStatShardsCol(db)) : null;
    const days = Array.isArray(history.get('days')) ? (history.get('days') as DailyStats[]) : [];
    tx.set(dailyStatsRef(db, day), daily);
    tx.set(historyRef(db), { days: mergeHistory(days, [daily], HISTORY_DAYS), updatedAt: now });
    if (truth) {
      tx.set(platformStatsRef(db), {
        ...truth,
        activeLearners: nowActive,
        updatedAt: now,
        reconciledAt: now,
      });
      for (const shard of shards?.docs ?? []) tx.delete(shard.ref);
      tx.set(reconciliationRef(db), { countedUpTo, by: 'rollup' });
    } else {
      tx.set(platformStatsRef(db), { activeLearners: nowActive, updatedAt: now }, { merge: true });
    }
  });

  if (drift && Object.keys(drift).length > 0)
    logger.warn('stats rollup: counters drifted; corrected', { day, drift });
  logger.info('stats rollup', { queries: agg.size, ...daily });
  return { day, daily, drift, queries: agg.size };
}
