import {
  DECISION_REASON_MAX,
  DECISION_REASON_MIN,
  type DecideEducatorApplicationRequest,
  type DecideEducatorApplicationResponse,
} from '@skillverse/domain/accounts-api';
import { decideEducatorApplication } from '@skillverse/domain/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { z } from '@/lib/zod';

/** The reject dialog's reason, in words for the admin typing it. */
export const decisionReasonSchema = z
  .string()
  .trim()
  .min(DECISION_REASON_MIN, `Explain the decision in at least ${DECISION_REASON_MIN} characters.`)
  .max(DECISION_REASON_MAX, `Keep the reason under ${DECISION_REASON_MAX} characters.`);

/** Approve or reject an application (admins; the server sets the role and notifies the applicant). */
export function decideApplication(
  input: DecideEducatorApplicationRequest,
): Promise<DecideEducatorApplicationResponse> {
  return callFunction(decideEducatorApplication, input);
}

/** The queues update from their listeners. */
export function useDecideApplication() {
  return useMutation({ mutationFn: decideApplication });
}
