import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { handleFeedbackCreated } from './exchange-activity';
import { EXCHANGE_FEEDBACK_DOC } from '../lib/data/exchanges';

/** Applies a rating and endorsements to the rated participant exactly once. */
export const onExchangeFeedbackCreated = onDocumentCreated(
  { document: EXCHANGE_FEEDBACK_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    await handleFeedbackCreated(db(), event.params.exchangeId, event.params.uid, { now: new Date() });
  },
);
