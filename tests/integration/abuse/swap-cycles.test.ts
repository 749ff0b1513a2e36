// Swap cycles that finish (issue 16, item 7): one attacker controls all three accounts of a group
// swap the server proposed, and tries to complete it without a held session — confirming only,
// before the end, a session logged after it started, writing "held" themselves, two of three in the
// call, one account confirming for the others. Nothing is minted. The honest path — all three seen
// together in the group call for 10+ minutes, then all three confirm after its end — earns each
// exactly what a completed exchange earns, once: 75 points (the league counts it as teaching), one
// exchange completed, a credential for the skill they taught, and the rating they were given counted
// once in their average (a rating given without a held session moves nothing); a repeat changes nothing.
import {
  confirmSwapCycleSession,
  cycleCallHeartbeat,
  respondToSwapCycle,
} from '@skillverse/domain/contracts/exchange';
import { addDoc, collection, doc, serverTimestamp, Timestamp, updateDoc } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  type Rewards,
  rewardsOf,
  testDb,
  uniqueId,
  waitFor,
} from './support';

afterAll(closeAttackers);

type Trio = [Attacker, Attacker, Attacker];

/**
 * Three accounts, made one after the other (the emulators are shared). One attacker holds all
 * three; each test gives them a cycle of its own, so the trio is made once.
 */
let trio: Trio | null = null;
async function threeAccounts(): Promise<Trio> {
  if (!trio) {
    const a = await newAttacker('cy-a');
    const b = await newAttacker('cy-b');
    const c = await newAttacker('cy-c');
    trio = [a, b, c];
  }
  return trio;
}

/**
 * A cycle of the three, proposed by the server (as proposeSwapCycles writes it), and active: all
 * three accept through respondToSwapCycle (`accept: 'callable'`), or — for attacks that are not
 * about answering — the Admin SDK records the three accepts.
 */
async function activeCycle(accept: 'callable' | 'admin'): Promise<{ people: Trio; cycleId: string }> {
  const people = await threeAccounts();
  const [a, b, c] = people;
  const cycleId = uniqueId('cyc');
  const now = new Date();
  const uids = [a.uid, b.uid, c.uid];
  await testDb()
    .doc(`exchangeCycles/${cycleId}`)
    .set({
      participants: uids,
      edges: [
        { from: a.uid, to: b.uid, skill: 'Spanish', skillKey: 'spanish', alternatives: [] },
        { from: b.uid, to: c.uid, skill: 'Guitar', skillKey: 'guitar', alternatives: [] },
        { from: c.uid, to: a.uid, skill: 'Python', skillKey: 'python', alternatives: [] },
      ],
      people: {
        [a.uid]: { displayName: 'Ana', photoURL: null },
        [b.uid]: { displayName: 'Ben', photoURL: null },
        [c.uid]: { displayName: 'Caro', photoURL: null },
      },
      window: { startMin: 540, endMin: 720 },
      sharedMinutes: 180,
      score: 60,
      status: accept === 'admin' ? 'active' : 'proposed',
      acceptedBy: accept === 'admin' ? uids : [],
      declinedBy: null,
      notified: true,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + 7 * 86_400_000),
    });
  if (accept === 'callable') {
    for (const p of people) {
      const answered = await p.call(respondToSwapCycle, { cycleId, decision: 'accept' });
      if (!answered.ok) throw new Error(`respondToSwapCycle failed: ${answered.code} ${answered.message}`);
    }
  }
  expect((await testDb().doc(`exchangeCycles/${cycleId}`).get()).get('status')).toBe('active');
  return { people, cycleId };
}

async function schedule(who: Attacker, cycleId: string, startsInMin: number, durationMin = 60) {
  const ref = await addDoc(collection(who.db, 'exchangeCycles', cycleId, 'sessions'), {
    scheduledAt: Timestamp.fromMillis(Date.now() + startsInMin * 60_000),
    durationMin,
    status: 'scheduled',
    notes: '',
    createdBy: who.uid,
    createdAt: serverTimestamp(),
  });
  return ref.id;
}

/**
 * "The clock moves on" (the test cannot wait): the Admin SDK shifts a session's createdAt and
 * scheduledAt back by the same amount, so it was still planned before it started.
 */
async function shiftBack(cycleId: string, sid: string, minutes: number) {
  const ref = testDb().doc(`exchangeCycles/${cycleId}/sessions/${sid}`);
  const s = (await ref.get()).data() ?? {};
  await ref.update({
    scheduledAt: new Date(s.scheduledAt.toMillis() - minutes * 60_000),
    createdAt: new Date(s.createdAt.toMillis() - minutes * 60_000),
  });
}

/** What heartbeats of `uid` would have left for the minutes before now (then real heartbeats extend it). */
async function precreditPresence(cycleId: string, sid: string, uid: string, fromMinAgo: number) {
  await testDb()
    .doc(`exchangeCycles/${cycleId}/sessions/${sid}/presence/${uid}`)
    .set({
      uid,
      intervals: [{ from: new Date(Date.now() - fromMinAgo * 60_000), to: new Date(Date.now() - 30_000) }],
      openSince: null,
    });
}

