import {
  COURSE_CALLABLES,
  type EnrollInFreeCourseRequest,
  type EnrollInFreeCourseResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

export async function enrollInFreeCourse(
  input: EnrollInFreeCourseRequest,
): Promise<EnrollInFreeCourseResponse> {
  const { enrollInFreeCourseInputSchema } = await import('./course-action-schemas');
  return callFunction<EnrollInFreeCourseRequest, EnrollInFreeCourseResponse>(
    COURSE_CALLABLES.enrollInFreeCourse,
    enrollInFreeCourseInputSchema.parse(input),
  );
}

/** The enrolment listener on the page picks up the new enrolment; nothing to invalidate. */
export function useEnrollInFreeCourse() {
  return useMutation({ mutationFn: enrollInFreeCourse });
}
