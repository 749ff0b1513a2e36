import { requestExchange as contract } from '@skillverse/domain/contracts/exchange';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth, requireVerifiedEmail } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { requestExchange as handler } from './request-exchange';

/** A verified, active member asks another for a skill swap (capped: 10 pending, 20 a day). */
export const requestExchange = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(contract.input, request.data);
  requireVerifiedEmail(caller, 'request an exchange');
  await requireActiveUser(db(), caller.uid);
  return handler({ db: db(), now: new Date() }, caller, input);
});
