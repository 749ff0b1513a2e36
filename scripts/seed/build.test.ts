// The seed plan is pure and relative to one `now`: the same clock must give the same documents.
// These pin what buildSeed produces for a fixed clock, so reshaping the builder (one file per
// area, lib/*-docs.ts) cannot change the demo data unnoticed. A deliberate change to the seed data
// updates them: `npx vitest run --project scripts scripts/seed -u`, and the diff shows what changed.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PLUS_PRICES, plusAccess } from '@skillverse/domain/plus';
import { plusStatementId, splitPlusRevenue } from '@skillverse/domain/plus-split';
import { PLUS_DEMO_MEMBER_UID } from './data/plus';
import { buildSeed, type SeedPlan } from './lib/build';

const NOW = new Date('2026-11-20T10:17:23.456Z');

/** Every document, in write order, with Dates as ISO strings and undefined fields kept visible. */
function serialise(plan: SeedPlan): string {
  return JSON.stringify({ docs: plan.docs, statsDocs: plan.statsDocs, authUsers: plan.authUsers }, (_k, v) =>
    v === undefined ? '__undefined__' : v,
  );
}

/** Documents per collection path, ids replaced by `*` (courses/*\/lectures/*). */
function perCollection(plan: SeedPlan): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { path } of [...plan.docs, ...plan.statsDocs]) {
    const key = path
      .split('/')
      .map((part, i) => (i % 2 === 1 ? '*' : part))
      .join('/');
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

describe('buildSeed', () => {
  const plan = buildSeed(NOW);

  it('builds exactly the same plan twice from the same clock', () => {
    expect(serialise(buildSeed(NOW))).toBe(serialise(plan));
  });

  it('keeps its counts and the ids other tests scope their queries to', () => {
    expect({
      weekId: plan.weekId,
      counts: plan.counts,
      userIds: plan.userIds,
      courseIds: plan.courseIds,
      exchangeIds: plan.exchangeIds,
      liveSessionIds: plan.liveSessionIds,
    }).toMatchSnapshot();
  });

  it('writes as many documents to each collection as before', () => {
    expect(perCollection(plan)).toMatchSnapshot();
  });

  it('writes the same documents, field for field and in the same order, as before', () => {
    // Opaque on purpose: the two tests above say where a change is; this one says there is one.
    expect(createHash('sha256').update(serialise(plan)).digest('hex')).toMatchSnapshot();
  });
});

describe('buildSeed: Plus', () => {
  const plan = buildSeed(NOW);
  const docs = (prefix: string) =>
    plan.docs.filter((d) => d.path.startsWith(prefix)).map((d) => d.data as Record<string, unknown>);
  const one = (path: string) => plan.docs.find((d) => d.path === path)?.data as Record<string, unknown>;
  const closed = plan.counts.plus.closedMonth;

  it('closes the last closable month with the real split of its invoices and observed time', () => {
    expect(closed).toBe('2026-10');
    const invoices = docs('plusInvoices/').filter((i) => i.month === closed);
    const tallies = docs('plusWatch/').filter((w) => w.month === closed);
    const seconds = new Map<string, number>();
    for (const t of tallies)
      seconds.set(String(t.instructorId), (seconds.get(String(t.instructorId)) ?? 0) + Number(t.seconds));
    // At least the demo educator and one other instructor.
    expect([...seconds.keys()].sort()).toEqual(['demo-educator', 'u-priya-sharma']);
    const split = splitPlusRevenue({
      paid: invoices.reduce((s, i) => s + Number(i.amountPaid), 0),
      refunded: 0,
      currency: 'USD',
      instructors: [...seconds].map(([instructorId, s]) => ({ instructorId, seconds: s })),
    });
    expect(one(`plusMonths/${closed}`)).toMatchObject({
      state: 'closed',
      paid: invoices.length * PLUS_PRICES.monthly.amount,
      distributable: split.distributable,
      roundingCents: split.roundingCents,
      totalSeconds: split.totalSeconds,
    });
    for (const share of split.shares) {
      const statement = one(`plusStatements/${plusStatementId(closed, share.instructorId)}`);
      expect(statement).toMatchObject({ amount: share.amount, payable: share.amount, transferState: 'held' });
      expect(one(`earnings/${share.instructorId}/entries/plus_${closed}`)).toMatchObject({
        amount: share.amount,
        payout: 'pending',
      });
    }
    expect(docs('plusStatements/').reduce((s, x) => s + Number(x.amount), 0)).toBe(split.distributable);
  });

  it('keeps the counters the functions maintain equal to the documents', () => {
    const plusEnrollments = docs('enrollments/').filter((e) => e.source === 'plus');
    expect(plusEnrollments).toHaveLength(plan.counts.plus.enrollments);
    for (const courseId of new Set(plusEnrollments.map((e) => String(e.courseId)))) {
      const course = one(`courses/${courseId}`);
      const all = docs('enrollments/').filter((e) => e.courseId === courseId);
      expect(course.plusEnrollmentCount).toBe(plusEnrollments.filter((e) => e.courseId === courseId).length);
      expect(course.enrollmentCount).toBe(all.length);
    }
    // Every observed Plus second is in exactly one monthly tally.
    for (const e of plusEnrollments) {
      const tallied = docs('plusWatch/')
        .filter((w) => w.uid === e.uid && w.courseId === e.courseId)
        .reduce((s, w) => s + Number(w.seconds), 0);
      expect(tallied).toBe(e.watchedSeconds);
    }
    // earnings/{uid}.totals = its entries (course sales and Plus statements).
    for (const d of plan.docs.filter((x) => /^earnings\/[^/]+$/.test(x.path))) {
      const entries = docs(`${d.path}/entries/`).reduce((s, x) => s + Number(x.amount), 0);
      expect((d.data as { totals: Record<string, number> }).totals.USD, d.path).toBe(entries);
    }
    // The member: an active membership with this month's invoice, linked to its customer.
    const sub = one(`users/${PLUS_DEMO_MEMBER_UID}/private/subscription`);
    expect(sub).toMatchObject({ status: 'active', cancelAtPeriodEnd: false, pastDueSince: null });
    expect(plusAccess(sub as never, NOW).entitled).toBe(true);
    const customerId = String(sub.customerId);
    expect(one(`stripeCustomers/${customerId}`)).toMatchObject({ uid: PLUS_DEMO_MEMBER_UID });
    expect(one(`users/${PLUS_DEMO_MEMBER_UID}/private/account`).stripeCustomerId).toBe(customerId);
    expect(
      docs('plusInvoices/').filter((i) => i.uid === PLUS_DEMO_MEMBER_UID && i.month === '2026-11'),
    ).toHaveLength(1);
  });
});
