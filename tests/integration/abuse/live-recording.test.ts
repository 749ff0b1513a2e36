// Session recordings (issue 16, item 1). A recording link earns nothing, but it reaches people's
// inboxes and opens from the session page, so who sets it and who reads it matters. Attacks, from
// fresh accounts with the web SDK: another educator puts a (phishing) link on someone else's
// session; anyone writes the link straight into Firestore, or onto the public session document; a
// stranger reads the link of a session they were not part of; the host flips the link back and
// forth to spam attendees; a forged egress_ended webhook. Beside them, the honest host's link
// reaches the registered learner once and mints nothing.
import { setSessionRecordingLink, startSessionRecording } from '@skillverse/domain/contracts/live';
import { doc, getDoc, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  egressEnded,
  postLiveKitDelivery,
  signedLiveKitDelivery,
} from '../../../functions/test/livekit-events';
import {
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  grantRoles,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
} from './support';

const MIN = 60_000;
const sessions: string[] = [];

/** An ended session of `hostId`, its follow-up already sent, with `registered` registered. */
async function endedSession(hostId: string, registered: string[]): Promise<string> {
  const id = uniqueId('abuse-rec');
  sessions.push(id);
  const ref = testDb().doc(`liveSessions/${id}`);
  await ref.set({
    hostId,
    title: 'Recorded drill',
    description: '',
    courseId: null,
    scheduledAt: new Date(Date.now() - 120 * MIN),
    durationMin: 60,
    capacity: 20,
    status: 'ended',
    registeredCount: registered.length,
    recordingEnabled: true,
    startedAt: new Date(Date.now() - 120 * MIN),
    endedAt: new Date(Date.now() - 60 * MIN),
    followUpsSentAt: new Date(Date.now() - 40 * MIN),
    createdAt: new Date(Date.now() - 24 * 60 * MIN),
  });
  for (const uid of registered) {
    await ref
      .collection('registrations')
      .doc(uid)
      .set({ uid, registeredAt: new Date(Date.now() - 200 * MIN) });
  }
  return id;
}

const recordingPath = (id: string) => `liveSessions/${id}/private/recording`;
const noticesFor = async (uid: string, id: string) =>
  (await testDb().collection(`notifications/${uid}/items`).get()).docs.filter(
    (d) => d.id === `recording_${id}`,
  );

describe.skipIf(!emulatorsRunning)('abuse: session recordings', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of sessions) await testDb().recursiveDelete(testDb().doc(`liveSessions/${id}`));
  });

  it('another educator cannot put a link on someone else’s session, nor anyone write it directly', async () => {
    const [host, mallory, learner] = await Promise.all([
      newAttacker('rec-host'),
      newAttacker('rec-mallory'),
      newAttacker('rec-learner'),
    ]);
    await Promise.all([grantRoles(host, { educator: true }), grantRoles(mallory, { educator: true })]);
    const id = await endedSession(host.uid, [learner.uid, mallory.uid]);
    const before = await Promise.all([host, mallory, learner].map((a) => rewardsOf(a.uid)));

    expectRefused(
      await mallory.call(setSessionRecordingLink, { sessionId: id, url: 'https://phish.example.com/login' }),
      'permission-denied',
    );
    await expect(
      setDoc(doc(mallory.db, recordingPath(id)), { url: 'https://phish.example.com/login', source: 'host' }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    // Even the host cannot skip the callable (and its checks) by writing the document.
    await expect(
      setDoc(doc(host.db, recordingPath(id)), { url: 'https://videos.example.com/x.mp4', source: 'egress' }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    // The public session document carries no link: nobody can add one there.
    await expect(
      updateDoc(doc(host.db, 'liveSessions', id), { recordingUrl: 'https://phish.example.com/login' }),
    ).rejects.toMatchObject({ code: 'permission-denied' });
    // Recording controls without LiveKit (the emulator has none) say so and start nothing.
    expectRefused(await host.call(startSessionRecording, { sessionId: id }), 'failed-precondition');

    expect((await testDb().doc(recordingPath(id)).get()).exists).toBe(false);
    expect(await noticesFor(learner.uid, id)).toHaveLength(0);
    const after = await Promise.all([host, mallory, learner].map((a) => rewardsOf(a.uid)));
    for (const [i, b] of before.entries())
      expectNothingMinted(b, after[i] as typeof b, 'a recording link attempt');
  });

  it('a stranger cannot read the link; flipping it back and forth notifies each person once; a forged webhook writes nothing', async () => {
    const [host, learner, stranger] = await Promise.all([
      newAttacker('rec-host2'),
      newAttacker('rec-learner2'),
      newAttacker('rec-stranger'),
    ]);
    await grantRoles(host, { educator: true });
    const id = await endedSession(host.uid, [learner.uid]);
    const before = await Promise.all([host, learner, stranger].map((a) => rewardsOf(a.uid)));

    // The honest path: the host shares the recording after the follow-up went out.
    const url = 'https://videos.example.com/drill.mp4';
    const shared = await host.call(setSessionRecordingLink, { sessionId: id, url });
    expect(shared).toMatchObject({ ok: true, data: { changed: true, announced: 1 } });
    const read = await getDoc(doc(learner.db, recordingPath(id)));
    expect(read.get('url')).toBe(url);
    await expect(getDoc(doc(stranger.db, recordingPath(id)))).rejects.toMatchObject({
      code: 'permission-denied',
    });

    // Spamming: remove, re-add, change — still one notification for the learner.
    await host.call(setSessionRecordingLink, { sessionId: id, url: null });
    await host.call(setSessionRecordingLink, { sessionId: id, url: 'https://videos.example.com/other.mp4' });
    await host.call(setSessionRecordingLink, { sessionId: id, url });
    expect(await noticesFor(learner.uid, id)).toHaveLength(1);

    // A forged egress_ended (signed with the wrong secret) cannot swap the link.
    const forged = await signedLiveKitDelivery(
      egressEnded(id, 'EG_forged', new Date(), {
        filename: 'x.mp4',
        location: 'https://phish.example.com/x',
      }),
      'not-the-secret',
    );
    expect((await postLiveKitDelivery(forged)).status).toBe(401);
    expect((await testDb().doc(recordingPath(id)).get()).get('url')).toBe(url);

    const after = await Promise.all([host, learner, stranger].map((a) => rewardsOf(a.uid)));
    for (const [i, b] of before.entries())
      expectNothingMinted(b, after[i] as typeof b, 'sharing a recording');
  });
});
