import { ensureProfile as contract } from '@skillverse/domain/contracts/accounts';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { adminAuth, db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { recheckReferral } from '../gamification/referrals';
import { ensureProfile as ensureProfileHandler } from './ensure-profile';

/**
 * Creates the signed-in user's profile documents if they are missing. Answers what it created.
 * With a verified token it also re-checks the caller's referral.
 */
export const ensureProfile = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    const result = await ensureProfileHandler({ db: db(), auth: adminAuth() }, caller.uid, input);
    // The web app calls this again after "I've verified — refresh": a verified email may be what
    // the caller's referral was waiting for (idempotent; the award re-reads Auth itself).
    if (caller.token.email_verified === true) {
      await recheckReferral(db(), caller.uid, { now: new Date() });
    }
    return result;
  },
);
