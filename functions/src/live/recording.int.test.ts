// Session recordings on the emulators (issue 16, item 1): the host's recording link over HTTP
// (allowed, denied, bad input, repeats, the late announcement), cloud recording against a fake
// LiveKit server at the HTTP boundary (the real EgressClient's Twirp calls), and egress_ended
// through the real livekitWebhook (fills the link once; a repeat delivery changes nothing).
import * as liveContracts from '@skillverse/domain/contracts/live';
import {
  CLOUD_RECORDING_NEEDS_BUCKET,
  CLOUD_RECORDING_NEEDS_LIVEKIT,
} from '@skillverse/domain/live-recording';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  idTokenFor,
  type TestAccount,
  testDb,
  uniqueId,
  waitForDoc,
} from '../../test/emulator';
import { egressEnded, postLiveKitDelivery, signedLiveKitDelivery } from '../../test/livekit-events';
import { type FakeLiveKit, startFakeLiveKit } from '../../test/livekit-fake';
import { LOCAL_DEV_API_KEY, LOCAL_DEV_API_SECRET } from './livekit-config';
import { startSessionRecording, stopSessionRecording } from './recording';

const cleanupUsers: string[] = [];
const cleanupSessions: string[] = [];
let host: TestAccount;
let hostToken: string;
let alice: TestAccount;
let aliceToken: string;
let bob: TestAccount;
let admin: TestAccount;
let adminToken: string;

const db = (): Firestore => testDb();
const ago = (min: number) => new Date(Date.now() - min * 60_000);

async function createSession(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = uniqueId('ls');
  cleanupSessions.push(id);
  await db()
    .doc(`liveSessions/${id}`)
    .set({
      hostId: host.uid,
      hostName: 'Rita Recorder',
      title: 'Recorded hooks',
      description: '',
      courseId: null,
      scheduledAt: ago(90),
      durationMin: 60,
      capacity: 50,
      status: 'ended',
      registeredCount: 1,
      recordingEnabled: true,
      startedAt: ago(90),
      endedAt: ago(30),
      createdAt: ago(60 * 24),
      ...overrides,
    });
  return id;
}

/** alice registered (a no-show), bob attended. */
async function withPeople(sessionId: string) {
  await db()
    .doc(`liveSessions/${sessionId}/registrations/${alice.uid}`)
    .set({ uid: alice.uid, registeredAt: ago(200) });
  await db()
    .doc(`liveSessions/${sessionId}/attendance/${bob.uid}`)
    .set({ uid: bob.uid, joinedAt: ago(80), leftAt: ago(40), totalSec: 2400, source: 'presence' });
}

const recordingDoc = (sessionId: string) => db().doc(`liveSessions/${sessionId}/private/recording`);
const notice = (uid: string, sessionId: string) =>
  db().doc(`notifications/${uid}/items/recording_${sessionId}`);

