// startLiveSession: the host goes live. With LiveKit configured the room is created first, so
// attendees who get a token find it ready.
import { earlyStartMessage, type StartLiveSessionResponse, startTooEarly } from '@skillverse/domain/live';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { startLiveSession as startContract } from '@skillverse/domain/contracts/live';
import type { Caller } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { notify } from '../notifications/notify';
import { type LiveKitConfig, liveKitHttpUrl, videoConfigured } from './livekit-config';
import type { LiveDeps } from './register';
import { loadSession, requireHost, roomLink } from './session';
import { forEachDocPage, runCallableTransaction } from '../lib/firestore';
import { mapLimit } from '../lib/map-limit';
import { registrationsCol, sessionRef } from '../lib/data/live-sessions';

/** { sessionId }: start, end, cancel and getLiveKitToken take the same input. */
export type SessionIdInput = ParsedRequestOf<typeof startContract>;

/** The part of LiveKit's RoomServiceClient the live functions use (tests pass a fake). */
export interface RoomService {
  createRoom(options: { name: string; emptyTimeout?: number; maxParticipants?: number }): Promise<unknown>;
  deleteRoom(room: string): Promise<void>;
}

export async function createRoomService(config: LiveKitConfig): Promise<RoomService> {
  const { RoomServiceClient } = await import('livekit-server-sdk');
  return new RoomServiceClient(liveKitHttpUrl(config.url), config.apiKey, config.apiSecret);
}

export interface StartDeps extends LiveDeps {
  livekit: LiveKitConfig;
  roomService?: RoomService;
}

export async function startLiveSession(
  deps: StartDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<StartLiveSessionResponse> {
  const { db, now } = deps;
  await requireActiveUser(db, caller.uid);
  const ref = sessionRef(db, input.sessionId);
  const session = await loadSession(ref);
  requireHost(session, caller);
  if (session.status === 'live') {
    return { sessionId: session.id, status: 'live', videoRoom: videoConfigured(deps.livekit) };
  }
  if (session.status !== 'scheduled') {
    throw new HttpsError('failed-precondition', `This session is ${session.status}; it cannot go live.`);
  }
  // Starting early would stretch the live window (and the time attendees can be counted present).
  if (startTooEarly(session.scheduledAt, now)) {
    throw new HttpsError('failed-precondition', earlyStartMessage(session.scheduledAt));
  }

  let videoRoom = false;
  if (videoConfigured(deps.livekit)) {
    const rooms = deps.roomService ?? (await createRoomService(deps.livekit));
    try {
      await rooms.createRoom({
        name: session.id,
        emptyTimeout: 10 * 60,
        maxParticipants: session.capacity + 1,
      });
      videoRoom = true;
    } catch (error) {
      logger.error('LiveKit createRoom failed', { sessionId: session.id, error: String(error) });
      throw new HttpsError('unavailable', 'The video server did not answer. Try going live again.');
    }
  }

  const changed = await runCallableTransaction(db, async (tx) => {
    const current = await loadSession(ref, tx);
    if (current.status === 'live') return false;
    if (current.status !== 'scheduled') {
      throw new HttpsError('failed-precondition', `This session is ${current.status}; it cannot go live.`);
    }
    if (startTooEarly(current.scheduledAt, now)) {
      throw new HttpsError('failed-precondition', earlyStartMessage(current.scheduledAt));
    }
    // Where attendance evidence comes from: LiveKit webhooks when the video room exists, else the
    // room's presence heartbeats (see docs/live.md).
    tx.update(ref, {
      status: 'live',
      startedAt: now,
      attendanceSource: videoRoom ? 'livekit' : 'presence',
      updatedAt: now,
    });
    return true;
  });

  if (changed) {
    await forEachDocPage(registrationsCol(ref), 200, (docs) =>
      mapLimit(docs, 10, (doc) =>
        notify(
          db,
          {
            uid: doc.id,
            type: 'session_reminder',
            id: `live_${session.id}`,
            title: `${session.title} is live now`,
            body: `${session.hostName || 'Your host'} has started the session. Join the room.`,
            link: roomLink(session.id),
          },
          deps,
        ).then(() => undefined),
      ),
    );
  }
  logger.info('live session started', { sessionId: session.id, hostId: caller.uid, videoRoom });
  return { sessionId: session.id, status: 'live', videoRoom };
}
