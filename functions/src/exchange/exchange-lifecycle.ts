// Side effects of an exchange's status moves (SPEC §5.3): notify the provider of a request and the
// requester of an acceptance, measure the provider's responsiveness once per exchange, and reward
// a completed exchange once (75 points each, exchangesCompleted, badges). Clients move the status
// under firestore.rules; this only reacts. Every effect is guarded by a marker on the exchange,
// set in a transaction, so a repeated delivery changes nothing twice.
import { cappedExchangePoints, completionReward, utcDay } from '@skillverse/domain/exchange-rewards';
import { POINTS, pointEventId } from '@skillverse/domain/gamification';
import type { ExchangeStatus } from '@skillverse/domain/models';
import { skillName } from '@skillverse/domain/skills';
import {
  type DocumentData,
  type DocumentSnapshot,
  FieldValue,
  type Firestore,
  type Transaction,
} from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { newPointEvent } from '../gamification/award-points';
import { recheckBadges } from '../gamification/recheck-badges';
import { isRecord, runCallableTransaction, toDate } from '../lib/firestore';
import { type NotifyDeps, notify } from '../notifications/notify';
import { quoteName, trimUserText } from '@skillverse/domain/notifications';
import { exchangePairRef } from '../lib/data/exchange-pairs';
import { exchangeRef, exchangeSessionsCol } from '../lib/data/exchanges';
import { pointEventsCol, userRef, usersCol } from '../lib/data/users';
import { isFresh } from '../lib/import-window';

export interface LifecycleDeps extends NotifyDeps {
  now?: Date;
}

export type LifecycleEffect =
  | 'notified-provider'
  | 'notified-requester'
  | 'counted-request'
  | 'counted-answer'
  | 'counted-withdrawal'
  | 'rewarded';

async function displayName(db: Firestore, uid: string): Promise<string> {
  const name = (await userRef(db, uid).get()).get('displayName');
  return typeof name === 'string' && name ? name : 'Someone';
}

/**
 * Claims `marker` on the exchange and applies `apply` in the same transaction, once. Returns
 * false when the marker was already set (a repeat delivery).
 */
async function once(
  db: Firestore,
  exchangeId: string,
  marker: string,
  now: Date,
  apply: (tx: Transaction, exchange: DocumentData) => void,
): Promise<boolean> {
  const ref = exchangeRef(db, exchangeId);
  return runCallableTransaction(db, async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return false;
    const markers = snap.get('markers') ?? {};
    if (markers[marker]) return false;
    apply(tx, snap.data() ?? {});
    tx.update(ref, { [`markers.${marker}`]: now });
    return true;
  });
}

export async function handleExchangeWrite(
  db: Firestore,
  exchangeId: string,
  before: DocumentData | null,
  after: DocumentData | null,
  deps: LifecycleDeps = {},
): Promise<LifecycleEffect[]> {
  if (!after) return [];
  const now = deps.now ?? new Date();
  const effects: LifecycleEffect[] = [];
  const from = (before?.status ?? null) as ExchangeStatus | null;
  const to = after.status as ExchangeStatus;
  const requesterId = String(after.requesterId ?? '');
  const providerId = String(after.providerId ?? '');
  if (!requesterId || !providerId) return [];
  const users = usersCol(db);
  const link = `/skill-exchange/${exchangeId}`;

  // A new request: count it toward the provider's responsiveness, tell the provider.
  if (!before) {
    const counted = await once(db, exchangeId, 'requestCounted', now, (tx) => {
      tx.set(
        users.doc(providerId),
        { stats: { requestsReceived: FieldValue.increment(1) } },
        { merge: true },
      );
    });
    if (counted) effects.push('counted-request');
    // Names and photos of both people, so exchange lists are one query.
    if (!isRecord(after.people)) {
      const [r, p] = await db.getAll(users.doc(requesterId), users.doc(providerId));
      const person = (snap: DocumentSnapshot | undefined) => ({
        displayName:
          typeof snap?.get('displayName') === 'string' ? snap.get('displayName') : 'SkillVerse member',
        photoURL: typeof snap?.get('photoURL') === 'string' ? snap.get('photoURL') : null,
      });
      await exchangeRef(db, exchangeId).update({
        people: { [requesterId]: person(r), [providerId]: person(p) },
      });
    }
    if (to === 'pending' && isFresh(after.createdAt, now)) {
      const name = await displayName(db, requesterId);
      const wants = skillName(after.requestedSkill);
      const offers = skillName(after.offeredSkill);
      await notify(
        db,
        {
          uid: providerId,
          type: 'exchange_request',
          id: `exchange_request_${exchangeId}`,
          // Their name and words are theirs: quoted and trimmed, never the subject by itself.
          title: `New skill-swap request from ${quoteName(name)}`,
          body: `${quoteName(name)} would like to learn ${trimUserText(wants, 100)} and can teach you ${trimUserText(offers, 100)}.`,
          link,
          ...(typeof after.message === 'string' && after.message.trim()
            ? { quote: { author: name, text: after.message } }
            : {}),
        },
        deps,
      );
      effects.push('notified-provider');
    }
  }

  // Answered (accepted or rejected) — or created already answered, as imports are.
  const answered = (!before || from === 'pending') && to !== 'pending' && to !== 'cancelled';
  if (answered) {
    const createdAt = toDate(after.createdAt);
    const seconds = createdAt ? Math.max(0, Math.round((now.getTime() - createdAt.getTime()) / 1000)) : 0;
    const counted = await once(db, exchangeId, 'answerCounted', now, (tx) => {
      tx.set(
        users.doc(providerId),
        {
          stats: {
            requestsAnswered: FieldValue.increment(1),
            ...(before ? { responseSecondsTotal: FieldValue.increment(seconds) } : {}),
          },
        },
        { merge: true },
      );
    });
    if (counted) effects.push('counted-answer');
  }

  // Withdrawn by the requester before the provider could answer: not held against the provider.
  if (from === 'pending' && to === 'cancelled') {
    const counted = await once(db, exchangeId, 'withdrawalCounted', now, (tx) => {
      tx.set(
        users.doc(providerId),
        { stats: { requestsReceived: FieldValue.increment(-1) } },
        { merge: true },
      );
    });
    if (counted) effects.push('counted-withdrawal');
  }

  if (from === 'pending' && to === 'accepted') {
    const name = await displayName(db, providerId);
    await notify(
      db,
      {
        uid: requesterId,
        type: 'exchange_accepted',
        id: `exchange_accepted_${exchangeId}`,
        title: `${name} accepted your exchange request`,
        body: `Agree on the terms with ${name} to start learning ${skillName(after.requestedSkill)}.`,
        link,
      },
      deps,
    );
    effects.push('notified-requester');
  }

  // Completed by both, with at least one held session: exchangesCompleted + 1 each and 75 points
  // each (once per pair per 30 days, capped per person per day), badges — once.
  if (before && from !== 'completed' && to === 'completed') {
    if ((await rewardCompletedExchange(db, exchangeId, now, deps)) === 'rewarded') effects.push('rewarded');
  }
  return effects;
}

