// The data modules are the one place functions spell a Firestore path: the refs they build match
// the paths firestore.rules and the web app use, and no other file in functions/src writes one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Firestore } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { auditRef } from './audit-log';
import { certificateRef } from './certificates';
import { cycleRef } from './exchange-cycles';
import { courseRef, lectureFaqRef, lecturesCol, quizKeyRef, quizRef, reviewsCol } from './courses';
import { credentialKeysCol, issuanceRef, statusListRef } from './credentials';
import { earningEntryRef, earningsRef } from './earnings';
import { educatorApplicationRef } from './educator-applications';
import { enrollmentRef } from './enrollments';
import { exchangeRef, exchangeSessionsCol, feedbackRef, messageRef } from './exchanges';
import { fanoutRef, followerRef } from './follows';
import { jobStateRef } from './job-state';
import { leaderboardEntryRef } from './leaderboards';
import { cohortRef, memberRef, resultRef, weekCounterRef } from './leagues';
import {
  attendanceCol,
  liveWebhookEventRef,
  pollRef,
  presenceCol,
  questionsCol,
  registrationRef,
  removedRef,
  sessionRef,
  speakerRef,
  voteRef,
} from './live-sessions';
import { mailLogRef, notificationItemsCol } from './notifications';
import { nudgeSendRef } from './nudges';
import { paymentRef, stripeEventRef, stripeRefundMarkerRef } from './payments';
import { educatorPayoutsRef, payoutRef, stripeAccountRef } from './payouts';
import {
  plusCarryRef,
  plusInvoiceRef,
  plusMonthRef,
  plusStatementRef,
  plusSubscriptionRef,
  plusWatchRef,
} from './plus-revenue';
import { quizAttemptsCol } from './quiz-attempts';
import { skillEmbeddingsCol, skillRef } from './skills';
import { appliedEventRef, dailyStatsRef, historyRef, platformStatsRef, reconciliationRef } from './stats';
import {
  accountRef,
  activityRef,
  leagueStateRef,
  matchRef,
  pointEventRef,
  profileEmbeddingRef,
  recommendationsRef,
  userRef,
} from './users';
import { courseEmbeddingRef } from './course-embeddings';

// Building a reference is local: this client never connects.
const db = new Firestore({ projectId: 'demo-paths' });

