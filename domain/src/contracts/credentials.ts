// Verifiable credential callables (admins): revoking a credential and the backfill of credentials
// for what was earned before they existed. Request/response types live in credentials.ts.
import { REVOCATION_REASON_MAX, REVOCATION_REASON_MIN, type RevokeCredentialResponse } from '../credentials';
import { defineCallable } from './callable';
import { documentId } from './ids';
import { z } from './zod';

/** Admin only: { certificateId, reason } → the credential's status-list bit is set (idempotent). */
export const revokeCredential = defineCallable<RevokeCredentialResponse>()(
  'revokeCredential',
  z.strictObject({
    certificateId: documentId('certificateId'),
    reason: z
      .string({ error: 'reason must be a string' })
      .trim()
      .min(REVOCATION_REASON_MIN, `reason must say why (at least ${REVOCATION_REASON_MIN} characters)`)
      .max(REVOCATION_REASON_MAX, `reason must be at most ${REVOCATION_REASON_MAX} characters`),
  }),
);

export interface BackfillCredentialsResponse {
  exchangeCredentialsIssued: number;
  scanned: number;
  signed: number;
}

/** Admin only, no input: signs older certificates and issues earned exchange credentials. */
export const backfillCredentials = defineCallable<BackfillCredentialsResponse>()(
  'backfillCredentials',
  z.strictObject({}).nullish(),
);
