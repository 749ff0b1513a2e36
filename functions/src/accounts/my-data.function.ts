import {
  deleteMyAccount as deleteContract,
  exportMyData as exportContract,
} from '@skillverse/domain/contracts/accounts';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { adminAuth, db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { deleteMyAccount as deleteHandler } from './delete-account';
import { exportMyData as exportHandler } from './my-data';

/** Signed in: everything the platform holds about the caller, as JSON (writes nothing). */
export const exportMyData = onCall(
  { enforceAppCheck: appCheckEnforced(), timeoutSeconds: 120, memory: '512MiB' },
  async (request) => {
    const caller = requireAuth(request);
    parseInput(exportContract.input, request.data);
    return exportHandler(db(), caller.uid, new Date());
  },
);

/** Signed in within 5 minutes, `{ confirmEmail }`: deletes the caller's account (resumable). */
export const deleteMyAccount = onCall(
  { enforceAppCheck: appCheckEnforced(), timeoutSeconds: 300, memory: '512MiB' },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(deleteContract.input, request.data);
    return deleteHandler({ db: db(), auth: adminAuth(), now: new Date() }, caller, input);
  },
);
