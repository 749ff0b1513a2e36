// Live sessions on the emulators: registration under concurrency, start/end, tokens, webhooks,
// the scheduled job and the session trigger. Callables are called over HTTP like the web app
// does; where a LiveKit server would be needed (token grants) the handler is called directly.
import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import * as liveContracts from '@skillverse/domain/contracts/live';
import { AccessToken } from 'livekit-server-sdk';
import { createHash } from 'node:crypto';
import { pointEventId } from '@skillverse/domain/gamification';
import { REMOVED_FROM_ROOM_MESSAGE, VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  idTokenFor,
  seedProfile,
  type TestAccount,
  testDb,
  uniqueId,
  waitFor,
  waitForDoc,
  httpFunctionUrl,
} from '../../test/emulator';
import { runLiveSessionJobs } from './jobs';
import { LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET } from './livekit-config';
import { type ModerationRooms, moderateLiveParticipant } from './moderate';
import { registerForLiveSession } from './register';
import { getLiveKitToken } from './token';
import { startFakeRoomService } from '../../test/livekit-room-service';

const APP_URL = 'https://skillverse.test';
const cleanupUsers: string[] = [];
const cleanupSessions: string[] = [];

let host: TestAccount;
let hostToken: string;
let alice: TestAccount;
let aliceToken: string;
let bob: TestAccount;
let bobToken: string;

function db(): Firestore {
  return testDb();
}

async function createSession(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = uniqueId('ls');
  cleanupSessions.push(id);
  await db()
    .doc(`liveSessions/${id}`)
    .set({
      hostId: host.uid,
      title: 'Hooks in practice',
      description: 'Live debugging, with questions',
      courseId: null,
      scheduledAt: new Date(Date.now() + 2 * 3600_000),
      durationMin: 60,
      capacity: 50,
      status: 'scheduled',
      registeredCount: 0,
      recordingEnabled: false,
      createdAt: new Date(),
      ...overrides,
    });
  return id;
}

async function register(sessionId: string, token: string) {
  return callFunction(liveContracts.registerForLiveSession, { sessionId, action: 'register' }, token);
}

interface JwtPayload {
  sub: string;
  name?: string;
  exp: number;
  nbf: number;
  video: Record<string, unknown>;
}

