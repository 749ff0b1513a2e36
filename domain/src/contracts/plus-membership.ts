// Plus membership callables (issue 18 items 1–4; docs/plus.md): subscription checkout, the Customer
// Portal (and its local stand-ins in the emulator), and starting a Plus course.
import { LOCAL_PLUS_PORTAL_ACTIONS, PLUS_PLANS, type PlusPlan } from '../plus';
import { defineCallable } from './callable';
import { documentId } from './ids';
import { z } from './zod';

const returnUrl = (name: string) =>
  z
    .string({ error: `${name} must be a string` })
    .max(2048, `${name} must be at most 2048 characters`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, `${name} must be an absolute http(s) URL`);

const plan = z.enum(PLUS_PLANS, { error: 'plan must be one of monthly, yearly' });

export interface PlusRedirectResponse {
  /** 'stripe': go to Stripe; 'local': the emulator's stand-in page in this app. */
  mode: 'stripe' | 'local';
  url: string;
}

/** The web app's local stand-ins (emulator only). */
export const localPlusCheckoutPath = (p: PlusPlan) => `/plus/checkout/local?plan=${p}`;
export const LOCAL_PLUS_PORTAL_PATH = '/plus/portal/local';

/** { plan } → a subscription Checkout Session (verified learner, one Stripe customer per user). */
export const createPlusCheckoutSession = defineCallable<PlusRedirectResponse & { customerId: string }>()(
  'createPlusCheckoutSession',
  z.strictObject({
    plan,
    successUrl: returnUrl('successUrl').optional(),
    cancelUrl: returnUrl('cancelUrl').optional(),
  }),
);

/** {} → a Stripe Customer Portal session, or the local portal page in the emulator. */
export const createPlusPortalSession = defineCallable<PlusRedirectResponse>()(
  'createPlusPortalSession',
  z.strictObject({ returnUrl: returnUrl('returnUrl').optional() }),
);

export interface LocalPlusEventsResponse {
  /** The signed events delivered to stripeWebhook, in order. */
  eventIds: string[];
  status: string;
}

/** Emulator only: { plan, outcome } → signed customer.subscription.created + invoice.paid (or a failure). */
export const completeLocalPlusCheckout = defineCallable<LocalPlusEventsResponse>()(
  'completeLocalPlusCheckout',
  z.strictObject({
    plan,
    outcome: z.enum(['paid', 'cancelled'], { error: 'outcome must be one of paid, cancelled' }),
  }),
);

/** Emulator only: the Customer Portal's effects as signed events (switch plan, cancel, resume…). */
export const localPlusPortalAction = defineCallable<LocalPlusEventsResponse>()(
  'localPlusPortalAction',
  z.strictObject({
    action: z.enum(LOCAL_PLUS_PORTAL_ACTIONS, {
      error: `action must be one of ${LOCAL_PLUS_PORTAL_ACTIONS.join(', ')}`,
    }),
    plan: plan.optional(),
  }),
);

export interface StartPlusLearningResponse {
  enrollmentId: string;
  alreadyEnrolled: boolean;
}

/** { courseId } → an enrolment with source 'plus' (an entitled subscriber, a Plus course). */
export const startPlusLearning = defineCallable<StartPlusLearningResponse>()(
  'startPlusLearning',
  z.strictObject({ courseId: documentId('courseId') }),
);
