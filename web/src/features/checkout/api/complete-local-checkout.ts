import { completeLocalCheckout as completeLocalCheckoutContract } from '@skillverse/domain/contracts/billing';
import type {
  CompleteLocalCheckoutRequest,
  CompleteLocalCheckoutResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/**
 * Emulator only: the server signs a Stripe event locally and delivers it to the real webhook, so
 * the payment, enrolment and receipt follow the same path as with Stripe.
 */
export function completeLocalCheckout(
  input: CompleteLocalCheckoutRequest,
): Promise<CompleteLocalCheckoutResponse> {
  return callFunction(completeLocalCheckoutContract, input);
}

export function useCompleteLocalCheckout() {
  return useMutation({ mutationFn: completeLocalCheckout });
}
