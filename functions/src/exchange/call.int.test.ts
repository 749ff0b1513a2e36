// Exchange call rooms (issue 15, item 4): presence the platform observed makes a session held.
// Heartbeats are driven through the handler with a chosen server time (the callable stamps
// `new Date()`; here the clock is the test's), LiveKit events through the real, signed webhook.
import { createHash } from 'node:crypto';
import { OBSERVED_HELD_MIN, exchangeRoomName } from '@skillverse/domain/exchange-call';
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import { AccessToken } from 'livekit-server-sdk';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  httpFunctionUrl,
  seedProfile,
  testDb,
  uniqueId,
} from '../../test/emulator';
import { LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET } from '../lib/livekit-config';
import { exchangeCallToken, recordHeartbeat } from './call';

const users: string[] = [];
const exchanges: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  const db = testDb();
  for (const id of exchanges) await db.recursiveDelete(db.doc(`exchanges/${id}`));
  for (const uid of users) await deleteUserData(db, uid);
});

const MIN = 60_000;

async function pair() {
  const a = uniqueId('call-a');
  const b = uniqueId('call-b');
  users.push(a, b);
  await Promise.all([seedProfile(testDb(), a), seedProfile(testDb(), b)]);
  return { a, b };
}

/** An active exchange between a and b with one session starting at `start` (60 minutes). */
async function sessionAt(a: string, b: string, start: Date, data: Record<string, unknown> = {}) {
  const db = testDb();
  const exchangeId = uniqueId('xcall');
  exchanges.push(exchangeId);
  await db.doc(`exchanges/${exchangeId}`).set({
    requesterId: a,
    providerId: b,
    participants: [a, b],
    offeredSkill: 'Python',
    requestedSkill: 'Guitar',
    status: 'active',
    completedBy: [],
    createdAt: new Date(start.getTime() - 86_400_000),
  });
  const sessionId = uniqueId('s');
  await db.doc(`exchanges/${exchangeId}/sessions/${sessionId}`).set({
    scheduledAt: start,
    durationMin: 60,
    status: 'scheduled',
    notes: '',
    createdBy: a,
    createdAt: new Date(start.getTime() - 86_400_000),
    ...data,
  });
  return { exchangeId, sessionId };
}

const sessionDoc = async (x: { exchangeId: string; sessionId: string }) =>
  (await testDb().doc(`exchanges/${x.exchangeId}/sessions/${x.sessionId}`).get()).data() ?? {};

async function beat(uid: string, x: { exchangeId: string; sessionId: string }, now: Date) {
  return recordHeartbeat({ db: testDb(), now }, { uid, token: {} as never }, x);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return String((error as { code?: string }).code);
  }
  return 'no error';
}

