import { submitQuiz as submitQuizContract } from '@skillverse/domain/contracts/courses';
import type { SubmitQuizRequest, SubmitQuizResponse } from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** Graded on the server: the answers never reach the browser, only right or wrong per question. */
export function submitQuiz(input: SubmitQuizRequest): Promise<SubmitQuizResponse> {
  return callFunction(submitQuizContract, input);
}

export function useSubmitQuiz() {
  return useMutation({ mutationFn: submitQuiz });
}
