// Signed Stripe events delivered to the emulator's real stripeWebhook (as Stripe would), for the
// refund tests, the abuse suite and the e2e refund journey.
import { randomBytes } from 'node:crypto';
import { signStripePayload } from '../src/billing/stripe-config';
import { webhookSecret, webhookUrl } from './webhook-target';

export interface StripePurchase {
  paymentId: string;
  courseId: string;
  uid: string;
  sessionId: string;
  paymentIntentId: string;
  amount: number;
}

export const stripeEventId = () => `evt_test_${randomBytes(10).toString('hex')}`;

export function stripeEvent(type: string, object: object, id = stripeEventId()) {
  return {
    id,
    object: 'event',
    api_version: '2026-10-28.endive',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type,
    data: { object },
  };
}

export function checkoutCompleted(p: StripePurchase, id?: string) {
  return stripeEvent(
    'checkout.session.completed',
    {
      id: p.sessionId,
      object: 'checkout.session',
      mode: 'payment',
      status: 'complete',
      payment_status: 'paid',
      amount_total: p.amount,
      currency: 'usd',
      client_reference_id: p.uid,
      customer: null,
      payment_intent: p.paymentIntentId,
      metadata: { paymentId: p.paymentId, uid: p.uid, courseId: p.courseId },
    },
    id,
  );
}

/** A full refund of the purchase's charge. */
export function chargeRefunded(p: StripePurchase, id?: string) {
  return stripeEvent(
    'charge.refunded',
    {
      id: `ch_${p.paymentId}`,
      object: 'charge',
      amount: p.amount,
      amount_refunded: p.amount,
      refunded: true,
      currency: 'usd',
      payment_intent: p.paymentIntentId,
      metadata: { paymentId: p.paymentId, uid: p.uid, courseId: p.courseId },
    },
    id,
  );
}

/** POSTs the event, signed with the webhook's secret, to the emulator's stripeWebhook. */
export async function deliverStripeEvent(event: object, url = webhookUrl(), secret = webhookSecret()) {
  const payload = JSON.stringify(event);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signStripePayload(payload, secret) },
    body: payload,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}