describe('lib/data builds the documented paths', () => {
  it.each([
    [userRef(db, 'u1'), 'users/u1'],
    [followerRef(db, 'e1', 'u1'), 'users/e1/followers/u1'],
    [fanoutRef(db, 'course_c1'), 'fanouts/course_c1'],
    [accountRef(db, 'u1'), 'users/u1/private/account'],
    [activityRef(db, 'u1'), 'users/u1/private/activity'],
    [leagueStateRef(db, 'u1'), 'users/u1/private/league'],
    [profileEmbeddingRef(db, 'u1'), 'users/u1/private/embedding'],
    [recommendationsRef(db, 'u1'), 'users/u1/private/recommendations'],
    [pointEventRef(db, 'u1', 'e1'), 'users/u1/pointEvents/e1'],
    [matchRef(db, 'u1', 'u2'), 'users/u1/matches/u2'],
    [courseRef(db, 'c1'), 'courses/c1'],
    [lecturesCol(db, 'c1'), 'courses/c1/lectures'],
    [lectureFaqRef(db, 'c1', 'l1', 'f1'), 'courses/c1/lectures/l1/faq/f1'],
    [quizRef(db, 'c1', 'q1'), 'courses/c1/quizzes/q1'],
    [quizKeyRef(db, 'c1', 'q1'), 'courses/c1/quizKeys/q1'],
    [reviewsCol(db, 'c1'), 'courses/c1/reviews'],
    [quizAttemptsCol(db), 'quizAttempts'],
    [enrollmentRef(db, 'c1', 'u1'), 'enrollments/c1_u1'],
    [paymentRef(db, 'p1'), 'payments/p1'],
    [stripeEventRef(db, 'evt_1'), 'stripeEvents/evt_1'],
    [stripeRefundMarkerRef(db, 'pi_1'), 'stripeRefundMarkers/pi_1'],
    [earningsRef(db, 'u1'), 'earnings/u1'],
    [earningEntryRef(db, 'u1', 'p1'), 'earnings/u1/entries/p1'],
    [educatorPayoutsRef(db, 'u1'), 'educatorPayouts/u1'],
    [payoutRef(db, 'u1', 'po_1'), 'educatorPayouts/u1/payouts/po_1'],
    [stripeAccountRef(db, 'acct_1'), 'stripeAccounts/acct_1'],
    [certificateRef(db, 'k1'), 'certificates/k1'],
    [credentialKeysCol(db), 'credentialKeys'],
    [statusListRef(db, 's1'), 'credentialStatusLists/s1'],
    [issuanceRef(db, 'i1'), 'credentialIssuance/i1'],
    [exchangeRef(db, 'x1'), 'exchanges/x1'],
    [messageRef(db, 'x1', 'm1'), 'exchanges/x1/messages/m1'],
    [exchangeSessionsCol(db, 'x1'), 'exchanges/x1/sessions'],
    [feedbackRef(db, 'x1', 'u1'), 'exchanges/x1/feedback/u1'],
    [cycleRef(db, 'y1'), 'exchangeCycles/y1'],
    [jobStateRef(db, 'swapCycles'), 'jobState/swapCycles'],
    [jobStateRef(db, 'sendNudges'), 'jobState/sendNudges'],
    [skillRef(db, 'python'), 'skills/python'],
    [skillEmbeddingsCol(db), 'skillEmbeddings'],
    [courseEmbeddingRef(db, 'c1'), 'courseEmbeddings/c1'],
    [sessionRef(db, 's1'), 'liveSessions/s1'],
    [registrationRef(db, 's1', 'u1'), 'liveSessions/s1/registrations/u1'],
    [attendanceCol(sessionRef(db, 's1')), 'liveSessions/s1/attendance'],
    [presenceCol(sessionRef(db, 's1')), 'liveSessions/s1/presence'],
    [questionsCol(sessionRef(db, 's1')), 'liveSessions/s1/questions'],
    [speakerRef(db, 's1', 'u1'), 'liveSessions/s1/speakers/u1'],
    [removedRef(db, 's1', 'u1'), 'liveSessions/s1/removed/u1'],
    [voteRef(pollRef(db, 's1', 'p1'), 'u1'), 'liveSessions/s1/polls/p1/votes/u1'],
    [liveWebhookEventRef(db, 'w1'), 'liveWebhookEvents/w1'],
    [leaderboardEntryRef(db, 'allTime', 'u1'), 'leaderboards/allTime/entries/u1'],
    [cohortRef(db, '2026-W01_bronze_0'), 'leagues/2026-W01_bronze_0'],
    [memberRef(db, 'c', 'u1'), 'leagues/c/members/u1'],
    [resultRef(db, 'c', 'u1'), 'leagues/c/results/u1'],
    [weekCounterRef(db, '2026-W01', 'bronze'), 'leagueWeeks/2026-W01_bronze'],
    [platformStatsRef(db), 'stats/platform'],
    [reconciliationRef(db), 'stats/reconciliation'],
    [historyRef(db), 'stats/history'],
    [appliedEventRef(db, 'e1'), 'stats/platform/appliedEvents/e1'],
    [dailyStatsRef(db, '2026-01-01'), 'stats/platform/daily/2026-01-01'],
    [notificationItemsCol(db, 'u1'), 'notifications/u1/items'],
    [mailLogRef(db, 'm1'), 'mailLog/m1'],
    [nudgeSendRef(db, 'u1', 'k1'), 'nudgeLog/u1/sends/k1'],
    [educatorApplicationRef(db, 'u1'), 'educatorApplications/u1'],
    [auditRef(db, 'a1'), 'auditLog/a1'],
    [plusWatchRef(db, '2026-11_c1_u1'), 'plusWatch/2026-11_c1_u1'],
    [plusMonthRef(db, '2026-11'), 'plusMonths/2026-11'],
    [plusStatementRef(db, '2026-11_u1'), 'plusStatements/2026-11_u1'],
    [plusCarryRef(db, 'in_1_100'), 'plusCarries/in_1_100'],
    [plusInvoiceRef(db, 'in_1'), 'plusInvoices/in_1'],
    [plusSubscriptionRef(db, 'u1'), 'users/u1/private/subscription'],
  ])('%# → %s', (ref, path) => {
    expect(ref.path).toBe(path);
  });

  it('auditRef without an id is a new entry in auditLog', () => {
    expect(auditRef(db).parent.path).toBe('auditLog');
  });
});

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) yield path;
  }
}

describe('paths are spelled only in lib/data', () => {
  it('no handler in functions/src writes a collection or document path inline', () => {
    const src = fileURLToPath(new URL('../..', import.meta.url));
    const inline =
      /\.(?:collection|collectionGroup)\(\s*['`]|\.doc\(\s*(?:'[^']*\/|`[^`]*\/)|document:\s*['`]/;
    const offenders: string[] = [];
    for (const file of sourceFiles(src)) {
      const rel = relative(src, file).split(sep).join('/');
      if (rel.startsWith('lib/data/')) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (inline.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });
});