describe.skipIf(!emulatorsRunning)('session recordings', () => {
  beforeAll(async () => {
    delete process.env.SENDGRID_API_KEY;
    [host, alice, bob, admin] = await Promise.all([
      createAuthUser({ displayName: 'Rita Recorder', claims: { educator: true } }),
      createAuthUser({ displayName: 'Alice Absent' }),
      createAuthUser({ displayName: 'Bob Present' }),
      createAuthUser({ displayName: 'Ada Admin', claims: { admin: true } }),
    ]);
    cleanupUsers.push(host.uid, alice.uid, bob.uid, admin.uid);
    await Promise.all([host, alice, bob, admin].map((u) => waitForDoc(db().doc(`users/${u.uid}`))));
    [hostToken, aliceToken, adminToken] = await Promise.all([
      idTokenFor(host),
      idTokenFor(alice),
      idTokenFor(admin),
    ]);
    // Four accounts through onUserCreated: cold triggers on a busy machine outlast the default hook timeout.
  }, 180_000);

  afterAll(async () => {
    if (!emulatorsRunning) return;
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
    for (const uid of cleanupUsers) await deleteUserData(db(), uid);
  });

  describe(liveContracts.setSessionRecordingLink.name, () => {
    it.each([
      [{ url: 'https://v.example.com/r.mp4' }, 'sessionId'],
      [{ sessionId: 's', url: 'http://v.example.com/r.mp4' }, 'https://'],
      [{ sessionId: 's', url: 'javascript:alert(1)' }, 'https://'],
      [{ sessionId: 's', url: 42 }, 'https://'],
      [{ sessionId: 's' }, 'url'],
      [{ sessionId: 's', url: 'https://v.example.com/r.mp4', source: 'egress' }, 'source'],
    ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, field) => {
      const res = await callFunction(liveContracts.setSessionRecordingLink, data, hostToken);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('lets only the host (or an admin) set it, only once the session ended; repeats change nothing', async () => {
      const sessionId = await createSession();
      await withPeople(sessionId);
      const url = 'https://videos.example.com/hooks.mp4';

      const byAlice = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId, url },
        aliceToken,
      );
      expect(byAlice.error?.status).toBe('PERMISSION_DENIED');
      expect((await recordingDoc(sessionId).get()).exists).toBe(false);

      const live = await createSession({ status: 'live', endedAt: null });
      const early = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId: live, url },
        hostToken,
      );
      expect(early.error?.status).toBe('FAILED_PRECONDITION');
      expect(early.error?.message).toBe('You can add a recording link once the session has ended.');
      expect((await recordingDoc(live).get()).exists).toBe(false);

      const set = await callFunction(liveContracts.setSessionRecordingLink, { sessionId, url }, hostToken);
      expect(set.error).toBeUndefined();
      // The follow-up has not gone out: it will carry the link, so nobody is told now.
      expect(set.result).toEqual({ sessionId, url, changed: true, announced: 0 });
      expect((await recordingDoc(sessionId).get()).data()).toMatchObject({
        url,
        source: 'host',
        updatedBy: host.uid,
      });
      const again = await callFunction(liveContracts.setSessionRecordingLink, { sessionId, url }, hostToken);
      expect(again.result).toMatchObject({ changed: false, announced: 0 });

      const byAdmin = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId, url: 'https://videos.example.com/fixed.mp4' },
        adminToken,
      );
      expect(byAdmin.result).toMatchObject({ changed: true });

      const removed = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId, url: null },
        hostToken,
      );
      expect(removed.result).toMatchObject({ url: null, changed: true });
      expect((await recordingDoc(sessionId).get()).get('url')).toBeNull();
      expect((await notice(alice.uid, sessionId).get()).exists).toBe(false);
    });

    it('tells registrants and attendees once when the link comes after the follow-up went out', async () => {
      const sessionId = await createSession({ followUpsSentAt: ago(5) });
      await withPeople(sessionId);
      const first = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId, url: 'https://videos.example.com/late.mp4' },
        hostToken,
      );
      expect(first.result).toMatchObject({ changed: true, announced: 2 });
      const item = await notice(alice.uid, sessionId).get();
      expect(item.data()).toMatchObject({
        title: 'Recording of Recorded hooks',
        link: `/live-sessions/${sessionId}#recording`,
      });
      expect((await notice(bob.uid, sessionId).get()).exists).toBe(true);
      expect((await notice(host.uid, sessionId).get()).exists).toBe(false);
      const createdAt = item.get('createdAt');

      // Changing the link later does not tell them again.
      const changed = await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId, url: 'https://videos.example.com/late-v2.mp4' },
        hostToken,
      );
      expect(changed.result).toMatchObject({ changed: true, announced: 0 });
      expect((await notice(alice.uid, sessionId).get()).get('createdAt')).toEqual(createdAt);
    });
  });

  describe('cloud recording (LiveKit Egress against a fake server)', () => {
    let fake: FakeLiveKit;
    beforeAll(async () => {
      fake = await startFakeLiveKit();
    });
    afterAll(async () => {
      await fake?.close();
    });
    const deps = (bucket = 'sv-recordings') => ({
      db: db(),
      now: new Date(),
      livekit: { url: fake.url, apiKey: LOCAL_DEV_API_KEY, apiSecret: LOCAL_DEV_API_SECRET },
      recordings: { bucket, credentials: '' },
    });
    const caller = (u: TestAccount) => ({ uid: u.uid, token: {} });
    const liveSession = () =>
      createSession({ status: 'live', endedAt: null, startedAt: ago(10), attendanceSource: 'livekit' });

    it('starts one room composite egress to the bucket and stops it; repeats call LiveKit once', async () => {
      const sessionId = await liveSession();
      const before = fake.calls.length;
      await expect(startSessionRecording(deps(), caller(bob), { sessionId })).rejects.toMatchObject({
        code: 'permission-denied',
      });
      expect(fake.calls.length).toBe(before);

      const started = await startSessionRecording(deps(), caller(host), { sessionId });
      expect(started).toMatchObject({ sessionId, state: 'starting' });
      const call = fake.calls[before];
      expect(call?.method).toBe('StartRoomCompositeEgress');
      expect(call?.apiKey).toBe(LOCAL_DEV_API_KEY);
      expect(call?.grants).toMatchObject({ roomRecord: true });
      expect(call?.body).toMatchObject({
        roomName: sessionId,
        layout: 'grid',
        file: { gcp: { bucket: 'sv-recordings' } },
      });
      expect(String((call?.body.file as { filepath?: string } | undefined)?.filepath)).toMatch(
        new RegExp(`^live-sessions/${sessionId}/.+\\.mp4$`),
      );
      expect((await recordingDoc(sessionId).get()).get('egress')).toMatchObject({
        id: started.egressId,
        state: 'starting',
        startedBy: host.uid,
      });

      // A second click (or tab) finds the running egress.
      await expect(startSessionRecording(deps(), caller(host), { sessionId })).resolves.toMatchObject({
        egressId: started.egressId,
      });
      expect(fake.calls.length).toBe(before + 1);

      const stopped = await stopSessionRecording(deps(), caller(host), { sessionId });
      expect(stopped).toEqual({ sessionId, egressId: started.egressId, state: 'stopping' });
      expect(fake.calls[before + 1]).toMatchObject({
        method: 'StopEgress',
        body: { egressId: started.egressId },
      });
      await expect(stopSessionRecording(deps(), caller(host), { sessionId })).resolves.toMatchObject({
        state: 'stopping',
      });
      expect(fake.calls.length).toBe(before + 2);
    });

    it('refuses with a reason: recording off, not live, no bucket, no LiveKit; a failed start can be retried', async () => {
      const off = await createSession({
        status: 'live',
        endedAt: null,
        attendanceSource: 'livekit',
        recordingEnabled: false,
      });
      await expect(startSessionRecording(deps(), caller(host), { sessionId: off })).rejects.toMatchObject({
        code: 'failed-precondition',
        message: expect.stringContaining('Recording is off'),
      });
      const ended = await createSession({ attendanceSource: 'livekit' });
      await expect(startSessionRecording(deps(), caller(host), { sessionId: ended })).rejects.toMatchObject({
        code: 'failed-precondition',
      });
      const sessionId = await liveSession();
      await expect(startSessionRecording(deps(''), caller(host), { sessionId })).rejects.toMatchObject({
        message: CLOUD_RECORDING_NEEDS_BUCKET,
      });
      // The emulator has no LiveKit keys: the callable over HTTP says so.
      const res = await callFunction(liveContracts.startSessionRecording, { sessionId }, hostToken);
      expect(res.error?.message).toBe(CLOUD_RECORDING_NEEDS_LIVEKIT);
      expect((await recordingDoc(sessionId).get()).exists).toBe(false);

      fake.failNext(500);
      await expect(startSessionRecording(deps(), caller(host), { sessionId })).rejects.toMatchObject({
        code: 'unavailable',
      });
      expect((await recordingDoc(sessionId).get()).get('egress.state')).toBe('failed');
      await expect(startSessionRecording(deps(), caller(host), { sessionId })).resolves.toMatchObject({
        state: 'starting',
      });
    });

    it('egress_ended fills the link once; a repeat delivery changes nothing; a host link is kept', async () => {
      const sessionId = await liveSession();
      await withPeople(sessionId);
      const { egressId } = await startSessionRecording(deps(), caller(host), { sessionId });
      // The session ends and its follow-up goes out before the file is ready.
      await db()
        .doc(`liveSessions/${sessionId}`)
        .update({ status: 'ended', endedAt: new Date(), followUpsSentAt: new Date() });
      const location = `https://storage.googleapis.com/sv-recordings/live-sessions/${sessionId}/a.mp4`;
      const event = egressEnded(sessionId, egressId, new Date(), {
        filename: `live-sessions/${sessionId}/a.mp4`,
        location,
      });
      const delivery = await signedLiveKitDelivery(event);
      const first = await postLiveKitDelivery(delivery);
      expect(first).toMatchObject({ status: 200, body: { ok: true, linked: true, state: 'complete' } });
      const after = (await recordingDoc(sessionId).get()).data();
      expect(after).toMatchObject({
        url: location,
        source: 'egress',
        egress: { id: egressId, state: 'complete' },
      });
      expect((await notice(alice.uid, sessionId).get()).exists).toBe(true);
      expect((await notice(bob.uid, sessionId).get()).exists).toBe(true);

      const repeat = await postLiveKitDelivery(delivery);
      expect(repeat).toMatchObject({ status: 200, body: { ok: true, duplicate: true } });
      expect((await recordingDoc(sessionId).get()).data()).toEqual(after);

      // A host's own link wins over a later egress.
      const other = await createSession({ attendanceSource: 'livekit' });
      await callFunction(
        liveContracts.setSessionRecordingLink,
        { sessionId: other, url: 'https://videos.example.com/edited.mp4' },
        hostToken,
      );
      const late = await postLiveKitDelivery(
        await signedLiveKitDelivery(
          egressEnded(other, 'EG_other', new Date(), {
            filename: 'x.mp4',
            location: 'https://cdn.example.com/x.mp4',
          }),
        ),
      );
      expect(late.body).toMatchObject({ linked: false });
      expect((await recordingDoc(other).get()).get('url')).toBe('https://videos.example.com/edited.mp4');

      // A failed egress records why, and links nothing.
      const failed = await liveSession();
      const started = await startSessionRecording(deps(), caller(host), { sessionId: failed });
      await postLiveKitDelivery(
        await signedLiveKitDelivery(egressEnded(failed, started.egressId, new Date(), null, 'EGRESS_FAILED')),
      );
      expect((await recordingDoc(failed).get()).data()).toMatchObject({
        egress: { state: 'failed', error: 'egress failed in the fake' },
      });
      expect((await recordingDoc(failed).get()).get('url')).toBeUndefined();
    });
  });
});
