// Instructor payout callables (Stripe Connect): onboarding, and in the keyless local mode the
// simulated onboarding and payout run. None takes input. Response types live in payouts.ts.
import type {
  CompleteLocalOnboardingResponse,
  CreateConnectOnboardingLinkResponse,
  RunLocalPayoutResponse,
} from '../payouts';
import { defineCallable } from './callable';
import { z } from './zod';

/** These callables take no input ({} or nothing); anything else is invalid-argument. */
const noInput = z.strictObject({}).nullish();

/** Educator only: {} → a Stripe Account Link or, without a key, the local onboarding page. */
export const createConnectOnboardingLink = defineCallable<CreateConnectOnboardingLinkResponse>()(
  'createConnectOnboardingLink',
  noInput,
);

/** Emulator only, educator only: finishes the simulated onboarding through stripeWebhook. */
export const completeLocalOnboarding = defineCallable<CompleteLocalOnboardingResponse>()(
  'completeLocalOnboarding',
  noInput,
);

/** Emulator only, educator only: pays out the pending balance through a signed payout.paid. */
export const runLocalPayout = defineCallable<RunLocalPayoutResponse>()('runLocalPayout', noInput);
