// Leaderboard entries carry the display name and photo so the board is one query; keep the
// all-time and current-week entries in step when the profile changes them.
import { leaderboardPeriods } from '@skillverse/domain/gamification';
import type { Firestore } from 'firebase-admin/firestore';
import { leaderboardEntryRef } from '../lib/data/leaderboards';
import { runTransactionRetrying } from '../lib/firestore';

export async function syncLeaderboardProfile(
  db: Firestore,
  uid: string,
  profile: { displayName: unknown; photoURL: unknown },
  now: Date = new Date(),
): Promise<number> {
  const displayName = typeof profile.displayName === 'string' ? profile.displayName : 'SkillVerse member';
  const photoURL = typeof profile.photoURL === 'string' ? profile.photoURL : null;
  const refs = leaderboardPeriods(now).map((p) => leaderboardEntryRef(db, p, uid));
  let updated = 0;
  await runTransactionRetrying(db, async (tx) => {
    updated = 0;
    const snaps = await tx.getAll(...refs);
    for (const snap of snaps) {
      if (!snap.exists) continue;
      if (snap.get('displayName') === displayName && snap.get('photoURL') === photoURL) continue;
      tx.update(snap.ref, { displayName, photoURL });
      updated++;
    }
  });
  return updated;
}
