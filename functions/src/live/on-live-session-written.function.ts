import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { onLiveSessionWritten as handler } from './on-live-session-written';
import { LIVE_SESSION_DOC } from '../lib/data/live-sessions';

/** Host name/photo on the session; new-session and new-time notices with calendar invites. */
export const onLiveSessionWritten = onDocumentWritten(
  { document: LIVE_SESSION_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    await handler({ db: db(), now: new Date() }, event.data?.before, event.data?.after);
  },
);
