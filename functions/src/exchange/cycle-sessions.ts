// Swap cycle group sessions (issue 16, item 7): confirmSwapCycleSession, and the completion that
// rewards a cycle. The rules of the game are one-to-one exchanges' rules, for three people
// (domain/src/swap-cycles.ts → decideCycleConfirmation, cycleRewardPlan; exchange-rewards.ts;
// credentials.ts → cycleCredentialEligibility): a session is held when the platform saw all three
// in its call room together (call.ts, `cycle/{cycleId}/{sessionId}`) or all three confirmed it after
// its end (planned in advance); the cycle completes when all three confirmed a held session. Then
// each person earns, for the edge they taught, what a completed exchange earns: 75 points (ledger
// id cycle_{cycleId}, reason exchange_completed: the daily cap and the league's teaching bonus
// apply), exchangesCompleted + 1, badges; once per pair per 30 days (exchangePairs). A credential
// for the skill they taught follows when the person they taught rated them 4 or more.
// Idempotent: the completion is one transaction guarded by the cycle's status, ledger ids are
// deterministic, credentials have issuance markers (credentialIssuance/cycle_{cycleId}_{uid}).
// Ratings given on confirming move the teacher's rating average as exchange feedback does
// (applyCycleRatings): only once the cycle has a held session, once per rating (ratingsApplied),
// once per pair per 30 days (exchangePairs.ratingCountedAt, shared with exchanges).
import { certificateVerifyPath } from '@skillverse/domain/courses-api';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  ConfirmSwapCycleSessionResponse,
  confirmSwapCycleSession,
} from '@skillverse/domain/contracts/exchange';
import { cycleCredentialEligibility } from '@skillverse/domain/credentials';
import { cappedExchangePoints, ratingCounts, utcDay, withRating } from '@skillverse/domain/exchange-rewards';
import { strList } from '@skillverse/domain/fields';
import { POINTS, pointEventId } from '@skillverse/domain/gamification';
import {
  type CycleRewardRecord,
  type CycleStatus,
  cycleRewardPlan,
  decideCycleConfirmation,
  type StoredCycleEdge,
} from '@skillverse/domain/swap-cycles';
import { FieldPath, FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import { newPointEvent } from '../gamification/award-points';
import { recheckBadges } from '../gamification/recheck-badges';
import { createExchangeCredentialOnce, sessionEvidence } from '../credentials/exchange-credential';
import { issuanceRef } from '../lib/data/credentials';
import { exchangePairRef } from '../lib/data/exchange-pairs';
import { cycleRef, cycleSessionRef, cycleSessionsCol } from '../lib/data/exchange-cycles';
import { pointEventsCol, usersCol } from '../lib/data/users';
import type { Caller } from '../lib/errors';
import { notFound } from '../lib/errors';
import { isRecord, runCallableTransaction, runTransactionRetrying, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';

export const cycleIssuanceId = (cycleId: string, uid: string) => `cycle_${cycleId}_${uid}`;

function edgesOf(value: unknown): StoredCycleEdge[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(isRecord)
    .map((e) => ({
      from: typeof e.from === 'string' ? e.from : '',
      to: typeof e.to === 'string' ? e.to : '',
      skill: typeof e.skill === 'string' ? e.skill : '',
      skillKey: typeof e.skillKey === 'string' ? e.skillKey : '',
      alternatives: strList(e.alternatives),
    }))
    .filter((e) => e.from && e.to && e.from !== e.to);
}

/** confirmSwapCycleSession: `caller` says the group session took place (after its end) and rates their teacher. */
export async function confirmCycleSession(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  caller: Caller,
  input: ParsedRequestOf<typeof confirmSwapCycleSession>,
): Promise<ConfirmSwapCycleSessionResponse> {
  const { db, now } = deps;
  const cRef = cycleRef(db, input.cycleId);
  const sRef = cycleSessionRef(db, input.cycleId, input.sessionId);
  const result = await runCallableTransaction(db, async (tx) => {
    const [c, s] = await tx.getAll(cRef, sRef);
    if (!c?.exists) throw notFound('This group swap');
    const participants = strList(c.get('participants'));
    if (!participants.includes(caller.uid))
      throw new HttpsError(
        'permission-denied',
        'Only the three people in this group swap can confirm its sessions.',
      );
    if (!s?.exists) throw notFound('This session');
    const cycleStatus = String(c.get('status') ?? '') as CycleStatus;
    const confirmedBy = strList(s.get('confirmedBy'));
    const decision = decideCycleConfirmation({
      uid: caller.uid,
      participants,
      cycleStatus,
      session: {
        status: String(s.get('status') ?? ''),
        scheduledAt: toDate(s.get('scheduledAt')),
        createdAt: toDate(s.get('createdAt')),
        durationMin: typeof s.get('durationMin') === 'number' ? s.get('durationMin') : 0,
        confirmations: confirmedBy,
        held: s.get('status') === 'held',
      },
      now,
    });
    if (!decision.ok) throw new HttpsError(decision.code, decision.message);
    const heldNow = s.get('status') === 'held' || decision.held !== null;
    if (!decision.alreadyConfirmed) {
      tx.update(sRef, {
        confirmedBy: decision.confirmations,
        updatedAt: now,
        ...(decision.held ? { status: 'held', held: decision.held } : {}),
      });
      // The rating of the person who taught the caller: the first one given counts.
      const ratings = isRecord(c.get('ratings')) ? (c.get('ratings') as Record<string, unknown>) : {};
      if (typeof ratings[caller.uid] !== 'number') {
        tx.update(cRef, { [`ratings.${caller.uid}`]: input.rating, updatedAt: now });
      }
    }
    return {
      status: heldNow ? ('held' as const) : ('scheduled' as const),
      confirmedBy: decision.confirmations,
      alreadyConfirmed: decision.alreadyConfirmed,
      cycleStatus,
      completes: decision.completes,
    };
  });
  let cycleStatus = result.cycleStatus;
  // All three confirmed a held session: complete (a repeat after a crash here completes then).
  if (result.completes) {
    await completeCycle(deps, input.cycleId, input.sessionId);
    cycleStatus = ((await cRef.get()).get('status') as CycleStatus) ?? cycleStatus;
  }
  // Ratings given so far count once the cycle has a held session (a repeat finishes a cut-off run).
  await applyCycleRatings(deps, input.cycleId);
  return {
    status: result.status,
    confirmedBy: result.confirmedBy,
    alreadyConfirmed: result.alreadyConfirmed,
    cycleStatus,
  };
}

export type CycleCompletion = 'completed' | 'repeat' | 'not-ready';

/**
 * Completes an active cycle whose session `sessionId` is held and confirmed by all three, and
 * rewards each person for the edge they taught (cycleRewardPlan), in one transaction; then badges,
 * credentials and notifications. A second call finds the cycle completed and does nothing.
 */
export async function completeCycle(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  cycleId: string,
  sessionId: string,
): Promise<CycleCompletion> {
  const { db, now } = deps;
  const cRef = cycleRef(db, cycleId);
  const sRef = cycleSessionRef(db, cycleId, sessionId);
  const heldQuery = cycleSessionsCol(db, cycleId).where('status', '==', 'held');
  const { start: dayStart } = utcDay(now);
  const outcome = await runCallableTransaction(db, async (tx) => {
    const [c, s] = await tx.getAll(cRef, sRef);
    if (!c?.exists || c.get('status') !== 'active') return { kind: 'repeat' as const };
    const participants = strList(c.get('participants'));
    const edges = edgesOf(c.get('edges'));
    const confirmedBy = strList(s?.get('confirmedBy'));
    // Checked again here, from the server's own records: held, and confirmed by all three.
    if (
      participants.length !== 3 ||
      edges.length !== 3 ||
      s?.get('status') !== 'held' ||
      !participants.every((p) => confirmedBy.includes(p))
    ) {
      return { kind: 'not-ready' as const };
    }
    const held = await tx.get(heldQuery);
    const pairRefs = edges.map((e) => exchangePairRef(db, e.from, e.to));
    const pairs = await tx.getAll(...pairRefs);
    const todays = await Promise.all(
      edges.map((e) => tx.get(pointEventsCol(db, e.from).where('createdAt', '>=', dayStart))),
    );
    const plan = cycleRewardPlan(
      edges,
      held.size,
      (a, b) => toDate(pairs[edges.findIndex((e) => e.from === a && e.to === b)]?.get('lastRewardedAt')),
      now,
    );
    const rewards: Record<string, CycleRewardRecord> = {};
    plan.forEach((line, i) => {
      if (!line.decision.reward) {
        rewards[line.uid] = { points: 0, skipped: line.decision.reason, credential: false };
        return;
      }
      tx.set(
        usersCol(db).doc(line.uid),
        { stats: { exchangesCompleted: FieldValue.increment(1) } },
        { merge: true },
      );
      const earnedToday = (todays[i]?.docs ?? [])
        .filter((d) => d.get('reason') === 'exchange_completed')
        .reduce((sum, d) => sum + (typeof d.get('points') === 'number' ? d.get('points') : 0), 0);
      const points = cappedExchangePoints(POINTS.exchange_completed, earnedToday);
      if (points > 0) {
        const eventId = pointEventId.cycle(cycleId);
        tx.create(
          pointEventsCol(db, line.uid).doc(eventId),
          newPointEvent({ eventId, reason: 'exchange_completed', points, refPath: cRef.path }, now),
        );
      }
      rewards[line.uid] = {
        points,
        skipped: points < POINTS.exchange_completed ? 'daily-cap' : null,
        credential: false,
      };
      tx.set(pairRefs[i]!, { lastRewardedAt: now, lastCycleId: cycleId }, { merge: true });
    });
    tx.update(cRef, {
      status: 'completed',
      completedAt: now,
      completedSessionId: sessionId,
      rewards,
      updatedAt: now,
    });
    return { kind: 'completed' as const, plan, rewards, participants };
  });
  if (outcome.kind !== 'completed') return outcome.kind;
  logger.info('swap cycle completed', { cycleId, rewards: outcome.rewards });
  for (const line of outcome.plan) {
    if (line.decision.reward) await recheckBadges(db, line.uid, now, deps);
  }
  await issueCycleCredentials(deps, cycleId);
  for (const uid of outcome.participants) {
    const r = outcome.rewards[uid];
    await notify(
      db,
      {
        uid,
        type: 'exchange_accepted',
        id: `cycle_${cycleId}_completed`,
        title: 'Your group skill swap is complete',
        body:
          r && r.points > 0
            ? `All three of you confirmed a held session. You earned ${r.points} points for what you taught.`
            : 'All three of you confirmed a held session. You already earned for teaching this person recently, so no new points this time.',
        link: `/skill-exchange/cycles/${cycleId}`,
      },
      { ...deps, now },
    );
  }
  return 'completed';
}

/**
 * Credentials of a completed cycle: each person rewarded for teaching (pair window open), whose
 * learner rated them 4+, gets one for the skill they taught — the exchange credential, with the
 * same held-session evidence. Safe to repeat (issuance markers).
 */
export async function issueCycleCredentials(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  cycleId: string,
): Promise<{ uid: string; certificateId: string }[]> {
  const { db, now } = deps;
  const cRef = cycleRef(db, cycleId);
  const [c, sessions] = await Promise.all([cRef.get(), cycleSessionsCol(db, cycleId).get()]);
  if (!c.exists) return [];
  const edges = edgesOf(c.get('edges'));
  const ratings = isRecord(c.get('ratings')) ? (c.get('ratings') as Record<string, unknown>) : {};
  const rewards = isRecord(c.get('rewards')) ? (c.get('rewards') as Record<string, unknown>) : {};
  const people = isRecord(c.get('people')) ? (c.get('people') as Record<string, unknown>) : {};
  const nameOf = (uid: string) => {
    const p = people[uid];
    return isRecord(p) && typeof p.displayName === 'string' && p.displayName
      ? p.displayName
      : 'SkillVerse member';
  };
  const completedAt = toDate(c.get('completedAt'));
  const issued: { uid: string; certificateId: string }[] = [];
  for (const edge of edges) {
    const reward = rewards[edge.from];
    // Only a person the completion rewarded (not inside a pair window) — as for an exchange.
    if (!isRecord(reward) || reward.skipped === 'pair-window' || reward.skipped === 'no-held-session')
      continue;
    const rating = typeof ratings[edge.to] === 'number' ? (ratings[edge.to] as number) : null;
    const eligibility = cycleCredentialEligibility({
      status: String(c.get('status') ?? ''),
      ratingReceived: rating,
      sessions: sessionEvidence(sessions.docs),
      now,
    });
    if (!eligibility.eligible) continue;
    const markerRef = issuanceRef(db, cycleIssuanceId(cycleId, edge.from));
    const certificateId = await createExchangeCredentialOnce(
      db,
      markerRef,
      {
        uid: edge.from,
        userName: nameOf(edge.from),
        partnerId: edge.to,
        partnerName: nameOf(edge.to),
        skill: edge.skill,
        source: { cycleId },
        eligibility,
        ratingReceived: rating ?? 0,
        ratingGiven: typeof ratings[edge.from] === 'number' ? (ratings[edge.from] as number) : 0,
        completedAt,
        now,
      },
      (tx) => tx.update(cRef, { [`rewards.${edge.from}.credential`]: true }),
    );
    if (!certificateId) continue;
    issued.push({ uid: edge.from, certificateId });
    await notify(
      db,
      {
        uid: edge.from,
        type: 'certificate_issued',
        id: `cycle_credential_${cycleId}`,
        title: `🎓 Credential earned: teaching ${edge.skill}`,
        body: `${nameOf(edge.to)} rated your teaching in your group swap. Your verifiable credential for ${edge.skill} is ready to share.`,
        link: certificateVerifyPath(certificateId),
      },
      { ...deps, now },
    );
  }
  return issued;
}

export type CycleRatingOutcome = 'applied' | 'skipped' | 'waiting';

/**
 * The ratings of a cycle (`ratings.{rater}`: what the rater gave the person who taught them, first
 * one given on confirming) move the teacher's rating {average, count} under exchange feedback's
 * rules (exchange-activity.ts handleFeedbackCreated, domain ratingCounts): nothing until the cycle
 * has a held session — a rating without one stays `waiting`, and counts when a session is held —
 * then once per pair per 30 days (exchangePairs.ratingCountedAt, the same record exchanges use),
 * exactly once per rating: one transaction checks and sets `ratingsApplied.{rater}`.
 */
export async function applyCycleRatings(
  deps: { db: Firestore; now: Date } & NotifyDeps,
  cycleId: string,
): Promise<Record<string, CycleRatingOutcome>> {
  const { db, now } = deps;
  const cRef = cycleRef(db, cycleId);
  const c = await cRef.get();
  if (!c.exists) return {};
  const edges = edgesOf(c.get('edges'));
  const ratings = isRecord(c.get('ratings')) ? (c.get('ratings') as Record<string, unknown>) : {};
  const applied = isRecord(c.get('ratingsApplied'))
    ? (c.get('ratingsApplied') as Record<string, unknown>)
    : {};
  const outcomes: Record<string, CycleRatingOutcome> = {};
  for (const rater of Object.keys(ratings)) {
    const teacher = edges.find((e) => e.to === rater)?.from;
    if (!teacher || applied[rater]) continue;
    const outcome = await runTransactionRetrying(db, async (tx): Promise<CycleRatingOutcome> => {
      const cycle = await tx.get(cRef);
      if (cycle.get(new FieldPath('ratingsApplied', rater))) return 'skipped';
      const rating = cycle.get(new FieldPath('ratings', rater));
      const teacherRef = usersCol(db).doc(teacher);
      const pairRef = exchangePairRef(db, rater, teacher);
      const [held, teacherSnap, pairSnap] = await Promise.all([
        tx.get(cycleSessionsCol(db, cycleId).where('status', '==', 'held').limit(1)),
        tx.get(teacherRef),
        tx.get(pairRef),
      ]);
      if (held.empty) return 'waiting';
      const mark = (extra: Record<string, unknown>) =>
        tx.update(cRef, new FieldPath('ratingsApplied', rater), { at: now, rated: teacher, ...extra });
      if (!Number.isInteger(rating) || rating < 1 || rating > 5 || !teacherSnap.exists) {
        mark({ skipped: 'invalid' });
        return 'skipped';
      }
      const lastCounted = pairSnap.get('ratingCountedAt');
      const counts = ratingCounts({
        heldSessions: held.size,
        raterLastCountedAt: isRecord(lastCounted) ? toDate(lastCounted[rater]) : null,
        now,
      });
      if (!counts.counts) {
        mark({ skipped: counts.reason });
        return 'skipped';
      }
      tx.set(pairRef, { ratingCountedAt: { [rater]: now } }, { merge: true });
      tx.update(teacherRef, { rating: withRating(teacherSnap.get('rating'), rating as number) });
      mark({ skipped: null });
      return 'applied';
    });
    outcomes[rater] = outcome;
    if (outcome === 'applied') {
      logger.info('swap cycle rating applied', { cycleId, rater, rated: teacher });
      await recheckBadges(db, teacher, now, deps);
    }
  }
  return outcomes;
}
