// Plus membership demo data (issue 18; docs/plus.md), in exactly the shapes the functions write:
// - users/{uid}/private/subscription, stripeCustomers/{customerId} and the account's
//   stripeCustomerId: what the local checkout and the webhook write (functions/src/plus/local-plus.ts,
//   plus-checkout.ts ensurePlusCustomer, billing/webhook/subscription.ts), local-mode ids;
// - plusInvoices/{invoiceId}: one paid invoice per period begun so far (applyInvoiceEvent);
// - enrollments/{courseId}_{uid} with source 'plus' (startPlusLearning's newEnrollmentData) and the
//   observed watching recordLectureProgress leaves (watch, watchedSeconds); the course's
//   enrollmentCount and plusEnrollmentCount;
// - plusWatch/{month}_{courseId}_{uid}: the observed seconds of each Plus enrolment per month;
// - the last closable month closed as closePlusMonth leaves it: plusMonths/{M} 'closed' with the
//   split (the real splitPlusRevenue), plusStatements/{M}_{instructorId}, and — as no seeded
//   educator has payouts set up — each statement 'held' with its earnings entry plus_{M}
//   (payout 'pending') counted in earnings/{instructorId}.totals.
// Pure and relative to `now`. addPlusDocs runs before the users are written (it counts the members'
// completed lectures in their stats); addPlusEarnings after the teaching docs (earnings/{uid}).
import { pointEventId } from '@skillverse/domain/gamification';
import { learnerSortName } from '@skillverse/domain/students';
import { DEFAULT_PLATFORM_FEE_BPS } from '@skillverse/domain/payouts';
import { PLUS_PRICES, plusMonthOf, plusPeriodEnd } from '@skillverse/domain/plus';
import {
  nextPlusMonth,
  plusMinutes,
  plusMonthClosable,
  plusStatementId,
  plusTransferIdempotencyKey,
  plusWatchId,
  previousPlusMonth,
  splitPlusRevenue,
  statementBalance,
} from '@skillverse/domain/plus-split';
import { creditCapSeconds, type LectureForWatching, watchRequirement } from '@skillverse/domain/watch-time';
import { createHash } from 'node:crypto';
import { PLUS_MEMBERS } from '../data/plus';
import type { SeedContext, SeedDoc } from './seed-context';
import { between } from './util';

/** functions/src/plus/plus-checkout.ts localCustomerId: the emulator's customer of a user. */
const localCustomerId = (uid: string) => `cus_local_${uid}`;
/** A local-mode Stripe id (`sub_local_…`, `in_local_…`, 20 hex digits as local-plus.ts makes), stable. */
const localId = (prefix: string, seed: string) =>
  `${prefix}_local_${createHash('sha256').update(`skillverse-seed:${seed}`).digest('hex').slice(0, 20)}`;

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The fraction of the started lecture a member has watched. */
const STARTED_SHARE = 0.4;

export interface PlusDocsResult {
  /** The last closed Plus month ('YYYY-MM'). */
  closedMonth: string;
  members: number;
  enrollments: number;
  invoices: number;
  statements: number;
  /** What the closed month shared between instructors (minor units, USD). */
  distributed: number;
}

type Data = Record<string, unknown>;