describe.skipIf(!emulatorsRunning)('exchange call rooms', () => {
  it('heartbeats of both people for 10+ minutes inside the session make it held (observed)', async () => {
    const { a, b } = await pair();
    const start = new Date(Date.now() - 30 * MIN);
    const x = await sessionAt(a, b, start);
    // Both open the call 2 minutes early and stay 12 minutes past the start, a beat each minute.
    let last = null as Awaited<ReturnType<typeof beat>> | null;
    for (let m = -2; m <= 12; m++) {
      await beat(a, x, new Date(start.getTime() + m * MIN));
      last = await beat(b, x, new Date(start.getTime() + m * MIN + 5_000));
      if (m === 8) expect(last).toMatchObject({ held: false, observedMinutes: 8, partnerPresent: true });
    }
    expect(last).toMatchObject({ held: true, observedMinutes: 12, heldAtMinutes: OBSERVED_HELD_MIN });
    const s = await sessionDoc(x);
    expect(s.status).toBe('held');
    expect(s.observedMinutes).toBe(12);
    expect(s.held).toMatchObject({ evidence: 'observed', observedMinutes: 12, confirmedBy: [] });
    const heldAt = s.held.heldAt.toDate().getTime();
    // Held when the 10th minute together was seen (minute 10 of the session).
    expect(heldAt).toBe(start.getTime() + 10 * MIN + 5_000);
    // A repeat of the last heartbeat changes nothing.
    await beat(b, x, new Date(start.getTime() + 12 * MIN + 5_000));
    expect(await sessionDoc(x)).toEqual(s);
    const presence = await testDb()
      .collection(`exchanges/${x.exchangeId}/sessions/${x.sessionId}/presence`)
      .get();
    expect(presence.docs.map((d) => d.id).sort()).toEqual([a, b].sort());
  });

  it('one person alone, however long, is not held', async () => {
    const { a, b } = await pair();
    const start = new Date(Date.now() - 40 * MIN);
    const x = await sessionAt(a, b, start);
    for (let m = 0; m <= 30; m += 1) await beat(a, x, new Date(start.getTime() + m * MIN));
    const s = await sessionDoc(x);
    expect(s.status).toBe('scheduled');
    expect(s.observedMinutes).toBeUndefined();
    expect(s.held).toBeUndefined();
  });

  it('presence without overlap, or before the start, counts nothing', async () => {
    const { a, b } = await pair();
    const start = new Date(Date.now() - 50 * MIN);
    const x = await sessionAt(a, b, start);
    // Both in the 5 minutes before the start: open, but not counted.
    for (let m = -5; m < 0; m++) {
      await beat(a, x, new Date(start.getTime() + m * MIN));
      await beat(b, x, new Date(start.getTime() + m * MIN));
    }
    // Then one after the other: a for minutes 0–15, b for 20–35.
    for (let m = 0; m <= 15; m++) await beat(a, x, new Date(start.getTime() + m * MIN));
    for (let m = 20; m <= 35; m++) await beat(b, x, new Date(start.getTime() + m * MIN));
    const s = await sessionDoc(x);
    expect(s.status).toBe('scheduled');
    expect(s.observedMinutes ?? 0).toBe(0);
  });

  it('refuses heartbeats outside the window, from outsiders and for cancelled sessions; writes nothing', async () => {
    const { a, b } = await pair();
    const start = new Date(Date.now() + 60 * MIN);
    const x = await sessionAt(a, b, start);
    expect(await refusal(beat(a, x, new Date(start.getTime() - 6 * MIN)))).toBe('failed-precondition');
    expect(await refusal(beat(a, x, new Date(start.getTime() + 60 * MIN)))).toBe('failed-precondition');
    const outsider = uniqueId('call-c');
    users.push(outsider);
    await seedProfile(testDb(), outsider);
    expect(await refusal(beat(outsider, x, new Date(start.getTime() + MIN)))).toBe('permission-denied');
    expect(await refusal(beat(a, { ...x, sessionId: 'missing' }, new Date(start.getTime() + MIN)))).toBe(
      'not-found',
    );
    const cancelled = await sessionAt(a, b, start, { status: 'cancelled' });
    expect(await refusal(beat(a, cancelled, new Date(start.getTime() + MIN)))).toBe('failed-precondition');
    const presence = await testDb()
      .collection(`exchanges/${x.exchangeId}/sessions/${x.sessionId}/presence`)
      .get();
    expect(presence.size).toBe(0);
    expect((await sessionDoc(x)).status).toBe('scheduled');
  });

  it('a call token: only the two people, only while open; without LiveKit, { video: false }', async () => {
    const { a, b } = await pair();
    const x = await sessionAt(a, b, new Date(Date.now() - MIN));
    const deps = (url: string) => ({
      db: testDb(),
      now: new Date(),
      livekit: { url, apiKey: LOCAL_DEV_API_KEY, apiSecret: LOCAL_DEV_API_SECRET },
    });
    const caller = (uid: string) => ({ uid, token: {} as never });
    expect(await exchangeCallToken(deps(''), caller(a), x)).toMatchObject({ video: false });
    const granted = await exchangeCallToken(deps('ws://localhost:7880'), caller(b), x);
    expect(granted).toMatchObject({
      video: true,
      identity: b,
      room: exchangeRoomName(x.exchangeId, x.sessionId),
    });
    if (granted.video) {
      const payload = JSON.parse(Buffer.from(granted.token.split('.')[1] ?? '', 'base64url').toString());
      expect(payload.video).toMatchObject({ room: granted.room, roomJoin: true });
    }
    const outsider = uniqueId('call-c');
    users.push(outsider);
    await seedProfile(testDb(), outsider);
    expect(await refusal(exchangeCallToken(deps('ws://x'), caller(outsider), x))).toBe('permission-denied');
    const later = await sessionAt(a, b, new Date(Date.now() + 60 * MIN));
    expect(await refusal(exchangeCallToken(deps('ws://x'), caller(a), later))).toBe('failed-precondition');
  });

  it('LiveKit joins and leaves for the session’s room (signed webhook) make it held, once per event', async () => {
    const { a, b } = await pair();
    const start = new Date(Date.now() - 20 * MIN);
    const x = await sessionAt(a, b, start);
    const room = exchangeRoomName(x.exchangeId, x.sessionId);
    const at = (m: number) => String(Math.floor((start.getTime() + m * MIN) / 1000));
    const event = (type: string, uid: string, m: number, id = uniqueId('EV')) => ({
      id,
      event: type,
      createdAt: at(m),
      room: { name: room, sid: 'RM_x' },
      participant: { identity: uid, name: 'Anyone', sid: 'PA_x' },
    });
    const joinA = event('participant_joined', a, 1);
    for (const e of [joinA, event('participant_joined', b, 2)]) expect((await post(e)).status).toBe(200);
    // A delivery repeated by LiveKit is handled once.
    expect((await post(joinA)).body).toMatchObject({ ok: true, duplicate: true });
    expect((await sessionDoc(x)).status).toBe('scheduled');
    await post(event('participant_left', a, 14));
    await post(event('participant_left', b, 15));
    const s = await sessionDoc(x);
    expect(s.status).toBe('held');
    expect(s.held).toMatchObject({ evidence: 'observed', observedMinutes: 12 });
    // An outsider's join (a token for someone else's room cannot be had) changes nothing.
    const res = await post(event('participant_joined', 'stranger', 3));
    expect(res.status).toBe(200);
    expect((await sessionDoc(x)).held.observedMinutes).toBe(12);
  });
});

async function post(event: Record<string, unknown>) {
  const body = JSON.stringify(event);
  const token = new AccessToken(LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  const res = await fetch(httpFunctionUrl(HTTP_FUNCTIONS.livekitWebhook), {
    method: 'POST',
    headers: { 'content-type': 'application/webhook+json', authorization: await token.toJwt() },
    body,
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}
