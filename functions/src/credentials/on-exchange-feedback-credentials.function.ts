import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { issueExchangeCredentials } from './issue-exchange-credentials';
import { EXCHANGE_FEEDBACK_DOC } from '../lib/data/exchanges';
import { isFresh } from '../lib/import-window';

/**
 * A rating of a completed exchange: once both people have rated each other (feedback is only
 * possible after completion), issue each their exchange credential if the evidence holds.
 * Idempotent (credentialIssuance markers); onCertificateCreatedSign then signs them. Imported
 * feedback (seed data, older than the import window) issues without notifying, like the other
 * exchange triggers.
 */
export const onExchangeFeedbackCreatedIssueCredentials = onDocumentCreated(
  { document: EXCHANGE_FEEDBACK_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    const now = new Date();
    await issueExchangeCredentials({ db: db(), now }, event.params.exchangeId, {
      notifyHolders: isFresh(event.data?.get('createdAt'), now),
    });
  },
);
