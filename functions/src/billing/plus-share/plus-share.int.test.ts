// The Plus revenue share on the emulator (issue 18 item 5): the observed-time tally written by
// recordLectureProgress, the monthly close run twice and concurrently (one statement per
// instructor, one transfer each — a fake Stripe API honours idempotency keys like Stripe — or held
// when not onboarded), reconciled to the cent, and refunds of Plus invoices delivered as signed
// events to the real stripeWebhook: before the close they reduce the month, after it they carry
// a negative line into the next month; duplicate deliveries change nothing.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runPlusMonthClose } from '@skillverse/domain/contracts/plus-revenue';
import { nextPlusMonth } from '@skillverse/domain/plus-split';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, enrol, seedCourse } from '../../../test/course-fixtures';
import {
  callFunction,
  createAuthUser,
  emulatorsRunning,
  idTokenFor,
  seedProfile,
  testDb,
  uniqueId,
} from '../../../test/emulator';
import { deliverStripeEvent, stripeEvent } from '../../../test/stripe-events';
import { recordLectureProgress } from '../../courses/record-lecture-progress';
import { createStripeClient } from '../stripe-config';
import { closePlusMonth } from './close-plus-month';
import { PLUS_LAPSED_MESSAGE } from '@skillverse/domain/plus';

const hex = (n = 8) => randomBytes(n).toString('hex');
const courses: string[] = [];
// Months long past and unique to this run (nothing else in the emulator uses them).
const baseYear = 1900 + Math.floor(Math.random() * 90);
const monthOf = (offsetYears: number, m: number) => `${baseYear + offsetYears}-${String(m).padStart(2, '0')}`;

