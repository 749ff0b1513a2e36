import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncNameLower } from './name-search';

/** Keeps users/{uid}.nameLower (admin search by name) in step with the display name. */
export const onProfileWrittenIndexName = onDocumentWritten(
  { document: 'users/{uid}', retry: true },
  async (event) => {
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    await syncNameLower(db(), event.params.uid, after);
  },
);
