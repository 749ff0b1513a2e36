// livekitWebhook: LiveKit signs each delivery (a JWT in Authorization carrying the body's sha256).
// Verified first; nothing is written for a bad signature. participant_joined/left build
// attendance, idempotent on the event id; room_finished ends the session.
//
// Duplicates (LiveKit retries, and may send one event twice at once) never answer 5xx for losing
// the race to a concurrent delivery of the same event: the first delivery CLAIMS the event
// (creates liveWebhookEvents/{id} with `state: 'processing'` and a lease, claimOrAwait in
// lib/duplicate-delivery.ts), applies it — participant_joined/left in one transaction that turns
// the claim into the record, room_finished through endSession (the session, attendance, points,
// notices), then marks it `done` — and the others wait for `done` without taking a lock and
// answer `duplicate`. A claim released by a failed delivery, or whose lease ran out, is taken
// over. All waits end at the deadline (40 s, inside the 60 s function timeout); a delivery still
// waiting then answers 503 and LiveKit retries.
import { createHash } from 'node:crypto';
import { parseCycleRoomName, parseExchangeRoomName } from '@skillverse/domain/exchange-call';
import { clampToWindow, EMPTY_ATTENDANCE, mergeAttendance } from '@skillverse/domain/live';
import type { Firestore, Transaction } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onCycleRoomEvent, onExchangeRoomEvent } from '../exchange/call';
import type { NotifyDeps } from '../notifications/notify';
import { attendanceFromDoc, endSession } from './end';
import { announceLateRecording, applyEgressEnded } from './recording';
import { attendanceCol, liveWebhookEventRef, sessionRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';
import {
  assertStillClaimed,
  type Claimed,
  claimOrAwait,
  DUPLICATE_WAIT_MS,
  isDoneRecord,
  type RaceOptions,
  releaseClaim,
  StillProcessing,
} from '../lib/duplicate-delivery';
import { isContention, runTransactionRetrying, toDate } from '../lib/firestore';

export const HANDLED_EVENTS = [
  'participant_joined',
  'participant_left',
  'room_finished',
  'egress_ended',
] as const;

/** What the handler needs from a verified LiveKit WebhookEvent. */
export interface LiveKitEvent {
  id: string;
  event: string;
  createdAt: Date | null;
  roomName: string;
  participant: { identity: string; name: string } | null;
  /** egress_ended: the cloud recording that ended (its room is `roomName`). */
  egress?: {
    id: string;
    status: unknown;
    error: string;
    file: { filename: string; location: string } | null;
  };
}

export interface WebhookRequest {
  rawBody: Buffer | string | undefined;
  authorization: string | undefined;
}

export interface WebhookResponse {
  status: number;
  body: Record<string, unknown>;
}

export type VerifyWebhook = (body: string, authorization: string) => Promise<LiveKitEvent>;

/** A verifier over livekit-server-sdk's WebhookReceiver. */
export function liveKitVerifier(apiKey: string, apiSecret: string): VerifyWebhook {
  return async (body, authorization) => {
    const { WebhookReceiver } = await import('livekit-server-sdk');
    const event = await new WebhookReceiver(apiKey, apiSecret).receive(body, authorization);
    const seconds = event.createdAt ? Number(event.createdAt) : 0;
    return {
      id: event.id || createHash('sha256').update(body).digest('hex').slice(0, 40),
      event: event.event,
      createdAt: seconds > 0 ? new Date(seconds * 1000) : null,
      roomName: event.room?.name || event.egressInfo?.roomName || '',
      participant: event.participant
        ? { identity: event.participant.identity, name: event.participant.name }
        : null,
      ...(event.egressInfo
        ? {
            egress: {
              id: event.egressInfo.egressId,
              status: event.egressInfo.status,
              error: event.egressInfo.error ?? '',
              file: event.egressInfo.fileResults[0]
                ? {
                    filename: event.egressInfo.fileResults[0].filename,
                    location: event.egressInfo.fileResults[0].location,
                  }
                : null,
            },
          }
        : {}),
    };
  };
}

export const webhookEventRef = (db: Firestore, eventId: string) =>
  liveWebhookEventRef(db, eventId.replace(/\//g, '_').slice(0, 500));

type LiveWebhookDeps = {
  db: Firestore;
  now: Date;
  /** LIVEKIT_RECORDINGS_BUCKET, for the link to an egress's file ('' when not configured). */
  recordingsBucket?: string;
} & NotifyDeps;

export async function handleLiveKitWebhook(
  deps: LiveWebhookDeps & {
    verify: VerifyWebhook | null;
    /** How long a delivery that lost the race to a concurrent one waits for it (tests). */
    duplicateWaitMs?: number;
    sleep?: (ms: number) => Promise<void>;
  },
  request: WebhookRequest,
): Promise<WebhookResponse> {
  const race: RaceOptions = {
    deadline: Date.now() + (deps.duplicateWaitMs ?? DUPLICATE_WAIT_MS),
    sleep: deps.sleep,
  };
  if (!deps.verify) {
    logger.error('livekitWebhook: LIVEKIT_API_KEY / LIVEKIT_API_SECRET are not configured');
    return { status: 503, body: { error: 'LiveKit webhooks are not configured' } };
  }
  const raw = request.rawBody;
  const body = typeof raw === 'string' ? raw : raw ? raw.toString('utf8') : '';
  const authorization = (request.authorization ?? '').replace(/^Bearer\s+/i, '');
  if (!authorization) return { status: 401, body: { error: 'Missing Authorization header' } };
  if (!body) return { status: 400, body: { error: 'Empty body' } };

  let event: LiveKitEvent;
  try {
    event = await deps.verify(body, authorization);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn('livekitWebhook: rejected delivery', { reason: message });
    const badBody = error instanceof SyntaxError || /JSON|parse/i.test(message);
    return badBody
      ? { status: 400, body: { error: 'The body is not a LiveKit event' } }
      : { status: 401, body: { error: 'Invalid signature' } };
  }

  if (!(HANDLED_EVENTS as readonly string[]).includes(event.event)) {
    return { status: 200, body: { ok: true, ignored: event.event } };
  }
  // Cloud recordings exist only for live sessions (a room name without '/').
  if (event.event === 'egress_ended' && (!event.egress || !event.roomName || event.roomName.includes('/'))) {
    return { status: 200, body: { ok: true, ignored: 'not a live session recording' } };
  }
  // Exchange call rooms (`exchange/{exchangeId}/{sessionId}`) belong to the exchange module.
  const exchangeRoom = parseExchangeRoomName(event.roomName);
  if (exchangeRoom) {
    try {
      const result = await onExchangeRoomEvent(
        deps.db,
        exchangeRoom,
        { ...event, identity: event.participant?.identity ?? '' },
        deps.now,
      );
      return { status: 200, body: { ok: true, ...result } };
    } catch (error) {
      logger.error('livekitWebhook: exchange call event failed', { eventId: event.id, error: String(error) });
      return { status: 500, body: { error: 'Processing failed; LiveKit will retry' } };
    }
  }
  // Swap cycle group call rooms (`cycle/{cycleId}/{sessionId}`): the same evidence, three people.
  const cycleRoom = parseCycleRoomName(event.roomName);
  if (cycleRoom) {
    try {
      const result = await onCycleRoomEvent(
        deps.db,
        cycleRoom,
        { ...event, identity: event.participant?.identity ?? '' },
        deps.now,
      );
      return { status: 200, body: { ok: true, ...result } };
    } catch (error) {
      logger.error('livekitWebhook: cycle call event failed', { eventId: event.id, error: String(error) });
      return { status: 500, body: { error: 'Processing failed; LiveKit will retry' } };
    }
  }
  if (!event.roomName || event.roomName.includes('/')) {
    return { status: 200, body: { ok: true, ignored: 'no room' } };
  }

  try {
    const result =
      event.event === 'room_finished'
        ? await onRoomFinished(deps, event, race)
        : event.event === 'egress_ended'
          ? await onEgressEnded(deps, event, race)
          : await onParticipantEvent(deps.db, event, deps.now, race);
    return { status: 200, body: { ok: true, ...result } };
  } catch (error) {
    if (error instanceof StillProcessing) {
      logger.warn('livekitWebhook: a concurrent delivery is still applying this event', {
        eventId: event.id,
        room: event.roomName,
      });
      return { status: 503, body: { error: 'This event is still being applied; LiveKit will retry' } };
    }
    // A concurrent delivery may have recorded the event while this one failed.
    const marker = await webhookEventRef(deps.db, event.id)
      .get()
      .catch(() => null);
    if (marker && isDoneRecord(marker)) {
      logger.info('livekitWebhook: event applied by a concurrent delivery', { eventId: event.id });
      return { status: 200, body: { ok: true, duplicate: true } };
    }
    logger.error('livekitWebhook: processing failed', {
      eventId: event.id,
      event: event.event,
      room: event.roomName,
      error: String(error),
    });
    return { status: 500, body: { error: 'Processing failed; LiveKit will retry' } };
  }
}

async function onParticipantEvent(db: Firestore, event: LiveKitEvent, now: Date, race: RaceOptions) {
  const identity = event.participant?.identity ?? '';
  if (!identity || identity.includes('/')) return { ignored: 'no participant' };
  const session = sessionRef(db, event.roomName);
  const attendanceRef = attendanceCol(session).doc(identity);
  const marker = webhookEventRef(db, event.id);
  const at = event.createdAt ?? now;

  const existing = await marker.get();
  if (isDoneRecord(existing)) return { duplicate: true };
  const claim = await claimOrAwait(marker, { event: event.event, room: event.roomName, identity }, race);
  if ('done' in claim) return { duplicate: true };
  try {
    return await runTransactionRetrying(db, (tx) => apply(tx, claim.claimed));
  } catch (error) {
    await releaseClaim(marker, claim.claimed);
    throw error;
  }

  async function apply(tx: Transaction, claimed: Claimed) {
    const [seen, sessionSnap, current, profile] = await Promise.all([
      tx.get(marker),
      tx.get(session),
      tx.get(attendanceRef),
      tx.get(userRef(db, identity)),
    ]);
    if (isDoneRecord(seen)) return { duplicate: true };
    assertStillClaimed(seen, claimed);
    // The claim becomes the record (set: it replaces the claim's fields).
    tx.set(marker, { event: event.event, room: event.roomName, identity, receivedAt: now, state: 'done' });
    if (!sessionSnap.exists) return { ignored: 'unknown session' };
    const status = sessionSnap.get('status');
    if (status !== 'live' && status !== 'ended') return { ignored: `session ${String(status)}` };
    // Join and leave count only inside the live window (server time: startedAt..endedAt).
    const window = {
      startedAt: toDate(sessionSnap.get('startedAt')),
      endedAt: toDate(sessionSnap.get('endedAt')),
    };
    if (event.event === 'participant_joined' && status === 'ended') return { ignored: 'session ended' };
    const prev = current.exists ? attendanceFromDoc(current) : EMPTY_ATTENDANCE;
    const next = mergeAttendance(prev, {
      type: event.event === 'participant_joined' ? 'joined' : 'left',
      at: clampToWindow(at, window),
    });
    tx.set(
      attendanceRef,
      {
        uid: identity,
        // The profile's name: the participant name in a LiveKit token is not evidence of anything.
        displayName: String(profile.get('displayName') ?? ''),
        joinedAt: next.joinedAt,
        leftAt: next.leftAt,
        totalSec: next.totalSec,
        sessions: next.sessions,
        openSince: next.openSince,
        source: 'livekit',
        updatedAt: now,
      },
      { merge: true },
    );
    return { attendance: identity };
  }
}

async function onRoomFinished(deps: LiveWebhookDeps, event: LiveKitEvent, race: RaceOptions) {
  const marker = webhookEventRef(deps.db, event.id);
  if (isDoneRecord(await marker.get())) return { duplicate: true };
  const snap = await sessionRef(deps.db, event.roomName).get();
  if (!snap.exists) return { ignored: 'unknown session' };
  const claim = await claimOrAwait(marker, { event: event.event, room: event.roomName }, race);
  if ('done' in claim) return { duplicate: true };
  try {
    // endSession is idempotent: a repeat after losing a lock only finishes what is left.
    const result = await endSessionRetrying(deps, event);
    // Marked done after the work: a failure above releases the claim, answers 500, and LiveKit's
    // retry (or a concurrent delivery waiting for the claim) runs it again.
    await marker.set({ event: event.event, room: event.roomName, state: 'done', receivedAt: deps.now });
    return { ended: result.ended };
  } catch (error) {
    await releaseClaim(marker, claim.claimed);
    throw error;
  }
}

/**
 * egress_ended: the cloud recording's final state and its link (recording.ts), once per event;
 * then, if the follow-up already went out, the late link is announced (idempotent itself).
 */
async function onEgressEnded(deps: LiveWebhookDeps, event: LiveKitEvent, race: RaceOptions) {
  const egress = event.egress;
  if (!egress) return { ignored: 'no egress' };
  const marker = webhookEventRef(deps.db, event.id);
  if (isDoneRecord(await marker.get())) return { duplicate: true };
  const claim = await claimOrAwait(
    marker,
    { event: event.event, room: event.roomName, egressId: egress.id },
    race,
  );
  if ('done' in claim) return { duplicate: true };
  let result: Awaited<ReturnType<typeof applyEgressEnded>>;
  try {
    result = await applyEgressEnded(
      deps.db,
      {
        egressId: egress.id,
        roomName: event.roomName,
        status: egress.status,
        error: egress.error,
        file: egress.file,
        at: event.createdAt ?? deps.now,
      },
      deps.recordingsBucket ?? '',
      deps.now,
    );
    await marker.set({
      event: event.event,
      room: event.roomName,
      egressId: egress.id,
      state: 'done',
      receivedAt: deps.now,
    });
  } catch (error) {
    await releaseClaim(marker, claim.claimed);
    throw error;
  }
  // After the record: a failed announcement is finished by the next link change, not by a redelivery.
  if (result.linked) {
    await announceLateRecording(deps, event.roomName).catch((error) =>
      logger.error('livekitWebhook: announcing the recording failed', {
        room: event.roomName,
        error: String(error),
      }),
    );
  }
  return {
    egress: egress.id,
    state: result.state,
    linked: result.linked,
    ...(result.ignored ? { ignored: result.ignored } : {}),
  };
}

async function endSessionRetrying(deps: LiveWebhookDeps, event: LiveKitEvent, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await endSession({ ...deps, now: event.createdAt ?? deps.now }, event.roomName, 'room_finished');
    } catch (error) {
      if (attempt >= attempts || !isContention(error)) throw error;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt * (0.5 + Math.random())));
    }
  }
}
