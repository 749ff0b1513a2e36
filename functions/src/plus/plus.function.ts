// Plus membership callables (issue 18; docs/plus.md).
import {
  completeLocalPlusCheckout as completeLocalContract,
  createPlusCheckoutSession as checkoutContract,
  createPlusPortalSession as portalContract,
  localPlusPortalAction as localPortalContract,
  startPlusLearning as startContract,
} from '@skillverse/domain/contracts/plus-membership';
import { onCall } from 'firebase-functions/v2/https';
import { APP_URL, DEFAULT_APP_URL, appCheckEnforced } from '../config/params';
import { emulatorWebhookUrl } from '../billing/complete-local-checkout';
import {
  createStripeClient,
  isEmulator,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  stripeSecretKey,
  webhookSigningSecret,
} from '../billing/stripe-config';
import { db } from '../lib/admin';
import { requireAuth, requireVerifiedEmail } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import {
  completeLocalPlusCheckout as completeLocal,
  localPlusPortalAction as localPortal,
} from './local-plus';
import { createPlusCheckoutSession as checkout, createPlusPortalSession as portal } from './plus-checkout';
import { plusPriceId } from './plus-config';
import { startPlusLearning as start } from './start-plus-learning';

function checkoutDeps() {
  const key = stripeSecretKey();
  return {
    db: db(),
    now: new Date(),
    stripe: key ? createStripeClient(key) : null,
    allowLocal: isEmulator(),
    appUrl: APP_URL.value() || DEFAULT_APP_URL,
    priceId: plusPriceId,
  };
}

function localDeps() {
  return {
    db: db(),
    now: new Date(),
    emulator: isEmulator(),
    signingSecret: webhookSigningSecret(),
    webhookUrl: emulatorWebhookUrl,
  };
}

/** { plan, successUrl?, cancelUrl? } → Stripe Checkout (mode 'subscription') or the local page. */
export const createPlusCheckoutSession = onCall(
  { secrets: [STRIPE_SECRET_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(checkoutContract.input, request.data);
    requireVerifiedEmail(caller, 'subscribe to Plus');
    await requireActiveUser(db(), caller.uid);
    const email = typeof caller.token.email === 'string' ? caller.token.email : null;
    return checkout(checkoutDeps(), { uid: caller.uid, email }, input);
  },
);

/** { returnUrl? } → the Stripe Customer Portal, or the local portal page in the emulator. */
export const createPlusPortalSession = onCall(
  { secrets: [STRIPE_SECRET_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(portalContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return portal(checkoutDeps(), { uid: caller.uid }, input);
  },
);

/** Emulator only: the local checkout's "Pay" → signed customer.subscription.created + invoice.paid. */
export const completeLocalPlusCheckout = onCall(
  { secrets: [STRIPE_WEBHOOK_SECRET], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(completeLocalContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return completeLocal(localDeps(), { uid: caller.uid }, input);
  },
);

/** Emulator only: the local portal's buttons → the signed events Stripe's portal would cause. */
export const localPlusPortalAction = onCall(
  { secrets: [STRIPE_WEBHOOK_SECRET], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(localPortalContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return localPortal(localDeps(), { uid: caller.uid }, input);
  },
);

/** { courseId } → an enrolment with source 'plus' for an entitled subscriber. */
export const startPlusLearning = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(startContract.input, request.data);
  await requireActiveUser(db(), caller.uid);
  return start({ db: db(), now: new Date() }, caller.uid, input);
});
