// Live sessions (issue 15 item 6): hosting and attendance points rest on what the platform saw.
// Attacks, each from fresh accounts with the web SDK: a host looping create/start/end with nobody
// there; presence written before the session is live; a backdated joinedAt; a spoofed display
// name; coming back at the end of a session after leaving at the start. Beside them, the honest
// session (two attendees present long enough) still credits each attendee 20 and the host 50.
//
// Time passing inside a session is played by moving its server-written clocks back with the Admin
// SDK (startedAt, and the presence stay the rules stamped), as if the minutes had elapsed.
import { endLiveSession, registerForLiveSession, startLiveSession } from '@skillverse/domain/contracts/live';
import { pointEventId } from '@skillverse/domain/gamification';
import { doc, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
  waitFor,
} from './support';

const MIN = 60_000;
const sessions: string[] = [];

/** A session the host (an approved educator) scheduled; made with the Admin SDK. */
async function scheduled(hostId: string, startsInMs = 5 * MIN, durationMin = 60): Promise<string> {
  const id = uniqueId('abuse-ls');
  sessions.push(id);
  await testDb()
    .doc(`liveSessions/${id}`)
    .set({
      hostId,
      title: 'Abuse drill',
      description: '',
      courseId: null,
      scheduledAt: new Date(Date.now() + startsInMs),
      durationMin,
      capacity: 20,
      status: 'scheduled',
      registeredCount: 0,
      recordingEnabled: false,
      createdAt: new Date(),
    });
  return id;
}

async function profileOf(a: Attacker): Promise<{ displayName: string; photoURL: string | null }> {
  const snap = await testDb().doc(`users/${a.uid}`).get();
  return {
    displayName: String(snap.get('displayName') ?? ''),
    photoURL: (snap.get('photoURL') as string | null | undefined) ?? null,
  };
}

/** What the room page writes on entering: the profile's name, server times. */
async function enter(a: Attacker, sessionId: string, overrides: Record<string, unknown> = {}) {
  return setDoc(doc(a.db, 'liveSessions', sessionId, 'presence', a.uid), {
    uid: a.uid,
    ...(await profileOf(a)),
    present: true,
    joinedAt: serverTimestamp(),
    lastSeenAt: serverTimestamp(),
    ...overrides,
  });
}

async function heartbeat(a: Attacker, sessionId: string, overrides: Record<string, unknown> = {}) {
  return updateDoc(doc(a.db, 'liveSessions', sessionId, 'presence', a.uid), {
    present: true,
    lastSeenAt: serverTimestamp(),
    ...(await profileOf(a)),
    ...overrides,
  });
}

/** `minutes` pass: the session started that much earlier, and so did each stay given. */
async function elapse(sessionId: string, minutes: number, stays: { uid: string; since: number }[] = []) {
  const db = testDb();
  const ago = (m: number) => new Date(Date.now() - m * MIN);
  await db.doc(`liveSessions/${sessionId}`).update({ startedAt: ago(minutes) });
  for (const stay of stays) {
    await db
      .doc(`liveSessions/${sessionId}/presence/${stay.uid}`)
      .update({ joinedAt: ago(stay.since), lastSeenAt: ago(0.5) });
  }
}

/**
 * What the session credited `uid`: its ledger entries for this session (reason → points). The
 * ledger is the award (deterministic ids, written by endLiveSession itself); the totals follow
 * through the onPointEventCreated trigger, which a busy emulator may apply a minute later.
 */
async function creditedFor(uid: string, sessionId: string): Promise<Record<string, number>> {
  const rows = await testDb()
    .collection(`users/${uid}/pointEvents`)
    .where('refPath', '==', `liveSessions/${sessionId}`)
    .get();
  return Object.fromEntries(rows.docs.map((d) => [String(d.get('reason')), Number(d.get('points'))]));
}

/** The totals once the trigger applied the ledger. */
async function pointsReach(uid: string, points: number): Promise<void> {
  await waitFor(async () => (await rewardsOf(uid)).points >= points, {
    what: `${points} points for ${uid}`,
    timeoutMs: 150_000,
  });
}

async function expectDeniedWrite(write: Promise<unknown>): Promise<void> {
  await expect(write).rejects.toMatchObject({ code: 'permission-denied' });
}

async function ledgerHas(uid: string, eventId: string): Promise<boolean> {
  return (await testDb().doc(`users/${uid}/pointEvents/${eventId}`).get()).exists;
}

