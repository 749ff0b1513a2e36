// Weekly leagues: cohort points and the Monday rollover (issue 8, item 2; README "Weekly leagues").
//
// Data (server writes only; see firestore.rules):
//   leagues/{weekKey}_{tier}_{n}                {weekKey, tier, index, size}
//   leagues/{cohortId}/members/{uid}            {uid, points, displayName, photoURL, joinedAt, lastEarnedAt}
//   leagues/{cohortId}/results/{uid}            the week's result for uid, written once
//   leagueWeeks/{weekKey}_{tier}                {open, size}: the cohort new members join
//   users/{uid}/private/league                  {tier, weekKey, cohortId, rolloverAt, timezone,
//                                                lastResult, history.{weekKey}}
//
// Exactly once: `applyLeaguePoints` marks the ledger entry with `leagueAt` in the transaction that
// adds its points, so a repeated delivery adds nothing; `rolloverUser` writes the result with a
// deterministic id and clears the user's cohort in one transaction, so a repeated run finds nothing
// to do.
import {
  cohortId as cohortIdFor,
  earnFreeze,
  isLeagueTier,
  isVerifiedTeaching,
  LEAGUE_TIER_NAMES,
  type LeagueOutcome,
  type LeagueTier,
  leagueOutcome,
  leaguePoints,
  leagueWeekKey,
  nextCohortSlot,
  placementTier,
  rankCohort,
  rolloverAt as rolloverAtFor,
} from '@skillverse/domain/leagues';
import { nonEmptyStrOrNull, num } from '@skillverse/domain/fields';
import { POINT_REASONS, type PointReason } from '@skillverse/domain/models';
import { FieldValue, type Firestore, Timestamp } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { isRecord, runTransactionRetrying, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { mapLimit } from '../lib/map-limit';
import { leagueStateRef, pointEventRef, privateDocsGroup, userRef } from '../lib/data/users';
import { cohortRef, memberRef, membersCol, resultRef, weekCounterRef } from '../lib/data/leagues';
import { attendanceCol } from '../lib/data/live-sessions';

export const leagueNotificationId = (weekKey: string) => `league_${weekKey}`;

/** Whether this ledger entry is verified teaching by `uid` (evidence read from its refPath). */
async function verifiedTeaching(
  db: Firestore,
  uid: string,
  reason: PointReason,
  refPath: string | null,
): Promise<boolean> {
  if (!refPath) return false;
  if (reason === 'session_hosted') {
    // Attendance rows are keyed by uid; the host's own row does not count.
    const rows = await attendanceCol(db.doc(refPath)).limit(2).get();
    const others = rows.docs.filter((d) => d.id !== uid).length;
    return isVerifiedTeaching({ reason, attendeesOtherThanHost: others });
  }
  if (reason === 'exchange_completed') {
    // In a swap each side teaches a skill: the requester teaches `offeredSkill`, the provider
    // `requestedSkill`. Completed by both (the ledger entry exists only then).
    const exchange = await db.doc(refPath).get();
    if (!exchange.exists || exchange.get('status') !== 'completed') return false;
    // A swap cycle (exchangeCycles/{id}, issue 16 item 7): uid taught the edge that starts at them.
    const edges: unknown = exchange.get('edges');
    if (Array.isArray(edges)) {
      const cycleTaught = edges.some(
        (e) => isRecord(e) && e.from === uid && Boolean(nonEmptyStrOrNull(e.skill)),
      );
      return isVerifiedTeaching({ reason, taughtInExchange: cycleTaught });
    }
    const taught =
      (exchange.get('requesterId') === uid && Boolean(nonEmptyStrOrNull(exchange.get('offeredSkill')))) ||
      (exchange.get('providerId') === uid && Boolean(nonEmptyStrOrNull(exchange.get('requestedSkill'))));
    return isVerifiedTeaching({ reason, taughtInExchange: taught });
  }
  return false;
}

export type ApplyLeaguePointsResult =
  | { applied: true; cohortId: string; points: number; teaching: boolean; joined: boolean }
  | { applied: false; reason: 'missing' | 'already-applied' | 'invalid' | 'no-profile' | 'late' };

/**
 * Adds a ledger entry's points (teaching doubled) to the user's cohort for the league week the
 * entry was created in, joining a cohort first if this is their first points that week. Teaching
 * also earns a streak freeze. Runs after `applyPointEvent` in the same trigger; idempotent.
 */
export async function applyLeaguePoints(
  db: Firestore,
  uid: string,
  eventId: string,
  now: Date = new Date(),
  deps: NotifyDeps = {},
): Promise<ApplyLeaguePointsResult> {
  const eventRef = pointEventRef(db, uid, eventId);
  const first = await eventRef.get();
  if (!first.exists) return { applied: false, reason: 'missing' };
  if (first.get('leagueAt')) return { applied: false, reason: 'already-applied' };
  const reason = first.get('reason') as PointReason;
  const raw = first.get('points');
  if (!POINT_REASONS.includes(reason) || !Number.isSafeInteger(raw) || raw <= 0) {
    await eventRef.update({ leagueAt: now, leagueSkipped: 'invalid or zero points' });
    return { applied: false, reason: 'invalid' };
  }
  const teaching = await verifiedTeaching(db, uid, reason, nonEmptyStrOrNull(first.get('refPath')));
  const points = leaguePoints(raw as number, teaching);
  const createdAt = toDate(first.get('createdAt')) ?? now;

  // A previous week that has ended but not been rolled over yet (the hourly job has not reached
  // this user): settle it first, so these points start the new week in the right tier.
  const before = await leagueStateRef(db, uid).get();
  const beforeRollover = toDate(before.get('rolloverAt'));
  if (before.get('cohortId') && beforeRollover && beforeRollover <= now && beforeRollover <= createdAt) {
    await rolloverUser(db, uid, now, deps);
  }

  return runTransactionRetrying(db, async (tx): Promise<ApplyLeaguePointsResult> => {
    const [eventSnap, leagueSnap, userSnap] = await tx.getAll(
      eventRef,
      leagueStateRef(db, uid),
      userRef(db, uid),
    );
    if (!eventSnap?.exists) return { applied: false, reason: 'missing' };
    if (eventSnap.get('leagueAt')) return { applied: false, reason: 'already-applied' };
    if (!userSnap?.exists) return { applied: false, reason: 'no-profile' };
    const profile = userSnap.data() ?? {};
    const g = isRecord(profile.gamification) ? profile.gamification : {};
    const timezone = nonEmptyStrOrNull(profile.timezone) ?? 'UTC';
    const week = leagueWeekKey(createdAt, timezone);
    const league = leagueSnap?.exists ? (leagueSnap.data() ?? {}) : {};
    const currentWeek = nonEmptyStrOrNull(league.weekKey);

    if (currentWeek && week < currentWeek) {
      // Delivered after the user's week moved on: the finished week is already ranked.
      tx.update(eventRef, { leagueAt: now, leagueSkipped: `late for week ${week}` });
      return { applied: false, reason: 'late' };
    }

    let id = currentWeek === week ? nonEmptyStrOrNull(league.cohortId) : null;
    let joined = false;
    if (!id) {
      const tier: LeagueTier = isLeagueTier(league.tier) ? league.tier : placementTier(num(g.level) || 1);
      const counterRef = weekCounterRef(db, week, tier);
      const counter = await tx.get(counterRef);
      const slot = nextCohortSlot(counter.exists ? counter.data() : undefined);
      id = cohortIdFor(week, tier, slot.index);
      tx.set(counterRef, { weekKey: week, tier, open: slot.index, size: slot.size, updatedAt: now });
      tx.set(
        cohortRef(db, id),
        { weekKey: week, tier, index: slot.index, size: FieldValue.increment(1), updatedAt: now },
        { merge: true },
      );
      if (league.cohortId && currentWeek && currentWeek < week) {
        logger.warn('league: joining a new week before the last one was rolled over', {
          uid,
          currentWeek,
          week,
        });
      }
      tx.set(
        leagueStateRef(db, uid),
        {
          tier,
          weekKey: week,
          cohortId: id,
          timezone,
          joinedAt: now,
          rolloverAt: rolloverAtFor(week, timezone),
          updatedAt: now,
        },
        { merge: true },
      );
      joined = true;
    }
    tx.set(
      memberRef(db, id, uid),
      {
        uid,
        points: FieldValue.increment(points),
        displayName: nonEmptyStrOrNull(profile.displayName) ?? 'SkillVerse member',
        photoURL: nonEmptyStrOrNull(profile.photoURL),
        lastEarnedAt: createdAt,
        updatedAt: now,
        ...(joined ? { joinedAt: now } : {}),
      },
      { merge: true },
    );
    if (teaching) {
      tx.update(userRef(db, uid), { 'gamification.streakFreezes': earnFreeze(num(g.streakFreezes)) });
    }
    tx.update(eventRef, {
      leagueAt: now,
      leaguePoints: points,
      leagueCohortId: id,
      leagueTeaching: teaching,
    });
    return { applied: true, cohortId: id, points, teaching, joined };
  });
}

export interface RolloverResult {
  uid: string;
  weekKey: string;
  cohortId: string;
  tier: LeagueTier;
  rank: number;
  size: number;
  points: number;
  outcome: LeagueOutcome;
  nextTier: LeagueTier;
}

/**
 * Ranks the user's finished cohort and records their result once: promoted, demoted or stayed.
 * Does nothing before their local Monday 00:00 (`rolloverAt`) or when already rolled over. The next
 * week's cohort is joined with their first points of that week, at the tier decided here.
 */
export async function rolloverUser(
  db: Firestore,
  uid: string,
  now: Date,
  deps: NotifyDeps = {},
): Promise<RolloverResult | null> {
  const result = await runTransactionRetrying(db, async (tx): Promise<RolloverResult | null> => {
    const snap = await tx.get(leagueStateRef(db, uid));
    const id = nonEmptyStrOrNull(snap.get('cohortId'));
    const due = toDate(snap.get('rolloverAt'));
    const weekKey = nonEmptyStrOrNull(snap.get('weekKey'));
    const tier = snap.get('tier');
    if (!id || !due || due > now || !weekKey || !isLeagueTier(tier)) return null;
    const [members, existing] = await Promise.all([
      tx.get(membersCol(db, id)),
      tx.get(resultRef(db, id, uid)),
    ]);
    const ranked = rankCohort(
      members.docs.map((d) => ({
        uid: d.id,
        points: num(d.get('points')),
        lastEarnedAt: toDate(d.get('lastEarnedAt'))?.getTime() ?? 0,
      })),
    );
    const me = ranked.find((m) => m.uid === uid);
    const computed = me
      ? leagueOutcome(me.rank, ranked.length, tier)
      : { outcome: 'stayed' as const, nextTier: tier };
    const record: RolloverResult = existing.exists
      ? (existing.data() as RolloverResult)
      : {
          uid,
          weekKey,
          cohortId: id,
          tier,
          rank: me?.rank ?? ranked.length,
          size: ranked.length,
          points: me?.points ?? 0,
          outcome: computed.outcome,
          nextTier: computed.nextTier,
        };
    if (!existing.exists) tx.create(resultRef(db, id, uid), { ...record, decidedAt: now });
    const summary = {
      weekKey,
      tier,
      rank: record.rank,
      size: record.size,
      points: record.points,
      outcome: record.outcome,
      nextTier: record.nextTier,
    };
    tx.update(leagueStateRef(db, uid), {
      tier: record.nextTier,
      cohortId: null,
      rolloverAt: null,
      lastResult: summary,
      [`history.${weekKey}`]: summary,
      updatedAt: now,
    });
    return record;
  });
  if (!result) return null;
  logger.info('league rollover', { ...result });
  const tierName = LEAGUE_TIER_NAMES[result.nextTier];
  const title =
    result.outcome === 'promoted'
      ? `Promoted to the ${tierName} league!`
      : result.outcome === 'demoted'
        ? `Moved down to the ${tierName} league`
        : `You stay in the ${tierName} league`;
  await notify(
    db,
    {
      uid,
      // League results are achievements; reusing this type keeps them under the same preference.
      type: 'badge_earned',
      id: leagueNotificationId(result.weekKey),
      title,
      body: `You finished #${result.rank} of ${result.size} with ${result.points} points last week.`,
      link: '/league',
    },
    { ...deps, now },
  );
  return result;
}

export interface RunRolloverOptions {
  /** Users settled per run at most; the rest are picked up by the next hourly run. */
  limit?: number;
  concurrency?: number;
  deps?: NotifyDeps;
}

/**
 * The hourly job: every user whose local Monday 00:00 has passed since their last rollover.
 * Bounded (`limit` per run); a rolled-over user drops out of the query (their `rolloverAt` is
 * cleared), so the next run continues with the rest, and a repeated run does nothing.
 */
export async function runLeagueRollover(
  db: Firestore,
  now: Date,
  options: RunRolloverOptions = {},
): Promise<{ due: number; rolledOver: number }> {
  const limit = options.limit ?? 2000;
  const due = await privateDocsGroup(db)
    .where('rolloverAt', '<=', Timestamp.fromDate(now))
    .orderBy('rolloverAt')
    .limit(limit)
    .get();
  let rolledOver = 0;
  await mapLimit(due.docs, options.concurrency ?? 10, async (doc) => {
    const uid = doc.ref.parent.parent?.id;
    if (doc.id !== 'league' || !uid) return;
    try {
      if (await rolloverUser(db, uid, now, options.deps)) rolledOver += 1;
    } catch (error) {
      // One user's failure must not stop the others; they stay due for the next run.
      logger.error('league rollover failed', { uid, error: String(error) });
    }
  });
  logger.info('league rollover run', { due: due.size, rolledOver });
  return { due: due.size, rolledOver };
}
