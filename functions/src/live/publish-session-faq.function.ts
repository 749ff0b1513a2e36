import {
  publishSessionFaq as publishContract,
  unpublishSessionFaq as unpublishContract,
} from '@skillverse/domain/contracts/live';
import { onCall } from 'firebase-functions/v2/https';
import { appCheckEnforced } from '../config/params';
import { db } from '../lib/admin';
import { requireAuth } from '../lib/errors';
import { parseInput } from '../lib/validate';
import { publishSessionFaq as publishHandler, unpublishSessionFaq as unpublishHandler } from './session-faq';

/** Host and course instructor: { sessionId, questionId, lectureId } → the answered question as a lecture FAQ entry. */
export const publishSessionFaq = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(publishContract.input, request.data);
  return publishHandler({ db: db(), now: new Date() }, caller, input);
});

/** Host and course instructor: { sessionId, questionId } → the question's FAQ entry removed. */
export const unpublishSessionFaq = onCall({ enforceAppCheck: appCheckEnforced() }, async (request) => {
  const caller = requireAuth(request);
  const input = parseInput(unpublishContract.input, request.data);
  return unpublishHandler({ db: db(), now: new Date() }, caller, input);
});
