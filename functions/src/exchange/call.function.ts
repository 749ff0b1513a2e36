import {
  exchangeCallHeartbeat as heartbeatContract,
  getExchangeCallToken as tokenContract,
} from '@skillverse/domain/contracts/exchange';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { LIVEKIT_SECRETS, liveKitConfig } from '../lib/livekit-config';
import { exchangeCallToken, recordHeartbeat } from './call';

/** The open call page reports presence (server time); both together 10 min → held (observed). */
export const exchangeCallHeartbeat = onCall(
  // Mail: a session held after completion rewards the exchange, which may notify a badge.
  { enforceAppCheck: appCheckEnforced(), secrets: [SENDGRID_API_KEY] },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(heartbeatContract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return recordHeartbeat({ db: db(), now: new Date() }, caller, input);
  },
);

/** A LiveKit token for a session's call room (its two people, while open), or { video: false }. */
export const getExchangeCallToken = onCall(
  { secrets: LIVEKIT_SECRETS, enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(tokenContract.input, request.data);
    return exchangeCallToken({ db: db(), now: new Date(), livekit: liveKitConfig() }, caller, input);
  },
);
