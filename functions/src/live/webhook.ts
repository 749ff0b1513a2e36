// livekitWebhook: LiveKit signs each delivery (a JWT in Authorization carrying the body's sha256).
// Verified first; nothing is written for a bad signature. participant_joined/left build
// attendance, idempotent on the event id; room_finished ends the session.
import { createHash } from 'node:crypto';
import { parseExchangeRoomName } from '@skillverse/domain/exchange-call';
import { clampToWindow, EMPTY_ATTENDANCE, mergeAttendance } from '@skillverse/domain/live';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { onExchangeRoomEvent } from '../exchange/call';
import type { NotifyDeps } from '../notifications/notify';
import { attendanceFromDoc, endSession } from './end';
import { attendanceCol, liveWebhookEventRef, sessionRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';
import { toDate } from '../lib/firestore';

export const HANDLED_EVENTS = ['participant_joined', 'participant_left', 'room_finished'] as const;

/** What the handler needs from a verified LiveKit WebhookEvent. */
export interface LiveKitEvent {
  id: string;
  event: string;
  createdAt: Date | null;
  roomName: string;
  participant: { identity: string; name: string } | null;
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
      roomName: event.room?.name ?? '',
      participant: event.participant
        ? { identity: event.participant.identity, name: event.participant.name }
        : null,
    };
  };
}

export const webhookEventRef = (db: Firestore, eventId: string) =>
  liveWebhookEventRef(db, eventId.replace(/\//g, '_').slice(0, 500));

export async function handleLiveKitWebhook(
  deps: { db: Firestore; now: Date; verify: VerifyWebhook | null } & NotifyDeps,
  request: WebhookRequest,
): Promise<WebhookResponse> {
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
  if (!event.roomName || event.roomName.includes('/')) {
    return { status: 200, body: { ok: true, ignored: 'no room' } };
  }

  try {
    const result =
      event.event === 'room_finished'
        ? await onRoomFinished(deps, event)
        : await onParticipantEvent(deps.db, event, deps.now);
    return { status: 200, body: { ok: true, ...result } };
  } catch (error) {
    logger.error('livekitWebhook: processing failed', {
      eventId: event.id,
      event: event.event,
      room: event.roomName,
      error: String(error),
    });
    return { status: 500, body: { error: 'Processing failed; LiveKit will retry' } };
  }
}

async function onParticipantEvent(db: Firestore, event: LiveKitEvent, now: Date) {
  const identity = event.participant?.identity ?? '';
  if (!identity || identity.includes('/')) return { ignored: 'no participant' };
  const session = sessionRef(db, event.roomName);
  const attendanceRef = attendanceCol(session).doc(identity);
  const marker = webhookEventRef(db, event.id);
  const at = event.createdAt ?? now;

  return db.runTransaction(async (tx) => {
    const [seen, sessionSnap, current, profile] = await Promise.all([
      tx.get(marker),
      tx.get(session),
      tx.get(attendanceRef),
      tx.get(userRef(db, identity)),
    ]);
    if (seen.exists) return { duplicate: true };
    tx.create(marker, { event: event.event, room: event.roomName, identity, receivedAt: now });
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
  });
}

async function onRoomFinished(deps: { db: Firestore; now: Date } & NotifyDeps, event: LiveKitEvent) {
  const marker = webhookEventRef(deps.db, event.id);
  if ((await marker.get()).exists) return { duplicate: true };
  const snap = await sessionRef(deps.db, event.roomName).get();
  if (!snap.exists) return { ignored: 'unknown session' };
  const result = await endSession(
    { ...deps, now: event.createdAt ?? deps.now },
    event.roomName,
    'room_finished',
  );
  // Marked after the work: a failure above answers 500 and LiveKit's retry runs it again.
  await marker.set({ event: event.event, room: event.roomName, receivedAt: deps.now });
  return { ended: result.ended };
}