describe.skipIf(!emulatorsRunning)('abuse: live sessions', () => {
  afterAll(async () => {
    await closeAttackers();
    for (const id of sessions) await testDb().recursiveDelete(testDb().doc(`liveSessions/${id}`));
  });

  it('a host looping create/start/end with nobody there earns nothing, and cannot start early', async () => {
    const host = await newAttacker('loop-host');
    const before = await rewardsOf(host.uid);

    const early = await scheduled(host.uid, 2 * 60 * MIN);
    const refused = await host.call(startLiveSession, { sessionId: early });
    expectRefused(refused, 'failed-precondition');
    expect(refused.ok ? '' : refused.message).toMatch(/10 minutes before the scheduled start/);
    expect((await testDb().doc(`liveSessions/${early}`).get()).get('status')).toBe('scheduled');

    for (let i = 0; i < 3; i += 1) {
      const id = await scheduled(host.uid);
      expect((await host.call(startLiveSession, { sessionId: id })).ok).toBe(true);
      await elapse(id, 30); // even a session that "ran" 30 minutes, with nobody in it
      const ended = await host.call(endLiveSession, { sessionId: id });
      expect(ended.ok && ended.data).toMatchObject({ attendees: 0, hosting: { earned: false } });
      expect(ended.ok && ended.data.hosting.reason).toContain('needs 2 attendees present 10 min');
    }
    expectNothingMinted(before, await rewardsOf(host.uid), 'the hosting loop');
  }, 240_000);

  it('presence before the session is live, backdated, or under another name is refused; a quick visit earns nothing', async () => {
    const host = await newAttacker('quick-host');
    const visitor = await newAttacker('quick-visitor');
    const id = await scheduled(host.uid);
    expect((await visitor.call(registerForLiveSession, { sessionId: id, action: 'register' })).ok).toBe(true);
    const before = await rewardsOf(visitor.uid);

    // Before live: the rules refuse presence outright.
    await expectDeniedWrite(enter(visitor, id));
    expect((await host.call(startLiveSession, { sessionId: id })).ok).toBe(true);

    // Live, but with a joinedAt an hour back, or under the host's name: refused.
    await expectDeniedWrite(enter(visitor, id, { joinedAt: Timestamp.fromMillis(Date.now() - 60 * MIN) }));
    const hostName = (await profileOf(host)).displayName || 'Host';
    await expectDeniedWrite(enter(visitor, id, { displayName: `${hostName} (host)` }));
    await expectDeniedWrite(enter(visitor, id, { displayName: hostName, earlierSec: 3600 }));

    // The honest write is accepted, shows the profile's name, and a visit of seconds earns nothing.
    await enter(visitor, id);
    const shown = await testDb().doc(`liveSessions/${id}/presence/${visitor.uid}`).get();
    expect(shown.get('displayName')).toBe((await profileOf(visitor)).displayName);
    await expectDeniedWrite(heartbeat(visitor, id, { displayName: hostName }));
    const ended = await host.call(endLiveSession, { sessionId: id });
    expect(ended.ok && ended.data).toMatchObject({ attendees: 1, qualifiedAttendees: 0 });
    expectNothingMinted(before, await rewardsOf(visitor.uid), 'a quick visit');

    // After the end, presence is refused again.
    await expectDeniedWrite(heartbeat(visitor, id));
  });

  it('leaving at the start and coming back at the end counts only the minutes in the room', async () => {
    const host = await newAttacker('gap-host');
    const visitor = await newAttacker('gap-visitor');
    const id = await scheduled(host.uid);
    await visitor.call(registerForLiveSession, { sessionId: id, action: 'register' });
    expect((await host.call(startLiveSession, { sessionId: id })).ok).toBe(true);
    await enter(visitor, id);
    const before = await rewardsOf(visitor.uid);
    // 40 minutes pass; the visitor's stay was the first 2 minutes (last heartbeat 38 minutes ago).
    await testDb()
      .doc(`liveSessions/${id}`)
      .update({ startedAt: new Date(Date.now() - 40 * MIN) });
    await testDb()
      .doc(`liveSessions/${id}/presence/${visitor.uid}`)
      .update({ joinedAt: new Date(Date.now() - 40 * MIN), lastSeenAt: new Date(Date.now() - 38 * MIN) });

    // A heartbeat that would stretch the old stay over the gap is refused …
    await expectDeniedWrite(heartbeat(visitor, id));
    // … and a new stay may carry at most the 2 minutes of the old one.
    await expectDeniedWrite(heartbeat(visitor, id, { joinedAt: serverTimestamp(), earlierSec: 40 * 60 }));
    await heartbeat(visitor, id, { joinedAt: serverTimestamp(), earlierSec: 119 });

    const ended = await host.call(endLiveSession, { sessionId: id });
    expect(ended.ok && ended.data).toMatchObject({ attendees: 1, qualifiedAttendees: 0 });
    const attendance = await testDb().doc(`liveSessions/${id}/attendance/${visitor.uid}`).get();
    expect(attendance.get('presentSec')).toBeLessThan(10 * 60);
    expectNothingMinted(before, await rewardsOf(visitor.uid), 'the come-back-at-the-end visit');
  });

  it('the honest session: two attendees present long enough earn 20 each and the host 50, once', async () => {
    const host = await newAttacker('honest-host');
    const ann = await newAttacker('honest-ann');
    const ben = await newAttacker('honest-ben');
    const id = await scheduled(host.uid);
    for (const a of [ann, ben]) {
      expect((await a.call(registerForLiveSession, { sessionId: id, action: 'register' })).ok).toBe(true);
    }
    const [hostBefore, annBefore, benBefore] = await Promise.all([
      rewardsOf(host.uid),
      rewardsOf(ann.uid),
      rewardsOf(ben.uid),
    ]);
    expect((await host.call(startLiveSession, { sessionId: id })).ok).toBe(true);
    await Promise.all([enter(host, id), enter(ann, id), enter(ben, id)]);
    // 30 minutes in; both stayed for the last 20 and keep beating.
    await elapse(id, 30, [
      { uid: ann.uid, since: 20 },
      { uid: ben.uid, since: 20 },
    ]);
    await Promise.all([heartbeat(ann, id), heartbeat(ben, id)]);

    const ended = await host.call(endLiveSession, { sessionId: id });
    expect(ended.ok && ended.data).toMatchObject({
      attendees: 2,
      qualifiedAttendees: 2,
      hosting: { earned: true },
    });
    // A retry (a double click, a second delivery) credits nothing twice.
    expect((await host.call(endLiveSession, { sessionId: id })).ok).toBe(true);

    expect(await creditedFor(host.uid, id)).toEqual({ session_hosted: 50 });
    expect(await creditedFor(ann.uid, id)).toEqual({ session_attended: 20 });
    expect(await creditedFor(ben.uid, id)).toEqual({ session_attended: 20 });
    expect(await ledgerHas(host.uid, pointEventId.sessionHosted(id))).toBe(true);
    await Promise.all([
      pointsReach(host.uid, hostBefore.points + 50),
      pointsReach(ann.uid, annBefore.points + 20),
      pointsReach(ben.uid, benBefore.points + 20),
    ]);
    const [hostAfter, annAfter, benAfter] = await Promise.all([
      rewardsOf(host.uid),
      rewardsOf(ann.uid),
      rewardsOf(ben.uid),
    ]);
    expect(hostAfter.points - hostBefore.points).toBe(50);
    expect(annAfter.points - annBefore.points).toBe(20);
    expect(benAfter.points - benBefore.points).toBe(20);
    const session = await testDb().doc(`liveSessions/${id}`).get();
    expect(session.get('hosting')).toMatchObject({ earned: true, qualifiedAttendees: 2 });
    const annRow = await testDb().doc(`liveSessions/${id}/attendance/${ann.uid}`).get();
    expect(annRow.get('displayName')).toBe((await profileOf(ann)).displayName);
    expect(annRow.get('qualified')).toBe(true);
  }, 300_000);

  it('one attendee present long enough earns 20; the host earns nothing and is told why', async () => {
    const host = await newAttacker('solo-host');
    const ann = await newAttacker('solo-ann');
    const id = await scheduled(host.uid);
    await ann.call(registerForLiveSession, { sessionId: id, action: 'register' });
    const hostBefore = await rewardsOf(host.uid);
    expect((await host.call(startLiveSession, { sessionId: id })).ok).toBe(true);
    await enter(ann, id);
    await elapse(id, 30, [{ uid: ann.uid, since: 25 }]);
    await heartbeat(ann, id);
    const ended = await host.call(endLiveSession, { sessionId: id });
    expect(ended.ok && ended.data.hosting).toEqual({
      earned: false,
      reason:
        'No hosting points: 1 attendee was present 10 min (needs 2 attendees present 10 min and a session of at least 15 min).',
    });
    expectNothingMinted(hostBefore, await rewardsOf(host.uid), 'hosting a single attendee');
    expect(await creditedFor(ann.uid, id)).toEqual({ session_attended: 20 });
    expect(await creditedFor(host.uid, id)).toEqual({});
    expectNothingMinted(hostBefore, await rewardsOf(host.uid), 'hosting a single attendee');
  });
});
