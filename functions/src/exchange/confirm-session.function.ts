import { confirmExchangeSession as contract } from '@skillverse/domain/contracts/exchange';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { confirmSession } from './confirm-session';

/** A participant confirms a session took place, after its end; both → held (self-reported). */
export const confirmExchangeSession = onCall(
  // Mail: a session held after completion rewards the exchange, which may notify a badge.
  { enforceAppCheck: appCheckEnforced(), secrets: [SENDGRID_API_KEY] },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return confirmSession({ db: db(), now: new Date() }, caller, input);
  },
);
