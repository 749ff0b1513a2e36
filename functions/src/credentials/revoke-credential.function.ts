import { revokeCredential as contract } from '@skillverse/domain/contracts/credentials';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, CREDENTIAL_SIGNING_KEY, optionalSecret, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { revokeCredential as revokeCredentialHandler } from './revoke-credential';
import { issuerUrls } from './sign-certificate';
import { resolveSigningKey } from './signing-key';

/** Admin only: { certificateId, reason } → the credential's status-list bit is set (idempotent). */
export const revokeCredential = onCall(
  { secrets: [CREDENTIAL_SIGNING_KEY, SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const admin = await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    const key = resolveSigningKey(optionalSecret(CREDENTIAL_SIGNING_KEY));
    return revokeCredentialHandler({ db: db(), key, urls: issuerUrls(), now: new Date() }, admin.uid, input);
  },
);
