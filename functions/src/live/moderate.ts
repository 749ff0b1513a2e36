// moderateLiveParticipant: the host mutes someone's microphone or removes them from the video
// room (LiveKit's RoomService; a removed attendee also loses the right to speak).
import { VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import type { Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type { moderateLiveParticipant as moderateContract } from '@skillverse/domain/contracts/live';
import type { Caller } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { type LiveKitConfig, liveKitHttpUrl, videoConfigured } from './livekit-config';
import { loadSession, requireHost } from './session';
import { sessionRef, speakerRef } from '../lib/data/live-sessions';

export type ModerateInput = ParsedRequestOf<typeof moderateContract>;

/** The RoomService calls moderation needs (tests pass a fake). */
export interface ModerationRooms {
  getParticipant(room: string, identity: string): Promise<{ tracks: { sid: string; type: number }[] }>;
  mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<unknown>;
  removeParticipant(room: string, identity: string): Promise<void>;
}

async function createModerationRooms(config: LiveKitConfig): Promise<ModerationRooms> {
  const { RoomServiceClient } = await import('livekit-server-sdk');
  const client = new RoomServiceClient(liveKitHttpUrl(config.url), config.apiKey, config.apiSecret);
  return {
    getParticipant: async (room, identity) => {
      const info = await client.getParticipant(room, identity);
      return { tracks: info.tracks.map((t) => ({ sid: t.sid, type: Number(t.type) })) };
    },
    mutePublishedTrack: (room, identity, sid, muted) => client.mutePublishedTrack(room, identity, sid, muted),
    removeParticipant: (room, identity) => client.removeParticipant(room, identity),
  };
}

/** livekit-server-sdk TrackType.AUDIO */
const AUDIO = 0;

export async function moderateLiveParticipant(
  deps: { db: Firestore; livekit: LiveKitConfig; rooms?: ModerationRooms },
  caller: Caller,
  input: ModerateInput,
): Promise<{ sessionId: string; uid: string; action: ModerateInput['action']; tracksMuted: number }> {
  await requireActiveUser(deps.db, caller.uid);
  const session = await loadSession(sessionRef(deps.db, input.sessionId));
  requireHost(session, caller);
  if (input.uid === caller.uid) throw new HttpsError('invalid-argument', 'uid: you cannot moderate yourself');
  if (session.status !== 'live') throw new HttpsError('failed-precondition', 'The session is not live.');
  if (!videoConfigured(deps.livekit)) throw new HttpsError('failed-precondition', VIDEO_UNAVAILABLE_MESSAGE);
  const rooms: ModerationRooms = deps.rooms ?? (await createModerationRooms(deps.livekit));

  let tracksMuted = 0;
  try {
    if (input.action === 'mute') {
      const participant = await rooms.getParticipant(session.id, input.uid);
      for (const track of participant.tracks.filter((t) => t.type === AUDIO)) {
        await rooms.mutePublishedTrack(session.id, input.uid, track.sid, true);
        tracksMuted += 1;
      }
    } else {
      await speakerRef(deps.db, session.id, input.uid).delete();
      await rooms.removeParticipant(session.id, input.uid);
    }
  } catch (error) {
    logger.warn('LiveKit moderation failed', { sessionId: session.id, uid: input.uid, error: String(error) });
    throw new HttpsError(
      'unavailable',
      'The video server did not accept that; the person may have left already.',
    );
  }
  return { sessionId: session.id, uid: input.uid, action: input.action, tracksMuted };
}
