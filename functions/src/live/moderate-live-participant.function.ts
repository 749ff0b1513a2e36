import { moderateLiveParticipant as contract } from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { LIVEKIT_SECRETS, liveKitConfig } from './livekit-config';
import { moderateLiveParticipant as handler } from './moderate';

/** Host only: { sessionId, uid, action: 'mute' | 'remove' | 'promote' | 'demote' } someone in the room. */
export const moderateLiveParticipant = onCall(
  { secrets: LIVEKIT_SECRETS, enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    return handler({ db: db(), livekit: liveKitConfig() }, caller, input);
  },
);
