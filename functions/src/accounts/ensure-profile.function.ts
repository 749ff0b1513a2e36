import { ensureProfile as contract } from '@skillverse/domain/contracts/accounts';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { adminAuth, db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { ensureProfile as ensureProfileHandler } from './ensure-profile';

/** Creates the signed-in user's profile documents if they are missing. Answers what it created. */
export const ensureProfile = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    return ensureProfileHandler({ db: db(), auth: adminAuth() }, caller.uid, input);
  },
);