/** A fake Stripe transfers API: a repeated idempotency key answers the first transfer, like Stripe. */
async function fakeTransfers() {
  const posts: { key: string; body: string }[] = [];
  const byKey = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.setHeader('request-id', 'req_fake');
      const key = String(req.headers['idempotency-key'] ?? '');
      posts.push({ key, body });
      let transfer = byKey.get(key);
      if (!transfer) {
        const p = new URLSearchParams(body);
        transfer = {
          id: `tr_fake_${byKey.size + 1}`,
          object: 'transfer',
          amount: Number(p.get('amount')),
          currency: p.get('currency'),
          destination: p.get('destination'),
          amount_reversed: 0,
        };
        byKey.set(key, transfer);
      }
      res.end(JSON.stringify(transfer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    posts,
    transfers: () => [...byKey.entries()],
    stripe: createStripeClient('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http' }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function educator(account: 'stripe' | 'local' | 'none') {
  const uid = uniqueId(`plus-edu-${account}`);
  await seedProfile(testDb(), uid, { roles: ['educator'] });
  if (account !== 'none') {
    await testDb()
      .doc(`educatorPayouts/${uid}`)
      .set({
        uid,
        accountId: account === 'local' ? `acct_local_${uid.replace(/[^A-Za-z0-9]/g, '')}` : `acct_${hex()}`,
        mode: account,
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        requirementsDue: [],
      });
  }
  return uid;
}

async function invoice(month: string, amountPaid: number) {
  const invoiceId = `in_${hex()}`;
  await testDb()
    .doc(`plusInvoices/${invoiceId}`)
    .set({
      invoiceId,
      uid: uniqueId('subscriber'),
      subscriptionId: `sub_${hex()}`,
      plan: 'monthly',
      amountPaid,
      currency: 'USD',
      month,
      paidAt: new Date(`${month}-10T12:00:00Z`),
      amountRefunded: 0,
      createdAt: new Date(`${month}-10T12:00:00Z`),
    });
  return invoiceId;
}

async function watched(month: string, instructorId: string, seconds: number) {
  const courseId = uniqueId('plus-course');
  const uid = uniqueId('plus-learner');
  await testDb()
    .doc(`plusWatch/${month}_${courseId}_${uid}`)
    .set({ month, courseId, instructorId, uid, seconds, updatedAt: new Date(`${month}-15T00:00:00Z`) });
}

function refundEvent(invoiceId: string, amount: number, refunded: number) {
  return stripeEvent('charge.refunded', {
    id: `ch_${invoiceId}`,
    object: 'charge',
    amount,
    amount_refunded: refunded,
    refunded: refunded >= amount,
    currency: 'usd',
    invoice: invoiceId,
    payment_intent: `pi_${hex()}`,
    metadata: {},
  });
}

const statementsOf = async (month: string) =>
  (await testDb().collection('plusStatements').where('month', '==', month).get()).docs
    .map((d) => ({ id: d.id, ...d.data() }) as Record<string, unknown> & { id: string; instructorId: string })
    .sort((a, b) => a.instructorId.localeCompare(b.instructorId));

describe.skipIf(!emulatorsRunning)('Plus revenue share', () => {
  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id).catch(() => {});
  });

  it('tallies only observed, credited seconds of an active Plus enrolment, once per report', async () => {
    const db = testDb();
    const instructorId = uniqueId('plus-tally-edu');
    const { courseId } = await seedCourse(db, { instructorId, price: 4900, lectures: 2 });
    courses.push(courseId);
    await db
      .doc(`courses/${courseId}/lectures/l1`)
      .update({ videoUrl: 'https://cdn.example.test/a.mp4', durationSec: 600 });
    const learner = uniqueId('plus-tally-learner');
    const lapsed = uniqueId('plus-tally-lapsed');
    const buyer = uniqueId('plus-tally-buyer');
    for (const uid of [learner, lapsed, buyer]) await seedProfile(db, uid);
    await enrol(db, courseId, learner, instructorId, 'plus', { watched: false });
    await enrol(db, courseId, lapsed, instructorId, 'plus', { watched: false });
    await enrol(db, courseId, buyer, instructorId, 'stripe', { watched: false });
    const t0 = Date.parse('2026-11-20T10:00:00Z');
    await db.doc(`users/${learner}/private/subscription`).set({
      status: 'active',
      currentPeriodEnd: new Date(t0 + 20 * 86_400_000),
      stripeUpdatedAt: new Date(t0 - 86_400_000),
    });
    await db.doc(`users/${lapsed}/private/subscription`).set({
      status: 'canceled',
      currentPeriodEnd: new Date(t0 - 86_400_000),
      stripeUpdatedAt: new Date(t0 - 86_400_000),
    });
    const report = (uid: string, ms: number, event: 'start' | 'tick') =>
      recordLectureProgress({ db, now: () => new Date(t0 + ms) }, uid, { courseId, lectureId: 'l1', event });

    // A lapsed Plus enrolment cannot record progress at all (lib/data/plus-membership.ts), so it
    // cannot add Plus time either.
    await expect(report(lapsed, 0, 'start')).rejects.toThrow(PLUS_LAPSED_MESSAGE);
    await expect(report(lapsed, 30_000, 'tick')).rejects.toThrow(PLUS_LAPSED_MESSAGE);
    for (const uid of [learner, buyer]) {
      await report(uid, 0, 'start');
      expect((await report(uid, 30_000, 'tick')).creditedSeconds).toBe(30);
      // The same report again (a retry): the server clock has not moved, nothing more is credited.
      expect((await report(uid, 30_000, 'tick')).creditedSeconds).toBe(0);
      expect((await report(uid, 45_000, 'tick')).creditedSeconds).toBe(15);
    }
    const tally = await db.doc(`plusWatch/2026-11_${courseId}_${learner}`).get();
    expect(tally.data()).toMatchObject({
      month: '2026-11',
      courseId,
      instructorId,
      uid: learner,
      seconds: 45,
    });
    // A lapsed subscriber's watching and a purchase's watching are not Plus time.
    expect((await db.doc(`plusWatch/2026-11_${courseId}_${lapsed}`).get()).exists).toBe(false);
    expect((await db.doc(`plusWatch/2026-11_${courseId}_${buyer}`).get()).exists).toBe(false);
    // A report after midnight UTC on the 1st counts towards the new month.
    await report(learner, 11 * 86_400_000, 'start');
    await report(learner, 11 * 86_400_000 + 20_000, 'tick');
    expect((await db.doc(`plusWatch/2026-12_${courseId}_${learner}`).get()).get('seconds')).toBe(20);
  }, 60_000);

  it('closes a month once when run twice at the same time: statements, transfers, held, reconciled', async () => {
    const db = testDb();
    const month = monthOf(0, 3);
    const [a, b, c, d] = [
      await educator('stripe'),
      await educator('local'),
      await educator('none'),
      await educator('local'),
    ];
    const invoices = [await invoice(month, 2000), await invoice(month, 2000), await invoice(month, 2000)];
    await watched(month, a, 1800);
    await watched(month, a, 1200);
    await watched(month, b, 1000);
    await watched(month, c, 2000);
    await watched(month, d, 0);

    // A partial refund before the close, delivered twice: the month loses it once.
    const refund = refundEvent(invoices[0] ?? '', 2000, 500);
    expect((await deliverStripeEvent(refund)).body).toMatchObject({ outcome: 'plus-refunded' });
    expect((await deliverStripeEvent(refund)).body).toMatchObject({ outcome: 'duplicate' });
    expect((await db.doc(`plusInvoices/${invoices[0]}`).get()).get('amountRefunded')).toBe(500);

    const fake = await fakeTransfers();
    try {
      const deps = { db, now: new Date(), feeBps: 2000, stripe: fake.stripe };
      const [one, two] = await Promise.all([closePlusMonth(deps, month), closePlusMonth(deps, month)]);
      expect(one.state).toBe('closed');
      expect(two.state).toBe('closed');

      // 6000 paid − 500 refunded = 5500; fee 20 % = 1100; 4400 split 3000 : 1000 : 2000 seconds.
      const summary = (await db.doc(`plusMonths/${month}`).get()).data() ?? {};
      expect(summary).toMatchObject({
        state: 'closed',
        currency: 'USD',
        paid: 6000,
        refundedBeforeClose: 500,
        netRevenue: 5500,
        platformFee: 1100,
        distributable: 4400,
        distributed: 4400,
        roundingCents: 1,
        undistributed: 0,
        totalSeconds: 6000,
        payableTotal: 4400,
      });
      const statements = await statementsOf(month);
      const expected = [
        { instructorId: a, seconds: 3000, minutes: 50, amount: 2200, payable: 2200 },
        { instructorId: b, seconds: 1000, minutes: 16.7, amount: 733, payable: 733 },
        // 1466.67 → the largest remainder gets the leftover cent.
        { instructorId: c, seconds: 2000, minutes: 33.3, amount: 1467, payable: 1467 },
      ].sort((x, y) => x.instructorId.localeCompare(y.instructorId));
      expect(statements).toHaveLength(3); // d watched 0 seconds: no statement
      expect(statements).toMatchObject(expected);
      expect(statements.reduce((s, x) => s + Number(x.amount), 0)).toBe(4400);
      const byId = new Map(statements.map((s) => [s.instructorId, s]));
      expect(byId.get(a)).toMatchObject({ transferState: 'paid', transferId: 'tr_fake_1' });
      expect(byId.get(b)).toMatchObject({ transferState: 'paid', transferId: `tr_local_plus_${month}_${b}` });
      expect(byId.get(c)).toMatchObject({ transferState: 'held', transferId: null });

      // One transfer made at Stripe, keyed by the statement, whatever the number of requests.
      expect(fake.transfers().map(([key, t]) => [key, t.amount])).toEqual([
        [`plus_statement_${month}_${a}`, 2200],
      ]);
      expect(new Set(fake.posts.map((p) => p.key))).toEqual(new Set([`plus_statement_${month}_${a}`]));
      // Earnings: the held share waits for onboarding like a held sale (release-held.ts moves it).
      const held = await db.doc(`earnings/${c}/entries/plus_${month}`).get();
      expect(held.data()).toMatchObject({ kind: 'plus', amount: 1467, payout: 'pending', currency: 'USD' });
      expect((await db.doc(`earnings/${c}`).get()).get('totals.USD')).toBe(1467);
      expect((await db.doc(`earnings/${a}`).get()).get('transferred.USD')).toBe(2200);

      // Run again, through the admin trigger this time: nothing new anywhere.
      const admin = await createAuthUser({ claims: { admin: true } });
      await seedProfile(db, admin.uid, { roles: ['admin'] });
      const again = await callFunction(runPlusMonthClose, { month }, await idTokenFor(admin));
      expect(again.result).toMatchObject({ month, state: 'closed', statements: 3 });
      const before = fake.posts.length;
      await closePlusMonth(deps, month);
      expect(fake.posts.length).toBe(before);
      expect(await statementsOf(month)).toMatchObject(expected);
      expect((await db.doc(`earnings/${c}`).get()).get('totals.USD')).toBe(1467);
      expect((await db.doc(`earnings/${a}`).get()).get('transferred.USD')).toBe(2200);
    } finally {
      await fake.close();
    }
  }, 120_000);

  it('a refund after the close carries a negative line into the next month, once', async () => {
    const db = testDb();
    const month = monthOf(1, 5);
    const next = nextPlusMonth(month);
    const [a, b] = [await educator('local'), await educator('local')];
    const paidInvoice = await invoice(month, 10_000);
    await watched(month, a, 100);
    await watched(month, b, 300);
    const deps = { db, now: new Date(), feeBps: 2000, stripe: null };
    // Not before the month before it (which has nothing: fine) — but never the next one first.
    await invoice(next, 10_000);
    await watched(next, a, 600);
    await expect(closePlusMonth(deps, next)).rejects.toThrow(`Close ${month} before ${next}`);
    await closePlusMonth(deps, month);
    expect((await statementsOf(month)).map((s) => s.payable)).toEqual(
      [
        [a, 2000],
        [b, 6000],
      ]
        .sort((x, y) => String(x[0]).localeCompare(String(y[0])))
        .map((x) => x[1]),
    );

    // Half the invoice refunded after the close; Stripe delivers it three times, two at once.
    const refund = refundEvent(paidInvoice, 10_000, 5000);
    const answers = await Promise.all([deliverStripeEvent(refund), deliverStripeEvent(refund)]);
    expect(answers.map((x) => x.body?.outcome).sort()).toEqual(['duplicate', 'plus-refund-carried']);
    expect((await deliverStripeEvent(refund)).body).toMatchObject({ outcome: 'duplicate' });
    const carries = await db.collection('plusCarries').where('invoiceId', '==', paidInvoice).get();
    expect(carries.docs.map((x) => x.data())).toMatchObject([
      { fromMonth: month, amount: 5000, appliedToMonth: null },
    ]);
    expect((await db.doc(`plusInvoices/${paidInvoice}`).get()).data()).toMatchObject({
      amountRefunded: 5000,
      refundCarried: 5000,
    });
    // The closed month's figures do not move.
    expect((await db.doc(`plusMonths/${month}`).get()).get('distributable')).toBe(8000);

    // Next month: 8000 to a (only a watched); the carry takes back 5000 − 20 % = 4000 by last
    // month's shares (a 1000, b 3000). b has nothing to pay it from: it carries on.
    await Promise.all([closePlusMonth(deps, next), closePlusMonth(deps, next)]);
    const statements = await statementsOf(next);
    const byId = new Map(statements.map((s) => [s.instructorId, s]));
    expect(byId.get(a)).toMatchObject({
      amount: 8000,
      carryIn: -1000,
      payable: 7000,
      carryOut: 0,
      transferState: 'paid',
    });
    expect(byId.get(b)).toMatchObject({
      seconds: 0,
      amount: 0,
      carryIn: -3000,
      payable: 0,
      carryOut: -3000,
      transferState: 'none',
    });
    expect((await db.doc(`plusMonths/${next}`).get()).data()).toMatchObject({
      state: 'closed',
      distributable: 8000,
      carriedRefunds: 5000,
      carryInTotal: -4000,
      payableTotal: 7000,
      carryOutTotal: -3000,
    });
    expect((await carries.docs[0]?.ref.get())?.get('appliedToMonth')).toBe(next);

    // The month after: b's negative balance carries in again (nothing to pay it from yet).
    await closePlusMonth(deps, nextPlusMonth(next));
    expect(await statementsOf(nextPlusMonth(next))).toMatchObject([
      { instructorId: b, carryIn: -3000, payable: 0, carryOut: -3000 },
    ]);
  }, 120_000);
});
