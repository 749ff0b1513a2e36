import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { handleExchangeWrite } from './exchange-lifecycle';
import { EXCHANGE_DOC } from '../lib/data/exchanges';

/** Notifications, responsiveness stats and the completion reward of an exchange (idempotent). */
export const onExchangeWritten = onDocumentWritten(
  { document: EXCHANGE_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    await handleExchangeWrite(db(), event.params.exchangeId, before, after, { now: new Date() });
  },
);
