// Instructor payouts on the emulators: onboarding (local and, with a fake Stripe API at its HTTP
// boundary, Stripe), destination charges, and every Connect webhook path — account.updated,
// charge.succeeded, charge.refunded (transfer reversal), payout.paid / payout.failed — with
// signed events delivered twice and out of order.
import * as billingContracts from '@skillverse/domain/contracts/billing';
import * as payoutsContracts from '@skillverse/domain/contracts/payouts';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { callFunction, deleteUserData, emulatorsRunning, testDb, uniqueId } from '../../test/emulator';
import { createConnectOnboardingLink } from './connect-onboarding';
import { webhookSecret, webhookUrl } from '../../test/webhook-target';
import { createCheckoutSession } from './create-checkout-session';
import { createStripeClient, signStripePayload } from './stripe-config';
import { applyStripeEvent } from './webhook/handle-stripe-webhook';
import { countersOf } from '../../test/counters';

const PRICE = 4900;
const FEE = 980; // 20 %
const NET = PRICE - FEE;
const users: string[] = [];
const courses: string[] = [];
const educators: string[] = [];

async function postEvent(event: object) {
  const payload = JSON.stringify(event);
  const res = await fetch(webhookUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'stripe-signature': signStripePayload(payload, webhookSecret()),
    },
    body: payload,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

const hex = (n = 10) => randomBytes(n).toString('hex');
const evtId = () => `evt_test_${hex()}`;

function event(
  type: string,
  object: object,
  options: { created?: number; account?: string; id?: string } = {},
) {
  return {
    id: options.id ?? evtId(),
    object: 'event',
    api_version: '2026-10-28.endive',
    created: options.created ?? Math.floor(Date.now() / 1000),
    livemode: false,
    ...(options.account ? { account: options.account } : {}),
    type,
    data: { object },
  };
}

function accountObject(id: string, uid: string, flags: { enabled: boolean; due?: string[] }) {
  return {
    id,
    object: 'account',
    type: 'express',
    charges_enabled: flags.enabled,
    payouts_enabled: flags.enabled,
    details_submitted: flags.enabled,
    metadata: { uid },
    requirements: { currently_due: flags.due ?? [], past_due: [], eventually_due: [], disabled_reason: null },
  };
}

function payoutObject(id: string, amount: number, status: string) {
  return {
    id,
    object: 'payout',
    amount,
    currency: 'usd',
    status,
    arrival_date: 1_800_000_000,
    created: 1_800_000_000,
  };
}

/** An educator with an onboarded (active) account, as account.updated leaves it. */
async function activeEducator(mode: 'stripe' | 'local' = 'stripe') {
  const uid = uniqueId('edu');
  educators.push(uid);
  const accountId = mode === 'local' ? `acct_local_${uid.replace(/[^A-Za-z0-9]/g, '')}` : `acct_${hex(8)}`;
  await testDb().doc(`educatorPayouts/${uid}`).set({
    uid,
    accountId,
    mode,
    chargesEnabled: true,
    payoutsEnabled: true,
    detailsSubmitted: true,
    requirementsDue: [],
    accountEventCreated: 1,
  });
  await testDb().doc(`stripeAccounts/${accountId}`).set({ uid, accountId });
  return { uid, accountId };
}

interface DestinationPurchase {
  paymentId: string;
  courseId: string;
  uid: string;
  instructorId: string;
  accountId: string;
  sessionId: string;
  paymentIntentId: string;
  transferId: string;
}

async function destinationPurchase(buyer: string): Promise<DestinationPurchase> {
  const { uid: instructorId, accountId } = await activeEducator();
  const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE, title: 'Connect Course' });
  courses.push(courseId);
  const ref = testDb().collection('payments').doc();
  const sessionId = `cs_test_${hex(12)}`;
  await ref.set({
    uid: buyer,
    courseId,
    instructorId,
    courseTitle: 'Connect Course',
    amount: PRICE,
    currency: 'USD',
    status: 'pending',
    mode: 'stripe',
    destinationAccountId: accountId,
    platformFee: FEE,
    stripeCheckoutSessionId: sessionId,
    stripePaymentIntentId: null,
    createdAt: new Date(),
  });
  return {
    paymentId: ref.id,
    courseId,
    uid: buyer,
    instructorId,
    accountId,
    sessionId,
    paymentIntentId: `pi_${hex()}`,
    transferId: `tr_${hex()}`,
  };
}

