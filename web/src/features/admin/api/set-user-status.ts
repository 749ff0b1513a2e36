import {
  ACCOUNT_CALLABLES,
  type SetUserStatusRequest,
  type SetUserStatusResponse,
} from '@skillverse/domain/accounts-api';
import { ACCOUNT_STATUSES } from '@skillverse/domain/models';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const statusReasonSchema = z.string().trim().max(1000, 'Keep the reason under 1000 characters.');

export const setUserStatusInputSchema = z
  .object({
    uid: z.string().min(1),
    status: z.enum(ACCOUNT_STATUSES),
    reason: statusReasonSchema.optional(),
  })
  .refine((v) => v.status === 'active' || (v.reason ?? '').length >= 5, {
    path: ['reason'],
    message: 'Say why, in at least 5 characters: the person reads it.',
  });

/** Suspend, ban or restore an account (admins): profile status, sign-in, audit log, notice. */
export function setUserStatus(input: SetUserStatusRequest): Promise<SetUserStatusResponse> {
  return callFunction<SetUserStatusRequest, SetUserStatusResponse>(
    ACCOUNT_CALLABLES.setUserStatus,
    setUserStatusInputSchema.parse(input),
  );
}

/** The user list updates from its listener. */
export function useSetUserStatus() {
  return useMutation({ mutationFn: setUserStatus });
}
