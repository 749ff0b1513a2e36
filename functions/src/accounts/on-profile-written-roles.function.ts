import { onDocumentWritten } from 'firebase-functions/v2/firestore';
import { adminAuth, db } from '../lib/admin';
import { syncRoleClaims } from './roles';
import { USER_DOC } from '../lib/data/users';

/**
 * Keeps the custom claims in line with users/{uid}.roles whenever a write changes them: the
 * guarantee behind setUserRoles and decideEducatorApplication, which write the roles first (with
 * their audit entry) and set the claims as a fast path. Retried on failure; a no-op when they match.
 */
export const onProfileWrittenSyncRoleClaims = onDocumentWritten(
  { document: USER_DOC, retry: true },
  async (event) => {
    const before = event.data?.before.exists ? (event.data.before.data() ?? null) : null;
    const after = event.data?.after.exists ? (event.data.after.data() ?? null) : null;
    await syncRoleClaims({ auth: adminAuth(), db: db() }, event.params.uid, before, after);
  },
);
