import type { SetUserRolesRequest, SetUserRolesResponse } from '@skillverse/domain/accounts-api';
import { setUserRoles as setUserRolesContract } from '@skillverse/domain/contracts/accounts';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';

/** Grant or revoke the educator or admin role (admins): claims, mirrored roles, audit log, notice. */
export function setUserRoles(input: SetUserRolesRequest): Promise<SetUserRolesResponse> {
  return callFunction(setUserRolesContract, input);
}

/** The user list updates from its listener (roles are mirrored on the profile). */
export function useSetUserRoles() {
  return useMutation({ mutationFn: setUserRoles });
}
