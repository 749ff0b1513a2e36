import { setUserStatus as contract } from '@skillverse/domain/contracts/accounts';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { adminAuth, db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { setUserStatus as setUserStatusHandler } from './set-user-status';

/** Admin only: { uid, status: 'active' | 'suspended' | 'banned', reason? }. */
export const setUserStatus = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const admin = await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    return setUserStatusHandler({ db: db(), auth: adminAuth(), now: new Date() }, admin.uid, input);
  },
);
