// Payouts of held earnings (issue 16 item 9) on the emulator, with a fake Stripe API at its HTTP
// boundary that honours idempotency keys like Stripe: sales made before onboarding are held; the
// account.updated that makes the account active transfers them ONCE — delivered twice, after a
// Stripe failure and its retry, and after a crash between Stripe's answer and our bookkeeping.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../test/course-fixtures';
import { emulatorsRunning, testDb, uniqueId } from '../../test/emulator';
import { releaseHeldEarnings } from './release-held';
import { createStripeClient } from './stripe-config';
import { applyStripeEvent } from './webhook/handle-stripe-webhook';
import { countersOf } from '../../test/counters';

const hex = (n = 10) => randomBytes(n).toString('hex');
const courses: string[] = [];
const educators: string[] = [];

interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * A fake Stripe transfers API. Like Stripe, a repeated idempotency key answers the first result
 * (the same transfer). `fail` answers the next N creates with a Stripe error (nothing created).
 */
async function fakeTransfers() {
  const requests: FakeRequest[] = [];
  const byKey = new Map<string, Record<string, unknown>>();
  const state = { failNext: 0, failNextReversal: 0 };
  const reversalsByKey = new Map<string, Record<string, unknown>>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      requests.push(r);
      res.setHeader('content-type', 'application/json');
      res.setHeader('request-id', 'req_fake');
      // Stripe's answer when the balance cannot cover it (a 400: the client does not retry it).
      const insufficientFunds = (message: string) => {
        res.statusCode = 400;
        res.end(
          JSON.stringify({ error: { type: 'invalid_request_error', code: 'balance_insufficient', message } }),
        );
      };
      const reversalOf = /^\/v1\/transfers\/([^/]+)\/reversals$/.exec(r.url);
      if (r.method === 'POST' && reversalOf) {
        if (state.failNextReversal > 0) {
          state.failNextReversal -= 1;
          insufficientFunds('The connected account has insufficient funds to cover the reversal.');
          return;
        }
        const key = String(r.headers['idempotency-key'] ?? '');
        let reversal = reversalsByKey.get(key);
        if (!reversal) {
          reversal = {
            id: `trr_fake_${reversalsByKey.size + 1}`,
            object: 'transfer_reversal',
            amount: Number(new URLSearchParams(r.body).get('amount')),
            transfer: reversalOf[1],
          };
          reversalsByKey.set(key, reversal);
        }
        res.end(JSON.stringify(reversal));
        return;
      }
      if (r.method !== 'POST' || r.url !== '/v1/transfers') {
        res.statusCode = 404;
        res.end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'not faked' } }));
        return;
      }
      if (state.failNext > 0) {
        state.failNext -= 1;
        insufficientFunds('You have insufficient available funds in your Stripe account.');
        return;
      }
      const key = String(r.headers['idempotency-key'] ?? '');
      let transfer = byKey.get(key);
      if (!transfer) {
        const p = new URLSearchParams(r.body);
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
    requests,
    state,
    /** Transfers Stripe actually made (distinct idempotency keys that succeeded). */
    transfers: () => [...byKey.values()],
    /** Reversals Stripe actually made, with the idempotency key that made each. */
    reversals: () => [...reversalsByKey.entries()].map(([key, r]) => ({ key, ...r })),
    stripe: createStripeClient('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http' }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const posts = (fake: { requests: FakeRequest[] }) =>
  fake.requests.filter((r) => r.method === 'POST' && r.url === '/v1/transfers');

function event(type: string, object: object, account?: string) {
  return {
    id: `evt_test_${hex()}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    ...(account ? { account } : {}),
    type,
    data: { object },
  } as unknown as Stripe.Event;
}

/** An educator who started onboarding (account created, nothing enabled) and sold `sales` courses. */
async function educatorWithHeldSales(sales: number[], price = 4900) {
  const db = testDb();
  const uid = uniqueId('held');
  educators.push(uid);
  const accountId = `acct_${hex(8)}`;
  await db.doc(`educatorPayouts/${uid}`).set({
    uid,
    accountId,
    mode: 'stripe',
    chargesEnabled: false,
    payoutsEnabled: false,
    detailsSubmitted: false,
    requirementsDue: ['external_account'],
    accountEventCreated: 1,
  });
  await db.doc(`stripeAccounts/${accountId}`).set({ uid, accountId });
  const { courseId } = await seedCourse(db, { instructorId: uid, price, title: 'Held Course' });
  courses.push(courseId);
  const deps = { db, now: new Date(), stripe: null };
  const sold: { paymentId: string; buyer: string; amount: number; paymentIntentId: string }[] = [];
  for (const amount of sales) {
    // A sale without a destination account: the platform keeps it (payout 'pending').
    const ref = db.collection('payments').doc();
    const sessionId = `cs_test_${hex(12)}`;
    const paymentIntentId = `pi_${hex()}`;
    const buyer = uniqueId('buyer');
    await ref.set({
      uid: buyer,
      courseId,
      instructorId: uid,
      courseTitle: 'Held Course',
      amount,
      currency: 'EUR',
      status: 'pending',
      mode: 'stripe',
      stripeCheckoutSessionId: sessionId,
      createdAt: new Date(),
    });
    const completed = event('checkout.session.completed', {
      id: sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: amount,
      currency: 'eur',
      client_reference_id: buyer,
      customer: null,
      payment_intent: paymentIntentId,
      metadata: { paymentId: ref.id, uid: buyer, courseId },
    });
    expect((await applyStripeEvent(deps, completed)).outcome).toBe('paid');
    sold.push({ paymentId: ref.id, buyer, amount, paymentIntentId });
  }
  return { uid, accountId, courseId, sold };
}

const accountUpdated = (uid: string, accountId: string, enabled = true) =>
  event(
    'account.updated',
    {
      id: accountId,
      object: 'account',
      type: 'express',
      charges_enabled: enabled,
      payouts_enabled: enabled,
      details_submitted: enabled,
      metadata: { uid },
      requirements: { currently_due: [], past_due: [], eventually_due: [], disabled_reason: null },
    },
    accountId,
  );

/** Stripe's charge.refunded for one of the held sales (`refunded` of its amount so far). */
const saleRefunded = (
  courseId: string,
  sale: { paymentId: string; buyer: string; amount: number; paymentIntentId: string },
  refunded = sale.amount,
) =>
  event('charge.refunded', {
    id: `ch_${sale.paymentId}`,
    object: 'charge',
    amount: sale.amount,
    amount_refunded: refunded,
    refunded: refunded >= sale.amount,
    currency: 'eur',
    payment_intent: sale.paymentIntentId,
    metadata: { paymentId: sale.paymentId, uid: sale.buyer, courseId },
  });

const releasesOf = async (uid: string) =>
  (await testDb().collection(`educatorPayouts/${uid}/heldReleases`).get()).docs.map((d) => d.data());
const entriesOf = async (uid: string) =>
  (await testDb().collection(`earnings/${uid}/entries`).get()).docs.map((d) => d.data());
const earningsOf = (uid: string) => countersOf(`earnings/${uid}`);

describe.skipIf(!emulatorsRunning)('payouts of held earnings', () => {
  afterAll(async () => {
    const db = testDb();
    for (const id of courses) await deleteCourse(db, id);
    for (const uid of educators) {
      const acct = (await db.doc(`educatorPayouts/${uid}`).get()).get('accountId');
      if (acct) await db.doc(`stripeAccounts/${acct}`).delete();
      await db.recursiveDelete(db.doc(`educatorPayouts/${uid}`));
      await db.recursiveDelete(db.doc(`earnings/${uid}`));
    }
  });

  it('onboarding finished after two sales: one transfer of both, once, however often account.updated is delivered', async () => {
    const { uid, accountId } = await educatorWithHeldSales([4900, 2500]);
    const fake = await fakeTransfers();
    try {
      const deps = { db: testDb(), now: new Date(), stripe: fake.stripe };
      // Still onboarding: nothing moves.
      const incomplete = accountUpdated(uid, accountId, false);
      expect((await applyStripeEvent(deps, incomplete)).outcome).toBe('account-updated');
      expect(posts(fake)).toHaveLength(0);
      expect(await releasesOf(uid)).toEqual([]);

      const active = accountUpdated(uid, accountId);
      expect((await applyStripeEvent(deps, active)).outcome).toBe('account-updated');
      expect((await applyStripeEvent(deps, active)).outcome).toBe('duplicate');
      // A later account.updated (Stripe sends many) moves nothing more either.
      await applyStripeEvent(deps, accountUpdated(uid, accountId));

      expect(fake.transfers()).toHaveLength(1);
      expect(posts(fake)).toHaveLength(1);
      const body = new URLSearchParams(posts(fake)[0]?.body);
      expect(body.get('amount')).toBe('7400');
      expect(body.get('currency')).toBe('eur');
      expect(body.get('destination')).toBe(accountId);
      const [release] = await releasesOf(uid);
      expect(posts(fake)[0]?.headers['idempotency-key']).toBe(release?.idempotencyKey);
      expect(release).toMatchObject({
        state: 'paid',
        amount: 7400,
        currency: 'EUR',
        transferId: 'tr_fake_1',
      });
      expect(await entriesOf(uid)).toEqual([
        expect.objectContaining({ payout: 'transferred', transferId: 'tr_fake_1' }),
        expect.objectContaining({ payout: 'transferred', transferId: 'tr_fake_1' }),
      ]);
      expect(await earningsOf(uid)).toMatchObject({
        totals: { EUR: 7400 },
        transferred: { EUR: 7400 },
        releasedHeld: { EUR: 7400 },
      });
    } finally {
      await fake.close();
    }
  });

  it('Stripe refuses the transfer: the webhook answers an error, the redelivery retries it, one transfer in all', async () => {
    const { uid, accountId } = await educatorWithHeldSales([4900]);
    const fake = await fakeTransfers();
    try {
      const deps = { db: testDb(), now: new Date(), stripe: fake.stripe };
      fake.state.failNext = 1;
      const active = accountUpdated(uid, accountId);
      await expect(applyStripeEvent(deps, active)).rejects.toThrow(/after the commit/);
      expect(await releasesOf(uid)).toEqual([
        expect.objectContaining({
          state: 'transferring',
          attempts: 1,
          lastError: expect.stringMatching(/insufficient/),
        }),
      ]);
      expect((await earningsOf(uid))?.transferred).toBeUndefined();

      // Stripe redelivers (the 500 asked it to): a duplicate event, and the job finishes.
      expect((await applyStripeEvent(deps, active)).outcome).toBe('duplicate');
      expect(fake.transfers()).toHaveLength(1);
      const keys = new Set(posts(fake).map((r) => r.headers['idempotency-key']));
      expect(keys.size).toBe(1);
      expect(await releasesOf(uid)).toEqual([
        expect.objectContaining({ state: 'paid', attempts: 2, lastError: null, transferId: 'tr_fake_1' }),
      ]);
      expect((await earningsOf(uid))?.transferred).toEqual({ EUR: 4900 });
    } finally {
      await fake.close();
    }
  });

  it('a crash after Stripe made the transfer, before it was recorded: the retry reuses it (same key), counted once', async () => {
    const { uid } = await educatorWithHeldSales([3000, 1000]);
    const db = testDb();
    // Active without the webhook's follow-up (as after a crash in it).
    await db.doc(`educatorPayouts/${uid}`).update({
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      requirementsDue: [],
    });
    const fake = await fakeTransfers();
    try {
      const crash = {
        db,
        now: new Date(),
        stripe: fake.stripe,
        afterTransfer: () => {
          throw new Error('process killed');
        },
      };
      await expect(releaseHeldEarnings(crash, uid)).rejects.toThrow('process killed');
      expect(fake.transfers()).toHaveLength(1);
      expect((await releasesOf(uid))[0]).toMatchObject({ state: 'transferring', transferId: null });

      const retried = await releaseHeldEarnings({ db, now: new Date(), stripe: fake.stripe }, uid);
      expect(retried).toEqual([expect.objectContaining({ amount: 4000, transferId: 'tr_fake_1' })]);
      // Stripe saw the same request twice and made one transfer.
      expect(posts(fake)).toHaveLength(2);
      expect(new Set(posts(fake).map((r) => r.headers['idempotency-key'])).size).toBe(1);
      expect(fake.transfers()).toHaveLength(1);
      // And a third run, later, does nothing.
      expect(await releaseHeldEarnings({ db, now: new Date(), stripe: fake.stripe }, uid)).toEqual([]);
      expect(posts(fake)).toHaveLength(2);
      expect((await earningsOf(uid))?.transferred).toEqual({ EUR: 4000 });
    } finally {
      await fake.close();
    }
  });

  it('a fully refunded held sale is not transferred; a sale after onboarding is a destination charge, not held', async () => {
    const { uid, accountId } = await educatorWithHeldSales([4900, 2000]);
    const db = testDb();
    // The first sale was refunded in full before onboarding finished.
    const entries = await db.collection(`earnings/${uid}/entries`).where('amount', '==', 4900).get();
    await entries.docs[0]?.ref.update({ status: 'reversed', refundedAmount: 4900 });
    const fake = await fakeTransfers();
    try {
      await applyStripeEvent({ db, now: new Date(), stripe: fake.stripe }, accountUpdated(uid, accountId));
      expect(posts(fake)).toHaveLength(1);
      expect(new URLSearchParams(posts(fake)[0]?.body).get('amount')).toBe('2000');
      const payouts = (await entriesOf(uid)).map((e) => e.payout).sort();
      expect(payouts).toEqual(['none', 'transferred']);
    } finally {
      await fake.close();
    }
  });

  it('a refund after the held release was transferred reverses that sale on Connect, once per refund, retry-safe', async () => {
    const { uid, accountId, courseId, sold } = await educatorWithHeldSales([4900, 2500]);
    const [first, second] = sold as [(typeof sold)[0], (typeof sold)[0]];
    const db = testDb();
    const fake = await fakeTransfers();
    const reversalPosts = () => fake.requests.filter((r) => r.url.endsWith('/reversals'));
    try {
      const deps = () => ({ db, now: new Date(), stripe: fake.stripe });
      await applyStripeEvent(deps(), accountUpdated(uid, accountId));
      expect(fake.transfers()).toEqual([expect.objectContaining({ id: 'tr_fake_1', amount: 7400 })]);

      // The first sale is refunded in full; Stripe fails the reversal once; the webhook answers an
      // error, Stripe redelivers, and the redelivery finishes the reversal (same key, one reversal).
      fake.state.failNextReversal = 1;
      const full = saleRefunded(courseId, first);
      await expect(applyStripeEvent(deps(), full)).rejects.toThrow(/after the commit/);
      expect((await db.doc(`earnings/${uid}/entries/${first.paymentId}`).get()).get('transferReversal')).toBe(
        'pending',
      );
      expect((await applyStripeEvent(deps(), full)).outcome).toBe('duplicate');
      expect((await applyStripeEvent(deps(), full)).outcome).toBe('duplicate');
      expect(fake.reversals()).toEqual([
        expect.objectContaining({
          key: `reverse_held_${first.paymentId}_4900`,
          id: 'trr_fake_1',
          amount: 4900,
          transfer: 'tr_fake_1',
        }),
      ]);
      expect(new Set(reversalPosts().map((r) => r.headers['idempotency-key']))).toEqual(
        new Set([`reverse_held_${first.paymentId}_4900`]),
      );
      expect((await db.doc(`earnings/${uid}/entries/${first.paymentId}`).get()).data()).toMatchObject({
        transferReversal: 'reversed',
        transferReversedAmount: 4900,
        transferReversalId: 'trr_fake_1',
      });

      // The second sale: half refunded, then the rest — two refunds, two reversals, 2500 in all.
      await applyStripeEvent(deps(), saleRefunded(courseId, second, 1000));
      await applyStripeEvent(deps(), saleRefunded(courseId, second, 2500));
      expect(fake.reversals().slice(1)).toEqual([
        expect.objectContaining({ key: `reverse_held_${second.paymentId}_1000`, amount: 1000 }),
        expect.objectContaining({ key: `reverse_held_${second.paymentId}_2500`, amount: 1500 }),
      ]);
      // Nothing more was transferred, and the books say the connected account kept nothing.
      expect(fake.transfers()).toHaveLength(1);
      expect(await earningsOf(uid)).toMatchObject({ totals: { EUR: 0 }, transferred: { EUR: 0 } });
    } finally {
      await fake.close();
    }
  });

  it('a refund while the release is under way is reversed when the release is paid', async () => {
    const { uid, courseId, sold } = await educatorWithHeldSales([3000, 1000]);
    const [first] = sold as [(typeof sold)[0]];
    const db = testDb();
    await db.doc(`educatorPayouts/${uid}`).update({
      chargesEnabled: true,
      payoutsEnabled: true,
      detailsSubmitted: true,
      requirementsDue: [],
    });
    const fake = await fakeTransfers();
    try {
      const crash = () => {
        throw new Error('process killed');
      };
      await expect(
        releaseHeldEarnings({ db, now: new Date(), stripe: fake.stripe, afterTransfer: crash }, uid),
      ).rejects.toThrow('process killed');
      // Refunded now: there is no recorded transfer yet, so nothing can be reversed yet.
      await applyStripeEvent({ db, now: new Date(), stripe: fake.stripe }, saleRefunded(courseId, first));
      expect(fake.reversals()).toEqual([]);
      await releaseHeldEarnings({ db, now: new Date(), stripe: fake.stripe }, uid);
      expect(fake.reversals()).toEqual([
        expect.objectContaining({
          key: `reverse_held_${first.paymentId}_3000`,
          amount: 3000,
          transfer: 'tr_fake_1',
        }),
      ]);
      await releaseHeldEarnings({ db, now: new Date(), stripe: fake.stripe }, uid);
      expect(fake.reversals()).toHaveLength(1);
      expect(await earningsOf(uid)).toMatchObject({ totals: { EUR: 1000 }, transferred: { EUR: 1000 } });
    } finally {
      await fake.close();
    }
  });
});
