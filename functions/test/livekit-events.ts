// Signed LiveKit webhook deliveries to the emulator's real livekitWebhook (as LiveKit would sign
// them: a JWT from the dev key pair carrying the body's sha256), for integration tests and benches.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { AccessToken } from 'livekit-server-sdk';
import { createHash, randomUUID } from 'node:crypto';
import { LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET } from '../src/live/livekit-config';
import { httpFunctionUrl } from './emulator';

const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));
export const liveKitEventId = () => `EV_${randomUUID().replace(/-/g, '').slice(0, 16)}`;

export function participantJoined(sessionId: string, uid: string, at: Date, id = liveKitEventId()) {
  return {
    id,
    event: 'participant_joined',
    createdAt: seconds(at),
    room: { name: sessionId, sid: 'RM_test' },
    participant: { identity: uid, name: `Person ${uid}`, sid: 'PA_test' },
  };
}

export function roomFinished(sessionId: string, at: Date, id = liveKitEventId()) {
  return { id, event: 'room_finished', createdAt: seconds(at), room: { name: sessionId, sid: 'RM_test' } };
}

/** The body and Authorization header LiveKit would send for `event`. */
export async function signedLiveKitDelivery(event: object, secret = LOCAL_DEV_API_SECRET) {
  const body = JSON.stringify(event);
  const at = new AccessToken(LOCAL_DEV_API_KEY, secret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await at.toJwt() };
}

/** POSTs a delivery to the emulator's livekitWebhook. */
export async function postLiveKitDelivery(delivery: { body: string; authorization?: string }) {
  const res = await fetch(httpFunctionUrl(HTTP_FUNCTIONS.livekitWebhook), {
    method: 'POST',
    headers: {
      'content-type': 'application/webhook+json',
      ...(delivery.authorization ? { authorization: delivery.authorization } : {}),
    },
    body: delivery.body,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/** egress_ended as LiveKit sends it (the file result of a room composite egress). */
export function egressEnded(
  sessionId: string,
  egressId: string,
  at: Date,
  file: { filename: string; location: string } | null,
  status = 'EGRESS_COMPLETE',
  id = liveKitEventId(),
) {
  return {
    id,
    event: 'egress_ended',
    createdAt: seconds(at),
    egressInfo: {
      egressId,
      roomId: 'RM_test',
      roomName: sessionId,
      status,
      ...(file ? { fileResults: [{ filename: file.filename, location: file.location, size: '1024' }] } : {}),
      ...(status === 'EGRESS_COMPLETE' ? {} : { error: 'egress failed in the fake' }),
    },
  };
}
