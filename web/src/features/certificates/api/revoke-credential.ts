import { revokeCredential as revokeCredentialContract } from '@skillverse/domain/contracts/credentials';
import {
  REVOCATION_REASON_MAX,
  REVOCATION_REASON_MIN,
  type RevokeCredentialRequest,
  type RevokeCredentialResponse,
} from '@skillverse/domain/credentials';
import { useMutation } from '@tanstack/react-query';
import { callFunction } from '@/lib/firebase';
import { z } from '@/lib/zod';

/** The revoke form: the reason, in words for the admin typing it (the contract checks the same bounds). */
export const revokeCredentialInputSchema = z.object({
  certificateId: z.string().min(1),
  reason: z
    .string()
    .trim()
    .min(REVOCATION_REASON_MIN, 'Say why, in a few words: the holder and every verifier read it.')
    .max(REVOCATION_REASON_MAX, `Keep the reason under ${REVOCATION_REASON_MAX} characters.`),
});

/** Admins revoke a credential (its status-list bit is set; idempotent). */
export function revokeCredential(input: RevokeCredentialRequest): Promise<RevokeCredentialResponse> {
  return callFunction(revokeCredentialContract, input);
}

/** The verify page updates from the live certificate document. */
export function useRevokeCredential() {
  return useMutation({ mutationFn: revokeCredential });
}
