import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { handleReferralProfileWrite } from './referrals';
import { USER_DOC } from '../lib/data/users';

/** An invited user who completes onboarding earns their referrer 25 points, once. */
export const onProfileWrittenAwardReferral = onDocumentWritten(
  { document: USER_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    await handleReferralProfileWrite(db(), event.params.uid, before, after, { now: new Date() });
  },
);
