import {
  cancelLiveSession as cancelContract,
  endLiveSession as endContract,
} from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { cancelLiveSession as cancelHandler, endLiveSession as endHandler } from './end';
import { LIVEKIT_SECRETS, liveKitConfig, videoConfigured } from './livekit-config';
import { createRoomService } from './start';

/** Host or admin: { sessionId } → live → ended; attendance closed, points awarded, feedback asked. */
export const endLiveSession = onCall(
  { secrets: [SENDGRID_API_KEY, ...LIVEKIT_SECRETS], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(endContract.input, request.data);
    const livekit = liveKitConfig();
    const roomService = videoConfigured(livekit) ? await createRoomService(livekit) : null;
    return endHandler({ db: db(), now: new Date(), roomService }, caller, input);
  },
);

/** Host or admin: { sessionId } → scheduled → cancelled; registered users get a CANCEL invite. */
export const cancelLiveSession = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(cancelContract.input, request.data);
    return cancelHandler({ db: db(), now: new Date() }, caller, input);
  },
);
