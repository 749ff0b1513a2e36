import { onRequest } from 'firebase-functions/v2/https';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { STRIPE_WEBHOOK_SECRET, webhookSigningSecret } from './stripe-config';
import { handleStripeWebhook } from './stripe-webhook';

/**
 * POST from Stripe, signature checked on the raw body: checkout.session.completed | expired,
 * payment_intent.payment_failed, charge.refunded. 400 on a bad signature, 500 so Stripe retries.
 */
export const stripeWebhook = onRequest(
  { secrets: [STRIPE_WEBHOOK_SECRET, SENDGRID_API_KEY] },
  async (req, res) => {
    await handleStripeWebhook({ db: db(), now: new Date(), signingSecret: webhookSigningSecret() }, req, res);
  },
);
