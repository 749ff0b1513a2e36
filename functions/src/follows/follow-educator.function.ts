import { followEducator as contract } from '@skillverse/domain/contracts/follows';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { followEducator as handler } from './follow';

/** { educatorId, follow } → follow or unfollow an educator; the follower count moves with it. */
export const followEducator = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(contract.input, request.data);
  return handler({ db: db(), now: new Date() }, caller.uid, input);
});
