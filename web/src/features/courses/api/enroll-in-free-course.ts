import {
  COURSE_CALLABLES,
  type EnrollInFreeCourseRequest,
  type EnrollInFreeCourseResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const enrollInFreeCourseInputSchema = z.object({ courseId: z.string().min(1) });

export function enrollInFreeCourse(input: EnrollInFreeCourseRequest): Promise<EnrollInFreeCourseResponse> {
  return callFunction<EnrollInFreeCourseRequest, EnrollInFreeCourseResponse>(
    COURSE_CALLABLES.enrollInFreeCourse,
    enrollInFreeCourseInputSchema.parse(input),
  );
}

/** The enrolment listener on the page picks up the new enrolment; nothing to invalidate. */
export function useEnrollInFreeCourse() {
  return useMutation({ mutationFn: enrollInFreeCourse });
}
