import {
  COURSE_CALLABLES,
  type CompleteLocalCheckoutRequest,
  type CompleteLocalCheckoutResponse,
  LOCAL_CHECKOUT_OUTCOMES,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const completeLocalCheckoutInputSchema = z.object({
  paymentId: z.string().min(1),
  outcome: z.enum(LOCAL_CHECKOUT_OUTCOMES),
});

/**
 * Emulator only: the server signs a Stripe event locally and delivers it to the real webhook, so
 * the payment, enrolment and receipt follow the same path as with Stripe.
 */
export function completeLocalCheckout(
  input: CompleteLocalCheckoutRequest,
): Promise<CompleteLocalCheckoutResponse> {
  return callFunction<CompleteLocalCheckoutRequest, CompleteLocalCheckoutResponse>(
    COURSE_CALLABLES.completeLocalCheckout,
    completeLocalCheckoutInputSchema.parse(input),
  );
}

export function useCompleteLocalCheckout() {
  return useMutation({ mutationFn: completeLocalCheckout });
}
