import {
  COURSE_CALLABLES,
  type CreateCheckoutSessionRequest,
  type CreateCheckoutSessionResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

export async function createCheckoutSession(
  input: CreateCheckoutSessionRequest,
): Promise<CreateCheckoutSessionResponse> {
  const { createCheckoutSessionInputSchema } = await import('./course-action-schemas');
  return callFunction<CreateCheckoutSessionRequest, CreateCheckoutSessionResponse>(
    COURSE_CALLABLES.createCheckoutSession,
    createCheckoutSessionInputSchema.parse(input),
  );
}

export function useCreateCheckoutSession() {
  return useMutation({ mutationFn: createCheckoutSession });
}