const metadataOf = (p: DestinationPurchase) => ({ paymentId: p.paymentId, uid: p.uid, courseId: p.courseId });

const completed = (p: DestinationPurchase) =>
  event('checkout.session.completed', {
    id: p.sessionId,
    object: 'checkout.session',
    mode: 'payment',
    status: 'complete',
    payment_status: 'paid',
    amount_total: PRICE,
    currency: 'usd',
    client_reference_id: p.uid,
    customer: null,
    payment_intent: p.paymentIntentId,
    metadata: metadataOf(p),
  });

const chargeObject = (p: DestinationPurchase, amountRefunded = 0) => ({
  id: `ch_${p.paymentId}`,
  object: 'charge',
  amount: PRICE,
  amount_refunded: amountRefunded,
  refunded: amountRefunded >= PRICE,
  currency: 'usd',
  payment_intent: p.paymentIntentId,
  application_fee_amount: FEE,
  transfer: p.transferId,
  transfer_data: { destination: p.accountId, amount: null },
  metadata: metadataOf(p),
});

const entryOf = async (p: { instructorId: string; paymentId: string }) =>
  (await testDb().doc(`earnings/${p.instructorId}/entries/${p.paymentId}`).get()).data();
const earningsOf = (uid: string) => countersOf(`earnings/${uid}`);

