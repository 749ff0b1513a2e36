import { onRequest } from 'firebase-functions/v2/https';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import {
  connectWebhookSigningSecret,
  createStripeClient,
  STRIPE_CONNECT_WEBHOOK_SECRET,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  stripeSecretKey,
  webhookSigningSecret,
} from './stripe-config';
import { handleStripeWebhook } from './webhook/handle-stripe-webhook';

/**
 * POST from Stripe, signature checked on the raw body: checkout.session.completed | expired,
 * payment_intent.payment_failed, charge.refunded, and for instructor payouts charge.succeeded,
 * account.updated, payout.paid | failed (Connect events carry event.account). 400 on a bad
 * signature, 500 so Stripe retries. STRIPE_SECRET_KEY is used only to reverse the transfer of a
 * refunded destination charge (none without it: local mode).
 */
export const stripeWebhook = onRequest(
  {
    secrets: [STRIPE_WEBHOOK_SECRET, STRIPE_CONNECT_WEBHOOK_SECRET, STRIPE_SECRET_KEY, SENDGRID_API_KEY],
  },
  async (req, res) => {
    const key = stripeSecretKey();
    await handleStripeWebhook(
      {
        db: db(),
        now: new Date(),
        signingSecret: webhookSigningSecret(),
        connectSigningSecret: connectWebhookSigningSecret(),
        stripe: key ? createStripeClient(key) : null,
      },
      req,
      res,
    );
  },
);
