// Endorsements kept on the profile by the feedback trigger (issue 16 item 2): a count of distinct
// endorsers per skill and the last three of them by name, applied once however often it runs.
import type { DocumentData } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { pairKey } from '@skillverse/domain/exchange-rewards';
import {
  deleteUserData,
  emulatorsRunning,
  seedProfile,
  testDb,
  uniqueId,
  waitFor,
} from '../../test/emulator';
import { handleFeedbackCreated } from './exchange-activity';
import { recomputeMatches } from './recompute-matches';

const users: string[] = [];
const exchanges: string[] = [];
const pairs: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  const db = testDb();
  for (const id of exchanges) await db.recursiveDelete(db.doc(`exchanges/${id}`));
  for (const id of pairs) await db.doc(`exchangePairs/${id}`).delete();
  for (const uid of users) await deleteUserData(db, uid);
});

async function newUser(displayName: string, overrides: DocumentData = {}) {
  const uid = uniqueId('enuser');
  users.push(uid);
  await seedProfile(testDb(), uid, { displayName, ...overrides }, { email: `${uid}@example.test` });
  return uid;
}

/** A completed exchange where `teacher` (the provider) taught Python, with a held session. */
async function heldExchange(learner: string, teacher: string, data: DocumentData = {}) {
  const db = testDb();
  const id = uniqueId('enx');
  exchanges.push(id);
  pairs.push(pairKey(learner, teacher));
  await db.doc(`exchanges/${id}`).set({
    requesterId: learner,
    providerId: teacher,
    participants: [learner, teacher],
    offeredSkill: 'Spanish',
    requestedSkill: 'Python',
    message: 'Swap?',
    status: 'completed',
    terms: null,
    termsAcceptedBy: [],
    completedBy: [learner, teacher],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...data,
  });
  await db
    .collection(`exchanges/${id}/sessions`)
    .doc()
    .set({
      scheduledAt: new Date(Date.now() - 7_200_000),
      durationMin: 60,
      status: 'held',
      notes: '',
      confirmedBy: [learner, teacher],
      held: {
        evidence: 'self-reported',
        heldAt: new Date(),
        confirmedBy: [learner, teacher],
        observedMinutes: null,
      },
    });
  return id;
}

/** The learner's feedback, applied (by the trigger or by this call, whichever comes first). */
async function endorse(exchangeId: string, learner: string, endorsedSkills: string[]) {
  const ref = testDb().doc(`exchanges/${exchangeId}/feedback/${learner}`);
  await ref.set({ uid: learner, rating: 5, comment: '', endorsedSkills, createdAt: new Date() });
  await Promise.all([
    handleFeedbackCreated(testDb(), exchangeId, learner),
    handleFeedbackCreated(testDb(), exchangeId, learner),
  ]);
  await waitFor(async () => Boolean((await ref.get()).get('appliedAt')), {
    what: `feedback ${exchangeId} applied`,
  });
  expect(await handleFeedbackCreated(testDb(), exchangeId, learner)).toBe('already-applied');
}

const profileOf = async (uid: string) => (await testDb().doc(`users/${uid}`).get()).data() ?? {};

describe.skipIf(!emulatorsRunning)('endorsements on the profile', () => {
  it('counts only the skill taught in the exchange, once, with the endorser’s name, however often it runs', async () => {
    const teacher = await newUser('Tess');
    const learner = await newUser('Lior');
    const id = await heldExchange(learner, teacher);
    await endorse(id, learner, ['Python 3', 'python', 'Astrophysics']);
    const p = await profileOf(teacher);
    expect(p.endorsements).toEqual({ python: 1 });
    expect(Object.keys(p.endorsers)).toEqual(['python']);
    expect(p.endorsers.python).toHaveLength(1);
    expect(p.endorsers.python[0]).toMatchObject({ uid: learner, name: 'Lior' });
    expect(p.endorsers.python[0].at.toDate()).toBeInstanceOf(Date);
  });

  it('counts a person once per skill, even in a later exchange that counts', async () => {
    const teacher = await newUser('Tess');
    const learner = await newUser('Lior');
    const first = await heldExchange(learner, teacher);
    await endorse(first, learner, ['Python']);
    // Forty days later the pair's rating window has reopened: the rating counts, the endorsement does not again.
    await testDb()
      .doc(`exchangePairs/${pairKey(learner, teacher)}`)
      .set({ ratingCountedAt: { [learner]: new Date(Date.now() - 40 * 86_400_000) } }, { merge: true });
    const second = await heldExchange(learner, teacher);
    await endorse(second, learner, ['Python']);
    const p = await profileOf(teacher);
    expect(p.rating.count).toBe(2);
    expect(p.endorsements).toEqual({ python: 1 });
    expect(p.endorsers.python.map((e: { uid: string }) => e.uid)).toEqual([learner]);
  });

  it('keeps the count of everyone and the names of the last three, newest first', async () => {
    const teacher = await newUser('Tess');
    const names = ['Ana', 'Bo', 'Cy', 'Di'];
    const learners: string[] = [];
    for (const name of names) {
      const learner = await newUser(name);
      learners.push(learner);
      await endorse(await heldExchange(learner, teacher), learner, ['Python']);
    }
    const p = await profileOf(teacher);
    expect(p.endorsements).toEqual({ python: 4 });
    expect(p.endorsers.python.map((e: { name: string }) => e.name)).toEqual(['Di', 'Cy', 'Bo']);
  });

  it('endorses what a requester taught when the provider rates them', async () => {
    const requester = await newUser('Rae');
    const provider = await newUser('Pia');
    const id = await heldExchange(requester, provider);
    await endorse(id, provider, ['Spanish', 'Python']);
    expect((await profileOf(requester)).endorsements).toEqual({ spanish: 1 });
  });

  it('puts the count on the match of someone who wants the endorsed skill', async () => {
    const py = uniqueId('Pythonic');
    const teacher = await newUser('Tess', { offeredSkills: [{ name: py, level: 'expert' }] });
    const learner = await newUser('Lior', { desiredSkills: [{ name: py, level: 'beginner' }] });
    const id = await heldExchange(learner, teacher, { requestedSkill: py });
    await endorse(id, learner, [py]);
    await waitFor(
      async () => ((await testDb().doc(`users/${teacher}`).get()).get('offeredSkillKeys') ?? []).length === 1,
      { what: 'skill keys kept' },
    );
    const me = (await testDb().doc(`users/${learner}`).get()).data() ?? {};
    await recomputeMatches(testDb(), learner, me);
    const match = (await testDb().doc(`users/${learner}/matches/${teacher}`).get()).data() ?? {};
    expect(match.theyOffer).toEqual([py]);
    expect(match.endorsements).toEqual({ [py]: 1 });
  });
});
