import type { SetUserStatusRequest, SetUserStatusResponse } from '@skillverse/domain/accounts-api';
import { setUserStatus as setUserStatusContract } from '@skillverse/domain/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { z } from '@/lib/zod';

/** The status dialog's reason, in words for the admin typing it. */
export const statusReasonSchema = z.string().trim().max(1000, 'Keep the reason under 1000 characters.');

/** Suspend, ban or restore an account (admins): profile status, sign-in, audit log, notice. */
export function setUserStatus(input: SetUserStatusRequest): Promise<SetUserStatusResponse> {
  return callFunction(setUserStatusContract, input);
}

/** The user list updates from its listener. */
export function useSetUserStatus() {
  return useMutation({ mutationFn: setUserStatus });
}
