import { moderateRevision as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { moderateRevision as handler } from './moderate-revision';

/** Admin only: { courseId, revisionId, action: 'approve' | 'reject', reason? } → { courseId, revisionId, status, alreadyDecided }. */
export const moderateRevision = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const admin = await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    return handler({ db: db(), now: new Date() }, admin.uid, input);
  },
);
