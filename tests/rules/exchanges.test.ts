// exchanges/{exchangeId} and its messages, sessions, feedback and typing indicators (SPEC §5.3).
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  arrayRemove,
  arrayUnion,
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  text,
  timestamp,
  useRulesTestEnv,
} from './helpers';

const TERMS = { commitmentHours: 10, frequency: 'weekly', cancellationPolicy: '24 hours notice' };

/** An exchange requested by rae (requester) from pia (provider). */
function exchange(status: string, overrides: DocData = {}): DocData {
  return {
    requesterId: 'rae',
    providerId: 'pia',
    participants: ['rae', 'pia'],
    offeredSkill: { name: 'Python', level: 'advanced' },
    requestedSkill: { name: 'Guitar', level: 'beginner' },
    message: 'Swap?',
    status,
    terms: null,
    termsAcceptedBy: [],
    completedBy: [],
    createdAt: clientTime(),
    updatedAt: clientTime(),
    ...overrides,
  };
}

describeRules('exchanges, messages, sessions, feedback, typing', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('rae', 'pia', 'olly', 'root'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'exchanges/pending': exchange('pending'),
      'exchanges/accepted': exchange('accepted', { terms: TERMS, termsAcceptedBy: ['pia'] }),
      'exchanges/agreed': exchange('accepted', { terms: TERMS, termsAcceptedBy: ['pia', 'rae'] }),
      'exchanges/active': exchange('active', { terms: TERMS, termsAcceptedBy: ['pia', 'rae'] }),
      'exchanges/confirming': exchange('active', {
        terms: TERMS,
        termsAcceptedBy: ['pia', 'rae'],
        completedBy: ['pia'],
      }),
      'exchanges/done': exchange('completed', { terms: TERMS, completedBy: ['pia', 'rae'] }),
      'exchanges/rejected': exchange('rejected'),
      'exchanges/samx': exchange('active', {
        requesterId: 'sam',
        participants: ['sam', 'pia'],
        terms: TERMS,
        termsAcceptedBy: ['sam', 'pia'],
      }),
      'exchanges/active/messages/m1': { senderId: 'rae', text: 'Hi', createdAt: clientTime() },
      'exchanges/active/sessions/s1': {
        scheduledAt: timestamp(new Date('2026-12-01T18:00:00Z')),
        durationMin: 60,
        status: 'scheduled',
        notes: '',
      },
      'exchanges/active/sessions/held1': {
        scheduledAt: timestamp(new Date('2026-11-01T18:00:00Z')),
        durationMin: 60,
        status: 'held',
        notes: '',
        confirmedBy: ['pia', 'rae'],
        held: {
          evidence: 'self-reported',
          heldAt: timestamp(new Date('2026-11-01T20:00:00Z')),
          confirmedBy: ['pia', 'rae'],
          observedMinutes: null,
        },
      },
      // A session part-way through its call: the server has recorded observed minutes.
      'exchanges/active/sessions/observing': {
        scheduledAt: timestamp(new Date(Date.now() - 5 * 60_000)),
        durationMin: 60,
        status: 'scheduled',
        notes: '',
        observedMinutes: 4,
      },
      'exchanges/active/sessions/observing/presence/rae': {
        uid: 'rae',
        intervals: [{ from: timestamp(new Date()), to: timestamp(new Date()) }],
        openSince: null,
      },
      'exchanges/done/feedback/pia': { rating: 5, comment: 'Great', endorsedSkills: ['Python'] },
      'exchanges/active/typing/pia': { typing: true, at: clientTime() },
    });
  });

  describe('exchanges/{exchangeId} creation', () => {
    // Requests are created only by the requestExchange callable (verified email, at most 10
    // pending and 20 a day, counted in a transaction); no client writes one directly.
    const request = (overrides: DocData = {}): DocData => ({
      requesterId: 'rae',
      providerId: 'olly',
      participants: ['rae', 'olly'],
      offeredSkill: 'Python',
      requestedSkill: 'Spanish',
      message: 'Want to swap?',
      status: 'pending',
      terms: null,
      termsAcceptedBy: [],
      completedBy: [],
      createdAt: serverTime(),
      updatedAt: serverTime(),
      ...overrides,
    });

    it('denies a well-formed pending request from a client, even with a verified email', async () => {
      await expectDenied(dbAs('rae').collection('exchanges').add(request()));
      await expectDenied(dbAs('rae', { email_verified: true }).collection('exchanges').add(request()));
      await expectDenied(dbAs('rae', { email_verified: true }).doc('exchanges/chosen-id').set(request()));
    });

    it('denies admins, suspended users and signed-out visitors too', async () => {
      await expectDenied(
        dbAs('ada', { admin: true, email_verified: true }).collection('exchanges').add(request()),
      );
      await expectDenied(
        dbAs('sam')
          .collection('exchanges')
          .add(request({ requesterId: 'sam', participants: ['sam', 'olly'] })),
      );
      await expectDenied(anonDb().collection('exchanges').add(request()));
    });

    it('denies the exchange-request quota document to clients', async () => {
      await expectDenied(dbAs('rae').doc('users/rae/private/exchangeQuota').get());
      await expectDenied(
        dbAs('rae', { email_verified: true })
          .doc('users/rae/private/exchangeQuota')
          .set({ day: '2026-01-01', createdToday: 0 }),
      );
    });
  });

  describe('exchanges/{exchangeId} reads', () => {
    it('lets both participants and admins read the exchange', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/pending').get());
      await expectAllowed(dbAs('pia').doc('exchanges/pending').get());
      await expectAllowed(dbAs('root', ADMIN).doc('exchanges/pending').get());
    });

    it('denies anyone else reading it', async () => {
      await expectDenied(dbAs('olly').doc('exchanges/pending').get());
      await expectDenied(anonDb().doc('exchanges/pending').get());
    });

    it('lets a user list the exchanges they take part in, and nothing wider', async () => {
      await expectAllowed(
        dbAs('rae').collection('exchanges').where('participants', 'array-contains', 'rae').get(),
      );
      await expectDenied(dbAs('rae').collection('exchanges').get());
      await expectDenied(
        dbAs('olly').collection('exchanges').where('participants', 'array-contains', 'rae').get(),
      );
    });
  });

  describe('exchanges/{exchangeId} status flow', () => {
    it('lets the provider accept or reject a pending request', async () => {
      await expectAllowed(
        dbAs('pia').doc('exchanges/pending').update({ status: 'accepted', updatedAt: serverTime() }),
      );
      await seed({ 'exchanges/pending': exchange('pending') });
      await expectAllowed(dbAs('pia').doc('exchanges/pending').update({ status: 'rejected' }));
    });

    it('denies the requester accepting or rejecting their own request', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/pending').update({ status: 'accepted' }));
      await expectDenied(dbAs('rae').doc('exchanges/pending').update({ status: 'rejected' }));
    });

    it('lets the requester cancel a pending request, and not the provider', async () => {
      await expectDenied(dbAs('pia').doc('exchanges/pending').update({ status: 'cancelled' }));
      await expectAllowed(dbAs('rae').doc('exchanges/pending').update({ status: 'cancelled' }));
    });

    it('denies skipping steps: pending straight to active or completed', async () => {
      await expectDenied(dbAs('pia').doc('exchanges/pending').update({ status: 'active' }));
      await expectDenied(dbAs('pia').doc('exchanges/pending').update({ status: 'completed' }));
    });

    it('lets a participant activate an accepted exchange once both accepted the terms', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/agreed').update({ status: 'active' }));
    });

    it('denies activation while only one participant accepted the terms', async () => {
      await expectDenied(dbAs('pia').doc('exchanges/accepted').update({ status: 'active' }));
    });

    it('lets the second participant accept the terms and activate in one write', async () => {
      await expectAllowed(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ termsAcceptedBy: arrayUnion('rae'), status: 'active', updatedAt: serverTime() }),
      );
    });

    it('denies accepted → completed (the exchange must be active first)', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/agreed')
          .update({ status: 'completed', completedBy: ['pia', 'rae'] }),
      );
    });

    it('lets either participant cancel an accepted or active exchange', async () => {
      await expectAllowed(dbAs('pia').doc('exchanges/accepted').update({ status: 'cancelled' }));
      await expectAllowed(dbAs('rae').doc('exchanges/active').update({ status: 'cancelled' }));
    });

    it('lets a participant complete an active exchange once both confirmed', async () => {
      await expectAllowed(
        dbAs('rae')
          .doc('exchanges/confirming')
          .update({ completedBy: arrayUnion('rae'), status: 'completed' }),
      );
    });

    it('denies completion while only one participant confirmed', async () => {
      await expectDenied(dbAs('pia').doc('exchanges/confirming').update({ status: 'completed' }));
      await expectDenied(dbAs('rae').doc('exchanges/active').update({ status: 'completed' }));
    });

    it('denies leaving a final status (completed, rejected)', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/done').update({ status: 'active' }));
      await expectDenied(dbAs('pia').doc('exchanges/rejected').update({ status: 'accepted' }));
      await expectDenied(dbAs('rae').doc('exchanges/done').update({ status: 'cancelled' }));
    });

    it('denies outsiders changing the status', async () => {
      await expectDenied(dbAs('olly').doc('exchanges/pending').update({ status: 'accepted' }));
      await expectDenied(dbAs('olly').doc('exchanges/active').update({ status: 'cancelled' }));
    });

    it('denies a suspended participant changing the status', async () => {
      await expectDenied(dbAs('sam').doc('exchanges/samx').update({ status: 'cancelled' }));
    });
  });

  describe('exchanges/{exchangeId} terms and confirmations', () => {
    it('lets a participant propose terms, which leaves only their own acceptance', async () => {
      await expectAllowed(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ terms: { ...TERMS, commitmentHours: 20 }, termsAcceptedBy: ['rae'] }),
      );
    });

    it('denies editing terms while keeping the other participant’s acceptance', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ terms: { ...TERMS, commitmentHours: 20 }, termsAcceptedBy: ['pia', 'rae'] }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ terms: { ...TERMS, commitmentHours: 20 } }),
      );
    });

    it('denies changing terms once the exchange is active', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/active')
          .update({ terms: { ...TERMS, commitmentHours: 1 }, termsAcceptedBy: ['rae'] }),
      );
    });

    it('denies malformed terms', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({
            terms: { commitmentHours: -5, frequency: 'weekly', cancellationPolicy: '' },
            termsAcceptedBy: ['rae'],
          }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ terms: { frequency: 'weekly' }, termsAcceptedBy: ['rae'] }),
      );
    });

    it('lets a participant accept the current terms as themselves', async () => {
      await expectAllowed(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ termsAcceptedBy: arrayUnion('rae') }),
      );
    });

    it('denies accepting terms before any were proposed', async () => {
      await expectDenied(
        dbAs('pia')
          .doc('exchanges/pending')
          .update({ termsAcceptedBy: arrayUnion('pia') }),
      );
    });

    it('denies accepting terms on behalf of the other participant', async () => {
      await expectDenied(
        dbAs('pia')
          .doc('exchanges/pending')
          .update({ terms: TERMS, termsAcceptedBy: ['pia', 'rae'] }),
      );
      await expectDenied(
        dbAs('pia')
          .doc('exchanges/accepted')
          .update({ termsAcceptedBy: ['pia', 'rae'] }),
      );
    });

    it('denies withdrawing the other participant’s acceptance', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/accepted')
          .update({ termsAcceptedBy: arrayRemove('pia') }),
      );
    });

    it('lets a participant confirm completion as themselves while active', async () => {
      await expectAllowed(
        dbAs('rae')
          .doc('exchanges/active')
          .update({ completedBy: arrayUnion('rae') }),
      );
    });

    it('denies confirming completion for the other participant or before the exchange is active', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/active')
          .update({ completedBy: ['rae', 'pia'] }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/active')
          .update({ completedBy: arrayUnion('pia') }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/agreed')
          .update({ completedBy: arrayUnion('rae') }),
      );
    });

    it('denies changing requester, provider, participants or createdAt', async () => {
      const ref = dbAs('rae').doc('exchanges/active');
      await expectDenied(ref.update({ requesterId: 'olly' }));
      await expectDenied(ref.update({ providerId: 'olly' }));
      await expectDenied(ref.update({ participants: ['rae', 'pia', 'olly'] }));
      await expectDenied(ref.update({ createdAt: serverTime() }));
      await expectDenied(ref.update({ offeredSkill: 'Cooking' }));
    });

    it('denies deleting an exchange', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/pending').delete());
    });
  });

  describe('exchanges/{id}/messages', () => {
    const message = (senderId: string, overrides: DocData = {}): DocData => ({
      senderId,
      text: 'See you Tuesday',
      attachments: [],
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets participants read the chat, and nobody else', async () => {
      await expectAllowed(dbAs('pia').collection('exchanges/active/messages').get());
      await expectDenied(dbAs('olly').collection('exchanges/active/messages').get());
    });

    it('lets a participant post as themselves while pending, accepted or active', async () => {
      await expectAllowed(dbAs('rae').collection('exchanges/pending/messages').add(message('rae')));
      await expectAllowed(dbAs('pia').collection('exchanges/accepted/messages').add(message('pia')));
      await expectAllowed(dbAs('pia').collection('exchanges/active/messages').add(message('pia')));
    });

    it('denies posting as the other participant', async () => {
      await expectDenied(dbAs('rae').collection('exchanges/active/messages').add(message('pia')));
    });

    it('denies outsiders posting', async () => {
      await expectDenied(dbAs('olly').collection('exchanges/active/messages').add(message('olly')));
    });

    it('denies posting once the exchange is completed, rejected or cancelled', async () => {
      await expectDenied(dbAs('rae').collection('exchanges/done/messages').add(message('rae')));
      await expectDenied(dbAs('rae').collection('exchanges/rejected/messages').add(message('rae')));
    });

    it('allows 1–4000 characters and denies empty or longer text', async () => {
      await expectAllowed(
        dbAs('rae')
          .collection('exchanges/active/messages')
          .add(message('rae', { text: text(4000) })),
      );
      await expectDenied(
        dbAs('rae')
          .collection('exchanges/active/messages')
          .add(message('rae', { text: '' })),
      );
      await expectDenied(
        dbAs('rae')
          .collection('exchanges/active/messages')
          .add(message('rae', { text: text(4001) })),
      );
    });

    it('denies a client-chosen createdAt', async () => {
      await expectDenied(
        dbAs('rae')
          .collection('exchanges/active/messages')
          .add(message('rae', { createdAt: clientTime() })),
      );
    });

    it('denies editing or deleting messages, one’s own included', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/active/messages/m1').update({ text: 'edited' }));
      await expectDenied(dbAs('pia').doc('exchanges/active/messages/m1').update({ text: 'edited' }));
      await expectDenied(dbAs('rae').doc('exchanges/active/messages/m1').delete());
    });

    it('denies a suspended participant posting', async () => {
      await expectDenied(dbAs('sam').collection('exchanges/samx/messages').add(message('sam')));
    });
  });

  describe('exchanges/{id}/sessions', () => {
    const inDays = (days: number) => timestamp(new Date(Date.now() + days * 86_400_000));
    const session = (overrides: DocData = {}): DocData => ({
      scheduledAt: inDays(1),
      durationMin: 60,
      status: 'scheduled',
      notes: 'Chords',
      createdBy: 'rae',
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets participants read sessions, and nobody else', async () => {
      await expectAllowed(dbAs('rae').collection('exchanges/active/sessions').get());
      await expectDenied(dbAs('olly').collection('exchanges/active/sessions').get());
    });

    it('lets a participant schedule a session in an accepted or active exchange', async () => {
      await expectAllowed(dbAs('rae').collection('exchanges/active/sessions').add(session()));
      await expectAllowed(dbAs('rae').collection('exchanges/agreed/sessions').add(session()));
    });

    it('denies scheduling before the provider accepted', async () => {
      await expectDenied(dbAs('rae').collection('exchanges/pending/sessions').add(session()));
    });

    it('denies outsiders scheduling and sessions created in someone else’s name', async () => {
      await expectDenied(
        dbAs('olly')
          .collection('exchanges/active/sessions')
          .add(session({ createdBy: 'olly' })),
      );
      await expectDenied(
        dbAs('rae')
          .collection('exchanges/active/sessions')
          .add(session({ createdBy: 'pia' })),
      );
    });

    it('denies malformed sessions', async () => {
      const sessions = dbAs('rae').collection('exchanges/active/sessions');
      await expectDenied(sessions.add(session({ status: 'paid' })));
      await expectDenied(sessions.add(session({ durationMin: 0 })));
      await expectDenied(sessions.add(session({ scheduledAt: 'tomorrow' })));
    });

    it('denies logging a session after the fact: scheduledAt in the past, or a client createdAt (issue 15)', async () => {
      const sessions = dbAs('rae').collection('exchanges/active/sessions');
      await expectDenied(sessions.add(session({ scheduledAt: inDays(-1) })));
      await expectDenied(
        sessions.add(session({ scheduledAt: timestamp(new Date(Date.now() - 10 * 60_000)) })),
      );
      await expectDenied(sessions.add(session({ createdAt: timestamp(new Date(Date.now() - 86_400_000)) })));
      const { createdAt: _omitted, ...withoutCreatedAt } = session();
      await expectDenied(sessions.add(withoutCreatedAt));
      // Starting now (a couple of minutes ago at most) is fine.
      await expectAllowed(sessions.add(session({ scheduledAt: timestamp(new Date(Date.now() - 60_000)) })));
      // Moving a session into the past is refused; moving it to the future is fine.
      await expectDenied(
        dbAs('pia')
          .doc('exchanges/active/sessions/s1')
          .update({ scheduledAt: inDays(-2) }),
      );
      await expectAllowed(
        dbAs('pia')
          .doc('exchanges/active/sessions/s1')
          .update({ scheduledAt: inDays(2) }),
      );
    });

    it('keeps observed minutes server-owned, and a session with them can still be rescheduled', async () => {
      const sessions = dbAs('rae').collection('exchanges/active/sessions');
      await expectDenied(sessions.add(session({ observedMinutes: 12 })));
      const observing = dbAs('pia').doc('exchanges/active/sessions/observing');
      await expectDenied(observing.update({ observedMinutes: 12 }));
      await expectAllowed(observing.update({ notes: 'Bring the chord chart' }));
    });

    it('call presence: participants read it, nobody writes it (only the server observes)', async () => {
      const presence = 'exchanges/active/sessions/observing/presence';
      await expectAllowed(dbAs('pia').doc(`${presence}/rae`).get());
      await expectAllowed(dbAs('rae').collection(presence).get());
      await expectDenied(dbAs('olly').doc(`${presence}/rae`).get());
      await expectDenied(anonDb().doc(`${presence}/rae`).get());
      const interval = { from: timestamp(new Date()), to: timestamp(new Date()) };
      await expectDenied(
        dbAs('rae')
          .doc(`${presence}/rae`)
          .set({ uid: 'rae', intervals: [interval] }),
      );
      await expectDenied(
        dbAs('rae')
          .doc(`${presence}/rae`)
          .update({ intervals: [interval, interval] }),
      );
      await expectDenied(
        dbAs('pia')
          .doc(`${presence}/pia`)
          .set({ uid: 'pia', intervals: [interval] }),
      );
      await expectDenied(dbAs('olly').doc(`${presence}/olly`).set({ uid: 'olly', intervals: [] }));
      await expectDenied(dbAs('rae').doc(`${presence}/rae`).delete());
    });

    it('lets a participant reschedule or cancel a session, and denies outsiders', async () => {
      const s1 = 'exchanges/active/sessions/s1';
      await expectAllowed(
        dbAs('pia')
          .doc(s1)
          .update({ scheduledAt: inDays(3) }),
      );
      await expectAllowed(dbAs('pia').doc(s1).update({ status: 'cancelled' }));
      await expectDenied(dbAs('olly').doc(s1).update({ status: 'cancelled' }));
    });

    it('keeps whether a session was held server-owned (issue 15)', async () => {
      const s1 = dbAs('pia').doc('exchanges/active/sessions/s1');
      await expectDenied(s1.update({ status: 'completed' }));
      await expectDenied(s1.update({ status: 'held' }));
      await expectDenied(s1.update({ confirmedBy: ['pia', 'rae'] }));
      await expectDenied(
        s1.update({
          held: { evidence: 'observed', heldAt: serverTime(), confirmedBy: [], observedMinutes: 60 },
        }),
      );
      const sessions = dbAs('rae').collection('exchanges/active/sessions');
      await expectDenied(sessions.add(session({ status: 'completed' })));
      await expectDenied(sessions.add(session({ status: 'held' })));
      await expectDenied(sessions.add(session({ confirmedBy: ['rae', 'pia'] })));
      // A held session is frozen for clients: no un-holding, no rescheduling it.
      const held = dbAs('pia').doc('exchanges/active/sessions/held1');
      await expectDenied(held.update({ status: 'scheduled' }));
      await expectDenied(held.update({ notes: 'moved' }));
    });

    it('denies deleting a session', async () => {
      await expectDenied(dbAs('pia').doc('exchanges/active/sessions/s1').delete());
    });
  });

  describe('exchanges/{id}/feedback/{uid}', () => {
    const feedback = {
      uid: 'rae',
      rating: 5,
      comment: 'Patient teacher',
      endorsedSkills: ['Guitar'],
      createdAt: serverTime(),
    };

    it('lets a participant rate a completed exchange once, as themselves', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/done/feedback/rae').set(feedback));
    });

    it('denies feedback before the exchange is completed', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/active/feedback/rae').set(feedback));
    });

    it('denies feedback in the other participant’s name and from outsiders', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/done/feedback/olly')
          .set({ ...feedback, uid: 'olly' }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/done/feedback/rae')
          .set({ ...feedback, uid: 'pia' }),
      );
      await expectDenied(
        dbAs('olly')
          .doc('exchanges/done/feedback/olly')
          .set({ ...feedback, uid: 'olly' }),
      );
    });

    it('denies a second or changed rating', async () => {
      await expectDenied(
        dbAs('pia')
          .doc('exchanges/done/feedback/pia')
          .set({ ...feedback, uid: 'pia', rating: 1 }),
      );
      await expectDenied(dbAs('pia').doc('exchanges/done/feedback/pia').update({ rating: 1 }));
      await expectDenied(dbAs('pia').doc('exchanges/done/feedback/pia').delete());
    });

    it('denies ratings outside 1–5', async () => {
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/done/feedback/rae')
          .set({ ...feedback, rating: 0 }),
      );
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/done/feedback/rae')
          .set({ ...feedback, rating: 6 }),
      );
    });

    it('lets participants read feedback, and nobody else', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/done/feedback/pia').get());
      await expectDenied(dbAs('olly').doc('exchanges/done/feedback/pia').get());
    });
  });

  describe('exchanges/{id}/typing/{uid}', () => {
    it('lets a participant set and clear their own typing indicator', async () => {
      await expectAllowed(
        dbAs('rae').doc('exchanges/active/typing/rae').set({ uid: 'rae', typing: true, at: serverTime() }),
      );
      await expectAllowed(dbAs('rae').doc('exchanges/active/typing/rae').delete());
    });

    it('denies setting the other participant’s indicator', async () => {
      await expectDenied(
        dbAs('rae').doc('exchanges/active/typing/pia').set({ typing: false, at: serverTime() }),
      );
      await expectDenied(dbAs('rae').doc('exchanges/active/typing/pia').delete());
    });

    it('denies outsiders setting an indicator and a client-chosen time', async () => {
      await expectDenied(
        dbAs('olly').doc('exchanges/active/typing/olly').set({ typing: true, at: serverTime() }),
      );
      await expectDenied(
        dbAs('rae').doc('exchanges/active/typing/rae').set({ typing: true, at: clientTime() }),
      );
    });

    it('lets participants read typing indicators, and nobody else', async () => {
      await expectAllowed(dbAs('rae').collection('exchanges/active/typing').get());
      await expectDenied(dbAs('olly').collection('exchanges/active/typing').get());
    });
  });

  describe('server-maintained exchange fields: lastMessage, unread, markers', () => {
    beforeEach(async () => {
      await seed({
        'exchanges/chatty': exchange('active', {
          terms: TERMS,
          termsAcceptedBy: ['pia', 'rae'],
          lastMessage: { text: 'Hi', senderId: 'pia', at: clientTime() },
          unread: { rae: 3, pia: 1 },
        }),
      });
    });

    it('lets a participant mark the chat read: their own unread counter back to 0', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/chatty').update({ 'unread.rae': 0 }));
      await expectAllowed(dbAs('pia').doc('exchanges/chatty').update({ 'unread.pia': 0 }));
    });

    it('denies resetting the other participant’s counter, setting it to anything but 0, or outsiders', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/chatty').update({ 'unread.pia': 0 }));
      await expectDenied(dbAs('rae').doc('exchanges/chatty').update({ 'unread.rae': 7 }));
      await expectDenied(
        dbAs('rae')
          .doc('exchanges/chatty')
          .update({ unread: { rae: 0, pia: 0 } }),
      );
      await expectDenied(dbAs('olly').doc('exchanges/chatty').update({ 'unread.olly': 0 }));
    });

    it('denies clients writing lastMessage or markers', async () => {
      const ref = dbAs('rae').doc('exchanges/chatty');
      await expectDenied(ref.update({ lastMessage: { text: 'forged', senderId: 'pia', at: serverTime() } }));
      await expectDenied(ref.update({ 'markers.rewarded': serverTime() }));
      await expectDenied(ref.update({ people: { rae: { displayName: 'Forged', photoURL: null } } }));
      await expectDenied(ref.update({ 'unread.rae': 0, 'markers.rewarded': serverTime() }));
    });
  });

  describe('exchanges/{exchangeId} progress milestones', () => {
    const milestones = [
      { id: 'm1', title: 'Play three chords', done: true },
      { id: 'm2', title: 'Read a CSV with pandas', done: false },
    ];

    it('lets participants edit milestones while accepted or active', async () => {
      await expectAllowed(dbAs('rae').doc('exchanges/active').update({ milestones }));
      await expectAllowed(
        dbAs('pia').doc('exchanges/accepted').update({ milestones, updatedAt: serverTime() }),
      );
    });

    it('denies milestones while pending or once completed, more than 20, or from outsiders', async () => {
      await expectDenied(dbAs('rae').doc('exchanges/pending').update({ milestones }));
      await expectDenied(dbAs('rae').doc('exchanges/done').update({ milestones }));
      const many = Array.from({ length: 21 }, (_, i) => ({ id: `m${i}`, title: 'x', done: false }));
      await expectDenied(dbAs('rae').doc('exchanges/active').update({ milestones: many }));
      await expectDenied(dbAs('olly').doc('exchanges/active').update({ milestones }));
    });
  });

  describe('matching data: users/{uid}/matches, skill keys, skillEmbeddings', () => {
    beforeEach(async () => {
      await seed({
        'users/rae/matches/pia': { score: 80, breakdown: {}, theyOffer: ['Guitar'], theyWant: ['Python'] },
        'skillEmbeddings/python': { key: 'python', model: 'text-embedding-3-small', vector: [0.1, 0.2] },
      });
    });

    it('lets the owner read their matches, and nobody else', async () => {
      await expectAllowed(dbAs('rae').collection('users/rae/matches').get());
      await expectDenied(dbAs('pia').collection('users/rae/matches').get());
      await expectDenied(anonDb().doc('users/rae/matches/pia').get());
    });

    it('denies every client write to matches, the owner’s included', async () => {
      await expectDenied(dbAs('rae').doc('users/rae/matches/pia').update({ score: 100 }));
      await expectDenied(dbAs('rae').doc('users/rae/matches/olly').set({ score: 100 }));
      await expectDenied(dbAs('rae').doc('users/rae/matches/pia').delete());
    });

    it('denies the owner writing the server-maintained skill keys, endorsements or stats', async () => {
      const me = dbAs('rae').doc('users/rae');
      await expectDenied(me.update({ offeredSkillKeys: ['python'] }));
      await expectDenied(me.update({ desiredSkillKeys: ['guitar'] }));
      await expectDenied(me.update({ 'endorsements.python': 99 }));
      await expectDenied(me.update({ 'stats.requestsAnswered': 10 }));
      await expectAllowed(me.update({ offeredSkills: [{ name: 'Python', level: 'expert' }] }));
    });

    it('lets anyone search people by a skill key (the public profile)', async () => {
      await expectAllowed(
        anonDb().collection('users').where('offeredSkillKeys', 'array-contains', 'python').limit(20).get(),
      );
    });

    it('keeps skillEmbeddings server-only: admins read, no client reads or writes', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('skillEmbeddings/python').get());
      await expectDenied(dbAs('rae').doc('skillEmbeddings/python').get());
      await expectDenied(anonDb().collection('skillEmbeddings').get());
      await expectDenied(
        dbAs('rae')
          .doc('skillEmbeddings/guitar')
          .set({ key: 'guitar', vector: [1] }),
      );
      await expectDenied(dbAs('root', ADMIN).doc('skillEmbeddings/python').delete());
    });

    it('lets anyone read the skill directory for suggestions, and no client write it', async () => {
      await seed({
        'skills/python': { key: 'python', name: 'Python', offeredCount: 3, desiredCount: 5, userCount: 8 },
      });
      await expectAllowed(anonDb().collection('skills').orderBy('userCount', 'desc').limit(50).get());
      await expectAllowed(dbAs('rae').doc('skills/python').get());
      await expectDenied(dbAs('rae').doc('skills/python').update({ offeredCount: 100 }));
      await expectDenied(dbAs('rae').doc('skills/rust').set({ key: 'rust', name: 'Rust', userCount: 1 }));
      await expectDenied(dbAs('root', ADMIN).doc('skills/python').delete());
    });
  });
});
