import { onDocumentCreated } from 'firebase-functions/v2/firestore';
import { SENDGRID_API_KEY } from '../config/params';
import { db } from '../lib/admin';
import { handleMessageCreated } from './exchange-activity';
import { EXCHANGE_MESSAGE_DOC } from '../lib/data/exchanges';

/** lastMessage, unread counters and the other participant's notification for a chat message. */
export const onExchangeMessageCreated = onDocumentCreated(
  { document: EXCHANGE_MESSAGE_DOC, secrets: [SENDGRID_API_KEY], retry: true },
  async (event) => {
    await handleMessageCreated(db(), event.params.exchangeId, event.params.messageId, { now: new Date() });
  },
);
