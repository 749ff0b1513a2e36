import { setCourseFeatured as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireActiveAdmin, requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { setCourseFeatured as handler } from './set-course-featured';

/** Admin only: { courseId, featured } → { courseId, featured, changed } (audit-logged). */
export const setCourseFeatured = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const admin = await requireActiveAdmin(db(), request);
  const input = parseInput(contract.input, request.data);
  await requireActiveUser(db(), admin.uid);
  return handler({ db: db(), now: new Date() }, admin.uid, input);
});
