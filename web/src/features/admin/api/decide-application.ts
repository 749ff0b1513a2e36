import {
  ACCOUNT_CALLABLES,
  APPLICATION_DECISIONS,
  DECISION_REASON_MAX,
  DECISION_REASON_MIN,
  type DecideEducatorApplicationRequest,
  type DecideEducatorApplicationResponse,
} from '@skillverse/domain/accounts-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const decisionReasonSchema = z
  .string()
  .trim()
  .min(DECISION_REASON_MIN, `Explain the decision in at least ${DECISION_REASON_MIN} characters.`)
  .max(DECISION_REASON_MAX, `Keep the reason under ${DECISION_REASON_MAX} characters.`);

export const decideApplicationInputSchema = z
  .object({
    uid: z.string().min(1),
    decision: z.enum(APPLICATION_DECISIONS),
    reason: decisionReasonSchema.optional(),
  })
  .refine((v) => v.decision !== 'reject' || Boolean(v.reason), {
    path: ['reason'],
    message: 'Say why the application is rejected.',
  });

/** Approve or reject an application (admins; the server sets the role and notifies the applicant). */
export function decideApplication(
  input: DecideEducatorApplicationRequest,
): Promise<DecideEducatorApplicationResponse> {
  return callFunction<DecideEducatorApplicationRequest, DecideEducatorApplicationResponse>(
    ACCOUNT_CALLABLES.decideEducatorApplication,
    decideApplicationInputSchema.parse(input),
  );
}

/** The queues update from their listeners. */
export function useDecideApplication() {
  return useMutation({ mutationFn: decideApplication });
}
