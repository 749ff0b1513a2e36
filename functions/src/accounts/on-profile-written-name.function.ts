import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncNameLower } from './name-search';
import { USER_DOC } from '../lib/data/users';

/** Keeps users/{uid}.nameLower (admin search by name) in step with the display name. */
export const onProfileWrittenIndexName = onDocumentWritten(
  { document: USER_DOC, retry: true },
  async (event) => {
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    await syncNameLower(db(), event.params.uid, after);
  },
);
