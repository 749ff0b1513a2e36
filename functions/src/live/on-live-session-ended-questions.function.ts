import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { endedNow, followUpSessionQuestions } from './session-faq';
import { LIVE_SESSION_DOC } from '../lib/data/live-sessions';

/**
 * When a session ends: authors of unanswered questions are pointed (once) to people who teach the
 * session's skill; the host is reminded (once) to publish answered questions as course FAQ.
 */
export const onLiveSessionEndedFollowUpQuestions = onDocumentUpdated(
  { document: LIVE_SESSION_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    const before = event.data?.before;
    const after = event.data?.after;
    if (!after?.exists || !endedNow(before?.get('status'), after.get('status'))) return;
    await followUpSessionQuestions({ db: db(), now: new Date() }, after.id);
  },
);
