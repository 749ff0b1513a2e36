// Badge side effects shared by the ledger trigger and recheckBadges.
import { type BadgeId, badgeById, newlyEarnedBadges } from '@skillverse/domain/gamification';
import type { Firestore } from 'firebase-admin/firestore';
import { isRecord } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { strList } from '@skillverse/domain/fields';

export const badgeNotificationId = (badgeId: string) => `badge_${badgeId}`;

/** Sends one 'badge_earned' notification per badge; the deterministic id keeps it to one. */
export async function notifyBadges(
  db: Firestore,
  uid: string,
  badgeIds: readonly string[],
  deps: NotifyDeps,
) {
  for (const badgeId of badgeIds) {
    const badge = badgeById(badgeId);
    if (!badge) continue;
    await notify(
      db,
      {
        uid,
        type: 'badge_earned',
        id: badgeNotificationId(badgeId),
        title: `${badge.icon} Badge earned: ${badge.name}`,
        body: badge.description,
        link: '/achievements',
      },
      deps,
    );
  }
}

/** Badges the profile qualifies for but does not hold yet, and the update that grants them. */
export function badgeGrant(
  profile: Record<string, unknown>,
  streak: { currentStreak: number; longestStreak: number } | null,
  now: Date,
): { newBadges: BadgeId[]; update: Record<string, unknown> } {
  const g = isRecord(profile.gamification) ? profile.gamification : {};
  const held = strList(g.badges);
  const newBadges = newlyEarnedBadges(
    {
      stats: isRecord(profile.stats) ? profile.stats : null,
      gamification: streak ?? {
        currentStreak: typeof g.currentStreak === 'number' ? g.currentStreak : 0,
        longestStreak: typeof g.longestStreak === 'number' ? g.longestStreak : 0,
      },
      rating: isRecord(profile.rating) ? profile.rating : null,
    },
    held,
  );
  const update: Record<string, unknown> = {};
  if (newBadges.length > 0) {
    update['gamification.badges'] = [...held, ...newBadges];
    for (const id of newBadges) update[`gamification.badgeEarnedAt.${id}`] = now;
  }
  return { newBadges, update };
}
