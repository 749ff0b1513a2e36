import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { db } from '../lib/admin';
import { syncLeaderboardProfile } from './sync-leaderboard-profile';
import { USER_DOC } from '../lib/data/users';

/** Copies a changed display name or photo onto the user's leaderboard entries. */
export const onProfileUpdatedSyncLeaderboard = onDocumentUpdated(
  { document: USER_DOC, retry: true },
  async (event) => {
    const before = event.data?.before;
    const after = event.data?.after;
    if (!before || !after) return;
    if (
      before.get('displayName') === after.get('displayName') &&
      before.get('photoURL') === after.get('photoURL')
    ) {
      return;
    }
    await syncLeaderboardProfile(db(), event.params.uid, {
      displayName: after.get('displayName'),
      photoURL: after.get('photoURL'),
    });
  },
);
