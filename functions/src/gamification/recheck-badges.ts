// For features that change stats or ratings without awarding points (course published, rating
// changed): grants any badge now earned, once, and notifies.
import type { BadgeId } from '@skillverse/domain/gamification';
import type { Firestore } from 'firebase-admin/firestore';
import type { NotifyDeps } from '../notifications/notify';
import { badgeGrant, notifyBadges } from './badges';
import { userRef } from '../lib/data/users';
import { runCallableTransaction } from '../lib/firestore';

export async function recheckBadges(
  db: Firestore,
  uid: string,
  now: Date = new Date(),
  deps: NotifyDeps = {},
): Promise<BadgeId[]> {
  const profileRef = userRef(db, uid);
  const newBadges = await runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(profileRef);
    if (!snap.exists) return [];
    const { newBadges, update } = badgeGrant(snap.data() ?? {}, null, now);
    if (newBadges.length > 0) tx.update(profileRef, update);
    return newBadges;
  });
  await notifyBadges(db, uid, newBadges, deps);
  return newBadges;
}
