import { z } from '@/lib/zod';

// Validation of the enrol and checkout calls, loaded when someone clicks (see the callers): the
// course page's first paint then needs no zod (the bundle budget, scripts/check-bundle.mjs).

export const enrollInFreeCourseInputSchema = z.object({ courseId: z.string().min(1) });

export const createCheckoutSessionInputSchema = z.object({
  courseId: z.string().min(1),
  successUrl: z.url().optional(),
  cancelUrl: z.url().optional(),
});
