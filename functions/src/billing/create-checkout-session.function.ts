import { createCheckoutSession as contract } from '@skillverse/domain/contracts/billing';
import { onCall } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL, appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth, requireVerifiedEmail } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { createCheckoutSession as handler } from './create-checkout-session';
import { PLATFORM_FEE_BPS } from './payouts-data';
import { createStripeClient, isEmulator, STRIPE_SECRET_KEY, stripeSecretKey } from './stripe-config';

/**
 * { courseId, successUrl?, cancelUrl? } → { mode: 'stripe', url, sessionId, paymentId } (redirect
 * to Stripe) or, without STRIPE_SECRET_KEY, { mode: 'local', url: '/checkout/local?payment=…' }.
 */
export const createCheckoutSession = onCall(
  { secrets: [STRIPE_SECRET_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    requireVerifiedEmail(caller, 'buy a course');
    await requireActiveUser(db(), caller.uid);
    const key = stripeSecretKey();
    const email = typeof caller.token.email === 'string' ? caller.token.email : null;
    return handler(
      {
        db: db(),
        now: new Date(),
        stripe: key ? createStripeClient(key) : null,
        allowLocalCheckout: isEmulator(),
        appUrl: APP_URL.value() || DEFAULT_APP_URL,
        platformFeeBps: PLATFORM_FEE_BPS.value(),
      },
      { uid: caller.uid, email },
      input,
    );
  },
);