interface FakeRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A fake Stripe API: `route` answers each request (JSON), every request is recorded. */
async function fakeStripe(route: (req: FakeRequest) => unknown) {
  const requests: FakeRequest[] = [];
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
      res.end(JSON.stringify(route(r)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    stripe: createStripeClient('sk_test_fake', { host: '127.0.0.1', port, protocol: 'http' }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe.skipIf(!emulatorsRunning)('instructor payouts', () => {
  let educator: SignedInUser;
  let learner: SignedInUser;

  beforeAll(async () => {
    educator = await signedInUser({ displayName: 'Connie Connect', claims: { educator: true } });
    learner = await signedInUser({ displayName: 'Lou Learner' });
    users.push(educator.uid, learner.uid);
  });

  afterAll(async () => {
    const db = testDb();
    for (const id of courses) await deleteCourse(db, id);
    for (const uid of [...educators, educator.uid]) {
      const acct = (await db.doc(`educatorPayouts/${uid}`).get()).get('accountId');
      if (acct) await db.doc(`stripeAccounts/${acct}`).delete();
      await db.recursiveDelete(db.doc(`educatorPayouts/${uid}`));
      await db.recursiveDelete(db.doc(`earnings/${uid}`));
    }
    for (const uid of users) await deleteUserData(db, uid);
  });

  describe(payoutsContracts.createConnectOnboardingLink.name, () => {
    it('is for educators only, rejects input and writes nothing then', async () => {
      const asLearner = await callFunction(payoutsContracts.createConnectOnboardingLink, {}, learner.token);
      expect(asLearner.error?.status).toBe('PERMISSION_DENIED');
      expect((await testDb().doc(`educatorPayouts/${learner.uid}`).get()).exists).toBe(false);
      const bad = await callFunction(
        payoutsContracts.createConnectOnboardingLink,
        { accountId: 'acct_x' },
        educator.token,
      );
      expect(bad.error?.status).toBe('INVALID_ARGUMENT');
      expect((await testDb().doc(`educatorPayouts/${educator.uid}`).get()).exists).toBe(false);
      expect((await callFunction(payoutsContracts.createConnectOnboardingLink, {})).error?.status).toBe(
        'UNAUTHENTICATED',
      );
    });

    it('without a key: one simulated account, the local onboarding page, then active through the webhook', async () => {
      const first = await callFunction(payoutsContracts.createConnectOnboardingLink, {}, educator.token);
      expect(first.error).toBeUndefined();
      expect(first.result).toMatchObject({ mode: 'local', url: '/educator/payouts/local-onboarding' });
      const again = await callFunction(payoutsContracts.createConnectOnboardingLink, {}, educator.token);
      expect(again.result?.accountId).toBe(first.result?.accountId);
      expect((await testDb().doc(`educatorPayouts/${educator.uid}`).get()).data()).toMatchObject({
        accountId: first.result?.accountId,
        mode: 'local',
        payoutsEnabled: false,
      });

      expect(
        (await callFunction(payoutsContracts.completeLocalOnboarding, {}, learner.token)).error?.status,
      ).toBe('PERMISSION_DENIED');
      expect(
        (
          await callFunction(
            payoutsContracts.completeLocalOnboarding,
            { payoutsEnabled: true },
            educator.token,
          )
        ).error?.status,
      ).toBe('INVALID_ARGUMENT');
      const done = await callFunction(payoutsContracts.completeLocalOnboarding, {}, educator.token);
      expect(done.error).toBeUndefined();
      expect(done.result).toMatchObject({ accountId: first.result?.accountId, state: 'active' });
      expect((await testDb().doc(`stripeEvents/${done.result?.eventId}`).get()).get('outcome')).toBe(
        'account-updated',
      );
      // A second completion (same second → same event id, or a later one) changes nothing.
      await callFunction(payoutsContracts.completeLocalOnboarding, {}, educator.token);
      expect((await testDb().doc(`educatorPayouts/${educator.uid}`).get()).data()).toMatchObject({
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        requirementsDue: [],
      });
    });

    it('with a key: creates the Express account once (idempotency key) and returns an Account Link (fake Stripe API)', async () => {
      const uid = uniqueId('edu');
      educators.push(uid);
      const fake = await fakeStripe((r) =>
        r.url === '/v1/accounts'
          ? { id: 'acct_fake_1', object: 'account', type: 'express' }
          : { object: 'account_link', url: 'https://connect.stripe.test/setup/e/acct_fake_1' },
      );
      try {
        const deps = {
          db: testDb(),
          now: new Date(),
          stripe: fake.stripe,
          allowLocal: false,
          appUrl: 'https://app.test',
        };
        const caller = { uid, token: { educator: true }, email: 'e@example.test' };
        const a = await createConnectOnboardingLink(deps, caller);
        const b = await createConnectOnboardingLink(deps, caller);
        expect(a).toEqual({
          mode: 'stripe',
          url: 'https://connect.stripe.test/setup/e/acct_fake_1',
          accountId: 'acct_fake_1',
        });
        expect(b.accountId).toBe('acct_fake_1');
        const creates = fake.requests.filter((r) => r.url === '/v1/accounts');
        expect(creates).toHaveLength(1);
        expect(creates[0]?.headers['idempotency-key']).toBe(`connect_account_${uid}`);
        const form = new URLSearchParams(creates[0]?.body);
        expect(form.get('type')).toBe('express');
        expect(form.get('metadata[uid]')).toBe(uid);
        expect(form.get('capabilities[transfers][requested]')).toBe('true');
        const links = fake.requests.filter((r) => r.url === '/v1/account_links');
        expect(links).toHaveLength(2);
        const link = new URLSearchParams(links[0]?.body);
        expect(link.get('type')).toBe('account_onboarding');
        expect(link.get('account')).toBe('acct_fake_1');
        expect(link.get('return_url')).toBe('https://app.test/educator?payouts=return');
        expect((await testDb().doc('stripeAccounts/acct_fake_1').get()).get('uid')).toBe(uid);
        await expect(
          createConnectOnboardingLink(deps, { uid: learner.uid, token: {} }),
        ).rejects.toMatchObject({ code: 'permission-denied' });
      } finally {
        await fake.close();
      }
    });
  });

  describe('account.updated', () => {
    it('applies once when delivered twice, and an older event after a newer one changes nothing', async () => {
      const uid = uniqueId('edu');
      educators.push(uid);
      const accountId = `acct_${hex(8)}`;
      await testDb()
        .doc(`educatorPayouts/${uid}`)
        .set({ uid, accountId, mode: 'stripe', accountEventCreated: 0 });
      await testDb().doc(`stripeAccounts/${accountId}`).set({ uid, accountId });
      const now = Math.floor(Date.now() / 1000);
      const older = event(
        'account.updated',
        accountObject(accountId, uid, { enabled: false, due: ['external_account'] }),
        {
          created: now - 60,
          account: accountId,
        },
      );
      const newer = event('account.updated', accountObject(accountId, uid, { enabled: true }), {
        created: now,
        account: accountId,
      });
      const r1 = await postEvent(newer);
      const r2 = await postEvent(newer);
      expect([r1.status, r2.status]).toEqual([200, 200]);
      expect([r1.body?.outcome, r2.body?.outcome]).toEqual(['account-updated', 'duplicate']);
      const r3 = await postEvent(older);
      expect(r3.body?.outcome).toBe('stale');
      expect((await postEvent(older)).body?.outcome).toBe('duplicate');
      expect((await testDb().doc(`educatorPayouts/${uid}`).get()).data()).toMatchObject({
        chargesEnabled: true,
        payoutsEnabled: true,
        detailsSubmitted: true,
        requirementsDue: [],
        accountEventCreated: now,
      });
    });

    it('records requirements due, and ignores an account nobody here owns', async () => {
      const uid = uniqueId('edu');
      educators.push(uid);
      const accountId = `acct_${hex(8)}`;
      await testDb().doc(`stripeAccounts/${accountId}`).set({ uid, accountId });
      const e = event(
        'account.updated',
        accountObject(accountId, uid, { enabled: false, due: ['individual.verification.document'] }),
        {
          account: accountId,
        },
      );
      expect((await postEvent(e)).body?.outcome).toBe('account-updated');
      expect((await testDb().doc(`educatorPayouts/${uid}`).get()).data()).toMatchObject({
        accountId,
        payoutsEnabled: false,
        requirementsDue: ['individual.verification.document'],
      });
      const stranger = event('account.updated', {
        ...accountObject(`acct_${hex(8)}`, '', { enabled: true }),
        metadata: {},
      });
      expect((await postEvent(stranger)).body?.outcome).toBe('account-unmatched');
    });
  });

  describe('destination charges', () => {
    it('createCheckoutSession sends application_fee_amount and transfer_data for an active account (fake Stripe API)', async () => {
      const { uid: instructorId, accountId } = await activeEducator();
      const { courseId } = await seedCourse(testDb(), { instructorId, price: PRICE, title: 'Fee Course' });
      courses.push(courseId);
      const fake = await fakeStripe(() => ({
        id: `cs_test_${hex(6)}`,
        object: 'checkout.session',
        url: 'https://checkout.stripe.test/c/pay/x',
      }));
      try {
        const result = await createCheckoutSession(
          {
            db: testDb(),
            now: new Date(),
            stripe: fake.stripe,
            allowLocalCheckout: false,
            appUrl: 'http://localhost:5173',
          },
          { uid: learner.uid },
          { courseId },
        );
        const form = new URLSearchParams(fake.requests[0]?.body);
        expect(form.get('payment_intent_data[application_fee_amount]')).toBe(String(FEE));
        expect(form.get('payment_intent_data[transfer_data][destination]')).toBe(accountId);
        expect((await testDb().doc(`payments/${result.paymentId}`).get()).data()).toMatchObject({
          destinationAccountId: accountId,
          platformFee: FEE,
        });
      } finally {
        await fake.close();
      }
    });

    it('keeps the old flow (no fee, no transfer) for an educator without an active account', async () => {
      const uid = uniqueId('edu');
      educators.push(uid);
      await testDb()
        .doc(`educatorPayouts/${uid}`)
        .set({ uid, accountId: 'acct_half', mode: 'stripe', detailsSubmitted: true });
      const { courseId } = await seedCourse(testDb(), { instructorId: uid, price: PRICE });
      courses.push(courseId);
      const fake = await fakeStripe(() => ({
        id: `cs_test_${hex(6)}`,
        object: 'checkout.session',
        url: 'https://x.test',
      }));
      try {
        await createCheckoutSession(
          {
            db: testDb(),
            now: new Date(),
            stripe: fake.stripe,
            allowLocalCheckout: false,
            appUrl: 'http://localhost:5173',
          },
          { uid: learner.uid },
          { courseId },
        );
        const form = new URLSearchParams(fake.requests[0]?.body);
        expect(form.get('payment_intent_data[application_fee_amount]')).toBeNull();
        expect(form.get('payment_intent_data[transfer_data][destination]')).toBeNull();
      } finally {
        await fake.close();
      }
    });

    it('credits the net once, records the fee and the transfer, whatever the order and however often delivered', async () => {
      const p = await destinationPurchase(learner.uid);
      const charge = event('charge.succeeded', chargeObject(p));
      // The transfer comes first, the completion after; each delivered twice.
      expect((await postEvent(charge)).body?.outcome).toBe('transfer-recorded');
      expect((await postEvent(charge)).body?.outcome).toBe('duplicate');
      const c = completed(p);
      expect((await postEvent(c)).body?.outcome).toBe('paid');
      expect((await postEvent(c)).body?.outcome).toBe('duplicate');
      expect(await entryOf(p)).toMatchObject({
        amount: NET,
        grossAmount: PRICE,
        platformFee: FEE,
        transferId: p.transferId,
        destinationAccountId: p.accountId,
        payout: 'transferred',
        status: 'credited',
      });
      expect((await earningsOf(p.instructorId))?.totals).toEqual({ USD: NET });
      expect((await earningsOf(p.instructorId))?.transferred).toEqual({ USD: NET });
      // And the other order: completion first, then the transfer fills in the entry.
      const q = await destinationPurchase(learner.uid);
      expect((await postEvent(completed(q))).body?.outcome).toBe('paid');
      expect((await entryOf(q))?.transferId).toBeNull();
      expect((await postEvent(event('charge.succeeded', chargeObject(q)))).body?.outcome).toBe(
        'transfer-recorded',
      );
      expect((await entryOf(q))?.transferId).toBe(q.transferId);
    });
  });

  describe('refunds reverse the transfer', () => {
    it('a Dashboard refund without reversal: the webhook reverses the transfer once (fake Stripe API), delivered twice', async () => {
      const p = await destinationPurchase(learner.uid);
      await postEvent(completed(p));
      await postEvent(event('charge.succeeded', chargeObject(p)));
      let reversed = 0;
      const fake = await fakeStripe((r) => {
        if (r.method === 'GET')
          return { id: p.transferId, object: 'transfer', amount: NET, amount_reversed: reversed };
        reversed = NET;
        return { id: 'trr_fake_1', object: 'transfer_reversal', amount: NET, transfer: p.transferId };
      });
      try {
        const refund = event('charge.refunded', chargeObject(p, PRICE)) as unknown as Stripe.Event;
        const deps = { db: testDb(), now: new Date(), stripe: fake.stripe };
        expect((await applyStripeEvent(deps, refund)).outcome).toBe('refunded');
        expect((await applyStripeEvent(deps, refund)).outcome).toBe('duplicate');
        const posts = fake.requests.filter((r) => r.method === 'POST');
        expect(posts).toHaveLength(1);
        expect(posts[0]?.url).toBe(`/v1/transfers/${p.transferId}/reversals`);
        expect(posts[0]?.headers['idempotency-key']).toBe(`reverse_${p.transferId}_${NET}`);
        expect(new URLSearchParams(posts[0]?.body).get('amount')).toBe(String(NET));
        expect(await entryOf(p)).toMatchObject({
          status: 'reversed',
          refundedAmount: NET,
          transferReversal: 'reversed',
          transferReversalId: 'trr_fake_1',
          transferReversedAmount: NET,
        });
        expect((await earningsOf(p.instructorId))?.totals).toEqual({ USD: 0 });
      } finally {
        await fake.close();
      }
    });

    it('a refund that already reversed the transfer (reverse_transfer) creates no second reversal', async () => {
      const p = await destinationPurchase(learner.uid);
      await postEvent(completed(p));
      await postEvent(event('charge.succeeded', chargeObject(p)));
      const fake = await fakeStripe(() => ({
        id: p.transferId,
        object: 'transfer',
        amount: NET,
        amount_reversed: NET,
      }));
      try {
        const refund = event('charge.refunded', chargeObject(p, PRICE)) as unknown as Stripe.Event;
        await applyStripeEvent({ db: testDb(), now: new Date(), stripe: fake.stripe }, refund);
        expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
        expect(await entryOf(p)).toMatchObject({ status: 'reversed', transferReversal: 'reversed' });
      } finally {
        await fake.close();
      }
    });

    it('partial then full refund: proportional debits, the entry ends reversed exactly once (signed, twice each)', async () => {
      const p = await destinationPurchase(learner.uid);
      await postEvent(completed(p));
      const half = event('charge.refunded', chargeObject(p, PRICE / 2));
      expect((await postEvent(half)).body?.outcome).toBe('partially-refunded');
      expect((await postEvent(half)).body?.outcome).toBe('duplicate');
      expect((await earningsOf(p.instructorId))?.totals).toEqual({ USD: NET / 2 });
      const full = event('charge.refunded', chargeObject(p, PRICE));
      expect((await postEvent(full)).body?.outcome).toBe('refunded');
      expect((await postEvent(full)).body?.outcome).toBe('duplicate');
      const e = await entryOf(p);
      expect(e).toMatchObject({ status: 'reversed', refundedAmount: NET });
      expect((await earningsOf(p.instructorId))?.totals).toEqual({ USD: 0 });
      expect((await earningsOf(p.instructorId))?.refundsCount).toBe(1);
      expect((await earningsOf(p.instructorId))?.transferred).toEqual({ USD: 0 });
    });

    it('a refund before the payment is known: the late completion credits nothing', async () => {
      const p = await destinationPurchase(learner.uid);
      await testDb().doc(`payments/${p.paymentId}`).delete();
      expect((await postEvent(event('charge.refunded', chargeObject(p, PRICE)))).body?.outcome).toBe(
        'refunded-before-completion',
      );
      const c = completed(p);
      expect((await postEvent(c)).body?.outcome).toBe('ignored-refunded');
      expect((await postEvent(c)).body?.outcome).toBe('duplicate');
      expect(await entryOf(p)).toBeUndefined();
      expect(await earningsOf(p.instructorId)).toBeUndefined();
    });
  });

  describe('payout.paid / payout.failed', () => {
    it('counts a payout once, ignores a paid after failed, and takes back a paid that later failed', async () => {
      const { uid, accountId } = await activeEducator();
      const paid = event('payout.paid', payoutObject('po_a', 3000, 'paid'), { account: accountId });
      expect((await postEvent(paid)).body?.outcome).toBe('payout-paid');
      expect((await postEvent(paid)).body?.outcome).toBe('duplicate');
      expect((await earningsOf(uid))?.paidOut).toEqual({ USD: 3000 });
      const paidLater = event('payout.failed', payoutObject('po_a', 3000, 'failed'), { account: accountId });
      expect((await postEvent(paidLater)).body?.outcome).toBe('payout-failed');
      expect((await earningsOf(uid))?.paidOut).toEqual({ USD: 0 });

      // Out of order: failed first, then an older paid → stale, nothing counted.
      const failed = event('payout.failed', payoutObject('po_b', 500, 'failed'), { account: accountId });
      const stalePaid = event('payout.paid', payoutObject('po_b', 500, 'paid'), { account: accountId });
      expect((await postEvent(failed)).body?.outcome).toBe('payout-failed');
      expect((await postEvent(stalePaid)).body?.outcome).toBe('stale');
      expect((await postEvent(stalePaid)).body?.outcome).toBe('duplicate');
      expect((await earningsOf(uid))?.paidOut).toEqual({ USD: 0 });
      const ledger = await testDb().collection(`educatorPayouts/${uid}/payouts`).get();
      expect(ledger.docs.map((d) => [d.id, d.get('status')]).sort()).toEqual([
        ['po_a', 'failed'],
        ['po_b', 'failed'],
      ]);
      const unknown = event('payout.paid', payoutObject('po_c', 1, 'paid'), { account: 'acct_nobody' });
      expect((await postEvent(unknown)).body?.outcome).toBe('account-unmatched');
    });
  });

  describe('the keyless local path end to end', () => {
    it('onboarding → local checkout with a fee and a simulated transfer → refund reverses it → local payout', async () => {
      const edu = await signedInUser({ displayName: 'Local Educator', claims: { educator: true } });
      const buyer = await signedInUser({ displayName: 'Local Buyer' });
      users.push(edu.uid, buyer.uid);
      educators.push(edu.uid);
      expect((await callFunction(payoutsContracts.runLocalPayout, {}, edu.token)).error?.status).toBe(
        'FAILED_PRECONDITION',
      );
      await callFunction(payoutsContracts.createConnectOnboardingLink, {}, edu.token);
      expect((await callFunction(payoutsContracts.runLocalPayout, {}, edu.token)).error?.status).toBe(
        'FAILED_PRECONDITION',
      );
      await callFunction(payoutsContracts.completeLocalOnboarding, {}, edu.token);
      const { courseId } = await seedCourse(testDb(), {
        instructorId: edu.uid,
        price: PRICE,
        title: 'Local Fee',
      });
      courses.push(courseId);
      const created = await callFunction(billingContracts.createCheckoutSession, { courseId }, buyer.token);
      const paymentId = created.result!.paymentId;
      const done = await callFunction(
        billingContracts.completeLocalCheckout,
        { paymentId, outcome: 'paid' },
        buyer.token,
      );
      expect(done.result).toMatchObject({ status: 'paid', enrolled: true });
      expect(await entryOf({ instructorId: edu.uid, paymentId })).toMatchObject({
        amount: NET,
        platformFee: FEE,
        transferId: `tr_local_${paymentId}`,
        payout: 'transferred',
      });

      expect((await callFunction(payoutsContracts.runLocalPayout, {}, learner.token)).error?.status).toBe(
        'PERMISSION_DENIED',
      );
      const first = await callFunction(payoutsContracts.runLocalPayout, {}, edu.token);
      expect(first.error).toBeUndefined();
      expect(first.result?.payouts).toEqual([
        expect.objectContaining({ amount: NET, currency: 'USD', status: 'paid' }),
      ]);
      const second = await callFunction(payoutsContracts.runLocalPayout, {}, edu.token);
      expect(second.result?.payouts).toEqual([]);
      expect((await earningsOf(edu.uid))?.paidOut).toEqual({ USD: NET });

      // A refund (from the Dashboard, signed, twice) reverses the simulated transfer once.
      const refund = event('charge.refunded', {
        id: `ch_local_${paymentId}`,
        object: 'charge',
        amount: PRICE,
        amount_refunded: PRICE,
        refunded: true,
        currency: 'usd',
        payment_intent: `pi_local_${paymentId}`,
        transfer: `tr_local_${paymentId}`,
        metadata: { paymentId, uid: buyer.uid, courseId },
      });
      expect((await postEvent(refund)).body?.outcome).toBe('refunded');
      expect((await postEvent(refund)).body?.outcome).toBe('duplicate');
      expect(await entryOf({ instructorId: edu.uid, paymentId })).toMatchObject({
        status: 'reversed',
        refundedAmount: NET,
        transferReversal: 'reversed',
        transferReversalId: `trr_local_${paymentId}`,
      });
      expect((await earningsOf(edu.uid))?.totals).toEqual({ USD: 0 });
    });
  });
});
