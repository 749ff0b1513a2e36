// The room at scale (issue 17 §2): who's here and poll results are folded by the server into
// roster/current and the poll's counts. Attacks from two fresh accounts with the web SDK: list
// themselves in the roster (as host, or as a crowd), write a poll's tally, vote twice (a second
// vote, a changed vote), read everyone's presence, and stamp their own presence expiry. Beside them,
// the honest attendee appears in the roster as an attendee and their one vote is counted exactly.
import { registerForLiveSession } from '@skillverse/domain/contracts/live';
import { doc, getDoc, getDocs, collection, serverTimestamp, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
  waitFor,
} from './support';

async function expectDeniedWrite(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({ code: 'permission-denied' });
}

describe.skipIf(!emulatorsRunning)('abuse: the folded roster and poll tallies', () => {
  afterAll(closeAttackers);

  it('nobody forges who is here or a poll result; the honest attendee is listed and counted once', async () => {
    const [host, attacker, sidekick, honest] = await Promise.all([
      newAttacker('scale-host'),
      newAttacker('scale-attacker'),
      newAttacker('scale-sidekick'),
      newAttacker('scale-honest'),
    ]);
    const sessionId = uniqueId('abuse-scale');
    await testDb()
      .doc(`liveSessions/${sessionId}`)
      .set({
        hostId: host.uid,
        title: 'Scale drill',
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
    for (const a of [attacker, sidekick, honest]) {
      expect((await a.call(registerForLiveSession, { sessionId, action: 'register' })).ok).toBe(true);
    }
    await testDb().doc(`liveSessions/${sessionId}`).update({ status: 'live', startedAt: new Date() });
    await testDb()
      .doc(`liveSessions/${sessionId}/polls/p1`)
      .set({ question: 'Next?', options: ['A', 'B'], open: true, createdAt: new Date() });
    const before = await Promise.all([attacker, sidekick].map((a) => rewardsOf(a.uid)));
    const nameOf = async (uid: string) =>
      String((await testDb().doc(`users/${uid}`).get()).get('displayName') ?? '');
    const photoOf = async (uid: string) =>
      ((await testDb().doc(`users/${uid}`).get()).get('photoURL') as string | undefined) ?? null;

    // The honest attendee enters the room the way the web page does.
    await setDoc(doc(honest.db, 'liveSessions', sessionId, 'presence', honest.uid), {
      uid: honest.uid,
      displayName: await nameOf(honest.uid),
      photoURL: await photoOf(honest.uid),
      present: true,
      joinedAt: serverTimestamp(),
      lastSeenAt: serverTimestamp(),
    });

    // The roster: not written as host, nor inflated, nor cleared.
    const rosterRef = doc(attacker.db, 'liveSessions', sessionId, 'roster', 'current');
    await expectDeniedWrite(
      setDoc(rosterRef, {
        people: [{ uid: attacker.uid, displayName: 'Host', photoURL: null, role: 'host' }],
        count: 500,
      }),
    );
    await expectDeniedWrite(
      setDoc(doc(attacker.db, 'liveSessions', sessionId, 'folds', 'roster'), { runAt: serverTimestamp() }),
    );
    // Everyone's presence is not for reading (nor harvesting); your own expiry is the server's.
    await expect(
      getDocs(collection(attacker.db, 'liveSessions', sessionId, 'presence')),
    ).rejects.toMatchObject({
      code: 'permission-denied',
    });
    await expect(
      getDoc(doc(attacker.db, 'liveSessions', sessionId, 'presence', honest.uid)),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    await expectDeniedWrite(
      setDoc(doc(attacker.db, 'liveSessions', sessionId, 'presence', attacker.uid), {
        uid: attacker.uid,
        displayName: await nameOf(attacker.uid),
        photoURL: null,
        present: true,
        joinedAt: serverTimestamp(),
        lastSeenAt: serverTimestamp(),
        expireAt: new Date(Date.now() + 60_000),
      }),
    );

    // The poll: the tally is the server's; one vote each, final.
    const poll = (a: typeof attacker) => doc(a.db, 'liveSessions', sessionId, 'polls', 'p1');
    const vote = (a: typeof attacker, optionIndex: number) =>
      setDoc(doc(a.db, 'liveSessions', sessionId, 'polls', 'p1', 'votes', a.uid), {
        uid: a.uid,
        optionIndex,
        createdAt: serverTimestamp(),
      });
    await expectDeniedWrite(updateDoc(poll(attacker), { counts: { '0': 50 }, totalVotes: 50 }));
    await vote(attacker, 0);
    await vote(sidekick, 0);
    await vote(honest, 1);
    await expectDeniedWrite(vote(attacker, 0)); // a second vote is an update: refused
    await expectDeniedWrite(
      updateDoc(doc(sidekick.db, 'liveSessions', sessionId, 'polls', 'p1', 'votes', sidekick.uid), {
        optionIndex: 1,
      }),
    );
    await expectDeniedWrite(
      setDoc(doc(sidekick.db, 'liveSessions', sessionId, 'polls', 'p1', 'votes', attacker.uid), {
        uid: attacker.uid,
        optionIndex: 0,
        createdAt: serverTimestamp(),
      }),
    );

    // The server's fold: exactly one vote per account, and the honest attendee listed as attendee.
    const tally = await waitFor(
      async () => {
        const snap = await testDb().doc(`liveSessions/${sessionId}/polls/p1`).get();
        return snap.get('totalVotes') === 3 ? snap : undefined;
      },
      { what: 'the poll tally' },
    );
    expect(tally.get('counts')).toEqual({ '0': 2, '1': 1 });
    const roster = await waitFor(
      async () => {
        const snap = await testDb().doc(`liveSessions/${sessionId}/roster/current`).get();
        return snap.exists ? snap : undefined;
      },
      { what: 'the roster' },
    );
    expect(roster.get('people')).toEqual([
      {
        uid: honest.uid,
        displayName: await nameOf(honest.uid),
        photoURL: await photoOf(honest.uid),
        role: 'attendee',
      },
    ]);
    expect(roster.get('count')).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await testDb().doc(`liveSessions/${sessionId}/polls/p1`).get()).get('totalVotes')).toBe(3);

    for (const [i, a] of [attacker, sidekick].entries()) {
      expectNothingMinted(before[i] as never, await rewardsOf(a.uid), 'forged roster and poll tally');
    }
  });
});