export type RewardOutcome = 'rewarded' | 'no-held-session' | 'pair-window' | 'repeat' | 'not-completed';

/**
 * Rewards a completed exchange once, when it has at least one held session: exchangesCompleted + 1
 * and 75 points each (once per pair per 30 days, capped per person per day), then badges. Called
 * when the exchange becomes completed and again when a session of a completed exchange becomes
 * held (the rewarded marker makes the second call a no-op).
 */
export async function rewardCompletedExchange(
  db: Firestore,
  exchangeId: string,
  now: Date,
  deps: LifecycleDeps = {},
): Promise<RewardOutcome> {
  const x = await exchangeRef(db, exchangeId).get();
  if (x.get('status') !== 'completed') return 'not-completed';
  const requesterId = String(x.get('requesterId') ?? '');
  const providerId = String(x.get('providerId') ?? '');
  if (!requesterId || !providerId || requesterId === providerId) return 'not-completed';
  const participants = [requesterId, providerId];
  const users = usersCol(db);
  const pairRef = exchangePairRef(db, requesterId, providerId);
  const heldQuery = exchangeSessionsCol(db, exchangeId).where('status', '==', 'held').limit(1);
  const { start: dayStart } = utcDay(now);
  const outcome = await runCallableTransaction(db, async (tx): Promise<RewardOutcome> => {
    const xSnap = await tx.get(exchangeRef(db, exchangeId));
    if (!xSnap.exists || xSnap.get('markers.rewarded')) {
      return 'repeat';
    }
    const [held, pair] = await Promise.all([tx.get(heldQuery), tx.get(pairRef)]);
    const todays = await Promise.all(
      participants.map((uid) => tx.get(pointEventsCol(db, uid).where('createdAt', '>=', dayStart))),
    );
    const decision = completionReward({
      heldSessions: held.size,
      pairLastRewardedAt: toDate(pair.get('lastRewardedAt')),
      now,
    });
    if (!decision.reward) {
      // Not marked rewarded: a session of this exchange held later earns then (confirm-session).
      tx.update(exchangeRef(db, exchangeId), { 'markers.rewardSkipped': decision.reason });
      return decision.reason;
    }
    participants.forEach((uid, i) => {
      tx.set(users.doc(uid), { stats: { exchangesCompleted: FieldValue.increment(1) } }, { merge: true });
      const earnedToday = (todays[i]?.docs ?? [])
        .filter((d) => d.get('reason') === 'exchange_completed')
        .reduce((sum, d) => sum + (typeof d.get('points') === 'number' ? d.get('points') : 0), 0);
      const points = cappedExchangePoints(POINTS.exchange_completed, earnedToday);
      if (points > 0) {
        tx.create(
          pointEventsCol(db, uid).doc(pointEventId.exchange(exchangeId)),
          newPointEvent(
            {
              eventId: pointEventId.exchange(exchangeId),
              reason: 'exchange_completed',
              points,
              refPath: `exchanges/${exchangeId}`,
            },
            now,
          ),
        );
      }
    });
    tx.set(pairRef, { lastRewardedAt: now, lastExchangeId: exchangeId }, { merge: true });
    tx.update(exchangeRef(db, exchangeId), { 'markers.rewarded': now });
    return 'rewarded';
  });
  if (outcome === 'rewarded') {
    for (const uid of participants) await recheckBadges(db, uid, now, deps);
    logger.info('exchange completed and rewarded', { exchangeId, participants });
  } else if (outcome !== 'repeat') {
    logger.info('exchange completed without reward', { exchangeId, reason: outcome });
  }
  return outcome;
}
