import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { PRESENCE_DOC } from '../lib/data/live-sessions';
import { onPresenceWritten } from './roster';

/** Folds the room's presence into roster/current (coalesced) and stamps each presence's expiry. */
export const onLivePresenceWritten = onDocumentWritten(
  { document: PRESENCE_DOC, retry: true },
  async (event) => {
    await onPresenceWritten(db(), event.params.sessionId, event.data?.before, event.data?.after, {
      eventAt: event.data?.after?.updateTime?.toDate() ?? new Date(event.time),
    });
  },
);
