// Applies one ledger entry to the user's totals, streak, badges, daily activity and leaderboards —
// exactly once, however often the trigger is delivered: the transaction re-reads the entry and
// skips it once it carries `appliedAt`.
import { num } from '@skillverse/domain/fields';
import { addActivity, countsTowardActivity } from '@skillverse/domain/activity';
import { nextStreakWithFreezes } from '@skillverse/domain/leagues';
import {
  type BadgeId,
  countsTowardStreak,
  leaderboardPeriods,
  levelForPoints,
  localDay,
  POINTS,
  pointEventId,
  type StreakState,
  streakDay,
  streakTimeZone,
} from '@skillverse/domain/gamification';
import { POINT_REASONS, type PointReason } from '@skillverse/domain/models';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord, runTransactionRetrying, toDate } from '../lib/firestore';
import type { NotifyDeps } from '../notifications/notify';
import { newPointEvent } from './award-points';
import { badgeGrant, notifyBadges } from './badges';
import { activityRef, pointEventRef, userRef } from '../lib/data/users';
import { leaderboardEntryRef } from '../lib/data/leaderboards';

export type ApplyPointEventResult =
  | {
      applied: true;
      points: number;
      level: number;
      streak: StreakState;
      newBadges: BadgeId[];
      /** Id of the daily-streak award this activity created, if any. */
      streakEventId: string | null;
    }
  | { applied: false; reason: 'missing' | 'already-applied' | 'no-profile' | 'invalid' };

export async function applyPointEvent(
  db: Firestore,
  uid: string,
  eventId: string,
  now: Date = new Date(),
  deps: NotifyDeps = {},
): Promise<ApplyPointEventResult> {
  const eventRef = pointEventRef(db, uid, eventId);
  const profileRef = userRef(db, uid);
  const dayRef = activityRef(db, uid);

  const result = await runTransactionRetrying(db, async (tx): Promise<ApplyPointEventResult> => {
    const [eventSnap, userSnap, activitySnap] = await tx.getAll(eventRef, profileRef, dayRef);
    if (!eventSnap?.exists) return { applied: false, reason: 'missing' };
    if (eventSnap.get('appliedAt')) return { applied: false, reason: 'already-applied' };
    if (!userSnap?.exists) return { applied: false, reason: 'no-profile' };

    const reason = eventSnap.get('reason') as PointReason;
    const points = eventSnap.get('points');
    if (!POINT_REASONS.includes(reason) || !Number.isSafeInteger(points)) {
      tx.update(eventRef, { appliedAt: now, error: 'invalid reason or points; not applied' });
      return { applied: false, reason: 'invalid' };
    }
    const createdAt = toDate(eventSnap.get('createdAt')) ?? now;
    const profile = userSnap.data() ?? {};
    const g = isRecord(profile.gamification) ? profile.gamification : {};

    const total = num(g.points) + (points as number);
    const level = levelForPoints(total).level;
    const before: StreakState = {
      currentStreak: num(g.currentStreak),
      longestStreak: num(g.longestStreak),
      lastActiveDay: typeof g.lastActiveDay === 'string' ? g.lastActiveDay : null,
    };
    // Days count in the zone the day began in: a profile zone change applies from the next local
    // day, at most once a week (streakTimeZone), so hopping between far zones adds no days.
    const zone = streakTimeZone(
      {
        streakTimezone: typeof g.streakTimezone === 'string' ? g.streakTimezone : null,
        streakTimezoneChangedAt: toDate(g.streakTimezoneChangedAt),
        lastActiveDay: before.lastActiveDay,
      },
      typeof profile.timezone === 'string' ? profile.timezone : 'UTC',
      createdAt,
    );
    const timezone = zone.dayZone;
    const day = streakDay(createdAt, timezone, before.lastActiveDay);
    let streak = before;
    const freezesHeld = num(g.streakFreezes);
    let freezesUsed = 0;
    let streakEvent: { id: string; data: ReturnType<typeof newPointEvent> } | null = null;
    const learning = countsTowardStreak(reason);
    if (learning) {
      // A missed day is bridged by a streak freeze (earned by teaching), used exactly once here.
      const withFreezes = nextStreakWithFreezes(before, day, freezesHeld);
      streak = withFreezes.streak;
      freezesUsed = withFreezes.freezesUsed;
      if (streak.currentStreak > before.currentStreak && streak.currentStreak > 1) {
        const id = pointEventId.streak(day);
        const data = newPointEvent(
          { eventId: id, reason: 'daily_streak', points: POINTS.daily_streak, refPath: eventRef.path },
          createdAt,
        );
        // Reads come before writes in a transaction.
        const existing = await tx.get(pointEventRef(db, uid, id));
        if (!existing.exists) streakEvent = { id, data };
      }
    }
    const { newBadges, update: badgeUpdate } = badgeGrant(profile, streak, now);
    // "Active" for the admin console: the latest learning activity, as a UTC instant.
    const lastActiveAt = toDate(g.lastActiveAt);
    const activeUpdate =
      learning && (!lastActiveAt || lastActiveAt < createdAt)
        ? { 'gamification.lastActiveAt': createdAt }
        : {};

    tx.update(profileRef, {
      'gamification.points': total,
      'gamification.level': level,
      'gamification.currentStreak': streak.currentStreak,
      'gamification.longestStreak': streak.longestStreak,
      'gamification.lastActiveDay': streak.lastActiveDay,
      ...(learning
        ? {
            'gamification.streakTimezone': zone.timezone,
            'gamification.streakTimezoneChangedAt': zone.changedAt,
          }
        : {}),
      ...badgeUpdate,
      ...activeUpdate,
      ...(freezesUsed > 0 ? { 'gamification.streakFreezes': freezesHeld - freezesUsed } : {}),
    });
    if (countsTowardActivity(reason)) {
      const latest = createdAt > now ? createdAt : now;
      const stored = activitySnap?.get('days');
      const days = addActivity(
        isRecord(stored) ? stored : {},
        day,
        points as number,
        localDay(latest, timezone),
      );
      tx.set(dayRef, { days, timezone, updatedAt: now });
    }
    const entry = {
      uid,
      points: FieldValue.increment(points as number),
      displayName: typeof profile.displayName === 'string' ? profile.displayName : 'SkillVerse member',
      photoURL: typeof profile.photoURL === 'string' ? profile.photoURL : null,
      updatedAt: now,
    };
    for (const period of leaderboardPeriods(createdAt)) {
      tx.set(leaderboardEntryRef(db, period, uid), entry, {
        merge: true,
      });
    }
    if (streakEvent) tx.create(pointEventRef(db, uid, streakEvent.id), streakEvent.data);
    tx.update(eventRef, { appliedAt: now });
    return { applied: true, points: total, level, streak, newBadges, streakEventId: streakEvent?.id ?? null };
  });

  if (!result.applied) {
    if (result.reason !== 'already-applied')
      logger.warn('point event not applied', { uid, eventId, ...result });
    return result;
  }
  logger.info('point event applied', { uid, eventId, total: result.points, newBadges: result.newBadges });
  await notifyBadges(db, uid, result.newBadges, deps);
  return result;
}