function decodeJwt(token: string): JwtPayload {
  const payload = token.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

/** A LiveKit webhook delivery signed the way LiveKit signs it (sha256 of the body in a JWT). */
async function signedDelivery(event: Record<string, unknown>, secret = LOCAL_DEV_API_SECRET) {
  const body = JSON.stringify(event);
  const at = new AccessToken(LOCAL_DEV_API_KEY, secret);
  at.sha256 = createHash('sha256').update(body).digest('base64');
  return { body, authorization: await at.toJwt() };
}

async function postWebhook(delivery: { body: string; authorization?: string }) {
  const url = httpFunctionUrl(HTTP_FUNCTIONS.livekitWebhook);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/webhook+json',
      ...(delivery.authorization ? { authorization: delivery.authorization } : {}),
    },
    body: delivery.body,
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

const seconds = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

function participantEvent(
  event: 'participant_joined' | 'participant_left',
  sessionId: string,
  uid: string,
  at: string,
  id = uniqueId('EV'),
) {
  return {
    id,
    event,
    createdAt: seconds(at),
    room: { name: sessionId, sid: 'RM_test' },
    participant: { identity: uid, name: `Person ${uid}`, sid: 'PA_test' },
  };
}

describe.skipIf(!emulatorsRunning)('live sessions', () => {
  beforeAll(async () => {
    delete process.env.SENDGRID_API_KEY;
    [host, alice, bob] = await Promise.all([
      createAuthUser({ displayName: 'Hana Host', claims: { educator: true } }),
      createAuthUser({ displayName: 'Alice Attendee' }),
      createAuthUser({ displayName: 'Bob Bystander' }),
    ]);
    cleanupUsers.push(host.uid, alice.uid, bob.uid);
    await Promise.all([host, alice, bob].map((u) => waitForDoc(db().doc(`users/${u.uid}`))));
    [hostToken, aliceToken, bobToken] = await Promise.all([
      idTokenFor(host),
      idTokenFor(alice),
      idTokenFor(bob),
    ]);
  });

  afterAll(async () => {
    if (!emulatorsRunning) return;
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
    for (const uid of cleanupUsers) await deleteUserData(db(), uid);
  });

  describe(liveContracts.registerForLiveSession.name, () => {
    it.each([
      [{ action: 'register' }, 'sessionId'],
      [{ sessionId: 's', action: 'join' }, 'action'],
      [{ sessionId: 'a/b', action: 'register' }, 'sessionId'],
      [{ sessionId: 's', action: 'register', seats: 3 }, 'seats'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await callFunction(liveContracts.registerForLiveSession, data, aliceToken);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('requires sign-in', async () => {
      const sessionId = await createSession();
      const res = await callFunction(liveContracts.registerForLiveSession, { sessionId, action: 'register' });
      expect(res.error?.status).toBe('UNAUTHENTICATED');
      expect((await db().doc(`liveSessions/${sessionId}`).get()).get('registeredCount')).toBe(0);
    });

    it('registers with uid, time and display name, notifies with an .ics invite, and unregisters', async () => {
      const sessionId = await createSession();
      const res = await register(sessionId, aliceToken);
      expect(res.error).toBeUndefined();
      expect(res.result).toEqual({ sessionId, registered: true, registeredCount: 1, capacity: 50 });
      const reg = await db().doc(`liveSessions/${sessionId}/registrations/${alice.uid}`).get();
      expect(reg.data()).toMatchObject({ uid: alice.uid, displayName: 'Alice Attendee' });
      expect(reg.get('registeredAt')).toBeTruthy();

      const item = await db().doc(`notifications/${alice.uid}/items/registered_${sessionId}`).get();
      expect(item.get('type')).toBe('session_scheduled');
      const mail = await db().doc(`mailLog/${alice.uid}_registered_${sessionId}`).get();
      expect(mail.get('attachments')).toEqual(['invite.ics']);

      // Registering twice changes nothing.
      expect((await register(sessionId, aliceToken)).result).toMatchObject({ registeredCount: 1 });

      const off = await callFunction(
        liveContracts.registerForLiveSession,
        { sessionId, action: 'unregister' },
        aliceToken,
      );
      expect(off.result).toMatchObject({ registered: false, registeredCount: 0 });
      expect((await db().doc(`liveSessions/${sessionId}/registrations/${alice.uid}`).get()).exists).toBe(
        false,
      );
      expect((await db().doc(`liveSessions/${sessionId}`).get()).get('registeredCount')).toBe(0);
    });

    it('refuses ended and cancelled sessions, and the host', async () => {
      const ended = await createSession({ status: 'ended' });
      expect((await register(ended, aliceToken)).error?.status).toBe('FAILED_PRECONDITION');
      const own = await createSession();
      expect((await register(own, hostToken)).error?.status).toBe('FAILED_PRECONDITION');
      expect((await register(uniqueId('missing'), aliceToken)).error?.status).toBe('NOT_FOUND');
    });

    it('gives exactly 10 seats to 20 concurrent registrations for a 10-seat session', async () => {
      const sessionId = await createSession({ capacity: 10 });
      const uids = Array.from({ length: 20 }, () => uniqueId('crowd'));
      cleanupUsers.push(...uids);
      await Promise.all(uids.map((uid) => seedProfile(db(), uid)));
      const mailer = new FakeMailer();
      const outcomes = await Promise.allSettled(
        uids.map((uid) =>
          registerForLiveSession({ db: db(), now: new Date(), mailer, appUrl: APP_URL }, uid, {
            sessionId,
            action: 'register',
          }),
        ),
      );
      const ok = outcomes.filter((o) => o.status === 'fulfilled');
      const refused = outcomes.filter((o) => o.status === 'rejected') as PromiseRejectedResult[];
      expect(ok).toHaveLength(10);
      expect(refused.map((r) => (r.reason as { code?: string }).code)).toEqual(
        Array(10).fill('resource-exhausted'),
      );
      const regs = await db().collection(`liveSessions/${sessionId}/registrations`).get();
      expect(regs.size).toBe(10);
      expect((await db().doc(`liveSessions/${sessionId}`).get()).get('registeredCount')).toBe(10);

      // A full session says so over HTTP too.
      const full = await register(sessionId, bobToken);
      expect(full.error?.status).toBe('RESOURCE_EXHAUSTED');
      expect(full.error?.message).toMatch(/full/);
    });
  });

  describe('startLiveSession, getLiveKitToken, endLiveSession', () => {
    it('refuses a token to the unregistered, and before the start to the registered', async () => {
      const sessionId = await createSession();
      await register(sessionId, aliceToken);
      const stranger = await callFunction(liveContracts.getLiveKitToken, { sessionId }, bobToken);
      expect(stranger.error?.status).toBe('PERMISSION_DENIED');
      const early = await callFunction(liveContracts.getLiveKitToken, { sessionId }, aliceToken);
      expect(early.error?.status).toBe('FAILED_PRECONDITION');
      expect(early.error?.message).toMatch(/not started/);
    });

    it('refuses to go live more than 10 minutes before the scheduled start, with a clear message', async () => {
      const sessionId = await createSession();
      const early = await callFunction(liveContracts.startLiveSession, { sessionId }, hostToken);
      expect(early.error?.status).toBe('FAILED_PRECONDITION');
      expect(early.error?.message).toMatch(/^You can go live from 10 minutes before the scheduled start/);
      expect((await db().doc(`liveSessions/${sessionId}`).get()).get('status')).toBe('scheduled');
    });

    it('lets only the host go live; without LiveKit keys the token says video is unavailable', async () => {
      const sessionId = await createSession({ scheduledAt: new Date(Date.now() + 5 * 60_000) });
      await register(sessionId, aliceToken);
      expect(
        (await callFunction(liveContracts.startLiveSession, { sessionId }, aliceToken)).error?.status,
      ).toBe('PERMISSION_DENIED');
      const started = await callFunction(liveContracts.startLiveSession, { sessionId }, hostToken);
      expect(started.error).toBeUndefined();
      expect(started.result).toEqual({ sessionId, status: 'live', videoRoom: false });
      const snap = await db().doc(`liveSessions/${sessionId}`).get();
      expect(snap.get('status')).toBe('live');
      expect(snap.get('startedAt')).toBeTruthy();
      expect(snap.get('attendanceSource')).toBe('presence');
      expect((await db().doc(`notifications/${alice.uid}/items/live_${sessionId}`).get()).exists).toBe(true);

      const token = await callFunction(liveContracts.getLiveKitToken, { sessionId }, aliceToken);
      expect(token.error?.status).toBe('FAILED_PRECONDITION');
      expect(token.error?.message).toBe(VIDEO_UNAVAILABLE_MESSAGE);
      expect((await callFunction(liveContracts.getLiveKitToken, { sessionId }, bobToken)).error?.status).toBe(
        'PERMISSION_DENIED',
      );
    });

    it('grants the host room admin and publish, attendees subscribe and data, speakers publish', async () => {
      const courseId = uniqueId('course');
      const sessionId = await createSession({ status: 'live', courseId });
      await register(sessionId, aliceToken);
      const enrolled = uniqueId('enrolled');
      cleanupUsers.push(enrolled);
      await seedProfile(db(), enrolled, { displayName: 'Erin Enrolled' });
      await db()
        .doc(`enrollments/${courseId}_${enrolled}`)
        .set({ uid: enrolled, courseId, status: 'active' });
      const livekit = {
        url: 'wss://livekit.test',
        apiKey: LOCAL_DEV_API_KEY,
        apiSecret: LOCAL_DEV_API_SECRET,
      };
      const deps = { db: db(), livekit };
      const claims = (c: { uid: string }) => ({ uid: c.uid, token: {} });

      const asHost = await getLiveKitToken(deps, claims(host), { sessionId });
      const hostJwt = decodeJwt(asHost.token);
      expect(asHost).toMatchObject({
        url: 'wss://livekit.test',
        identity: host.uid,
        isHost: true,
        canPublish: true,
      });
      expect(hostJwt.sub).toBe(host.uid);
      expect(hostJwt.name).toBe('Hana Host');
      expect(hostJwt.exp - hostJwt.nbf).toBe(600);
      expect(hostJwt.video).toMatchObject({
        room: sessionId,
        roomJoin: true,
        roomAdmin: true,
        canPublish: true,
      });

      const asAlice = await getLiveKitToken(deps, claims(alice), { sessionId });
      const aliceJwt = decodeJwt(asAlice.token);
      expect(asAlice).toMatchObject({ identity: alice.uid, isHost: false, canPublish: false });
      expect(aliceJwt.video).toMatchObject({
        room: sessionId,
        roomJoin: true,
        canSubscribe: true,
        canPublishData: true,
        canPublish: false,
      });
      expect(aliceJwt.video.roomAdmin).toBeUndefined();

      await db()
        .doc(`liveSessions/${sessionId}/speakers/${alice.uid}`)
        .set({ uid: alice.uid, grantedAt: new Date() });
      const speaker = decodeJwt((await getLiveKitToken(deps, claims(alice), { sessionId })).token);
      expect(speaker.video).toMatchObject({ canPublish: true });
      expect(speaker.video.roomAdmin).toBeUndefined();

      const erin = decodeJwt((await getLiveKitToken(deps, claims({ uid: enrolled }), { sessionId })).token);
      expect(erin).toMatchObject({ sub: enrolled, name: 'Erin Enrolled' });
      await expect(getLiveKitToken(deps, claims(bob), { sessionId })).rejects.toMatchObject({
        code: 'permission-denied',
      });
      await db().doc(`enrollments/${courseId}_${enrolled}`).delete();

      // A host suspended a moment ago (their ID token still valid) gets no room token.
      await db().doc(`users/${host.uid}`).update({ status: 'suspended' });
      try {
        await expect(getLiveKitToken(deps, claims(host), { sessionId })).rejects.toMatchObject({
          code: 'permission-denied',
        });
      } finally {
        await db().doc(`users/${host.uid}`).update({ status: 'active' });
      }
    });

    it('lets only the host mute or remove someone in the video room (a removed speaker loses the grant)', async () => {
      const sessionId = await createSession({ status: 'live' });
      await db()
        .doc(`liveSessions/${sessionId}/speakers/${alice.uid}`)
        .set({ uid: alice.uid, grantedAt: new Date() });
      const calls: string[] = [];
      const rooms: ModerationRooms = {
        getParticipant: async () => ({
          tracks: [
            { sid: 'TR_audio', type: 0 },
            { sid: 'TR_video', type: 1 },
          ],
        }),
        mutePublishedTrack: async (_room, identity, sid) => void calls.push(`mute ${identity} ${sid}`),
        removeParticipant: async (_room, identity) => void calls.push(`remove ${identity}`),
        updateParticipant: async (_room, identity) => void calls.push(`update ${identity}`),
      };
      const livekit = {
        url: 'wss://livekit.test',
        apiKey: LOCAL_DEV_API_KEY,
        apiSecret: LOCAL_DEV_API_SECRET,
      };
      const deps = { db: db(), livekit, rooms };
      const input = { sessionId, uid: alice.uid };
      await expect(
        moderateLiveParticipant(deps, { uid: bob.uid, token: {} }, { ...input, action: 'remove' }),
      ).rejects.toMatchObject({ code: 'permission-denied' });
      expect(calls).toEqual([]);

      await expect(
        moderateLiveParticipant(deps, { uid: host.uid, token: {} }, { ...input, action: 'mute' }),
      ).resolves.toMatchObject({ tracksMuted: 1 });
      await moderateLiveParticipant(deps, { uid: host.uid, token: {} }, { ...input, action: 'remove' });
      expect(calls).toEqual([`mute ${alice.uid} TR_audio`, `remove ${alice.uid}`]);
      expect((await db().doc(`liveSessions/${sessionId}/speakers/${alice.uid}`).get()).exists).toBe(false);

      // Without LiveKit keys the callable says video is unavailable.
      const res = await callFunction(
        liveContracts.moderateLiveParticipant,
        { ...input, action: 'mute' },
        hostToken,
      );
      expect(res.error?.message).toBe(VIDEO_UNAVAILABLE_MESSAGE);
    });

    it('promotes and demotes in place over LiveKit’s RoomService (updateParticipant), repeatably', async () => {
      const fake = await startFakeRoomService();
      try {
        const sessionId = await createSession({ status: 'live' });
        await db().doc(`liveSessions/${sessionId}/registrations/${alice.uid}`).set({ uid: alice.uid });
        const deps = {
          db: db(),
          livekit: { url: fake.url, apiKey: LOCAL_DEV_API_KEY, apiSecret: LOCAL_DEV_API_SECRET },
        };
        const asHost = { uid: host.uid, token: {} };
        const speaker = db().doc(`liveSessions/${sessionId}/speakers/${alice.uid}`);
        fake.connect(sessionId, alice.uid);

        const promoted = await moderateLiveParticipant(deps, asHost, {
          sessionId,
          uid: alice.uid,
          action: 'promote',
        });
        expect(promoted).toMatchObject({ action: 'promote', inRoom: true });
        expect(fake.requests).toHaveLength(1);
        const [update] = fake.requests;
        expect(update?.method).toBe('UpdateParticipant');
        expect(update?.body).toMatchObject({
          room: sessionId,
          identity: alice.uid,
          permission: { canPublish: true, canSubscribe: true, canPublishData: true },
        });
        // Signed with the API secret, as room admin of that room.
        expect(decodeJwt(update?.token ?? '').video).toMatchObject({ room: sessionId, roomAdmin: true });
        expect((await speaker.get()).exists).toBe(true);
        // Their next token (a reconnect, not needed for the change) agrees.
        expect((await getLiveKitToken(deps, { uid: alice.uid, token: {} }, { sessionId })).canPublish).toBe(
          true,
        );

        // A repeat (double click, retry) sends the same permissions again and keeps one grant.
        await moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'promote' });
        expect(fake.requests.map((r) => r.method)).toEqual(['UpdateParticipant', 'UpdateParticipant']);
        expect((await speaker.get()).get('uid')).toBe(alice.uid);

        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'demote' }),
        ).resolves.toMatchObject({ inRoom: true });
        const demote = fake.requests.at(-1)?.body ?? {};
        expect(demote).toMatchObject({
          identity: alice.uid,
          permission: { canSubscribe: true, canPublishData: true },
        });
        // Proto3 JSON leaves false out: LiveKit reads the missing canPublish as false.
        expect((demote.permission as Record<string, unknown>).canPublish ?? false).toBe(false);
        expect((await speaker.get()).exists).toBe(false);

        // Not connected right now: the grant is recorded and applies when they join.
        fake.disconnect(sessionId, alice.uid);
        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'promote' }),
        ).resolves.toMatchObject({ inRoom: false });
        expect((await speaker.get()).exists).toBe(true);

        // Only the host; only people registered for the session.
        await expect(
          moderateLiveParticipant(
            deps,
            { uid: alice.uid, token: {} },
            { sessionId, uid: bob.uid, action: 'promote' },
          ),
        ).rejects.toMatchObject({ code: 'permission-denied' });
        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: bob.uid, action: 'promote' }),
        ).rejects.toMatchObject({ code: 'failed-precondition' });
        expect((await db().doc(`liveSessions/${sessionId}/speakers/${bob.uid}`).get()).exists).toBe(false);
      } finally {
        await fake.close();
      }
    });

    it('keeps a removed attendee out for the rest of the session; removing twice records one removal', async () => {
      const fake = await startFakeRoomService();
      try {
        const sessionId = await createSession({ status: 'live' });
        await db().doc(`liveSessions/${sessionId}/registrations/${alice.uid}`).set({ uid: alice.uid });
        await db()
          .doc(`liveSessions/${sessionId}/speakers/${alice.uid}`)
          .set({ uid: alice.uid, grantedAt: new Date() });
        const deps = {
          db: db(),
          livekit: { url: fake.url, apiKey: LOCAL_DEV_API_KEY, apiSecret: LOCAL_DEV_API_SECRET },
        };
        const asHost = { uid: host.uid, token: {} };
        const asAlice = { uid: alice.uid, token: {} };
        const removal = db().doc(`liveSessions/${sessionId}/removed/${alice.uid}`);
        fake.connect(sessionId, alice.uid);
        expect((await getLiveKitToken(deps, asAlice, { sessionId })).canPublish).toBe(true);

        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'remove' }),
        ).resolves.toMatchObject({ action: 'remove', inRoom: true });
        expect(fake.requests.map((r) => [r.method, r.body.identity])).toEqual([
          ['RemoveParticipant', alice.uid],
        ]);
        const first = await removal.get();
        expect(first.data()).toMatchObject({ uid: alice.uid, removedBy: host.uid });
        expect((await db().doc(`liveSessions/${sessionId}/speakers/${alice.uid}`).get()).exists).toBe(false);

        // Rejoining: no token, with a message that says why.
        await expect(getLiveKitToken(deps, asAlice, { sessionId })).rejects.toMatchObject({
          code: 'permission-denied',
          message: REMOVED_FROM_ROOM_MESSAGE,
        });

        // Removing again (they are gone from the room): fine, and the first record stands.
        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'remove' }),
        ).resolves.toMatchObject({ inRoom: false });
        expect((await removal.get()).get('removedAt').isEqual(first.get('removedAt'))).toBe(true);
        // The host cannot let them speak again either.
        await expect(
          moderateLiveParticipant(deps, asHost, { sessionId, uid: alice.uid, action: 'promote' }),
        ).rejects.toMatchObject({ code: 'failed-precondition' });

        // Over HTTP, as the web app calls it (no LiveKit in the emulators): still refused.
        const res = await callFunction(liveContracts.getLiveKitToken, { sessionId }, aliceToken);
        expect(res.error).toMatchObject({ status: 'PERMISSION_DENIED', message: REMOVED_FROM_ROOM_MESSAGE });
      } finally {
        await fake.close();
      }
    });

    it('ends once: attendance points once for time present, no hosting points without 2 attendees, feedback link sent', async () => {
      const ago = (min: number) => new Date(Date.now() - min * 60_000);
      const sessionId = await createSession({ status: 'live', startedAt: ago(40) });
      await register(sessionId, aliceToken);
      await db()
        .doc(`liveSessions/${sessionId}/attendance/${alice.uid}`)
        .set({
          uid: alice.uid,
          joinedAt: ago(30),
          leftAt: null,
          totalSec: 0,
          sessions: 1,
          openSince: ago(30),
        });
      expect(
        (await callFunction(liveContracts.endLiveSession, { sessionId }, aliceToken)).error?.status,
      ).toBe('PERMISSION_DENIED');
      const ended = await callFunction(liveContracts.endLiveSession, { sessionId }, hostToken);
      expect(ended.error).toBeUndefined();
      expect(ended.result).toMatchObject({
        sessionId,
        status: 'ended',
        attendees: 1,
        qualifiedAttendees: 1,
        hosting: {
          earned: false,
          reason:
            'No hosting points: 1 attendee was present 10 min (needs 2 attendees present 10 min and a session of at least 15 min).',
        },
      });
      expect(
        (await callFunction(liveContracts.endLiveSession, { sessionId }, hostToken)).result,
      ).toMatchObject({
        status: 'ended',
        qualifiedAttendees: 1,
      });

      const snap = await db().doc(`liveSessions/${sessionId}`).get();
      expect(snap.get('status')).toBe('ended');
      expect(snap.get('endedAt')).toBeTruthy();
      expect(snap.get('hosting')).toMatchObject({
        earned: false,
        qualifiedAttendees: 1,
        attendeeMinSec: 600,
      });
      const attendance = await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get();
      expect(attendance.get('openSince')).toBeNull();
      expect(attendance.get('qualified')).toBe(true);
      expect(attendance.get('presentSec')).toBeGreaterThanOrEqual(1800);
      const hostEvent = await db()
        .doc(`users/${host.uid}/pointEvents/${pointEventId.sessionHosted(sessionId)}`)
        .get();
      expect(hostEvent.exists).toBe(false);
      const aliceEvents = await db()
        .collection(`users/${alice.uid}/pointEvents`)
        .where('refPath', '==', `liveSessions/${sessionId}`)
        .get();
      expect(aliceEvents.docs.map((d) => d.id)).toEqual([pointEventId.sessionAttended(sessionId)]);
      expect(aliceEvents.docs[0]?.get('points')).toBe(20);
      const thanks = await db().doc(`notifications/${alice.uid}/items/ended_${sessionId}`).get();
      expect(thanks.get('link')).toBe(`/live-sessions/${sessionId}#feedback`);
      const bobEvents = await db().collection(`users/${bob.uid}/pointEvents`).get();
      expect(bobEvents.docs.map((d) => d.id)).not.toContain(pointEventId.sessionAttended(sessionId));
    });

    it('counts presence clamped to the live window, with the profile name, and only with presence as the source', async () => {
      const ago = (min: number) => new Date(Date.now() - min * 60_000);
      const sessionId = await createSession({ status: 'live', startedAt: ago(12) });
      // A presence document older than the start (written before the rules refused it): counts from the start.
      await db()
        .doc(`liveSessions/${sessionId}/presence/${alice.uid}`)
        .set({
          uid: alice.uid,
          displayName: 'Hana Host',
          photoURL: null,
          present: true,
          joinedAt: ago(120),
          lastSeenAt: ago(0.5),
        });
      const ended = await callFunction(liveContracts.endLiveSession, { sessionId }, hostToken);
      expect(ended.result).toMatchObject({ attendees: 1, qualifiedAttendees: 1 });
      const row = await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get();
      expect(row.get('displayName')).toBe('Alice Attendee');
      expect(row.get('source')).toBe('presence');
      expect(row.get('totalSec')).toBeGreaterThanOrEqual(11 * 60);
      expect(row.get('totalSec')).toBeLessThanOrEqual(12 * 60 + 5);
      expect(row.get('joinedAt').toDate().getTime()).toBeGreaterThanOrEqual(ago(12.2).getTime());

      // With a LiveKit room, presence is not evidence: only webhook attendance counts.
      const videoSession = await createSession({
        status: 'live',
        startedAt: ago(40),
        attendanceSource: 'livekit',
      });
      await db()
        .doc(`liveSessions/${videoSession}/presence/${alice.uid}`)
        .set({
          uid: alice.uid,
          displayName: 'Alice Attendee',
          photoURL: null,
          present: true,
          joinedAt: ago(30),
          lastSeenAt: ago(0.5),
        });
      const videoEnded = await callFunction(
        liveContracts.endLiveSession,
        { sessionId: videoSession },
        hostToken,
      );
      expect(videoEnded.result).toMatchObject({ attendees: 0, qualifiedAttendees: 0 });
      expect((await db().doc(`liveSessions/${videoSession}/attendance/${alice.uid}`).get()).exists).toBe(
        false,
      );
    });

    it('lets the host cancel a scheduled session and tells registered users', async () => {
      const sessionId = await createSession();
      await register(sessionId, aliceToken);
      const res = await callFunction(liveContracts.cancelLiveSession, { sessionId }, hostToken);
      expect(res.result).toEqual({ sessionId, status: 'cancelled' });
      expect((await db().doc(`liveSessions/${sessionId}`).get()).get('status')).toBe('cancelled');
      const mail = await db().doc(`mailLog/${alice.uid}_cancelled_${sessionId}`).get();
      expect(mail.get('attachments')).toEqual(['cancelled.ics']);
    });
  });

  describe(HTTP_FUNCTIONS.livekitWebhook, () => {
    it('rejects a bad signature with 401 and writes nothing', async () => {
      const sessionId = await createSession({ status: 'live' });
      const event = participantEvent('participant_joined', sessionId, alice.uid, '2026-12-10T18:00:00Z');
      const forged = await signedDelivery(event, 'not-the-secret');
      expect((await postWebhook(forged)).status).toBe(401);
      expect((await postWebhook({ body: forged.body })).status).toBe(401);
      const tampered = await signedDelivery(event);
      tampered.body = tampered.body.replace(alice.uid, bob.uid);
      expect((await postWebhook(tampered)).status).toBe(401);
      expect((await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get()).exists).toBe(false);
      expect((await db().doc(`liveSessions/${sessionId}/attendance/${bob.uid}`).get()).exists).toBe(false);
      expect((await db().doc(`liveWebhookEvents/${event.id}`).get()).exists).toBe(false);
    });

    it('counts a repeated event once and merges reconnects into one attendance record', async () => {
      const sessionId = await createSession({ status: 'live' });
      const joined = await signedDelivery(
        participantEvent('participant_joined', sessionId, alice.uid, '2026-12-10T18:00:00Z'),
      );
      expect(await postWebhook(joined)).toMatchObject({ status: 200 });
      expect(await postWebhook(joined)).toMatchObject({ status: 200, body: { duplicate: true } });
      const left = await signedDelivery(
        participantEvent('participant_left', sessionId, alice.uid, '2026-12-10T18:10:00Z'),
      );
      await postWebhook(left);
      await postWebhook(left);
      await postWebhook(
        await signedDelivery(
          participantEvent('participant_joined', sessionId, alice.uid, '2026-12-10T18:20:00Z'),
        ),
      );
      await postWebhook(
        await signedDelivery(
          participantEvent('participant_left', sessionId, alice.uid, '2026-12-10T18:25:00Z'),
        ),
      );
      const attendance = await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get();
      expect(attendance.get('totalSec')).toBe(900);
      expect(attendance.get('sessions')).toBe(2);
      expect(attendance.get('joinedAt').toDate().toISOString()).toBe('2026-12-10T18:00:00.000Z');
      expect(attendance.get('leftAt').toDate().toISOString()).toBe('2026-12-10T18:25:00.000Z');
    });

    it('ends the session on room_finished, once', async () => {
      const sessionId = await createSession({ status: 'live', startedAt: new Date('2026-12-10T17:55:00Z') });
      await postWebhook(
        await signedDelivery(
          participantEvent('participant_joined', sessionId, alice.uid, '2026-12-10T18:00:00Z'),
        ),
      );
      const finished = await signedDelivery({
        id: uniqueId('EV'),
        event: 'room_finished',
        createdAt: seconds('2026-12-10T18:30:00Z'),
        room: { name: sessionId },
      });
      expect((await postWebhook(finished)).status).toBe(200);
      expect((await postWebhook(finished)).body).toMatchObject({ duplicate: true });
      const snap = await db().doc(`liveSessions/${sessionId}`).get();
      expect(snap.get('status')).toBe('ended');
      expect(snap.get('endedBy')).toBe('room_finished');
      const attendance = await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get();
      expect(attendance.get('totalSec')).toBe(1800);
      await waitFor(
        async () =>
          (
            await db()
              .doc(`users/${alice.uid}/pointEvents/${pointEventId.sessionAttended(sessionId)}`)
              .get()
          ).exists,
        { what: 'attendance points' },
      );
    });
  });

  describe('livekitWebhook: the live window', () => {
    it('clamps a join before the start to the start, takes the profile name, and ignores a session not live', async () => {
      const sessionId = await createSession({
        status: 'live',
        startedAt: new Date('2026-12-10T18:00:00Z'),
        attendanceSource: 'livekit',
      });
      await postWebhook(
        await signedDelivery(
          participantEvent('participant_joined', sessionId, alice.uid, '2026-12-10T17:00:00Z'),
        ),
      );
      await postWebhook(
        await signedDelivery(
          participantEvent('participant_left', sessionId, alice.uid, '2026-12-10T18:05:00Z'),
        ),
      );
      const row = await db().doc(`liveSessions/${sessionId}/attendance/${alice.uid}`).get();
      expect(row.get('joinedAt').toDate().toISOString()).toBe('2026-12-10T18:00:00.000Z');
      expect(row.get('totalSec')).toBe(300);
      expect(row.get('displayName')).toBe('Alice Attendee');

      const notLive = await createSession();
      const res = await postWebhook(
        await signedDelivery(
          participantEvent('participant_joined', notLive, alice.uid, '2026-12-10T17:00:00Z'),
        ),
      );
      expect(res.body).toMatchObject({ ignored: 'session scheduled' });
      expect((await db().doc(`liveSessions/${notLive}/attendance/${alice.uid}`).get()).exists).toBe(false);
    });
  });

  describe('runLiveSessionJobs', () => {
    it('sends each reminder once per user even when the job runs twice, and expires unstarted sessions', async () => {
      const start = new Date(Date.now() + 20 * 3600_000);
      const sessionId = await createSession({ scheduledAt: start, durationMin: 30, title: 'Reminder drill' });
      await register(sessionId, aliceToken);
      const mailer = new FakeMailer();
      const deps = { mailer, appUrl: APP_URL, pageSize: 2 };
      const items = async () =>
        (await db().collection(`notifications/${alice.uid}/items`).get()).docs
          .map((d) => d.id)
          .filter((id) => id.startsWith('reminder') && id.endsWith(sessionId));

      await runLiveSessionJobs(db(), new Date(), deps);
      await runLiveSessionJobs(db(), new Date(), deps);
      expect(await items()).toEqual([`reminder24h_${sessionId}`]);

      const soon = new Date(start.getTime() - 10 * 60_000);
      await runLiveSessionJobs(db(), soon, deps);
      await runLiveSessionJobs(db(), soon, deps);
      expect((await items()).sort()).toEqual([`reminder15m_${sessionId}`, `reminder24h_${sessionId}`]);
      expect(mailer.sent.filter((m) => m.subject.includes('Reminder drill'))).toHaveLength(2);

      const after = new Date(start.getTime() + 50 * 60_000);
      await runLiveSessionJobs(db(), after, deps);
      const snap = await db().doc(`liveSessions/${sessionId}`).get();
      expect(snap.get('status')).toBe('cancelled');
      expect(snap.get('cancelReason')).toBe('not_started');
    });
  });

  describe('onLiveSessionWritten', () => {
    it('denormalises the host name and sends registered users a new invite when the time changes', async () => {
      const sessionId = await createSession();
      await waitForDoc(db().doc(`liveSessions/${sessionId}`), (s) => s.get('hostName') === 'Hana Host');
      await register(sessionId, aliceToken);
      const moved = new Date(Date.now() + 30 * 3600_000);
      await db().doc(`liveSessions/${sessionId}`).update({ scheduledAt: moved });
      const id = `rescheduled_${sessionId}_${moved.getTime()}_60`;
      const item = await waitForDoc(db().doc(`notifications/${alice.uid}/items/${id}`));
      expect(item.get('title')).toBe('New time: Hooks in practice');
      const mail = await waitForDoc(db().doc(`mailLog/${alice.uid}_${id}`));
      expect(mail.get('attachments')).toEqual(['invite.ics']);
    });
  });
});
