import { createHash } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { AccessToken } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET, webhookKeys } from './livekit-config';
import { handleLiveKitWebhook, liveKitVerifier } from './webhook';

// The Firestore handle is never touched on these paths: a rejected delivery writes nothing.
const untouchable = new Proxy({} as Firestore, {
  get() {
    throw new Error('Firestore must not be used for a rejected or ignored delivery');
  },
});

async function sign(body: string, secret = LOCAL_DEV_API_SECRET) {
  const token = new AccessToken(LOCAL_DEV_API_KEY, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

const verify = liveKitVerifier(LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET);
const deps = { db: untouchable, now: new Date('2026-12-10T18:00:00Z'), verify };
const body = JSON.stringify({
  id: 'EV_1',
  event: 'participant_joined',
  createdAt: '1796925600',
  room: { name: 's1' },
  participant: { identity: 'u1', name: 'Una' },
});

describe('livekit webhook verification', () => {
  it('reads a correctly signed event: id, type, time, room and participant', async () => {
    await expect(verify(body, await sign(body))).resolves.toEqual({
      id: 'EV_1',
      event: 'participant_joined',
      createdAt: new Date(1796925600 * 1000),
      roomName: 's1',
      participant: { identity: 'u1', name: 'Una' },
    });
  });

  it('answers 401 for a missing header, a wrong secret or a tampered body', async () => {
    expect((await handleLiveKitWebhook(deps, { rawBody: body, authorization: undefined })).status).toBe(401);
    const forged = await sign(body, 'wrong-secret');
    expect((await handleLiveKitWebhook(deps, { rawBody: body, authorization: forged })).status).toBe(401);
    const token = await sign(body);
    const tampered = body.replace('u1', 'u2');
    expect((await handleLiveKitWebhook(deps, { rawBody: tampered, authorization: token })).status).toBe(401);
  });

  it('answers 400 for an empty body and 503 when no keys are configured', async () => {
    expect((await handleLiveKitWebhook(deps, { rawBody: '', authorization: 'x' })).status).toBe(400);
    const res = await handleLiveKitWebhook({ ...deps, verify: null }, { rawBody: body, authorization: 'x' });
    expect(res.status).toBe(503);
  });

  it('acknowledges event types it does not handle without writing', async () => {
    const other = JSON.stringify({ id: 'EV_2', event: 'track_published', room: { name: 's1' } });
    const res = await handleLiveKitWebhook(deps, {
      rawBody: Buffer.from(other),
      authorization: await sign(other),
    });
    expect(res).toEqual({ status: 200, body: { ok: true, ignored: 'track_published' } });
  });
});

describe('webhookKeys', () => {
  it('uses configured keys, the dev pair only in the emulator, and nothing otherwise', () => {
    const saved = process.env.FUNCTIONS_EMULATOR;
    try {
      expect(webhookKeys({ url: '', apiKey: 'k', apiSecret: 's' })).toEqual({ apiKey: 'k', apiSecret: 's' });
      process.env.FUNCTIONS_EMULATOR = 'true';
      expect(webhookKeys({ url: '', apiKey: '', apiSecret: '' })).toEqual({
        apiKey: 'devkey',
        apiSecret: 'secret',
      });
      delete process.env.FUNCTIONS_EMULATOR;
      expect(webhookKeys({ url: '', apiKey: '', apiSecret: '' })).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.FUNCTIONS_EMULATOR;
      else process.env.FUNCTIONS_EMULATOR = saved;
    }
  });
});
