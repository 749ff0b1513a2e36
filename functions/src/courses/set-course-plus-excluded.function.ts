import { setCoursePlusExcluded as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin, requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { setCoursePlusExcluded as handler } from './set-course-plus-excluded';

/** Admin only: { courseId, excluded } → { courseId, excluded, changed } (audit-logged). */
export const setCoursePlusExcluded = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const admin = await requireActiveAdmin(db(), request);
  const input = parseInput(contract.input, request.data);
  await requireActiveUser(db(), admin.uid);
  return handler({ db: db(), now: new Date() }, admin.uid, input);
});
