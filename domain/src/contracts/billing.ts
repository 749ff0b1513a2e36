// Paid enrolment callables (SPEC §4, §7): the checkout session and the emulator's local test
// checkout. Request/response types live in courses-api.ts.
import {
  type CompleteLocalCheckoutResponse,
  type CreateCheckoutSessionResponse,
  LOCAL_CHECKOUT_OUTCOMES,
} from '../courses-api';
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

/**
 * { courseId, successUrl?, cancelUrl? } → { mode: 'stripe', url, … } (redirect to Stripe) or,
 * without STRIPE_SECRET_KEY, { mode: 'local', url: '/checkout/local?payment=…' }.
 */
export const createCheckoutSession = defineCallable<CreateCheckoutSessionResponse>()(
  'createCheckoutSession',
  z.strictObject({
    courseId: documentId('courseId'),
    successUrl: returnUrl('successUrl').optional(),
    cancelUrl: returnUrl('cancelUrl').optional(),
  }),
);

/** Emulator only, payer only: { paymentId, outcome } → the signed Stripe event's result. */
export const completeLocalCheckout = defineCallable<CompleteLocalCheckoutResponse>()(
  'completeLocalCheckout',
  z.strictObject({
    // Payment ids are ours (auto ids): letters, digits, "_" and "-".
    paymentId: documentId('paymentId').refine(
      (id) => /^[A-Za-z0-9_-]{1,128}$/.test(id),
      'paymentId must be a payment id',
    ),
    outcome: z.enum(LOCAL_CHECKOUT_OUTCOMES, { error: 'outcome must be one of paid, failed, expired' }),
  }),
);
