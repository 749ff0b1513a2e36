import {
  COURSE_CALLABLES,
  type SubmitQuizRequest,
  type SubmitQuizResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const submitQuizInputSchema = z.object({
  courseId: z.string().min(1),
  quizId: z.string().min(1),
  answers: z.record(z.string(), z.array(z.number().int().min(0))),
});

/** Graded on the server: the answers never reach the browser, only right or wrong per question. */
export function submitQuiz(input: SubmitQuizRequest): Promise<SubmitQuizResponse> {
  return callFunction<SubmitQuizRequest, SubmitQuizResponse>(
    COURSE_CALLABLES.submitQuiz,
    submitQuizInputSchema.parse(input),
  );
}

export function useSubmitQuiz() {
  return useMutation({ mutationFn: submitQuiz });
}
