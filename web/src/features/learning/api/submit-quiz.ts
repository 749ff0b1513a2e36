import {
  startQuizAttempt as startQuizAttemptContract,
  submitQuiz as submitQuizContract,
} from '@skillverse/domain/contracts/courses';
import type {
  StartQuizAttemptRequest,
  StartQuizAttemptResponse,
  SubmitQuizRequest,
  SubmitQuizResponse,
} from '@skillverse/domain/courses-api';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** The server issues the attempt: its question/option order, its number and its deadline. */
export function startQuizAttempt(input: StartQuizAttemptRequest): Promise<StartQuizAttemptResponse> {
  return callFunction(startQuizAttemptContract, input);
}

export function useStartQuizAttempt() {
  return useMutation({ mutationFn: startQuizAttempt });
}

/** Graded on the server: the answers never reach the browser, only right or wrong per question (when shown). */
export function submitQuiz(input: SubmitQuizRequest): Promise<SubmitQuizResponse> {
  return callFunction(submitQuizContract, input);
}

export function useSubmitQuiz() {
  return useMutation({ mutationFn: submitQuiz });
}
