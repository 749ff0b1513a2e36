import { setUserRoles as contract } from '@skillverse/domain/contracts/accounts';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { adminAuth, db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { setUserRoles as handler } from './set-user-roles';

/** Admin only: { uid, role: 'educator' | 'admin', grant: boolean } → { uid, roles, changed }. */
export const setUserRoles = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const admin = await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), admin.uid);
    return handler({ db: db(), auth: adminAuth(), now: new Date() }, admin.uid, input);
  },
);
