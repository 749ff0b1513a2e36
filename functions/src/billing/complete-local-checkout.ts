// The local test checkout (SPEC §7): emulator only, payer only. Builds the Stripe event a real
// checkout would produce, signs it like Stripe, and POSTs it to stripeWebhook — so the paid,
// failed and expired paths run through exactly the code production runs.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { randomBytes } from 'node:crypto';
import type { CompleteLocalCheckoutResponse, LocalCheckoutOutcome } from '@skillverse/domain/courses-api';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { completeLocalCheckout as completeLocalCheckoutContract } from '@skillverse/domain/contracts/billing';
import { failedPrecondition, notFound } from '../lib/errors';
import { deliverLocalStripeEvent, type LocalStripeDeps, localStripeEvent } from './local-stripe';
import { num, str } from '@skillverse/domain/fields';
import { paymentRef } from '../lib/data/payments';
import { enrollmentRef } from '../lib/data/enrollments';

export type CompleteLocalCheckoutInput = ParsedRequestOf<typeof completeLocalCheckoutContract>;

export type LocalCheckoutDeps = LocalStripeDeps;

function stripeId(prefix: string): string {
  return `${prefix}_local_${randomBytes(12).toString('hex')}`;
}

/** A Stripe event JSON as Stripe would send it for the local payment. */
export function localCheckoutEvent(
  payment: {
    id: string;
    uid: string;
    courseId: string;
    amount: number;
    currency: string;
    sessionId: string;
    email: string | null;
  },
  outcome: LocalCheckoutOutcome,
  now: Date,
) {
  const created = Math.floor(now.getTime() / 1000);
  const metadata = { courseId: payment.courseId, uid: payment.uid, paymentId: payment.id };
  const paymentIntentId = `pi_local_${payment.id}`;
  const currency = payment.currency.toLowerCase();
  const session = {
    id: payment.sessionId,
    object: 'checkout.session',
    mode: 'payment',
    amount_subtotal: payment.amount,
    amount_total: payment.amount,
    currency,
    client_reference_id: payment.uid,
    customer: null,
    customer_details: payment.email ? { email: payment.email } : null,
    metadata,
    livemode: false,
    created,
  };
  const id = stripeId('evt');
  switch (outcome) {
    case 'paid':
      return localStripeEvent(
        id,
        'checkout.session.completed',
        { ...session, status: 'complete', payment_status: 'paid', payment_intent: paymentIntentId },
        now,
      );
    case 'expired':
      return localStripeEvent(
        id,
        'checkout.session.expired',
        { ...session, status: 'expired', payment_status: 'unpaid', payment_intent: null },
        now,
      );
    case 'failed':
      return localStripeEvent(
        id,
        'payment_intent.payment_failed',
        {
          id: paymentIntentId,
          object: 'payment_intent',
          amount: payment.amount,
          currency,
          status: 'requires_payment_method',
          metadata,
          last_payment_error: {
            type: 'card_error',
            code: 'card_declined',
            message: 'Your card was declined (local test checkout).',
          },
          livemode: false,
          created,
        },
        now,
      );
  }
}

/** charge.succeeded of a local destination charge: its transfer to the instructor's account. */
export function localChargeSucceededEvent(
  p: {
    paymentId: string;
    uid: string;
    courseId: string;
    amount: number;
    currency: string;
    fee: number;
    destination: string;
  },
  now: Date,
) {
  return localStripeEvent(
    `evt_local_charge_${p.paymentId}`,
    'charge.succeeded',
    {
      id: `ch_local_${p.paymentId}`,
      object: 'charge',
      amount: p.amount,
      amount_refunded: 0,
      refunded: false,
      currency: p.currency.toLowerCase(),
      payment_intent: `pi_local_${p.paymentId}`,
      application_fee_amount: p.fee,
      transfer: `tr_local_${p.paymentId}`,
      transfer_data: { destination: p.destination, amount: null },
      metadata: { courseId: p.courseId, uid: p.uid, paymentId: p.paymentId },
      created: Math.floor(now.getTime() / 1000),
    },
    now,
  );
}

