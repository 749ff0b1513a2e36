// The live room's permissions (issue 16, item 11): speaking and removal are the host's, decided on
// the server. Attacks, each from fresh accounts with the web SDK: an attendee grants themselves the
// right to speak (a Firestore write, then the callable); an attendee the host removed clears the
// record, or unregisters and registers again, and asks for a join token, writes presence and chat.
// Beside them, the honest attendee still gets into the room (here the token is refused only
// because the emulators have no LiveKit server) and the honest host's promote and removal work.
import {
  getLiveKitToken,
  moderateLiveParticipant,
  registerForLiveSession,
} from '@skillverse/domain/contracts/live';
import { REMOVED_FROM_ROOM_MESSAGE, VIDEO_UNAVAILABLE_MESSAGE } from '@skillverse/domain/live';
import { addDoc, collection, deleteDoc, doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
} from './support';

async function liveSession(hostId: string): Promise<string> {
  const id = uniqueId('abuse-room');
  await testDb()
    .doc(`liveSessions/${id}`)
    .set({
      hostId,
      title: 'Room drill',
      description: '',
      courseId: null,
      scheduledAt: new Date(Date.now() + 60_000),
      durationMin: 60,
      capacity: 20,
      status: 'scheduled',
      registeredCount: 0,
      recordingEnabled: false,
      createdAt: new Date(),
    });
  return id;
}

async function expectDeniedWrite(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({ code: 'permission-denied' });
}

describe.skipIf(!emulatorsRunning)('abuse: live room permissions', () => {
  afterAll(closeAttackers);

  it('an attendee cannot make themselves a speaker, and a removed attendee cannot get back in', async () => {
    const [host, attacker, honest] = await Promise.all([
      newAttacker('room-host'),
      newAttacker('room-attacker'),
      newAttacker('room-honest'),
    ]);
    const sessionId = await liveSession(host.uid);
    for (const a of [attacker, honest]) {
      expect((await a.call(registerForLiveSession, { sessionId, action: 'register' })).ok).toBe(true);
    }
    await testDb().doc(`liveSessions/${sessionId}`).update({ status: 'live', startedAt: new Date() });
    const before = await rewardsOf(attacker.uid);
    const speaker = (uid: string) => testDb().doc(`liveSessions/${sessionId}/speakers/${uid}`);

    // Speaking: not by writing the grant, not by calling the host's callable.
    await expectDeniedWrite(
      setDoc(doc(attacker.db, 'liveSessions', sessionId, 'speakers', attacker.uid), {
        uid: attacker.uid,
        grantedAt: serverTimestamp(),
      }),
    );
    expectRefused(
      await attacker.call(moderateLiveParticipant, { sessionId, uid: attacker.uid, action: 'promote' }),
      'permission-denied',
    );
    expect((await speaker(attacker.uid).get()).exists).toBe(false);
    // The honest host lets the honest attendee speak.
    const promoted = await host.call(moderateLiveParticipant, {
      sessionId,
      uid: honest.uid,
      action: 'promote',
    });
    expect(promoted.ok && promoted.data).toMatchObject({ action: 'promote', inRoom: false });
    expect((await speaker(honest.uid).get()).exists).toBe(true);

    // The host removes the attacker (twice: a double click records one removal).
    for (let i = 0; i < 2; i++) {
      const removed = await host.call(moderateLiveParticipant, {
        sessionId,
        uid: attacker.uid,
        action: 'remove',
      });
      expect(removed.ok).toBe(true);
    }
    const removal = testDb().doc(`liveSessions/${sessionId}/removed/${attacker.uid}`);
    expect((await removal.get()).get('removedBy')).toBe(host.uid);

    // Clearing the record, or writing another, is refused.
    await expectDeniedWrite(deleteDoc(doc(attacker.db, 'liveSessions', sessionId, 'removed', attacker.uid)));
    await expectDeniedWrite(
      setDoc(doc(attacker.db, 'liveSessions', sessionId, 'removed', attacker.uid), { uid: 'someone-else' }),
    );
    // Unregistering and registering again changes nothing.
    expect((await attacker.call(registerForLiveSession, { sessionId, action: 'unregister' })).ok).toBe(true);
    expect((await attacker.call(registerForLiveSession, { sessionId, action: 'register' })).ok).toBe(true);
    const token = await attacker.call(getLiveKitToken, { sessionId });
    expectRefused(token, 'permission-denied');
    expect(token.ok ? '' : token.message).toContain(REMOVED_FROM_ROOM_MESSAGE);
    await expectDeniedWrite(
      addDoc(collection(attacker.db, 'liveSessions', sessionId, 'chat'), {
        senderId: attacker.uid,
        text: 'I am back',
        createdAt: serverTimestamp(),
      }),
    );
    await expectDeniedWrite(
      setDoc(doc(attacker.db, 'liveSessions', sessionId, 'presence', attacker.uid), {
        uid: attacker.uid,
        displayName: String((await testDb().doc(`users/${attacker.uid}`).get()).get('displayName') ?? ''),
        photoURL: null,
        present: true,
        joinedAt: serverTimestamp(),
        lastSeenAt: serverTimestamp(),
      }),
    );
    expect((await removal.get()).exists).toBe(true);
    expectNothingMinted(before, await rewardsOf(attacker.uid), 'self-promotion and rejoining after removal');

    // The honest attendee is still in: chat works, and only the missing LiveKit server stops the token.
    await addDoc(collection(honest.db, 'liveSessions', sessionId, 'chat'), {
      senderId: honest.uid,
      text: 'Still here',
      createdAt: serverTimestamp(),
    });
    const honestToken = await honest.call(getLiveKitToken, { sessionId });
    expectRefused(honestToken, 'failed-precondition');
    expect(honestToken.ok ? '' : honestToken.message).toContain(VIDEO_UNAVAILABLE_MESSAGE);
  }, 240_000);
});
