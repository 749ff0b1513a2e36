// Turns the seed data modules into the exact list of documents and Auth users to write. Pure:
// no Firebase here, everything relative to one `now`, so the plan can be inspected and tested
// without emulators. Derived values (ratings, counts, stats, badges, levels, leaderboards,
// platform counters) are computed from the documents themselves, so they always agree.//
// One file per area, called in write order below: course-docs.ts, exchange-docs.ts,
// live-session-docs.ts, gamification-docs.ts, user-docs.ts, notification-docs.ts, admin-docs.ts,
// teaching.ts, stats.ts; what they share while building is seed-context.ts.
import { BADGES } from '@skillverse/domain/gamification';
import {
  COURSE_STATUSES,
  type CourseStatus,
  EXCHANGE_STATUSES,
  type ExchangeStatus,
  LIVE_SESSION_STATUSES,
  type LiveSessionStatus,
} from '@skillverse/domain/models';
import { APPLICATIONS } from '../data/applications';
import { COURSES } from '../data/courses';
import { EXCHANGES } from '../data/exchanges';
import { LIVE_SESSIONS } from '../data/live-sessions';
import { USERS } from '../data/users';
import { addAdminDocs } from './admin-docs';
import { addCourseDocs } from './course-docs';
import { addCycleDocs } from './cycle-docs';
import { addExchangeDocs } from './exchange-docs';
import { addBadgeDocs, addLeaderboardDocs, addLedgerDocs } from './gamification-docs';
import { addLiveSessionDocs } from './live-session-docs';
import { addNotificationDocs } from './notification-docs';
import { addPlusDocs, addPlusEarnings, type PlusDocsResult } from './plus-docs';
import { createSeedContext, type SeedDoc } from './seed-context';
import { buildSeedStats, seedStatsDocs } from './stats';
import { addTeachingDocs } from './teaching';
import { addUserDocs, type SeedAuthUser, seedAuthUsers } from './user-docs';
export interface SeedCounts {
  users: number;
  courses: Record<CourseStatus, number>;
  lectures: number;
  quizzes: number;
  reviews: number;
  enrollments: number;
  payments: number;
  revenueCents: number;
  certificates: number;
  quizAttempts: number;
  exchanges: Record<ExchangeStatus, number>;
  exchangeMessages: number;
  exchangeSessions: number;
  liveSessions: Record<LiveSessionStatus, number>;
  liveRegistrations: number;
  notifications: number;
  pointEvents: number;
  leaderboardEntries: { allTime: number; week: number };
  educatorApplications: number;
  badges: number;
  /** Plus members, their Plus enrolments and invoices, and the closed month's statements. */
  plus: PlusDocsResult;
  documents: number;
}

export interface SeedPlan {
  now: Date;
  weekId: string;
  docs: SeedDoc[];
  authUsers: SeedAuthUser[];
  userIds: string[];
  courseIds: string[];
  exchangeIds: string[];
  liveSessionIds: string[];
  counts: SeedCounts;
  /** stats/* documents, written after everything else (see write.ts). */
  statsDocs: SeedDoc[];
}

function countBy<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] += 1;
  return out;
}

export function buildSeed(now: Date = new Date()): SeedPlan {
  const ctx = createSeedContext(now);
  const { docs } = ctx;

  addBadgeDocs(ctx);
  const courses = addCourseDocs(ctx);
  // Plus members learning through Plus and the last closed Plus month (see plus-docs.ts).
  const plus = addPlusDocs(ctx);
  const exchanges = addExchangeDocs(ctx);
  addCycleDocs(ctx);
  const live = addLiveSessionDocs(ctx);
  // The ledger user's awards, collected above, replayed through the streak rules.
  const ledger = addLedgerDocs(ctx);
  const { weekId, fullLedger } = ledger;
  const users = addUserDocs(ctx, ledger);
  addLeaderboardDocs(ctx, weekId);
  const notificationCount = addNotificationDocs(ctx, courses.certificates);
  addAdminDocs(ctx);

  // ------------------------------------------------------------------------------ teaching, discovery
  // Completion counters, the earnings ledger and everyone's recommendations (see teaching.ts).
  addTeachingDocs(docs, now);
  // The members' customer link and learning time, the held Plus statements' earnings entries.
  addPlusEarnings(docs);

  // ------------------------------------------------------------------------------ statistics
  // Counts by status for the summary line.
  const platform = {
    courses: countBy(
      COURSE_STATUSES,
      COURSES.map((x) => x.status),
    ),
    enrollments: courses.enrollmentCount + plus.enrollments,
    revenueCents: courses.revenueCents,
    exchanges: countBy(
      EXCHANGE_STATUSES,
      EXCHANGES.map((x) => x.status),
    ),
    liveSessions: countBy(
      LIVE_SESSION_STATUSES,
      LIVE_SESSIONS.map((x) => x.status),
    ),
  };
  // stats/platform, the daily history and stats/history: derived from the documents above, written
  // last (see write.ts), so the counter triggers skip the seed's own writes.
  const statsDocs = seedStatsDocs(buildSeedStats(docs, now));

  // ------------------------------------------------------------------------------ auth
  const authUsers = seedAuthUsers();

  const paths = new Set<string>();
  for (const d of docs) {
    if (paths.has(d.path)) throw new Error(`seed: document written twice: ${d.path}`);
    paths.add(d.path);
  }

  return {
    now,
    weekId,
    docs,
    authUsers,
    userIds: USERS.map((u) => u.uid),
    courseIds: courses.courseIds,
    exchangeIds: exchanges.exchangeIds,
    liveSessionIds: live.liveSessionIds,
    statsDocs,
    counts: {
      users: USERS.length,
      courses: platform.courses,
      lectures: courses.lectureCount,
      quizzes: courses.quizCount,
      reviews: courses.reviewCount,
      enrollments: courses.enrollmentCount + plus.enrollments,
      payments: courses.paymentCount,
      revenueCents: courses.revenueCents,
      certificates: courses.certificates.length,
      quizAttempts: courses.attemptCount,
      exchanges: platform.exchanges,
      exchangeMessages: exchanges.messageCount,
      exchangeSessions: exchanges.sessionCount,
      liveSessions: platform.liveSessions,
      liveRegistrations: live.registrationCount,
      notifications: notificationCount,
      pointEvents: fullLedger.length,
      leaderboardEntries: { allTime: users.allTimeEntries, week: users.weekEntries },
      educatorApplications: APPLICATIONS.length,
      badges: BADGES.length,
      plus,
      documents: docs.length + statsDocs.length,
    },
  };
}
