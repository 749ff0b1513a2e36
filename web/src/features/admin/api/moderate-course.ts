import { moderateCourse as moderateCourseContract } from '@skillverse/domain/contracts/courses';
import {
  type ModerateCourseRequest,
  type ModerateCourseResponse,
  REJECTION_REASON_MAX,
  REJECTION_REASON_MIN,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { z } from '@/lib/zod';

/** The reject dialog's reason, in words for the admin typing it. */
export const rejectionReasonSchema = z
  .string()
  .trim()
  .min(REJECTION_REASON_MIN, `Explain what to change in at least ${REJECTION_REASON_MIN} characters.`)
  .max(REJECTION_REASON_MAX, `Keep the reason under ${REJECTION_REASON_MAX} characters.`);

/** Publish or reject a course under review (admins; the server notifies the instructor). */
export function moderateCourse(input: ModerateCourseRequest): Promise<ModerateCourseResponse> {
  return callFunction(moderateCourseContract, input);
}

/** The queue and the catalogue update from their listeners. */
export function useModerateCourse() {
  return useMutation({ mutationFn: moderateCourse });
}