export async function completeLocalCheckout(
  deps: LocalCheckoutDeps,
  caller: { uid: string; email?: string | null },
  input: CompleteLocalCheckoutInput,
): Promise<CompleteLocalCheckoutResponse> {
  if (!deps.emulator) {
    throw failedPrecondition('The local test checkout exists only in the Firebase emulator.');
  }
  const payment = paymentRef(deps.db, input.paymentId);
  const snap = await payment.get();
  if (!snap.exists) throw notFound(`Payment ${input.paymentId}`);
  const p = snap.data() ?? {};
  if (p.uid !== caller.uid)
    throw new HttpsError('permission-denied', 'Only the payer can complete this checkout.');
  if (p.mode !== 'local')
    throw failedPrecondition('This payment goes through Stripe Checkout, not the local checkout.');
  const enrolled = async () =>
    (await enrollmentRef(deps.db, str(p.courseId), caller.uid).get()).get('status') === 'active';
  if (p.status !== 'pending' && !(p.status === 'failed' && input.outcome === 'paid')) {
    return { paymentId: input.paymentId, eventId: '', status: p.status, enrolled: await enrolled() };
  }

  const event = localCheckoutEvent(
    {
      id: input.paymentId,
      uid: caller.uid,
      courseId: str(p.courseId),
      amount: num(p.amount),
      currency: str(p.currency, 'USD'),
      sessionId: str(p.stripeCheckoutSessionId) || `cs_local_${input.paymentId}`,
      email: caller.email ?? null,
    },
    input.outcome,
    deps.now,
  );
  await deliverLocalStripeEvent(deps, event, {
    what: 'local checkout: webhook refused the event',
    consequence: 'the payment was not completed',
  });
  // A destination charge (the instructor has a local connected account): the charge's transfer
  // to that account, as Stripe reports it in charge.succeeded, simulated with a tr_local_ id.
  if (input.outcome === 'paid' && str(p.destinationAccountId)) {
    const transferEvent = localChargeSucceededEvent(
      {
        paymentId: input.paymentId,
        uid: caller.uid,
        courseId: str(p.courseId),
        amount: num(p.amount),
        currency: str(p.currency, 'USD'),
        fee: num(p.platformFee),
        destination: str(p.destinationAccountId),
      },
      deps.now,
    );
    await deliverLocalStripeEvent(deps, transferEvent, {
      what: 'local checkout: webhook refused the transfer event',
      consequence: 'the transfer was not recorded',
    });
  }
  const after = await payment.get();
  return {
    paymentId: input.paymentId,
    eventId: event.id,
    status: after.get('status'),
    enrolled: await enrolled(),
  };
}

/**
 * The emulator's stripeWebhook URL, from the emulator hub (FIREBASE_EMULATOR_HUB lists every
 * running emulator), so port offsets need no configuration.
 */
export async function emulatorWebhookUrl(): Promise<string> {
  const project = process.env.GCLOUD_PROJECT ?? 'demo-skillverse';
  const hub = process.env.FIREBASE_EMULATOR_HUB;
  if (!hub) throw new HttpsError('failed-precondition', 'The emulator hub is not running.');
  const res = await fetch(`http://${hub}/emulators`);
  const emulators = (await res.json()) as { functions?: { host?: string; port?: number } };
  const fn = emulators.functions;
  if (!fn?.port)
    throw new HttpsError('failed-precondition', 'The Functions emulator is not listed by the hub.');
  const host = !fn.host || fn.host === '0.0.0.0' || fn.host === '::' ? '127.0.0.1' : fn.host;
  const hostPart = host.includes(':') ? `[${host}]` : host;
  return `http://${hostPart}:${fn.port}/${project}/us-central1/${HTTP_FUNCTIONS.stripeWebhook}`;
}
