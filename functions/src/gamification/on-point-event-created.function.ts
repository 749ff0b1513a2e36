import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { applyLeaguePoints } from '../leagues/leagues';
import { applyPointEvent } from './apply-point-event';
import { handleReferralActivity } from './referrals';
import { POINT_EVENT_DOC } from '../lib/data/users';

/** Applies each points-ledger entry to totals, streak, badges and leaderboards (idempotent). */
export const onPointEventCreated = onDocumentCreated(
  { document: POINT_EVENT_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    await applyPointEvent(db(), event.params.uid, event.params.eventId, new Date());
    // Weekly league points (teaching doubled) in a follow-up step with its own once-marker, so it
    // also runs on a retry after the totals were applied.
    await applyLeaguePoints(db(), event.params.uid, event.params.eventId, new Date());
    // An observed activity may be what the owner's referral was waiting for (idempotent).
    await handleReferralActivity(db(), event.params.uid, event.data?.get('reason'), { now: new Date() });
  },
);
