import {
  confirmSwapCycleSession as confirmContract,
  cycleCallHeartbeat as heartbeatContract,
  getCycleCallToken as tokenContract,
} from '@skillverse/domain/contracts/exchange';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { LIVEKIT_SECRETS, liveKitConfig } from '../lib/livekit-config';
import { parseInput } from '../lib/validate';
import { cycleCallToken, recordCycleHeartbeat } from './call';
import { confirmCycleSession } from './cycle-sessions';

/**
 * A swap cycle's participant confirms a group session took place (after its end) and rates their
 * teacher; all three confirming a held session completes the cycle and rewards it.
 */
export const confirmSwapCycleSession = onCall(
  // Mail: completion notifies the three, and may notify badges and credentials.
  { enforceAppCheck: appCheckEnforced(), secrets: [SENDGRID_API_KEY] },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(confirmContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return confirmCycleSession({ db: db(), now: new Date() }, caller, input);
  },
);

/** The open group call page reports presence (server time); all three together 10 min → held (observed). */
export const cycleCallHeartbeat = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(heartbeatContract.input, request.data);
  await requireActiveUser(db(), caller.uid);
  return recordCycleHeartbeat({ db: db(), now: new Date() }, caller, input);
});

/** A LiveKit token for a group session's call room (its three people, while open), or { video: false }. */
export const getCycleCallToken = onCall(
  { secrets: LIVEKIT_SECRETS, enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(tokenContract.input, request.data);
    return cycleCallToken({ db: db(), now: new Date(), livekit: liveKitConfig() }, caller, input);
  },
);
