import {
  COURSE_CALLABLES,
  MODERATION_ACTIONS,
  type ModerateCourseRequest,
  type ModerateCourseResponse,
  REJECTION_REASON_MAX,
  REJECTION_REASON_MIN,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const rejectionReasonSchema = z
  .string()
  .trim()
  .min(REJECTION_REASON_MIN, `Explain what to change in at least ${REJECTION_REASON_MIN} characters.`)
  .max(REJECTION_REASON_MAX, `Keep the reason under ${REJECTION_REASON_MAX} characters.`);

export const moderateCourseInputSchema = z
  .object({
    courseId: z.string().min(1),
    action: z.enum(MODERATION_ACTIONS),
    reason: rejectionReasonSchema.optional(),
  })
  .refine((v) => v.action !== 'reject' || Boolean(v.reason), {
    path: ['reason'],
    message: 'Say why the course is rejected.',
  });

/** Publish or reject a course under review (admins; the server notifies the instructor). */
export function moderateCourse(input: ModerateCourseRequest): Promise<ModerateCourseResponse> {
  return callFunction<ModerateCourseRequest, ModerateCourseResponse>(
    COURSE_CALLABLES.moderateCourse,
    moderateCourseInputSchema.parse(input),
  );
}

/** The queue and the catalogue update from their listeners. */
export function useModerateCourse() {
  return useMutation({ mutationFn: moderateCourse });
}
