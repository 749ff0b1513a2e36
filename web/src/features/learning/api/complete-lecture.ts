import {
  COURSE_CALLABLES,
  type CompleteLectureRequest,
  type CompleteLectureResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const completeLectureInputSchema = z.object({
  courseId: z.string().min(1),
  lectureId: z.string().min(1),
});

export function completeLecture(input: CompleteLectureRequest): Promise<CompleteLectureResponse> {
  return callFunction<CompleteLectureRequest, CompleteLectureResponse>(
    COURSE_CALLABLES.completeLecture,
    completeLectureInputSchema.parse(input),
  );
}

/** Ticks and progress arrive through the live enrolment. */
export function useCompleteLecture() {
  return useMutation({ mutationFn: completeLecture });
}
