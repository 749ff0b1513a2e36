import { registerForLiveSession as contract } from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { registerForLiveSession as handler } from './register';

/** { sessionId, action: 'register' | 'unregister' } → the seat count after the change. */
export const registerForLiveSession = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    return handler({ db: db(), now: new Date() }, caller.uid, input);
  },
);
