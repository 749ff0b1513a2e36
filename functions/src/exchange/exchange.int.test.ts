import { pointEventId } from '@skillverse/domain/gamification';
import type { DocumentData } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import {
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  seedProfile,
  settle,
  testDb,
  uniqueId,
  waitFor,
  waitForDoc,
} from '../../test/emulator';
import { handleFeedbackCreated, handleMessageCreated } from './exchange-activity';
import { handleExchangeWrite } from './exchange-lifecycle';

const users: string[] = [];
const exchanges: string[] = [];
afterAll(async () => {
  if (!emulatorsRunning) return;
  const db = testDb();
  for (const id of exchanges) await db.recursiveDelete(db.doc(`exchanges/${id}`));
  for (const uid of users) await deleteUserData(db, uid);
});

async function newUser(overrides: Record<string, unknown> = {}) {
  const uid = uniqueId('xuser');
  users.push(uid);
  await seedProfile(testDb(), uid, overrides, { email: `${uid}@example.test` });
  return uid;
}

async function newExchange(requesterId: string, providerId: string, data: DocumentData = {}) {
  const db = testDb();
  const id = uniqueId('x');
  exchanges.push(id);
  const doc = {
    requesterId,
    providerId,
    participants: [requesterId, providerId],
    offeredSkill: 'Spanish',
    requestedSkill: 'Python',
    message: 'Swap?',
    status: 'pending',
    terms: null,
    termsAcceptedBy: [],
    completedBy: [],
    createdAt: new Date(),
    updatedAt: new Date(),
    ...data,
  };
  await db.doc(`exchanges/${id}`).set(doc);
  return { id, doc };
}

/** A session both people confirmed after it ended (what confirmExchangeSession writes). */
async function heldSession(exchangeId: string, people: string[]) {
  await testDb()
    .collection(`exchanges/${exchangeId}/sessions`)
    .doc()
    .set({
      scheduledAt: new Date(Date.now() - 7_200_000),
      durationMin: 60,
      status: 'held',
      notes: '',
      confirmedBy: people,
      held: { evidence: 'self-reported', heldAt: new Date(), confirmedBy: people, observedMinutes: null },
    });
}

const stat = async (uid: string, key: string) =>
  ((await testDb().doc(`users/${uid}`).get()).get(`stats.${key}`) as number | undefined) ?? 0;

describe.skipIf(!emulatorsRunning)('exchange lifecycle', () => {
  it('notifies the provider of a request and the requester of the acceptance, and measures responsiveness once', async () => {
    const db = testDb();
    const rae = await newUser({ displayName: 'Rae' });
    const pia = await newUser({ displayName: 'Pia' });
    const mailer = new FakeMailer();
    const { id, doc } = await newExchange(rae, pia);

    const request = await waitForDoc(db.doc(`notifications/${pia}/items/exchange_request_${id}`));
    expect(request.data()).toMatchObject({ type: 'exchange_request', link: `/skill-exchange/${id}` });
    expect(request.get('title')).toContain('Rae');
    // The requester's words reach the provider's inbox only quoted, under a platform subject.
    const mail = await waitForDoc(db.doc(`mailLog/${pia}_exchange_request_${id}`));
    expect(mail.get('subject')).toBe('New skill-swap request from “Rae”');
    expect(mail.get('text')).toContain('“Rae” wrote (their words, not SkillVerse’s):\n> Swap?');
    await waitFor(async () => (await stat(pia, 'requestsReceived')) === 1, { what: 'request counted' });
    const people = await waitForDoc(db.doc(`exchanges/${id}`), (s) => Boolean(s.get('people')));
    expect(people.get('people')).toEqual({
      [rae]: { displayName: 'Rae', photoURL: null },
      [pia]: { displayName: 'Pia', photoURL: null },
    });
    // A repeat delivery of the creation counts nothing twice.
    await handleExchangeWrite(db, id, null, doc, { mailer });
    expect(await stat(pia, 'requestsReceived')).toBe(1);

    const accepted = { ...doc, status: 'accepted' };
    await db.doc(`exchanges/${id}`).update({ status: 'accepted' });
    await Promise.all([
      handleExchangeWrite(db, id, doc, accepted, { mailer }),
      handleExchangeWrite(db, id, doc, accepted, { mailer }),
    ]);
    await waitForDoc(db.doc(`notifications/${rae}/items/exchange_accepted_${id}`));
    await settle();
    expect(await stat(pia, 'requestsAnswered')).toBe(1);
    expect(await stat(pia, 'requestsReceived')).toBe(1);
    expect(await stat(pia, 'responseSecondsTotal')).toBeGreaterThanOrEqual(0);
  });

  it('awards 75 points to each participant once when completed, even when delivered twice', async () => {
    const db = testDb();
    const rae = await newUser();
    const pia = await newUser();
    const { id, doc } = await newExchange(rae, pia, {
      status: 'active',
      terms: { commitmentHours: 5, frequency: 'weekly', cancellationPolicy: '24h' },
      termsAcceptedBy: [rae, pia],
      completedBy: [rae],
    });
    const completed = { ...doc, status: 'completed', completedBy: [rae, pia] };
    await heldSession(id, [rae, pia]);
    await db.doc(`exchanges/${id}`).update({ status: 'completed', completedBy: [rae, pia] });
    const mailer = new FakeMailer();
    const effects = await Promise.all([
      handleExchangeWrite(db, id, doc, completed, { mailer }),
      handleExchangeWrite(db, id, doc, completed, { mailer }),
    ]);
    expect(effects.flat().filter((e) => e === 'rewarded').length).toBeLessThanOrEqual(1);
    const late = await handleExchangeWrite(db, id, doc, completed, { mailer });
    expect(late).not.toContain('rewarded');

    for (const uid of [rae, pia]) {
      await waitForDoc(db.doc(`users/${uid}/pointEvents/${pointEventId.exchange(id)}`), (s) =>
        Boolean(s.get('appliedAt')),
      );
    }
    await settle();
    for (const uid of [rae, pia]) {
      const user = (await db.doc(`users/${uid}`).get()).data() ?? {};
      expect(user.stats.exchangesCompleted).toBe(1);
      expect(user.gamification.points).toBe(75);
      expect(user.gamification.badges).toContain('skill-sharer');
    }
    expect((await db.doc(`exchanges/${id}`).get()).get('markers.rewarded')).toBeTruthy();
  });

  it('does not reward an exchange imported as already completed', async () => {
    const db = testDb();
    const rae = await newUser();
    const pia = await newUser();
    const { id } = await newExchange(rae, pia, { status: 'completed', completedBy: [rae, pia] });
    await settle(2500);
    expect((await db.doc(`users/${rae}/pointEvents/${pointEventId.exchange(id)}`).get()).exists).toBe(false);
    expect(await stat(rae, 'exchangesCompleted')).toBe(0);
  });
});

