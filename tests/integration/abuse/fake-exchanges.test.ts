// Fake exchanges (issue 15, item 4): two accounts create an exchange, agree, write a session that
// "took place" and complete it. Without a held session — confirmed by both through
// confirmExchangeSession after its end (server time) — it earns nothing: no points, no
// exchangesCompleted, no rating, no credential. The honest path earns 75 points each, one completed
// exchange, a counted rating and a credential; the same pair again within 30 days earns nothing more.
import {
  confirmExchangeSession,
  exchangeCallHeartbeat,
  requestExchange,
} from '@skillverse/domain/contracts/exchange';
import { addDoc, collection, doc, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  uniqueId,
  verifyEmail,
  rewardsOf,
  testDb,
  waitFor,
} from './support';

afterAll(closeAttackers);

const TERMS = { commitmentHours: 2, frequency: 'weekly', cancellationPolicy: '24 hours notice' };

/** A asks B for a swap, B accepts, both agree terms: an active exchange, as the app makes it. */
async function activeExchange(a: Attacker, b: Attacker): Promise<string> {
  // Requests go through requestExchange, open to verified accounts only (issue 15 item 11).
  await Promise.all([verifyEmail(a), verifyEmail(b)]);
  const requested = await a.call(requestExchange, {
    requestId: uniqueId('fx'),
    providerId: b.uid,
    offeredSkill: 'Python',
    requestedSkill: 'Guitar',
    message: 'Swap?',
  });
  if (!requested.ok) throw new Error(`requestExchange failed: ${requested.code} ${requested.message}`);
  const ref = { id: requested.data.exchangeId };
  await updateDoc(doc(b.db, 'exchanges', ref.id), { status: 'accepted', updatedAt: serverTimestamp() });
  await updateDoc(doc(a.db, 'exchanges', ref.id), {
    terms: TERMS,
    termsAcceptedBy: [a.uid],
    updatedAt: serverTimestamp(),
  });
  await updateDoc(doc(b.db, 'exchanges', ref.id), {
    termsAcceptedBy: [a.uid, b.uid],
    status: 'active',
    updatedAt: serverTimestamp(),
  });
  // The provider's responsiveness counters (not rewards) settle before anyone measures rewards.
  await waitFor(
    async () => {
      const m = (await testDb().doc(`exchanges/${ref.id}`).get()).get('markers') ?? {};
      return Boolean(m.requestCounted && m.answerCounted);
    },
    { what: `request of ${ref.id} counted` },
  );
  return ref.id;
}

