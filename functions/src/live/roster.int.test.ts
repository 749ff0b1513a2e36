// The folded "who's here" (issue 17 §2) on the emulators: the presence trigger
// (onLivePresenceWritten) folds everyone's own presence document into liveSessions/{id}/roster/current.
// Join, leave, expiry (a page that stopped heartbeating), coalescing (a rush of joins is written a
// few times, not once per join) and a repeated delivery (changes nothing).
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { emulatorsRunning, testDb, uniqueId, waitFor } from '../../test/emulator';
import { onPresenceWritten, writeRoster } from './roster';

const cleanupSessions: string[] = [];
const db = (): Firestore => testDb();

async function liveSession(): Promise<string> {
  const id = uniqueId('ls-roster');
  cleanupSessions.push(id);
  await db().doc(`liveSessions/${id}`).set({ hostId: 'host', title: 'Roster', status: 'live' });
  return id;
}

const presence = (id: string, uid: string) => db().doc(`liveSessions/${id}/presence/${uid}`);
const rosterDoc = (id: string) => db().doc(`liveSessions/${id}/roster/current`);

async function enter(id: string, uid: string, at = new Date()): Promise<void> {
  await presence(id, uid).set({
    uid,
    displayName: `Name ${uid}`,
    photoURL: null,
    present: true,
    joinedAt: at,
    lastSeenAt: at,
  });
}

async function rosterUids(id: string): Promise<string[]> {
  const snap = await rosterDoc(id).get();
  return ((snap.get('people') ?? []) as { uid: string }[]).map((p) => p.uid);
}

function waitRoster(id: string, want: string[]) {
  return waitFor(
    async () => {
      const uids = await rosterUids(id);
      return JSON.stringify(uids) === JSON.stringify(want) ? uids : undefined;
    },
    { what: `roster ${want.join(',')}` },
  );
}

describe.skipIf(!emulatorsRunning)('live room roster (folded presence)', () => {
  afterAll(async () => {
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
  });

  it('lists who joins (host first, then speakers), drops who leaves, and stamps an expiry', async () => {
    const id = await liveSession();
    const t = Date.now();
    await db().doc(`liveSessions/${id}/speakers/sam`).set({ uid: 'sam', grantedAt: new Date() });
    await enter(id, 'amy', new Date(t - 3000));
    await enter(id, 'sam', new Date(t - 2000));
    await enter(id, 'host', new Date(t - 1000));
    await waitRoster(id, ['host', 'sam', 'amy']);
    const roster = await rosterDoc(id).get();
    expect(roster.get('count')).toBe(3);
    expect(roster.get('people')).toEqual([
      { uid: 'host', displayName: 'Name host', photoURL: null, role: 'host' },
      { uid: 'sam', displayName: 'Name sam', photoURL: null, role: 'speaker' },
      { uid: 'amy', displayName: 'Name amy', photoURL: null, role: 'attendee' },
    ]);
    const expireAt = (await presence(id, 'amy').get()).get('expireAt');
    expect(expireAt?.toMillis()).toBe(t - 3000 + 7 * 24 * 3_600_000);

    // Leaving (the page's cleanup writes present: false) drops off within seconds.
    const left = Date.now();
    await presence(id, 'amy').update({ present: false, lastSeenAt: new Date() });
    await waitRoster(id, ['host', 'sam']);
    expect(Date.now() - left).toBeLessThan(15_000);
    expect((await rosterDoc(id).get()).get('count')).toBe(2);
  });

  it('drops someone whose heartbeats stopped at the next sweep, and a repeat changes nothing', async () => {
    const id = await liveSession();
    await enter(id, 'host');
    await enter(id, 'quiet', new Date(Date.now() - 10 * 60_000));
    await presence(id, 'quiet').update({ lastSeenAt: new Date(Date.now() - 4 * 60_000) });
    await waitRoster(id, ['host']);
    // A heartbeat from the host asks for a sweep (no wait here: sweepMs 0); the quiet page stays out.
    const before = await presence(id, 'host').get();
    await presence(id, 'host').update({ lastSeenAt: new Date() });
    const after = await presence(id, 'host').get();
    const outcome = await onPresenceWritten(db(), id, before, after, { sweepMs: 0 });
    expect(['folded', 'pending', 'covered']).toContain(outcome);
    const written = (await rosterDoc(id).get()).updateTime;
    // The same delivery again: at most another fold, which finds nothing new and writes nothing.
    await onPresenceWritten(db(), id, before, after, { sweepMs: 0, minIntervalMs: 0 });
    expect(await rosterUids(id)).toEqual(['host']);
    expect((await rosterDoc(id).get()).updateTime?.isEqual(written as never)).toBe(true);
    // A fold with an older sequence number never overwrites a newer roster.
    await enter(id, 'late');
    await waitRoster(id, ['host', 'late']);
    expect(await writeRoster(db(), id, new Date(), 0)).toBe('stale');
  });

  it('coalesces a rush of joins into a few roster writes with the exact result', async () => {
    const id = await liveSession();
    const writes: number[] = [];
    const unsubscribe = rosterDoc(id).onSnapshot((snap) => {
      if (snap.exists) writes.push(Date.now());
    });
    const uids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);
    const started = Date.now();
    const t = Date.now() - 60_000;
    await Promise.all(
      uids.map(async (uid, i) => {
        await new Promise((r) => setTimeout(r, i * 100));
        await enter(id, uid, new Date(t + i));
      }),
    );
    await waitRoster(id, uids);
    await new Promise((r) => setTimeout(r, 4000));
    unsubscribe();
    expect((await rosterDoc(id).get()).get('count')).toBe(30);
    // Thirty joins over three seconds: written at most once per three seconds, not thirty times.
    const span = (writes[writes.length - 1] as number) - started;
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(span / 3000) + 2);
    for (let i = 1; i < writes.length; i++) {
      expect((writes[i] as number) - (writes[i - 1] as number)).toBeGreaterThanOrEqual(2000);
    }
  });
});
