// Endorsements (issue 16 item 2): now that a profile shows "3 people endorsed their Figma" and who
// they were, an endorsement is a reward. It follows only from an exchange with a held session, only
// for the skill the rated person taught there, once per endorser; a profile cannot write its own.
import { confirmExchangeSession, requestExchange } from '@skillverse/domain/contracts/exchange';
import { addDoc, collection, doc, serverTimestamp, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  newAttacker,
  rewardsOf,
  testDb,
  uniqueId,
  verifyEmail,
  waitFor,
} from './support';

afterAll(closeAttackers);

const TERMS = { commitmentHours: 2, frequency: 'weekly', cancellationPolicy: '24 hours notice' };

/** A (teaching Python) asks B (teaching Figma) for a swap; B accepts, both agree terms. */
async function activeExchange(a: Attacker, b: Attacker): Promise<string> {
  await Promise.all([verifyEmail(a), verifyEmail(b)]);
  const requested = await a.call(requestExchange, {
    requestId: uniqueId('en'),
    providerId: b.uid,
    offeredSkill: 'Python',
    requestedSkill: 'Figma',
    message: 'Swap?',
  });
  if (!requested.ok) throw new Error(`requestExchange failed: ${requested.code} ${requested.message}`);
  const id = requested.data.exchangeId;
  await updateDoc(doc(b.db, 'exchanges', id), { status: 'accepted', updatedAt: serverTimestamp() });
  await updateDoc(doc(a.db, 'exchanges', id), {
    terms: TERMS,
    termsAcceptedBy: [a.uid],
    updatedAt: serverTimestamp(),
  });
  await updateDoc(doc(b.db, 'exchanges', id), {
    termsAcceptedBy: [a.uid, b.uid],
    status: 'active',
    updatedAt: serverTimestamp(),
  });
  // The provider's response-time stats land by trigger: let them settle before anyone counts.
  await waitFor(
    async () => (await testDb().doc(`users/${b.uid}`).get()).get('stats.requestsAnswered') === 1,
    {
      what: `response stats of ${b.uid}`,
    },
  );
  return id;
}

/**
 * A session planned ahead that ended an hour ago, confirmed by both through the callable (held,
 * self-reported). The rules only let clients plan sessions ahead, so it is planned for tomorrow and
 * the Admin SDK then moves its planning and its start back, as if a day had passed.
 */
async function holdSession(a: Attacker, b: Attacker, exchangeId: string) {
  const ref = await addDoc(collection(a.db, 'exchanges', exchangeId, 'sessions'), {
    scheduledAt: Timestamp.fromMillis(Date.now() + 24 * 60 * 60_000),
    durationMin: 60,
    status: 'scheduled',
    notes: '',
    createdBy: a.uid,
    createdAt: serverTimestamp(),
  });
  await testDb()
    .doc(`exchanges/${exchangeId}/sessions/${ref.id}`)
    .update({
      createdAt: new Date(Date.now() - 24 * 60 * 60_000),
      scheduledAt: new Date(Date.now() - 120 * 60_000),
    });
  for (const who of [a, b]) {
    const done = await who.call(confirmExchangeSession, { exchangeId, sessionId: ref.id });
    if (!done.ok) throw new Error(`confirmExchangeSession failed: ${done.code} ${done.message}`);
  }
}

/** Both complete; A rates B and endorses `skills`; waits until the trigger has decided. */
async function completeAndEndorse(a: Attacker, b: Attacker, exchangeId: string, skills: string[]) {
  await updateDoc(doc(a.db, 'exchanges', exchangeId), { completedBy: [a.uid], updatedAt: serverTimestamp() });
  await updateDoc(doc(b.db, 'exchanges', exchangeId), {
    completedBy: [a.uid, b.uid],
    status: 'completed',
    updatedAt: serverTimestamp(),
  });
  await setDoc(doc(a.db, 'exchanges', exchangeId, 'feedback', a.uid), {
    uid: a.uid,
    rating: 5,
    comment: 'Great',
    endorsedSkills: skills,
    createdAt: serverTimestamp(),
  });
  await waitFor(
    async () =>
      Boolean((await testDb().doc(`exchanges/${exchangeId}/feedback/${a.uid}`).get()).get('appliedAt')),
    { what: `feedback of ${exchangeId} applied` },
  );
}

describe.skipIf(!emulatorsRunning)('abuse: endorsements', () => {
  it('a profile cannot write its own endorsements or endorsers', async () => {
    const a = await newAttacker('en-self');
    const before = await rewardsOf(a.uid);
    await expect(updateDoc(doc(a.db, 'users', a.uid), { endorsements: { figma: 99 } })).rejects.toThrow(
      /permission/i,
    );
    await expect(
      updateDoc(doc(a.db, 'users', a.uid), {
        endorsers: { figma: [{ uid: 'x', name: 'Famous Person', at: Timestamp.now() }] },
      }),
    ).rejects.toThrow(/permission/i);
    expectNothingMinted(before, await rewardsOf(a.uid), 'writing endorsements onto one’s own profile');
  });

  it('endorsing after an exchange with no held session counts nothing', async () => {
    const a = await newAttacker('en-noheld-a');
    const b = await newAttacker('en-noheld-b');
    const id = await activeExchange(a, b);
    const before = await rewardsOf(b.uid);
    await completeAndEndorse(a, b, id, ['Figma']);
    expect((await testDb().doc(`exchanges/${id}/feedback/${a.uid}`).get()).get('skipped')).toBe(
      'no-held-session',
    );
    expectNothingMinted(before, await rewardsOf(b.uid), 'endorsing with no held session');
    expect((await testDb().doc(`users/${b.uid}`).get()).get('endorsers')).toBeUndefined();
  });

  it('honest path: a held exchange endorses the taught skill once, with the endorser’s name; padding the list adds nothing', async () => {
    const a = await newAttacker('en-honest-a');
    const b = await newAttacker('en-honest-b');
    await updateDoc(doc(a.db, 'users', a.uid), { displayName: 'Ada Endorser', updatedAt: serverTimestamp() });
    const id = await activeExchange(a, b);
    await holdSession(a, b, id);
    // The attacker's padding: skills B never taught in this exchange, and the taught one twice.
    await completeAndEndorse(a, b, id, ['Figma', 'figma', 'Rocket science', 'Nobel laureate']);
    const profile = (await testDb().doc(`users/${b.uid}`).get()).data() ?? {};
    expect(profile.endorsements).toEqual({ figma: 1 });
    expect(profile.endorsers.figma).toHaveLength(1);
    expect(profile.endorsers.figma[0]).toMatchObject({ uid: a.uid, name: 'Ada Endorser' });
    // A's own profile gained nothing from endorsing (B did not rate).
    expect((await rewardsOf(a.uid)).endorsements).toEqual({});
  });
});
