// getLiveKitToken: a short-lived join token for one room, for the host, registered users and
// active enrolments of the linked course (never someone the host removed). identity = uid;
// attendees publish only when allowed (the host changes that in place: moderate.ts).
import {
  LIVEKIT_TOKEN_TTL_SEC,
  type LiveKitTokenResponse,
  REMOVED_FROM_ROOM_MESSAGE,
  VIDEO_UNAVAILABLE_MESSAGE,
} from '@skillverse/domain/live';
import type { Firestore } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import type { Caller } from '../lib/errors';
import { type LiveKitConfig, videoConfigured } from './livekit-config';
import type { SessionIdInput } from './start';
import { isEnrolledInLinkedCourse, loadSession } from './session';
import { registrationRef, removedRef, sessionRef, speakerRef } from '../lib/data/live-sessions';
import { userRef } from '../lib/data/users';

export interface TokenDeps {
  db: Firestore;
  livekit: LiveKitConfig;
}

export async function getLiveKitToken(
  deps: TokenDeps,
  caller: Caller,
  input: SessionIdInput,
): Promise<LiveKitTokenResponse> {
  const { db } = deps;
  const session = await loadSession(sessionRef(db, input.sessionId));
  const isHost = session.hostId === caller.uid;

  if (!isHost) {
    // Removed by the host: not again in this session, whatever else admits them.
    if ((await removedRef(db, session.id, caller.uid).get()).exists) {
      throw new HttpsError('permission-denied', REMOVED_FROM_ROOM_MESSAGE);
    }
    const registered = (await registrationRef(db, session.id, caller.uid).get()).exists;
    if (!registered && !(await isEnrolledInLinkedCourse(db, session, caller.uid))) {
      throw new HttpsError(
        'permission-denied',
        session.courseId
          ? 'Register for this session (or enrol in its course) to join the room.'
          : 'Register for this session to join the room.',
      );
    }
  }
  if (session.status !== 'live') {
    const why =
      session.status === 'scheduled'
        ? 'This session has not started yet; the room opens when the host goes live.'
        : `This session is ${session.status}; the room is closed.`;
    throw new HttpsError('failed-precondition', why);
  }
  if (!videoConfigured(deps.livekit)) throw new HttpsError('failed-precondition', VIDEO_UNAVAILABLE_MESSAGE);

  const profile = await userRef(db, caller.uid).get();
  // Hosts too: a suspended or banned host's ID token may still be valid for up to an hour.
  if (profile.get('status') !== 'active') {
    throw new HttpsError(
      'permission-denied',
      isHost
        ? 'Your account cannot host live rooms right now.'
        : 'Your account cannot join live rooms right now.',
    );
  }
  const canPublish = isHost || (await speakerRef(db, session.id, caller.uid).get()).exists;
  const name = String(profile.get('displayName') ?? '').slice(0, 80) || 'Participant';

  const { AccessToken } = await import('livekit-server-sdk');
  const token = new AccessToken(deps.livekit.apiKey, deps.livekit.apiSecret, {
    identity: caller.uid,
    name,
    ttl: LIVEKIT_TOKEN_TTL_SEC,
    metadata: JSON.stringify({ role: isHost ? 'host' : 'attendee' }),
  });
  token.addGrant({
    room: session.id,
    roomJoin: true,
    canSubscribe: true,
    canPublishData: true,
    canPublish,
    canUpdateOwnMetadata: false,
    ...(isHost ? { roomAdmin: true } : {}),
  });
  return {
    token: await token.toJwt(),
    url: deps.livekit.url,
    identity: caller.uid,
    canPublish,
    isHost,
    ttlSec: LIVEKIT_TOKEN_TTL_SEC,
  };
}
