import { completeLocalCheckout as contract } from '@skillverse/domain/contracts/billing';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { completeLocalCheckout as handler, emulatorWebhookUrl } from './complete-local-checkout';
import { isEmulator, STRIPE_WEBHOOK_SECRET, webhookSigningSecret } from './stripe-config';

/**
 * Emulator only, payer only: { paymentId, outcome: 'paid' | 'failed' | 'expired' } → signs the
 * matching Stripe event and delivers it to stripeWebhook → { paymentId, eventId, status, enrolled }.
 */
export const completeLocalCheckout = onCall(
  { secrets: [STRIPE_WEBHOOK_SECRET], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    const email = typeof caller.token.email === 'string' ? caller.token.email : null;
    return handler(
      {
        db: db(),
        now: new Date(),
        emulator: isEmulator(),
        signingSecret: webhookSigningSecret(),
        webhookUrl: emulatorWebhookUrl,
      },
      { uid: caller.uid, email },
      input,
    );
  },
);
