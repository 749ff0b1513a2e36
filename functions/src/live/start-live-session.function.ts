import { startLiveSession as contract } from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { LIVEKIT_SECRETS, liveKitConfig } from './livekit-config';
import { startLiveSession as handler } from './start';

/** Host only: { sessionId } → the session goes live (and its LiveKit room is created). */
export const startLiveSession = onCall(
  { secrets: [SENDGRID_API_KEY, ...LIVEKIT_SECRETS], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    return handler({ db: db(), now: new Date(), livekit: liveKitConfig() }, caller, input);
  },
);
