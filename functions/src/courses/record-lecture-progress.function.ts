import { recordLectureProgress as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { recordLectureProgress as handler } from './record-lecture-progress';

/** { courseId, lectureId, event, measuredDurationSec? } → observed seconds and whether it may complete. */
export const recordLectureProgress = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(contract.input, request.data);
  await requireActiveUser(db(), caller.uid);
  return handler({ db: db(), now: () => new Date() }, caller.uid, input);
});
