import { setCoursePlusExcluded as contract } from '@skillverse/domain/contracts/courses';
import type {
  SetCoursePlusExcludedRequest,
  SetCoursePlusExcludedResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** Take a course out of Plus, or put it back (admins; audit-logged). */
export function setCoursePlusExcluded(
  input: SetCoursePlusExcludedRequest,
): Promise<SetCoursePlusExcludedResponse> {
  return callFunction(contract, input);
}

/** The published-courses list updates from its listener. */
export function useSetCoursePlusExcluded() {
  return useMutation({ mutationFn: setCoursePlusExcluded });
}