async function schedule(who: Attacker, exchangeId: string, startsInMin: number, durationMin = 60) {
  const ref = await addDoc(collection(who.db, 'exchanges', exchangeId, 'sessions'), {
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
 * A session planned in advance whose start is now `startedMinAgo` minutes past: scheduled through
 * the rules for a minute from now, then — the test cannot wait — the clock "moves on": the Admin
 * SDK shifts both its createdAt and scheduledAt back by the same amount (still planned before it
 * started, as the honest app would have it).
 */
async function plannedSessionThatStarted(
  who: Attacker,
  exchangeId: string,
  startedMinAgo: number,
  durationMin = 60,
) {
  const sid = await schedule(who, exchangeId, 1, durationMin);
  const ref = testDb().doc(`exchanges/${exchangeId}/sessions/${sid}`);
  const s = (await ref.get()).data() ?? {};
  const shiftMs = (startedMinAgo + 1) * 60_000;
  await ref.update({
    scheduledAt: new Date(s.scheduledAt.toMillis() - shiftMs),
    createdAt: new Date(s.createdAt.toMillis() - shiftMs),
  });
  return sid;
}

/**
 * What the platform recorded of `uid` in a session's call for the `minutes` before now — what
 * that person's call page's heartbeats would have left (the Admin SDK stands in for the minutes
 * a test cannot wait; the last minute is always real heartbeats).
 */
async function precreditPresence(
  exchangeId: string,
  sid: string,
  uid: string,
  fromMinAgo: number,
  toMinAgo: number,
) {
  await testDb()
    .doc(`exchanges/${exchangeId}/sessions/${sid}/presence/${uid}`)
    .set({
      uid,
      intervals: [
        {
          from: new Date(Date.now() - fromMinAgo * 60_000),
          to: new Date(Date.now() - toMinAgo * 60_000),
        },
      ],
      openSince: null,
    });
}

/** Both confirm completion and rate each other 5, as the app's "complete" and "rate" do. */
async function completeAndRate(a: Attacker, b: Attacker, exchangeId: string) {
  await updateDoc(doc(a.db, 'exchanges', exchangeId), { completedBy: [a.uid], updatedAt: serverTimestamp() });
  await updateDoc(doc(b.db, 'exchanges', exchangeId), {
    completedBy: [a.uid, b.uid],
    status: 'completed',
    updatedAt: serverTimestamp(),
  });
  // The lifecycle trigger has decided (rewarded or skipped) before anyone rates.
  await waitFor(
    async () => {
      const m = (await testDb().doc(`exchanges/${exchangeId}`).get()).get('markers') ?? {};
      return Boolean(m.rewarded || m.rewardSkipped);
    },
    { what: `completion of ${exchangeId} handled` },
  );
  for (const [rater] of [[a], [b]] as const) {
    await setDoc(doc(rater.db, 'exchanges', exchangeId, 'feedback', rater.uid), {
      uid: rater.uid,
      rating: 5,
      comment: 'Great',
      createdAt: serverTimestamp(),
    });
  }
  await waitFor(
    async () => {
      const fb = await testDb().collection(`exchanges/${exchangeId}/feedback`).get();
      return fb.size === 2 && fb.docs.every((d) => d.get('appliedAt'));
    },
    { what: `feedback of ${exchangeId} applied` },
  );
}

/** Lets the point ledger and the credential triggers finish. */
async function settled(uids: string[]) {
  await waitFor(
    async () => {
      for (const uid of uids) {
        const ledger = await testDb().collection(`users/${uid}/pointEvents`).get();
        if (ledger.docs.some((d) => !d.get('appliedAt'))) return false;
      }
      return true;
    },
    { what: 'ledger applied' },
  );
  await new Promise((r) => setTimeout(r, 2500));
}

describe.skipIf(!emulatorsRunning)('abuse: fake exchanges', () => {
  it('an asserted session ("completed", in the past) and a completed exchange mint nothing', async () => {
    const a = await newAttacker('fx-a');
    const b = await newAttacker('fx-b');
    const id = await activeExchange(a, b);
    const before = await Promise.all([rewardsOf(a.uid), rewardsOf(b.uid)]);
    const sessions = collection(a.db, 'exchanges', id, 'sessions');
    const past = Timestamp.fromMillis(Date.now() - 3 * 3_600_000);
    // The old way: write the session as completed. The rules refuse it, on create and on update.
    await expect(
      addDoc(sessions, {
        scheduledAt: past,
        durationMin: 60,
        status: 'completed',
        notes: '',
        createdBy: a.uid,
      }),
    ).rejects.toThrow(/permission/i);
    // A past-dated session ("we met yesterday") is refused by the rules; so is moving one there.
    await expect(schedule(a, id, -180)).rejects.toThrow(/permission/i);
    const sid = await schedule(a, id, 60);
    await expect(
      updateDoc(doc(b.db, 'exchanges', id, 'sessions', sid), {
        scheduledAt: Timestamp.fromMillis(Date.now() - 3 * 3_600_000),
      }),
    ).rejects.toThrow(/permission/i);
    await expect(
      updateDoc(doc(b.db, 'exchanges', id, 'sessions', sid), { status: 'completed' }),
    ).rejects.toThrow(/permission/i);
    await expect(
      updateDoc(doc(b.db, 'exchanges', id, 'sessions', sid), {
        status: 'held',
        held: { evidence: 'observed', observedMinutes: 60 },
      }),
    ).rejects.toThrow(/permission/i);
    // Completing and rating anyway: no held session, so nothing counts.
    await completeAndRate(a, b, id);
    await settled([a.uid, b.uid]);
    expectNothingMinted(before[0], await rewardsOf(a.uid), 'completing an exchange with no held session (A)');
    expectNothingMinted(before[1], await rewardsOf(b.uid), 'completing an exchange with no held session (B)');
    expect((await testDb().doc(`exchanges/${id}`).get()).get('markers.rewardSkipped')).toBe(
      'no-held-session',
    );
  });

  it('refuses to confirm a session before it ends; a repeat confirmation changes nothing', async () => {
    const a = await newAttacker('fx-early-a');
    const b = await newAttacker('fx-early-b');
    const id = await activeExchange(a, b);
    const sid = await plannedSessionThatStarted(a, id, 30, 60); // started 30 minutes ago, ends in 30
    expectRefused(
      await a.call(confirmExchangeSession, { exchangeId: id, sessionId: sid }),
      'failed-precondition',
    );
    const future = await schedule(a, id, 60 * 24);
    expectRefused(
      await b.call(confirmExchangeSession, { exchangeId: id, sessionId: future }),
      'failed-precondition',
    );
    const s = (await testDb().doc(`exchanges/${id}/sessions/${sid}`).get()).data() ?? {};
    expect(s.status).toBe('scheduled');
    expect(s.confirmedBy).toBeUndefined();
    // An outsider cannot confirm; bad input is a clear error.
    const c = await newAttacker('fx-outsider');
    const ended = await plannedSessionThatStarted(a, id, 120, 60);
    expectRefused(
      await c.call(confirmExchangeSession, { exchangeId: id, sessionId: ended }),
      'permission-denied',
    );
    expectRefused(
      await a.call(confirmExchangeSession, { exchangeId: id, sessionId: 'a/b' }),
      'invalid-argument',
    );
    // One person confirming twice does not make it held.
    const first = await a.call(confirmExchangeSession, { exchangeId: id, sessionId: ended });
    const again = await a.call(confirmExchangeSession, { exchangeId: id, sessionId: ended });
    expect(first).toMatchObject({
      ok: true,
      data: { status: 'scheduled', confirmedBy: [a.uid], alreadyConfirmed: false },
    });
    expect(again).toMatchObject({ ok: true, data: { status: 'scheduled', alreadyConfirmed: true } });
  });

  it('honest path: a session both confirmed after it ended earns once; the same pair again within 30 days earns nothing more', async () => {
    const a = await newAttacker('fx-honest-a');
    const b = await newAttacker('fx-honest-b');
    const id = await activeExchange(a, b);
    const sid = await plannedSessionThatStarted(a, id, 120, 60);
    expect(await a.call(confirmExchangeSession, { exchangeId: id, sessionId: sid })).toMatchObject({
      ok: true,
      data: { status: 'scheduled' },
    });
    expect(await b.call(confirmExchangeSession, { exchangeId: id, sessionId: sid })).toMatchObject({
      ok: true,
      data: { status: 'held', confirmedBy: [a.uid, b.uid] },
    });
    const held = (await testDb().doc(`exchanges/${id}/sessions/${sid}`).get()).data() ?? {};
    expect(held.held).toMatchObject({
      evidence: 'self-reported',
      confirmedBy: [a.uid, b.uid],
      observedMinutes: null,
    });
    await completeAndRate(a, b, id);
    await waitFor(async () => (await rewardsOf(b.uid)).certificates === 1, { what: 'credential issued' });
    await settled([a.uid, b.uid]);
    const earned = await Promise.all([rewardsOf(a.uid), rewardsOf(b.uid)]);
    for (const r of earned) {
      expect(r.points).toBe(75);
      expect(r.stats.exchangesCompleted).toBe(1);
      expect(r.rating).toEqual({ average: 5, count: 1 });
      expect(r.certificates).toBe(1);
    }
    const cert = await testDb().collection('certificates').where('uid', '==', a.uid).get();
    expect(cert.docs[0]?.get('evidence')).toMatchObject({
      heldSessions: 1,
      selfReportedSessions: 1,
      observedSessions: 0,
    });

    // The same two people again, honestly held, within 30 days: nothing more.
    const id2 = await activeExchange(b, a);
    const beforeSecond = await Promise.all([rewardsOf(a.uid), rewardsOf(b.uid)]);
    const sid2 = await plannedSessionThatStarted(b, id2, 120, 60);
    await a.call(confirmExchangeSession, { exchangeId: id2, sessionId: sid2 });
    await b.call(confirmExchangeSession, { exchangeId: id2, sessionId: sid2 });
    await completeAndRate(b, a, id2);
    await settled([a.uid, b.uid]);
    expectNothingMinted(beforeSecond[0], await rewardsOf(a.uid), 'the same pair again within 30 days (A)');
    expectNothingMinted(beforeSecond[1], await rewardsOf(b.uid), 'the same pair again within 30 days (B)');
    expect((await testDb().doc(`exchanges/${id2}`).get()).get('markers.rewardSkipped')).toBe('pair-window');
  });
  it('a session logged after the fact (scheduled once it had started) cannot be self-confirmed', async () => {
    const a = await newAttacker('fx-late-a');
    const b = await newAttacker('fx-late-b');
    const id = await activeExchange(a, b);
    // The rules refuse writing one; a session that somehow is one (say, written before this rule)
    // is still refused by confirmExchangeSession: createdAt is not before scheduledAt.
    await expect(schedule(a, id, -120)).rejects.toThrow(/permission/i);
    const sid = await schedule(a, id, 1);
    const ref = testDb().doc(`exchanges/${id}/sessions/${sid}`);
    await ref.update({ scheduledAt: new Date(Date.now() - 3 * 3_600_000) });
    for (const who of [a, b]) {
      const outcome = await who.call(confirmExchangeSession, { exchangeId: id, sessionId: sid });
      expectRefused(outcome, 'failed-precondition');
      if (!outcome.ok) expect(outcome.message).toMatch(/scheduled after it started/);
    }
    expect((await ref.get()).get('status')).toBe('scheduled');
    expect((await ref.get()).get('confirmedBy')).toBeUndefined();
  });

  it('call presence cannot be forged: direct writes, rapid heartbeats, closed windows, no overlap', async () => {
    const a = await newAttacker('fx-call-a');
    const b = await newAttacker('fx-call-b');
    const id = await activeExchange(a, b);
    const before = await Promise.all([rewardsOf(a.uid), rewardsOf(b.uid)]);
    const sid = await plannedSessionThatStarted(a, id, 40, 60);
    const long = {
      uid: a.uid,
      intervals: [{ from: Timestamp.fromMillis(Date.now() - 3_600_000), to: Timestamp.now() }],
      openSince: null,
    };
    // Writing presence or observed minutes directly: refused by the rules.
    await expect(
      setDoc(doc(a.db, 'exchanges', id, 'sessions', sid, 'presence', a.uid), long),
    ).rejects.toThrow(/permission/i);
    await expect(
      updateDoc(doc(b.db, 'exchanges', id, 'sessions', sid), { observedMinutes: 60 }),
    ).rejects.toThrow(/permission/i);
    // Twenty heartbeats in a burst from both: seconds of real time, zero minutes.
    for (let k = 0; k < 10; k++) {
      const [ra, rb] = await Promise.all([
        a.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid }),
        b.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid }),
      ]);
      expect(ra.ok && rb.ok).toBe(true);
    }
    const afterBurst = (await testDb().doc(`exchanges/${id}/sessions/${sid}`).get()).data() ?? {};
    expect(afterBurst.status).toBe('scheduled');
    expect(afterBurst.observedMinutes ?? 0).toBe(0);
    // One after the other, never together: A was there for minutes 0–15 (pre-credited, what her
    // heartbeats recorded), B arrives now at minute 40. No overlap, not held.
    await precreditPresence(id, sid, a.uid, 40, 25);
    const late = await b.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid });
    expect(late).toMatchObject({ ok: true, data: { held: false, partnerPresent: false } });
    // Heartbeats for a session whose call is not open (tomorrow's; an ended one): refused.
    const tomorrow = await schedule(a, id, 24 * 60);
    expectRefused(
      await a.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: tomorrow }),
      'failed-precondition',
    );
    const ended = await plannedSessionThatStarted(a, id, 120, 60);
    expectRefused(
      await b.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: ended }),
      'failed-precondition',
    );
    // An outsider's heartbeats are refused; bad input is a clear error.
    const c = await newAttacker('fx-call-c');
    expectRefused(
      await c.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid }),
      'permission-denied',
    );
    expectRefused(await a.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: '' }), 'invalid-argument');
    await completeAndRate(a, b, id);
    await settled([a.uid, b.uid]);
    expectNothingMinted(before[0], await rewardsOf(a.uid), 'forged call presence (A)');
    expectNothingMinted(before[1], await rewardsOf(b.uid), 'forged call presence (B)');
    expect((await testDb().doc(`exchanges/${id}`).get()).get('markers.rewardSkipped')).toBe(
      'no-held-session',
    );
  });

  it('honest path: both seen together in the call for 10+ minutes — held (observed), 75 points each, a credential that says so', async () => {
    const a = await newAttacker('fx-seen-a');
    const b = await newAttacker('fx-seen-b');
    const id = await activeExchange(a, b);
    const sid = await plannedSessionThatStarted(a, id, 12, 60);
    // Minutes 0–11 pre-credited for both (what their heartbeats recorded); the last beats are real.
    await precreditPresence(id, sid, a.uid, 12, 0.2);
    await precreditPresence(id, sid, b.uid, 12, 0.2);
    await a.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid });
    const seen = await b.call(exchangeCallHeartbeat, { exchangeId: id, sessionId: sid });
    expect(seen).toMatchObject({ ok: true, data: { held: true, partnerPresent: true } });
    const s = (await testDb().doc(`exchanges/${id}/sessions/${sid}`).get()).data() ?? {};
    expect(s.status).toBe('held');
    expect(s.held).toMatchObject({ evidence: 'observed', confirmedBy: [] });
    expect(s.held.observedMinutes).toBeGreaterThanOrEqual(11);
    await completeAndRate(a, b, id);
    await waitFor(async () => (await rewardsOf(b.uid)).certificates === 1, { what: 'credential issued' });
    await settled([a.uid, b.uid]);
    for (const r of await Promise.all([rewardsOf(a.uid), rewardsOf(b.uid)])) {
      expect(r.points).toBe(75);
      expect(r.stats.exchangesCompleted).toBe(1);
      expect(r.rating).toEqual({ average: 5, count: 1 });
      expect(r.certificates).toBe(1);
    }
    const cert = await testDb().collection('certificates').where('uid', '==', a.uid).get();
    expect(cert.docs[0]?.get('evidence')).toMatchObject({
      heldSessions: 1,
      observedSessions: 1,
      selfReportedSessions: 0,
      observedMinutes: s.held.observedMinutes,
    });
  });
});