const confirm = (who: Attacker, cycleId: string, sessionId: string, rating = 5) =>
  who.call(confirmSwapCycleSession, { cycleId, sessionId, rating });

async function settled(uids: string[]) {
  await waitFor(
    async () => {
      for (const uid of uids) {
        const ledger = await testDb().collection(`users/${uid}/pointEvents`).get();
        if (ledger.docs.some((d) => !d.get('appliedAt') || !d.get('leagueAt'))) return false;
      }
      return true;
    },
    { what: 'ledger applied' },
  );
  await new Promise((r) => setTimeout(r, 1500));
}

async function expectNothingFor(people: Attacker[], before: Rewards[], attack: string) {
  await settled(people.map((p) => p.uid));
  for (const [i, p] of people.entries())
    expectNothingMinted(before[i]!, await rewardsOf(p.uid), `${attack} (${i})`);
}

let outsider: Attacker | null = null;

describe.skipIf(!emulatorsRunning)('abuse: swap cycles', () => {
  // Four sign-ups, one after the other: slow on shared emulators, so outside the tests' own time.
  beforeAll(async () => {
    await threeAccounts();
    outsider = await newAttacker('cy-outsider');
  }, 300_000);

  it('asserting a session, confirming early, or logging one after it started mints nothing', async () => {
    const { people, cycleId } = await activeCycle('admin');
    const [a, b, c] = people;
    const before = await Promise.all(people.map((p) => rewardsOf(p.uid)));
    const sessions = collection(a.db, 'exchangeCycles', cycleId, 'sessions');
    // "We met yesterday": a past session, or one written as held, is refused by the rules.
    await expect(schedule(a, cycleId, -180)).rejects.toThrow(/permission/i);
    await expect(
      addDoc(sessions, {
        scheduledAt: Timestamp.fromMillis(Date.now() + 60_000),
        durationMin: 60,
        status: 'held',
        notes: '',
        createdBy: a.uid,
        createdAt: serverTimestamp(),
      }),
    ).rejects.toThrow(/permission/i);
    const sid = await schedule(a, cycleId, 60);
    await expect(
      updateDoc(doc(b.db, 'exchangeCycles', cycleId, 'sessions', sid), {
        status: 'held',
        confirmedBy: [a.uid, b.uid, c.uid],
      }),
    ).rejects.toThrow(/permission/i);
    await expect(
      updateDoc(doc(c.db, 'exchangeCycles', cycleId, 'sessions', sid), {
        scheduledAt: Timestamp.fromMillis(Date.now() - 3 * 3_600_000),
      }),
    ).rejects.toThrow(/permission/i);
    // Confirm only: before the session ends, every confirmation is refused.
    for (const p of people) expectRefused(await confirm(p, cycleId, sid), 'failed-precondition');
    // Logged after it started: the rules allow a start up to 5 minutes back, so a 1-minute
    // "session" that already ended. It was not planned in advance: it cannot be self-reported.
    const logged = await schedule(a, cycleId, -4, 1);
    for (const p of people) expectRefused(await confirm(p, cycleId, logged), 'failed-precondition');
    // One account confirming for the others, or an outsider: refused.
    if (!outsider) throw new Error('no outsider account');
    expectRefused(await confirm(outsider, cycleId, sid), 'permission-denied');
    expectRefused(await outsider.call(cycleCallHeartbeat, { cycleId, sessionId: sid }), 'permission-denied');
    expectRefused(await confirm(a, cycleId, sid, 9), 'invalid-argument');
    await expectNothingFor(people, before, 'a cycle with an asserted session');
    const cycle = await testDb().doc(`exchangeCycles/${cycleId}`).get();
    expect(cycle.get('status')).toBe('active');
    expect((await testDb().doc(`exchangeCycles/${cycleId}/sessions/${sid}`).get()).get('status')).toBe(
      'scheduled',
    );
  }, 300_000);

  it('two of three in the call, and two of three confirming, mint nothing', async () => {
    const { people, cycleId } = await activeCycle('admin');
    const [a, b, c] = people;
    const before = await Promise.all(people.map((p) => rewardsOf(p.uid)));
    const sid = await schedule(a, cycleId, 1);
    await shiftBack(cycleId, sid, 31); // started 30 minutes ago, ends in 30
    // A and B "in the call" for 30 minutes (the attacker's two tabs); C never comes.
    await precreditPresence(cycleId, sid, a.uid, 30);
    await precreditPresence(cycleId, sid, b.uid, 30);
    for (const p of [a, b]) {
      const beat = await p.call(cycleCallHeartbeat, { cycleId, sessionId: sid });
      expect(beat.ok && beat.data.observedMinutes).toBe(0);
      expect(beat.ok && beat.data.held).toBe(false);
    }
    expectRefused(await confirm(a, cycleId, sid), 'failed-precondition');
    // The session ends; two of three confirm. Not held, not completed.
    await shiftBack(cycleId, sid, 60);
    expect((await confirm(a, cycleId, sid)).ok).toBe(true);
    expect((await confirm(b, cycleId, sid)).ok).toBe(true);
    const s = await testDb().doc(`exchangeCycles/${cycleId}/sessions/${sid}`).get();
    expect(s.get('status')).toBe('scheduled');
    expect(s.get('observedMinutes') ?? 0).toBe(0);
    void c;
    // Their ratings (5 each, given on confirming) were kept but move no average: no held session.
    const cycle = await testDb().doc(`exchangeCycles/${cycleId}`).get();
    expect(cycle.get(`ratings.${a.uid}`)).toBe(5);
    expect(cycle.get('ratingsApplied') ?? null).toBeNull();
    await expectNothingFor(people, before, 'two of three present and confirming');
    expect((await testDb().doc(`exchangeCycles/${cycleId}`).get()).get('status')).toBe('active');
  }, 300_000);

  it('the honest path: all three seen together, all three confirm — each earns once; a repeat changes nothing', async () => {
    const { people, cycleId } = await activeCycle('callable');
    const [a, b, c] = people;
    const before = await Promise.all(people.map((p) => rewardsOf(p.uid)));
    const sid = await schedule(a, cycleId, 1);
    await shiftBack(cycleId, sid, 16); // started 15 minutes ago
    for (const p of people) await precreditPresence(cycleId, sid, p.uid, 15);
    let last: Awaited<ReturnType<typeof a.call<typeof cycleCallHeartbeat>>> | null = null;
    for (const p of people) last = await p.call(cycleCallHeartbeat, { cycleId, sessionId: sid });
    expect(last?.ok && last.data.held).toBe(true);
    expect(last?.ok && last.data.observedMinutes).toBeGreaterThanOrEqual(10);
    const held = await testDb().doc(`exchangeCycles/${cycleId}/sessions/${sid}`).get();
    expect(held.get('held.evidence')).toBe('observed');
    // Held is not completed: nothing yet, and no confirmation before the end.
    expectRefused(await confirm(a, cycleId, sid), 'failed-precondition');
    await shiftBack(cycleId, sid, 60); // the session has ended
    const first = await confirm(a, cycleId, sid);
    const second = await confirm(b, cycleId, sid);
    expect(first.ok && first.data.cycleStatus).toBe('active');
    expect(second.ok && second.data.cycleStatus).toBe('active');
    const third = await confirm(c, cycleId, sid, 4);
    expect(third.ok && third.data.cycleStatus).toBe('completed');
    await settled(people.map((p) => p.uid));
    for (const [i, p] of people.entries()) {
      const after = await rewardsOf(p.uid);
      expect(after.points - before[i]!.points, 'the exchange points').toBeGreaterThanOrEqual(75);
      expect(after.stats.exchangesCompleted ?? 0).toBe((before[i]!.stats.exchangesCompleted ?? 0) + 1);
      expect(after.certificates - before[i]!.certificates).toBe(1);
      const entry = await testDb().doc(`users/${p.uid}/pointEvents/cycle_${cycleId}`).get();
      expect(entry.get('points')).toBe(75);
      expect(entry.get('reason')).toBe('exchange_completed');
      // The league counts it as verified teaching (doubled).
      expect(entry.get('leagueSkipped') ?? null).toBeNull();
      const league = await testDb().doc(`users/${p.uid}/private/league`).get();
      const member = await testDb()
        .doc(`leagues/${league.get('cohortId')}/members/${p.uid}`)
        .get();
      expect(member.get('points')).toBeGreaterThanOrEqual(150);
    }
    // Each rating moved its teacher's average once, as exchange feedback does: Caro rated Ben 4,
    // Ana rated Caro 5 and Ben rated Ana 5.
    for (const [i, p] of people.entries()) {
      const given = p.uid === b.uid ? 4 : 5;
      const was = before[i]!.rating;
      const now = (await rewardsOf(p.uid)).rating;
      expect(now.count, 'one more counted rating').toBe(was.count + 1);
      expect(now.average).toBeCloseTo((was.average * was.count + given) / (was.count + 1), 1);
    }
    const cycle = await testDb().doc(`exchangeCycles/${cycleId}`).get();
    expect(cycle.get('status')).toBe('completed');
    expect(cycle.get(`rewards.${a.uid}`)).toMatchObject({ points: 75, credential: true });
    const cert = await testDb().collection('certificates').where('uid', '==', b.uid).get();
    expect(cert.docs[0]?.get('skill')).toBe('Guitar');
    expect(cert.docs[0]?.get('evidence.observedSessions')).toBe(1);
    // Repeats: confirming again, by anyone, changes nothing.
    const earned = await Promise.all(people.map((p) => rewardsOf(p.uid)));
    for (const p of people) {
      const again = await confirm(p, cycleId, sid);
      expect(again.ok && again.data.alreadyConfirmed).toBe(true);
    }
    await expectNothingFor(people, earned, 'confirming a completed cycle again');
  }, 300_000);
});
