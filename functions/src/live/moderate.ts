// moderateLiveParticipant: the host mutes someone's microphone, lets them speak or stops them
// (promote / demote: their LiveKit permissions change in place, no reconnect), or removes them
// from the room for the rest of the session (recorded in removed/{uid}: getLiveKitToken and the
// rules keep them out; a removed attendee also loses the right to speak).
import { VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { logger } from 'firebase-functions';
import { HttpsError } from 'firebase-functions/v2/https';
import type { ParsedRequestOf } from '@skillverse/domain/contracts/callable';
import type {
  ModerateLiveParticipantResponse,
  moderateLiveParticipant as moderateContract,
} from '@skillverse/domain/contracts/live';
import type { Caller } from '../lib/errors';
import { requireActiveUser } from '../lib/guards';
import { type LiveKitConfig, liveKitHttpUrl, videoConfigured } from './livekit-config';
import { isEnrolledInLinkedCourse, loadSession, requireHost } from './session';
import { registrationRef, removedRef, sessionRef, speakerRef } from '../lib/data/live-sessions';

export type ModerateInput = ParsedRequestOf<typeof moderateContract>;

/** What an attendee may do in the room: publishing follows the speaker grant, the rest is fixed. */
export interface RoomPermission {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  canUpdateMetadata: boolean;
}

/** The RoomService calls moderation needs (tests pass a fake, or point the real client at one). */
export interface ModerationRooms {
  getParticipant(room: string, identity: string): Promise<{ tracks: { sid: string; type: number }[] }>;
  mutePublishedTrack(room: string, identity: string, trackSid: string, muted: boolean): Promise<unknown>;
  removeParticipant(room: string, identity: string): Promise<void>;
  updateParticipant(room: string, identity: string, permission: RoomPermission): Promise<unknown>;
}

export async function createModerationRooms(config: LiveKitConfig): Promise<ModerationRooms> {
  const { RoomServiceClient } = await import('livekit-server-sdk');
  const client = new RoomServiceClient(liveKitHttpUrl(config.url), config.apiKey, config.apiSecret);
  return {
    getParticipant: async (room, identity) => {
      const info = await client.getParticipant(room, identity);
      return { tracks: info.tracks.map((t) => ({ sid: t.sid, type: Number(t.type) })) };
    },
    mutePublishedTrack: (room, identity, sid, muted) => client.mutePublishedTrack(room, identity, sid, muted),
    removeParticipant: (room, identity) => client.removeParticipant(room, identity),
    updateParticipant: (room, identity, permission) =>
      client.updateParticipant(room, identity, { permission }),
  };
}

/** The permissions of an attendee who may (or may not) speak; the same as getLiveKitToken grants. */
export function attendeePermission(canPublish: boolean): RoomPermission {
  return { canPublish, canSubscribe: true, canPublishData: true, canUpdateMetadata: false };
}

/** LiveKit answers not_found (HTTP 404) for someone who is not connected to the room. */
function notInRoom(error: unknown): boolean {
  const e = error as { status?: unknown; code?: unknown } | null;
  return e?.status === 404 || e?.code === 'not_found';
}

/** gRPC status of a create() whose document exists. */
const ALREADY_EXISTS = 6;

/** livekit-server-sdk TrackType.AUDIO */
const AUDIO = 0;

export async function moderateLiveParticipant(
  deps: { db: Firestore; livekit: LiveKitConfig; rooms?: ModerationRooms; now?: () => Date },
  caller: Caller,
  input: ModerateInput,
): Promise<ModerateLiveParticipantResponse> {
  const { db } = deps;
  await requireActiveUser(db, caller.uid);
  const session = await loadSession(sessionRef(db, input.sessionId));
  requireHost(session, caller);
  if (input.uid === caller.uid) throw new HttpsError('invalid-argument', 'uid: you cannot moderate yourself');
  if (session.status !== 'live') throw new HttpsError('failed-precondition', 'The session is not live.');
  const video = videoConfigured(deps.livekit);
  // Muting happens only in the video room; the other actions are recorded here first (the room's
  // chat, Q&A and hands follow them even without LiveKit), then applied in the video room.
  if (input.action === 'mute' && !video) {
    throw new HttpsError('failed-precondition', VIDEO_UNAVAILABLE_MESSAGE);
  }
  const removed = removedRef(db, session.id, input.uid);
  const speaker = speakerRef(db, session.id, input.uid);
  if (input.action === 'promote') {
    if ((await removed.get()).exists) {
      throw new HttpsError(
        'failed-precondition',
        'You removed this person from the room; they cannot speak.',
      );
    }
    const attendee =
      (await registrationRef(db, session.id, input.uid).get()).exists ||
      (await isEnrolledInLinkedCourse(db, session, input.uid));
    if (!attendee) throw new HttpsError('failed-precondition', 'They are not registered for this session.');
    await speaker.set({ uid: input.uid, grantedAt: FieldValue.serverTimestamp() });
  } else if (input.action === 'demote') {
    await speaker.delete();
  } else if (input.action === 'remove') {
    await speaker.delete();
    // create, not set: removing twice (a double click, a retry) keeps the first removal's record.
    await removed
      .create({ uid: input.uid, removedAt: FieldValue.serverTimestamp(), removedBy: caller.uid })
      .catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== ALREADY_EXISTS) throw error;
      });
  }
  if (!video)
    return { sessionId: session.id, uid: input.uid, action: input.action, tracksMuted: 0, inRoom: false };

  const rooms: ModerationRooms = deps.rooms ?? (await createModerationRooms(deps.livekit));
  let tracksMuted = 0;
  let inRoom = true;
  try {
    if (input.action === 'mute') {
      const participant = await rooms.getParticipant(session.id, input.uid);
      for (const track of participant.tracks.filter((t) => t.type === AUDIO)) {
        await rooms.mutePublishedTrack(session.id, input.uid, track.sid, true);
        tracksMuted += 1;
      }
    } else if (input.action === 'remove') {
      await rooms.removeParticipant(session.id, input.uid);
    } else {
      await rooms.updateParticipant(session.id, input.uid, attendeePermission(input.action === 'promote'));
    }
  } catch (error) {
    if (!notInRoom(error)) {
      logger.warn('LiveKit moderation failed', {
        sessionId: session.id,
        uid: input.uid,
        error: String(error),
      });
      throw new HttpsError('unavailable', 'The video server did not accept that; try again in a moment.');
    }
    // Not connected: nothing to change in the room; what was recorded applies when they join.
    if (input.action === 'mute') {
      throw new HttpsError('failed-precondition', 'They are not in the video room (they may have left).');
    }
    inRoom = false;
  }
  return { sessionId: session.id, uid: input.uid, action: input.action, tracksMuted, inRoom };
}