/** The month the seed shows closed: last month once it may close (a day after it ends), else the one before. */
export function seedClosedPlusMonth(now: Date): string {
  const last = previousPlusMonth(plusMonthOf(now));
  return plusMonthClosable(last, now) ? last : previousPlusMonth(last);
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00.000Z`);

function docData(docs: readonly SeedDoc[], path: string): Data {
  const d = docs.find((x) => x.path === path);
  if (!d) throw new Error(`seed: plus: ${path} is not seeded`);
  return d.data as Data;
}

export function addPlusDocs(ctx: SeedContext): PlusDocsResult {
  const { now, docs, put, user, statsOf, award } = ctx;
  const current = plusMonthOf(now);
  const closed = seedClosedPlusMonth(now);
  const currentStart = monthStart(current);
  const invoices: { month: string; amountPaid: number; currency: string }[] = [];
  const tallies: { month: string; instructorId: string; seconds: number }[] = [];
  const plusCount = new Map<string, number>();
  let enrollments = 0;

  PLUS_MEMBERS.forEach((member, memberIndex) => {
    const person = user(member.uid, 'PLUS_MEMBERS');
    const price = PLUS_PRICES[member.plan];
    // Subscribed on the first of the closed month (a morning hour each), through the local checkout.
    const since = new Date(monthStart(closed).getTime() + (8 + memberIndex) * HOUR);
    const customerId = localCustomerId(member.uid);
    const subscriptionId = localId('sub', `plus-subscription/${member.uid}`);
    put(`stripeCustomers/${customerId}`, {
      uid: member.uid,
      createdAt: new Date(since.getTime() - 30 * SECOND),
    });

    // One paid invoice per period begun so far (invoice.paid, paid_at = the period's start).
    let periodStart = since;
    for (let next = plusPeriodEnd(since, member.plan); next <= now; next = plusPeriodEnd(next, member.plan)) {
      addInvoice(periodStart);
      periodStart = next;
    }
    addInvoice(periodStart);
    function addInvoice(paidAt: Date) {
      const month = plusMonthOf(paidAt);
      const invoiceId = localId('in', `plus-invoice/${member.uid}/${month}`);
      put(`plusInvoices/${invoiceId}`, {
        invoiceId,
        uid: member.uid,
        subscriptionId,
        plan: member.plan,
        amountPaid: price.amount,
        currency: price.currency,
        month,
        paidAt,
        amountRefunded: 0,
        createdAt: new Date(paidAt.getTime() + 2 * SECOND),
      });
      invoices.push({ month, amountPaid: price.amount, currency: price.currency });
    }
    // The webhook's document after the latest period's customer.subscription.* event.
    put(`users/${member.uid}/private/subscription`, {
      subscriptionId,
      customerId,
      plan: member.plan,
      status: 'active',
      currentPeriodEnd: plusPeriodEnd(periodStart, member.plan),
      cancelAtPeriodEnd: false,
      stripeUpdatedAt: periodStart,
      updatedAt: new Date(periodStart.getTime() + 2 * SECOND),
      pastDueSince: null,
    });

    member.enrollments.forEach((plan, enrolIndex) => {
      const course = docData(docs, `courses/${plan.courseId}`);
      const instructorId = String(course.instructorId);
      if (instructorId === member.uid) throw new Error(`seed: plus: ${member.uid} teaches ${plan.courseId}`);
      if (course.status !== 'published' || !(Number(course.price) > 0) || course.includedInPlus === false) {
        throw new Error(`seed: plus: ${plan.courseId} is not a Plus course`);
      }
      const enrollmentPath = `enrollments/${plan.courseId}_${member.uid}`;
      if (docs.some((d) => d.path === enrollmentPath))
        throw new Error(`seed: plus: ${member.uid} already enrolled in ${plan.courseId}`);
      const prefix = `courses/${plan.courseId}/lectures/`;
      const lectures = docs
        .filter((d) => d.path.startsWith(prefix))
        .map((d) => ({
          id: d.path.slice(prefix.length),
          ...(d.data as LectureForWatching & { order: number }),
        }))
        .sort((a, b) => a.order - b.order);
      const done = plan.closedMonth + plan.thisMonth;
      if (done + 1 > lectures.length) throw new Error(`seed: plus: ${plan.courseId} has too few lectures`);

      // Observed watching: a completed lecture was watched in full (the credit cap); the started one
      // in part. Each month's seconds are that month's plusWatch tally.
      const enrolledAt = new Date(since.getTime() + (1 + enrolIndex) * HOUR);
      const cap = (l: LectureForWatching) => {
        const req = watchRequirement(l);
        if (!req) throw new Error(`seed: plus: ${plan.courseId} lecture without a watch requirement`);
        return { req, cap: creditCapSeconds(req) };
      };
      const watch: Record<string, { seconds: number; measuredSec: number | null }> = {};
      const perMonth = new Map<string, { seconds: number; last: Date }>();
      const credit = (month: string, seconds: number, at: Date) => {
        const m = perMonth.get(month) ?? { seconds: 0, last: at };
        m.seconds += seconds;
        if (at > m.last) m.last = at;
        perMonth.set(month, m);
      };
      let lastActivityAt = enrolledAt;
      for (let i = 0; i <= done; i += 1) {
        const lecture = lectures[i]!;
        const { req, cap: full } = cap(lecture);
        const started = i === done;
        const seconds = started ? Math.floor(req.requiredSeconds * STARTED_SHARE) : full;
        // Closed-month lectures one a day after enrolling; this month's spread up to an hour ago.
        const at =
          i < plan.closedMonth
            ? new Date(enrolledAt.getTime() + (i + 1) * DAY)
            : between(
                currentStart,
                new Date(Math.max(currentStart.getTime(), now.getTime() - HOUR)),
                (i - plan.closedMonth + 1) / (plan.thisMonth + 1),
              );
        watch[lecture.id] = {
          seconds,
          measuredSec: req.kind === 'video' ? req.durationSeconds : null,
        };
        credit(plusMonthOf(at), seconds, at);
        if (at > lastActivityAt) lastActivityAt = at;
        if (!started) {
          award(
            member.uid,
            pointEventId.lecture(plan.courseId, lecture.id),
            'lecture_completed',
            `${prefix}${lecture.id}`,
            at,
          );
        }
      }
      const completedLectureIds = lectures.slice(0, done).map((l) => l.id);
      statsOf(member.uid).lecturesCompleted += done;
      const startedLecture = lectures[done]!;
      const watchedSeconds = Object.values(watch).reduce((s, w) => s + w.seconds, 0);
      // startPlusLearning's document (newEnrollmentData, source 'plus'), then what progress left.
      put(enrollmentPath, {
        uid: member.uid,
        courseId: plan.courseId,
        instructorId,
        status: 'active',
        source: 'plus',
        completedLectureIds,
        progress: Math.round((done / lectures.length) * 100),
        lastLectureId: startedLecture.id,
        lastPositionSec: watch[startedLecture.id]!.seconds,
        completedAt: null,
        certificateId: null,
        passedQuizIds: [],
        courseTitle: String(course.title),
        courseThumbnailUrl: course.thumbnailUrl ?? null,
        paymentId: null,
        learnerName: learnerSortName(person.displayName),
        lastActivityAt,
        bestQuizScore: null,
        createdAt: enrolledAt,
        updatedAt: lastActivityAt,
        watch,
        watchedSeconds,
        // The last report was a pause (the run ended).
        watchReportAt: null,
      });
      enrollments += 1;
      plusCount.set(plan.courseId, (plusCount.get(plan.courseId) ?? 0) + 1);
      for (const [month, { seconds, last }] of [...perMonth.entries()].sort()) {
        put(`plusWatch/${plusWatchId(month, plan.courseId, member.uid)}`, {
          month,
          courseId: plan.courseId,
          instructorId,
          uid: member.uid,
          seconds,
          updatedAt: last,
        });
        tallies.push({ month, instructorId, seconds });
      }
    });
  });

  // Courses' counters, as startPlusLearning's increments leave them.
  for (const [courseId, n] of plusCount) {
    const course = docData(docs, `courses/${courseId}`);
    course.enrollmentCount = Number(course.enrollmentCount) + n;
    course.plusEnrollmentCount = n;
  }

  const statements = closeMonth(ctx, closed, invoices, tallies);
  return {
    closedMonth: closed,
    members: PLUS_MEMBERS.length,
    enrollments,
    invoices: invoices.length,
    statements: statements.count,
    distributed: statements.distributed,
  };
}

/**
 * closePlusMonth(M) as it ends for educators without payouts: the split stored on plusMonths/{M}
 * (closed), one statement per instructor with observed time, each held (its earnings entry is
 * added by addPlusEarnings).
 */
function closeMonth(
  ctx: SeedContext,
  month: string,
  allInvoices: readonly { month: string; amountPaid: number; currency: string }[],
  allTallies: readonly { month: string; instructorId: string; seconds: number }[],
): { count: number; distributed: number } {
  const { now, put } = ctx;
  const invoices = allInvoices.filter((i) => i.month === month);
  const currencies = new Set(invoices.map((i) => i.currency));
  if (currencies.size > 1) throw new Error('seed: plus: one currency expected');
  const currency = [...currencies][0] ?? 'USD';
  const paid = invoices.reduce((s, i) => s + i.amountPaid, 0);
  const seconds = new Map<string, number>();
  for (const t of allTallies) {
    if (t.month === month) seconds.set(t.instructorId, (seconds.get(t.instructorId) ?? 0) + t.seconds);
  }
  const feeBps = DEFAULT_PLATFORM_FEE_BPS;
  const split = splitPlusRevenue({
    paid,
    refunded: 0,
    currency,
    feeBps,
    instructors: [...seconds.entries()].map(([instructorId, s]) => ({ instructorId, seconds: s })),
  });
  const instructors = split.shares.map((s) => ({
    instructorId: s.instructorId,
    seconds: s.seconds,
    share: s.share,
    amount: s.amount,
    carryIn: 0,
    ...statementBalance(s.amount, 0),
  }));
  const distributed = instructors.reduce((s, l) => s + l.amount, 0);
  const payableTotal = instructors.reduce((s, l) => s + l.payable, 0);
  if (distributed + split.undistributed !== split.distributable || payableTotal !== distributed) {
    throw new Error('seed: plus: the split does not reconcile');
  }
  // The scheduled close runs at 06:00 UTC on the 2nd (earlier when the seed runs before then).
  const closedAt = new Date(Math.min(Date.parse(`${nextPlusMonth(month)}-02T06:00:00.000Z`), now.getTime()));
  put(`plusMonths/${month}`, {
    month,
    state: 'closed',
    startedAt: closedAt,
    updatedAt: closedAt,
    currency,
    feeBps,
    invoiceCount: invoices.length,
    paid,
    refundedBeforeClose: 0,
    netRevenue: split.netRevenue,
    platformFee: split.platformFee,
    distributable: split.distributable,
    distributed,
    roundingCents: split.roundingCents,
    undistributed: split.undistributed,
    totalSeconds: split.totalSeconds,
    carryIds: [],
    carriedRefunds: 0,
    carriedFromPrevious: 0,
    carryInTotal: 0,
    payableTotal,
    carryOutTotal: 0,
    instructors,
    computedAt: closedAt,
    closedAt,
  });
  const totals = {
    paid,
    refundedBeforeClose: 0,
    netRevenue: split.netRevenue,
    platformFee: split.platformFee,
    distributable: split.distributable,
    roundingCents: split.roundingCents,
    undistributed: split.undistributed,
    totalSeconds: split.totalSeconds,
    instructors: instructors.length,
  };
  for (const line of instructors) {
    put(`plusStatements/${plusStatementId(month, line.instructorId)}`, {
      month,
      instructorId: line.instructorId,
      seconds: line.seconds,
      minutes: plusMinutes(line.seconds),
      share: line.share,
      amount: line.amount,
      carryIn: line.carryIn,
      payable: line.payable,
      carryOut: line.carryOut,
      currency,
      totals,
      // No seeded educator can receive transfers yet: held, released when payouts are set up.
      transferState: line.payable > 0 ? 'held' : 'none',
      idempotencyKey: plusTransferIdempotencyKey(month, line.instructorId),
      transferId: null,
      destinationAccountId: null,
      attempts: 0,
      lastError: null,
      createdAt: closedAt,
      updatedAt: closedAt,
    });
  }
  return { count: instructors.length, distributed };
}

/**
 * After the users and the teaching docs: the members' account → customer link, their learning
 * time, and each held statement's earnings entry, counted in earnings/{instructorId}.totals.
 */
export function addPlusEarnings(docs: SeedDoc[]): void {
  for (const member of PLUS_MEMBERS) {
    docData(docs, `users/${member.uid}/private/account`).stripeCustomerId = localCustomerId(member.uid);
    // recordLectureProgress adds every credited second to the profile's stats.learningSeconds.
    const seconds = docs
      .filter((d) => d.path.startsWith('enrollments/') && (d.data as Data).uid === member.uid)
      .reduce((s, d) => s + Number((d.data as Data).watchedSeconds ?? 0), 0);
    const profile = docData(docs, `users/${member.uid}`);
    profile.stats = { ...(profile.stats as Data), learningSeconds: seconds };
  }
  const statements = docs.filter((d) => d.path.startsWith('plusStatements/'));
  for (const { data } of statements) {
    const s = data as Data;
    if (s.transferState !== 'held') continue;
    const instructorId = String(s.instructorId);
    const month = String(s.month);
    const amount = Number(s.payable);
    const currency = String(s.currency);
    const at = s.updatedAt as Date;
    docs.push({
      path: `earnings/${instructorId}/entries/plus_${month}`,
      data: {
        kind: 'plus',
        month,
        paymentId: null,
        amount,
        grossAmount: amount,
        platformFee: 0,
        currency,
        refundedAmount: 0,
        status: 'credited',
        destinationAccountId: null,
        transferId: null,
        payout: 'pending',
        createdAt: at,
        updatedAt: at,
        reversedAt: null,
      },
    });
    const earningsPath = `earnings/${instructorId}`;
    const existing = docs.find((d) => d.path === earningsPath);
    if (existing) {
      const e = existing.data as Data;
      const totals = { ...(e.totals as Record<string, number>) };
      totals[currency] = (totals[currency] ?? 0) + amount;
      e.totals = totals;
      if (!(e.updatedAt instanceof Date) || e.updatedAt < at) e.updatedAt = at;
    } else {
      docs.push({
        path: earningsPath,
        data: { instructorId, totals: { [currency]: amount }, updatedAt: at },
      });
    }
  }
}
