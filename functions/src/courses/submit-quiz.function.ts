import { submitQuiz as contract } from '@skillverse/domain/contracts/courses';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced, SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { parseInput } from '../lib/validate';
import { submitQuiz as handler } from './submit-quiz';

/** { courseId, quizId, answers } → score, passed, per-question correctness (SubmitQuizResponse). */
export const submitQuiz = onCall(
  { secrets: [SENDGRID_API_KEY], enforceAppCheck: appCheckEnforced() },
  async (request) => {
    const caller = requireAuth(request);
    const input = parseInput(contract.input, request.data);
    await requireActiveUser(db(), caller.uid);
    return handler({ db: db(), now: new Date() }, caller.uid, input);
  },
);
