import { moderateCourse as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin } from '../lib/guards';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { moderateCourse as handler } from './moderate-course';

/** Admin only: { courseId, action: 'publish' | 'reject', reason? (required to reject) } → { courseId, status }. */
export const moderateCourse = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const admin = await requireActiveAdmin(db(), request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), admin.uid);
    return handler({ db: db(), now: new Date() }, admin.uid, input);
  },
);
