import {
  COURSE_CALLABLES,
  type CreateCheckoutSessionRequest,
  type CreateCheckoutSessionResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const createCheckoutSessionInputSchema = z.object({
  courseId: z.string().min(1),
  successUrl: z.url().optional(),
  cancelUrl: z.url().optional(),
});

export function createCheckoutSession(
  input: CreateCheckoutSessionRequest,
): Promise<CreateCheckoutSessionResponse> {
  return callFunction<CreateCheckoutSessionRequest, CreateCheckoutSessionResponse>(
    COURSE_CALLABLES.createCheckoutSession,
    createCheckoutSessionInputSchema.parse(input),
  );
}

export function useCreateCheckoutSession() {
  return useMutation({ mutationFn: createCheckoutSession });
}
