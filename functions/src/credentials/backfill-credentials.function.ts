import { backfillCredentials as contract } from '@skillverse/domain/contracts/credentials';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, CREDENTIAL_SIGNING_KEY, optionalSecret, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { backfillCredentials as backfill } from './backfill-credentials';
import { issuerUrls } from './sign-certificate';
import { resolveSigningKey } from './signing-key';

/**
 * Admin only, no input ({}): signs certificates issued before credentials existed and issues
 * exchange credentials for completed exchanges that earned them. Safe to run again.
 */
export const backfillCredentials = onCall(
  {
    secrets: [CREDENTIAL_SIGNING_KEY, SENDGRID_API_KEY],
    enforceAppCheck: appCheckEnforced(),
    timeoutSeconds: 540,
  },
  async (request) => {
    await requireActiveAdmin(db(), request);
    parseInput(contract.input, request.data);
    const key = resolveSigningKey(optionalSecret(CREDENTIAL_SIGNING_KEY));
    return backfill({ db: db(), key, urls: issuerUrls(), now: new Date() });
  },
);
