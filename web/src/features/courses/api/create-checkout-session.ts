import type {
  CreateCheckoutSessionRequest,
  CreateCheckoutSessionResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** The contract (and zod with it) loads when someone buys: the course page paints without them. */
export async function createCheckoutSession(
  input: CreateCheckoutSessionRequest,
): Promise<CreateCheckoutSessionResponse> {
  const contracts = await import('@skillverse/domain/contracts/billing');
  return callFunction(contracts.createCheckoutSession, input);
}

export function useCreateCheckoutSession() {
  return useMutation({ mutationFn: createCheckoutSession });
}
