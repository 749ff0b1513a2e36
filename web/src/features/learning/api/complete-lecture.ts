import { completeLecture as completeLectureContract } from '@skillverse/domain/contracts/courses';
import type { CompleteLectureRequest, CompleteLectureResponse } from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

export function completeLecture(input: CompleteLectureRequest): Promise<CompleteLectureResponse> {
  return callFunction(completeLectureContract, input);
}

/** Ticks and progress arrive through the live enrolment. */
export function useCompleteLecture() {
  return useMutation({ mutationFn: completeLecture });
}
