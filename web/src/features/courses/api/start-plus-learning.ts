import { startPlusLearning } from '@skillverse/domain/contracts/plus-membership';
import type { RequestOf } from '@skillverse/domain/contracts/callable';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** "Start learning with Plus": an enrolment with source 'plus' (an entitled member, a Plus course). */
export function useStartPlusLearning() {
  return useMutation({
    mutationFn: (input: RequestOf<typeof startPlusLearning>) => callFunction(startPlusLearning, input),
  });
}
