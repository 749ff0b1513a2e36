import { completeLecture as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { completeLecture as handler } from './complete-lecture';

/** { courseId, lectureId } → progress, completion and certificate (CompleteLectureResponse). */
export const completeLecture = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return handler({ db: db(), now: new Date() }, caller.uid, input);
  },
);
