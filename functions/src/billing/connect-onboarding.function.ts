import {
  completeLocalOnboarding as completeOnboardingContract,
  createConnectOnboardingLink as onboardingContract,
  runLocalPayout as payoutContract,
} from '@skillverse/domain/contracts/payouts';
import { onCall } from 'firebase-functions/v2/https';
import { APP_URL, appCheckEnforced, DEFAULT_APP_URL } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { emulatorWebhookUrl } from './complete-local-checkout';
import {
  completeLocalOnboarding as completeHandler,
  createConnectOnboardingLink as createHandler,
  runLocalPayout as payoutHandler,
} from './connect-onboarding';
import {
  createStripeClient,
  isEmulator,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  stripeSecretKey,
  webhookSigningSecret,
} from './stripe-config';

/** Educator only: {} → { mode: 'stripe', url: Account Link } or, without a key, { mode: 'local', url }. */
export const createConnectOnboardingLink = onCall(
  { secrets: [STRIPE_SECRET_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    parseInput(onboardingContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    const key = stripeSecretKey();
    const email = typeof caller.token.email === 'string' ? caller.token.email : null;
    return createHandler(
      {
        db: db(),
        now: new Date(),
        stripe: key ? createStripeClient(key) : null,
        allowLocal: isEmulator(),
        appUrl: APP_URL.value() || DEFAULT_APP_URL,
      },
      { ...caller, email },
    );
  },
);

const localDeps = () => ({
  db: db(),
  now: new Date(),
  emulator: isEmulator(),
  signingSecret: webhookSigningSecret(),
  webhookUrl: emulatorWebhookUrl,
});

/** Emulator only, educator only: finishes the simulated onboarding through stripeWebhook. */
export const completeLocalOnboarding = onCall(
  { secrets: [STRIPE_WEBHOOK_SECRET], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    parseInput(completeOnboardingContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return completeHandler(localDeps(), caller);
  },
);

/** Emulator only, educator only: pays out the pending balance through a signed payout.paid. */
export const runLocalPayout = onCall(
  { secrets: [STRIPE_WEBHOOK_SECRET], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    parseInput(payoutContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return payoutHandler(localDeps(), caller);
  },
);
