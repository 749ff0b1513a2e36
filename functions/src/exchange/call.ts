// Exchange call rooms (issue 15, item 4): what the platform sees of a session's call, and the
// session it makes held. Presence is recorded per person as intervals of SERVER time — from the
// call page's heartbeats (exchangeCallHeartbeat) or LiveKit's participant_joined/left webhooks for
// the room `exchange/{exchangeId}/{sessionId}` — and only while the call window is open. After each
// change the overlap of both people's intervals inside the session's time is computed
// (domain/src/exchange-call.ts); at OBSERVED_HELD_MIN minutes the session becomes held with
// `evidence: 'observed'`. One transaction per observation; repeats are harmless (a heartbeat at
// the same instant changes nothing, a webhook event is handled once by its id).
import {
  addHeartbeat,
  applyRoomEvent,
  callOpen,
  callWindow,
  cycleRoomName,
  EMPTY_PRESENCE,
  exchangeRoomName,
  heldByObservation,
  type Interval,
  OBSERVED_HELD_MIN,
  observedMinutesTogether,
  type Presence,
  presenceIntervals,
  presentNow,
} from '@skillverse/domain/exchange-call';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  CycleCallHeartbeatResponse,
  cycleCallHeartbeat,
  ExchangeCallHeartbeatResponse,
  ExchangeCallTokenResponse,
  exchangeCallHeartbeat,
} from '@skillverse/domain/contracts/exchange';
import { LIVEKIT_TOKEN_TTL_SEC, VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { callPresenceRef, exchangeRef, exchangeSessionRef } from '../lib/data/exchanges';
import { cyclePresenceRef, cycleRef, cycleSessionRef } from '../lib/data/exchange-cycles';
import { liveWebhookEventRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';
import type { Caller } from '../lib/errors';
import { notFound } from '../lib/errors';
import { runTransactionRetrying, toDate } from '../lib/firestore';
import { type LiveKitConfig, videoConfigured } from '../lib/livekit-config';
import { rewardCompletedExchange } from './exchange-lifecycle';

type SessionInput = ParsedRequestOf<typeof exchangeCallHeartbeat>;
type CycleSessionInput = ParsedRequestOf<typeof cycleCallHeartbeat>;

/**
 * A call room: a one-to-one exchange session (two people) or a swap cycle's group session (three
 * people). The evidence rules are the same; only where things live and who may join differ.
 */
export interface CallRoom {
  /** The exchange or the cycle. */
  parent: DocumentReference;
  session: DocumentReference;
  presenceRef: (uid: string) => DocumentReference;
  /** Parent states in which a session's call may take place. */
  statuses: readonly string[];
  /** 'This exchange' / 'This group swap', for refusals. */
  what: string;
  /** Who may join, for refusals: 'the two people in this exchange'. */
  who: string;
  /** The LiveKit room name. */
  name: string;
}

export function exchangeCallRoom(db: Firestore, exchangeId: string, sessionId: string): CallRoom {
  return {
    parent: exchangeRef(db, exchangeId),
    session: exchangeSessionRef(db, exchangeId, sessionId),
    presenceRef: (uid) => callPresenceRef(db, exchangeId, sessionId, uid),
    statuses: ['accepted', 'active', 'completed'],
    what: 'This exchange',
    who: 'the two people in this exchange',
    name: exchangeRoomName(exchangeId, sessionId),
  };
}

export function cycleCallRoom(db: Firestore, cycleId: string, sessionId: string): CallRoom {
  return {
    parent: cycleRef(db, cycleId),
    session: cycleSessionRef(db, cycleId, sessionId),
    presenceRef: (uid) => cyclePresenceRef(db, cycleId, sessionId, uid),
    statuses: ['active', 'completed'],
    what: 'This group swap',
    who: 'the three people in this group swap',
    name: cycleRoomName(cycleId, sessionId),
  };
}

function presenceFromDoc(snap: DocumentSnapshot | undefined): Presence {
  if (!snap?.exists) return EMPTY_PRESENCE;
  const raw: unknown[] = Array.isArray(snap.get('intervals')) ? snap.get('intervals') : [];
  const intervals: Interval[] = [];
  for (const r of raw) {
    const from = toDate((r as { from?: unknown })?.from);
    const to = toDate((r as { to?: unknown })?.to);
    if (from && to) intervals.push({ from, to });
  }
  return { intervals, openSince: toDate(snap.get('openSince')) };
}

interface Loaded {
  participants: string[];
  window: ReturnType<typeof callWindow>;
  status: string;
}

/** The exchange (or cycle) and session as a call needs them; refusals are clear errors. */
function checkSession(
  room: CallRoom,
  x: DocumentSnapshot | undefined,
  s: DocumentSnapshot | undefined,
  uid: string,
): Loaded {
  if (!x?.exists) throw notFound(room.what);
  const participants: string[] = Array.isArray(x.get('participants')) ? x.get('participants') : [];
  if (!participants.includes(uid))
    throw new HttpsError('permission-denied', `Only ${room.who} can join its calls.`);
  if (!s?.exists) throw notFound('This session');
  if (!room.statuses.includes(String(x.get('status'))))
    throw new HttpsError('failed-precondition', `${room.what} is not under way.`);
  const status = String(s.get('status') ?? '');
  const scheduledAt = toDate(s.get('scheduledAt'));
  if (!scheduledAt || (status !== 'scheduled' && status !== 'held'))
    throw new HttpsError('failed-precondition', 'This session was cancelled; its call is closed.');
  const durationMin = typeof s.get('durationMin') === 'number' ? s.get('durationMin') : 0;
  return { participants, window: callWindow(scheduledAt, durationMin), status };
}

function closedMessage(window: Loaded['window'], now: Date): string {
  return now.getTime() < window.opensAt.getTime()
    ? `The call opens at ${window.opensAt.toISOString()}, a few minutes before the session starts.`
    : `The call closed at ${window.endsAt.toISOString()}, when the session ended.`;
}

interface Observation {
  observedMinutes: number;
  held: boolean;
  /** true when this observation made the session held. */
  becameHeld: boolean;
  /** The other participants present in the last heartbeat gap. */
  othersPresent: string[];
}

/**
 * Inside a transaction: writes `uid`'s new presence, recomputes the overlap of EVERY participant's
 * intervals (both of an exchange, all three of a cycle) and updates the session (observedMinutes;
 * held once it reaches OBSERVED_HELD_MIN).
 */
async function observe(
  tx: FirebaseFirestore.Transaction,
  room: CallRoom,
  loaded: Loaded,
  session: DocumentSnapshot,
  uid: string,
  next: (p: Presence) => Presence,
  source: 'heartbeat' | 'livekit',
  now: Date,
): Promise<Observation> {
  const others = loaded.participants.filter((p) => p !== uid);
  const mineRef = room.presenceRef(uid);
  const [mineSnap, ...otherSnaps] = await tx.getAll(mineRef, ...others.map((p) => room.presenceRef(p)));
  const mine = next(presenceFromDoc(mineSnap));
  const theirs = otherSnaps.map((snap) => presenceFromDoc(snap));
  const minutes = observedMinutesTogether(
    [presenceIntervals(mine, now), ...theirs.map((p) => presenceIntervals(p, now))],
    loaded.window,
  );
  const last = mine.intervals.at(-1);
  tx.set(
    mineRef,
    {
      uid,
      intervals: mine.intervals,
      openSince: mine.openSince,
      lastSeenAt: mine.openSince ? now : (last?.to ?? now),
      sources: { [source]: true },
      updatedAt: now,
    },
    { merge: true },
  );
  const wasHeld = loaded.status === 'held';
  const previous = typeof session.get('observedMinutes') === 'number' ? session.get('observedMinutes') : 0;
  const best = Math.max(previous, minutes);
  const becameHeld = !wasHeld && heldByObservation(best);
  const update: Record<string, unknown> = {};
  if (best !== previous) update.observedMinutes = best;
  if (becameHeld) {
    update.status = 'held';
    update.held = { evidence: 'observed', heldAt: now, confirmedBy: [], observedMinutes: best };
  } else if (wasHeld && session.get('held.evidence') === 'observed' && best !== previous) {
    update['held.observedMinutes'] = best;
  }
  if (Object.keys(update).length) tx.update(session.ref, { ...update, updatedAt: now });
  return {
    observedMinutes: best,
    held: wasHeld || becameHeld,
    becameHeld,
    othersPresent: others.filter((_, i) => presentNow(theirs[i]!, now)),
  };
}

/** A heartbeat for `room` at server time `now` (both kinds of room). */
async function heartbeat(db: Firestore, room: CallRoom, caller: Caller, now: Date) {
  return runTransactionRetrying(db, async (tx) => {
    const [x, s] = await tx.getAll(room.parent, room.session);
    const loaded = checkSession(room, x, s, caller.uid);
    if (!callOpen(loaded.window, now))
      throw new HttpsError('failed-precondition', closedMessage(loaded.window, now));
    const seen = await observe(
      tx,
      room,
      loaded,
      s as DocumentSnapshot,
      caller.uid,
      (p) => ({ ...p, intervals: addHeartbeat(p.intervals, now) }),
      'heartbeat',
      now,
    );
    return { seen, window: loaded.window };
  });
}

/** exchangeCallHeartbeat: the caller's call page is open at server time `now`. */
export async function recordHeartbeat(
  deps: { db: Firestore; now: Date },
  caller: Caller,
  input: SessionInput,
): Promise<ExchangeCallHeartbeatResponse> {
  const { db, now } = deps;
  const result = await heartbeat(db, exchangeCallRoom(db, input.exchangeId, input.sessionId), caller, now);
  if (result.seen.becameHeld) await rewardCompletedExchange(db, input.exchangeId, now);
  return {
    observedMinutes: result.seen.observedMinutes,
    heldAtMinutes: OBSERVED_HELD_MIN,
    held: result.seen.held,
    partnerPresent: result.seen.othersPresent.length > 0,
    opensAt: result.window.opensAt.toISOString(),
    endsAt: result.window.endsAt.toISOString(),
  };
}

/**
 * cycleCallHeartbeat: the caller's group call page is open at server time `now`. All three seen
 * together OBSERVED_HELD_MIN minutes makes the session held (observed); the cycle completes when
 * all three then confirm it (confirmSwapCycleSession).
 */
export async function recordCycleHeartbeat(
  deps: { db: Firestore; now: Date },
  caller: Caller,
  input: CycleSessionInput,
): Promise<CycleCallHeartbeatResponse> {
  const { db, now } = deps;
  const result = await heartbeat(db, cycleCallRoom(db, input.cycleId, input.sessionId), caller, now);
  return {
    observedMinutes: result.seen.observedMinutes,
    heldAtMinutes: OBSERVED_HELD_MIN,
    held: result.seen.held,
    present: result.seen.othersPresent,
    opensAt: result.window.opensAt.toISOString(),
    endsAt: result.window.endsAt.toISOString(),
  };
}

/** A verified LiveKit participant event for an exchange call room (routed from live/webhook.ts). */
export async function onExchangeRoomEvent(
  db: Firestore,
  room: { exchangeId: string; sessionId: string },
  event: { id: string; event: string; createdAt: Date | null; identity: string },
  now: Date,
): Promise<Record<string, unknown>> {
  const callRoom = exchangeCallRoom(db, room.exchangeId, room.sessionId);
  const result = await onRoomEvent(db, callRoom, event, now);
  if ('becameHeld' in result && result.becameHeld) await rewardCompletedExchange(db, room.exchangeId, now);
  return { exchangeCall: callRoom.name, ...result };
}

/** The same for a swap cycle's group call room `cycle/{cycleId}/{sessionId}`. */
export async function onCycleRoomEvent(
  db: Firestore,
  room: { cycleId: string; sessionId: string },
  event: { id: string; event: string; createdAt: Date | null; identity: string },
  now: Date,
): Promise<Record<string, unknown>> {
  const callRoom = cycleCallRoom(db, room.cycleId, room.sessionId);
  return { cycleCall: callRoom.name, ...(await onRoomEvent(db, callRoom, event, now)) };
}

async function onRoomEvent(
  db: Firestore,
  room: CallRoom,
  event: { id: string; event: string; createdAt: Date | null; identity: string },
  now: Date,
): Promise<Record<string, unknown>> {
  if (event.event !== 'participant_joined' && event.event !== 'participant_left')
    return { ignored: event.event };
  if (!event.identity || event.identity.includes('/')) return { ignored: 'no participant' };
  const at = event.createdAt ?? now;
  const marker = liveWebhookEventRef(db, event.id.replace(/\//g, '_').slice(0, 500));
  return runTransactionRetrying(db, async (tx) => {
    const [seen, x, s] = await tx.getAll(marker, room.parent, room.session);
    if (seen?.exists) return { duplicate: true } as const;
    // Written last: a transaction reads everything before its first write.
    const mark = () =>
      tx.create(marker, {
        event: event.event,
        room: room.name,
        identity: event.identity,
        receivedAt: now,
      });
    let loaded: Loaded;
    try {
      loaded = checkSession(room, x, s, event.identity);
    } catch (error) {
      mark();
      return { ignored: error instanceof HttpsError ? error.message : 'unknown session' } as const;
    }
    const joined = event.event === 'participant_joined';
    // A join counts only while the call is open; a leave always closes what is open.
    if (joined && !callOpen(loaded.window, at)) {
      mark();
      return { ignored: 'call closed' } as const;
    }
    const observation = await observe(
      tx,
      room,
      loaded,
      s as DocumentSnapshot,
      event.identity,
      (p) => applyRoomEvent(p, { type: joined ? 'joined' : 'left', at }),
      'livekit',
      at,
    );
    mark();
    return { observed: observation.observedMinutes, becameHeld: observation.becameHeld } as const;
  });
}

/** getExchangeCallToken: a LiveKit token for the session's room, for its two people while open. */
export async function exchangeCallToken(
  deps: { db: Firestore; now: Date; livekit: LiveKitConfig },
  caller: Caller,
  input: SessionInput,
): Promise<ExchangeCallTokenResponse> {
  return callToken(deps, exchangeCallRoom(deps.db, input.exchangeId, input.sessionId), caller);
}

/** getCycleCallToken: the same for a swap cycle's group session, for its three people while open. */
export async function cycleCallToken(
  deps: { db: Firestore; now: Date; livekit: LiveKitConfig },
  caller: Caller,
  input: CycleSessionInput,
): Promise<ExchangeCallTokenResponse> {
  return callToken(deps, cycleCallRoom(deps.db, input.cycleId, input.sessionId), caller);
}

async function callToken(
  deps: { db: Firestore; now: Date; livekit: LiveKitConfig },
  room: CallRoom,
  caller: Caller,
): Promise<ExchangeCallTokenResponse> {
  const { db, now } = deps;
  const [x, s] = await db.getAll(room.parent, room.session);
  const loaded = checkSession(room, x, s, caller.uid);
  if (!callOpen(loaded.window, now))
    throw new HttpsError('failed-precondition', closedMessage(loaded.window, now));
  const profile = await userRef(db, caller.uid).get();
  if (profile.get('status') !== 'active')
    throw new HttpsError('permission-denied', 'Your account cannot join calls right now.');
  if (!videoConfigured(deps.livekit)) return { video: false, message: VIDEO_UNAVAILABLE_MESSAGE };
  const { AccessToken } = await import('livekit-server-sdk');
  const token = new AccessToken(deps.livekit.apiKey, deps.livekit.apiSecret, {
    identity: caller.uid,
    name: String(profile.get('displayName') ?? '').slice(0, 80) || 'Participant',
    ttl: LIVEKIT_TOKEN_TTL_SEC,
  });
  token.addGrant({
    room: room.name,
    roomJoin: true,
    canSubscribe: true,
    canPublish: true,
    canPublishData: true,
    canUpdateOwnMetadata: false,
  });
  return {
    video: true,
    token: await token.toJwt(),
    url: deps.livekit.url,
    identity: caller.uid,
    room: room.name,
    ttlSec: LIVEKIT_TOKEN_TTL_SEC,
  };
}
