import {
  ACCOUNT_CALLABLES,
  GRANTABLE_ROLES,
  type SetUserRolesRequest,
  type SetUserRolesResponse,
} from '@skillverse/domain/accounts-api';
import { useMutation } from '@tanstack/react-query';
import { z } from '@/lib/zod';
import { callFunction } from '@/lib/firebase';

export const setUserRolesInputSchema = z.object({
  uid: z.string().min(1),
  role: z.enum(GRANTABLE_ROLES),
  grant: z.boolean(),
});

/** Grant or revoke the educator or admin role (admins): claims, mirrored roles, audit log, notice. */
export function setUserRoles(input: SetUserRolesRequest): Promise<SetUserRolesResponse> {
  return callFunction<SetUserRolesRequest, SetUserRolesResponse>(
    ACCOUNT_CALLABLES.setUserRoles,
    setUserRolesInputSchema.parse(input),
  );
}

/** The user list updates from its listener (roles are mirrored on the profile). */
export function useSetUserRoles() {
  return useMutation({ mutationFn: setUserRoles });
}