describe.skipIf(!emulatorsRunning)('exchange chat and feedback', () => {
  it('updates lastMessage and the recipient’s unread count once per message, and notifies them', async () => {
    const db = testDb();
    const rae = await newUser({ displayName: 'Rae' });
    const pia = await newUser();
    const { id } = await newExchange(rae, pia, { status: 'accepted' });
    const ref = db.collection(`exchanges/${id}/messages`).doc();
    await ref.set({
      senderId: rae,
      text: 'See you on Tuesday at 7?',
      attachments: [],
      createdAt: new Date(),
    });
    const results = await Promise.all([
      handleMessageCreated(db, id, ref.id, { mailer: new FakeMailer() }),
      handleMessageCreated(db, id, ref.id, { mailer: new FakeMailer() }),
    ]);
    expect(results.filter((r) => r === 'applied').length).toBeLessThanOrEqual(1);
    await waitForDoc(ref, (s) => Boolean(s.get('appliedAt')));
    await settle();
    const exchange = (await db.doc(`exchanges/${id}`).get()).data() ?? {};
    expect(exchange.lastMessage).toMatchObject({
      id: ref.id,
      text: 'See you on Tuesday at 7?',
      senderId: rae,
    });
    expect(exchange.unread).toEqual({ [pia]: 1 });
    const note = await waitForDoc(db.doc(`notifications/${pia}/items/exchange_message_${id}_${ref.id}`));
    expect(note.get('title')).toBe('New message from “Rae”');
    // In-app only by default: no email for chat messages.
    expect((await db.doc(`mailLog/${pia}_exchange_message_${id}_${ref.id}`).get()).exists).toBe(false);
  });

  it('updates the rated person’s rating and endorsements exactly once and grants Top Rated', async () => {
    const db = testDb();
    const rae = await newUser();
    const pia = await newUser({ rating: { average: 4.5, count: 2 } });
    const { id } = await newExchange(rae, pia, { status: 'completed', completedBy: [rae, pia] });
    await heldSession(id, [rae, pia]);
    await db.doc(`exchanges/${id}/feedback/${rae}`).set({
      rating: 5,
      comment: 'Patient and clear',
      endorsedSkills: ['Py', 'Python'],
      createdAt: new Date(),
    });
    await Promise.all([handleFeedbackCreated(db, id, rae), handleFeedbackCreated(db, id, rae)]);
    expect(await handleFeedbackCreated(db, id, rae)).toBe('already-applied');
    await settle();
    const user = (await db.doc(`users/${pia}`).get()).data() ?? {};
    expect(user.rating).toEqual({ average: 4.67, count: 3 });
    expect(user.endorsements).toEqual({ python: 1 });
    await waitFor(
      async () =>
        ((await db.doc(`users/${pia}`).get()).get('gamification.badges') ?? []).includes('top-rated'),
      {
        what: 'Top Rated badge',
      },
    );
  });
});
