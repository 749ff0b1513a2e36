import type { EnrollInFreeCourseRequest, EnrollInFreeCourseResponse } from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** The contract (and zod with it) loads when someone enrols: the course page paints without them. */
export async function enrollInFreeCourse(
  input: EnrollInFreeCourseRequest,
): Promise<EnrollInFreeCourseResponse> {
  const contracts = await import('@skillverse/domain/contracts/courses');
  return callFunction(contracts.enrollInFreeCourse, input);
}

/** The enrolment listener on the page picks up the new enrolment; nothing to invalidate. */
export function useEnrollInFreeCourse() {
  return useMutation({ mutationFn: enrollInFreeCourse });
}
