// exchangeCycles/{id} (3-way swap proposals, written only by functions) and
// exchangeCycles/{id}/messages (the group room of an active cycle) and
// exchangeCycles/{id}/sessions (its group sessions: planned by the three, held only by the server).
import { beforeEach, describe, it } from 'vitest';
import {
  anonDb,
  arrayUnion,
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  timestamp,
} from './helpers';
import { useRulesTestEnv } from './helpers';

const cycle = (status: string) => ({
  participants: ['ana', 'ben', 'caro'],
  edges: [
    { from: 'ana', to: 'ben', skill: 'Spanish', skillKey: 'spanish', alternatives: [] },
    { from: 'ben', to: 'caro', skill: 'Guitar', skillKey: 'guitar', alternatives: [] },
    { from: 'caro', to: 'ana', skill: 'Python', skillKey: 'python', alternatives: [] },
  ],
  window: { startMin: 540, endMin: 720 },
  status,
  acceptedBy: status === 'active' ? ['ana', 'ben', 'caro'] : [],
  createdAt: clientTime(),
  expiresAt: clientTime(),
});

const inMinutes = (min: number) => timestamp(new Date(Date.now() + min * 60_000));
const groupSession = (createdBy: string, overrides: Record<string, unknown> = {}) => ({
  scheduledAt: inMinutes(60),
  durationMin: 60,
  status: 'scheduled',
  notes: 'Round one',
  createdBy,
  createdAt: serverTime(),
  ...overrides,
});

const message = (senderId: string, text = 'Hello all') => ({ senderId, text, createdAt: serverTime() });

describeRules('swap cycles', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('ana', 'ben', 'caro', 'olga'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'exchangeCycles/open': cycle('proposed'),
      'exchangeCycles/live': cycle('active'),
      'exchangeCycles/live/messages/m1': { senderId: 'ben', text: 'Hi', createdAt: clientTime() },
      'exchangeCycles/suspended': { ...cycle('active'), participants: ['ana', 'ben', 'sam'] },
      'exchangeCycles/live/sessions/s1': {
        scheduledAt: inMinutes(60),
        durationMin: 60,
        status: 'scheduled',
        notes: '',
        createdBy: 'ana',
        createdAt: clientTime(),
      },
      'exchangeCycles/live/sessions/held1': {
        scheduledAt: inMinutes(-120),
        durationMin: 60,
        status: 'held',
        notes: '',
        createdBy: 'ana',
        createdAt: clientTime(),
        confirmedBy: ['ana', 'ben', 'caro'],
        held: { evidence: 'self-reported', heldAt: clientTime(), confirmedBy: ['ana', 'ben', 'caro'] },
      },
      'exchangeCycles/live/sessions/s1/presence/ben': { uid: 'ben', intervals: [], openSince: null },
    });
  });

  describe('exchangeCycles/{id}', () => {
    it('lets the three participants read a proposal and list their own', async () => {
      await expectAllowed(dbAs('ana').doc('exchangeCycles/open').get());
      await expectAllowed(dbAs('caro').doc('exchangeCycles/live').get());
      await expectAllowed(
        dbAs('ben').collection('exchangeCycles').where('participants', 'array-contains', 'ben').get(),
      );
    });

    it('hides a proposal from everyone else, and refuses listing other people’s', async () => {
      await expectDenied(dbAs('olga').doc('exchangeCycles/open').get());
      await expectDenied(anonDb().doc('exchangeCycles/open').get());
      await expectDenied(dbAs('olga').collection('exchangeCycles').get());
      await expectDenied(
        dbAs('olga').collection('exchangeCycles').where('participants', 'array-contains', 'ana').get(),
      );
    });

    it('lets no client write a proposal: no forged status, acceptance, participant or new cycle', async () => {
      await expectDenied(dbAs('ana').doc('exchangeCycles/open').update({ status: 'active' }));
      await expectDenied(
        dbAs('ana')
          .doc('exchangeCycles/open')
          .update({ acceptedBy: arrayUnion('ana') }),
      );
      await expectDenied(
        dbAs('olga')
          .doc('exchangeCycles/open')
          .update({ participants: ['olga', 'ben', 'caro'] }),
      );
      await expectDenied(dbAs('ana').doc('exchangeCycles/mine').set(cycle('active')));
      await expectDenied(dbAs('ana').doc('exchangeCycles/open').delete());
    });
  });

  describe('exchangeCycles/{id}/messages', () => {
    it('lets the participants read the room and post as themselves while the cycle is active', async () => {
      await expectAllowed(dbAs('ana').collection('exchangeCycles/live/messages').get());
      await expectAllowed(dbAs('ana').collection('exchangeCycles/live/messages').add(message('ana')));
      await expectAllowed(
        dbAs('caro')
          .doc('exchangeCycles/live/messages/c1')
          .set(message('caro', 'x'.repeat(4000))),
      );
    });

    it('refuses outsiders, impersonation, bad messages, a room not yet active, and suspended people', async () => {
      await expectDenied(dbAs('olga').collection('exchangeCycles/live/messages').get());
      await expectDenied(anonDb().collection('exchangeCycles/live/messages').get());
      await expectDenied(dbAs('olga').collection('exchangeCycles/live/messages').add(message('olga')));
      await expectDenied(dbAs('ana').collection('exchangeCycles/live/messages').add(message('ben')));
      await expectDenied(dbAs('ana').collection('exchangeCycles/live/messages').add(message('ana', '')));
      await expectDenied(
        dbAs('ana')
          .collection('exchangeCycles/live/messages')
          .add(message('ana', 'x'.repeat(4001))),
      );
      await expectDenied(
        dbAs('ana')
          .collection('exchangeCycles/live/messages')
          .add({ senderId: 'ana', text: 'hi', createdAt: clientTime() }),
      );
      await expectDenied(
        dbAs('ana')
          .collection('exchangeCycles/live/messages')
          .add({ ...message('ana'), pinned: true }),
      );
      await expectDenied(dbAs('ana').collection('exchangeCycles/open/messages').add(message('ana')));
      await expectDenied(dbAs('sam').collection('exchangeCycles/suspended/messages').add(message('sam')));
      await expectAllowed(dbAs('ana').collection('exchangeCycles/suspended/messages').add(message('ana')));
    });

    it('lets nobody edit or delete a message, not even its sender', async () => {
      await expectDenied(dbAs('ben').doc('exchangeCycles/live/messages/m1').update({ text: 'edited' }));
      await expectDenied(dbAs('ben').doc('exchangeCycles/live/messages/m1').delete());
      await expectDenied(dbAs('ana').doc('exchangeCycles/live/messages/m1').delete());
    });
  });

  describe('exchangeCycles/{id}/sessions (issue 16 item 7)', () => {
    it('lets the three read sessions and presence, and nobody else', async () => {
      await expectAllowed(dbAs('caro').collection('exchangeCycles/live/sessions').get());
      await expectAllowed(dbAs('ana').doc('exchangeCycles/live/sessions/s1/presence/ben').get());
      await expectDenied(dbAs('olga').collection('exchangeCycles/live/sessions').get());
      await expectDenied(dbAs('olga').doc('exchangeCycles/live/sessions/s1/presence/ben').get());
      await expectDenied(anonDb().collection('exchangeCycles/live/sessions').get());
    });

    it('lets a participant plan a session of an active cycle, in their own name, in the future', async () => {
      await expectAllowed(dbAs('ben').collection('exchangeCycles/live/sessions').add(groupSession('ben')));
      await expectAllowed(
        dbAs('caro')
          .doc('exchangeCycles/live/sessions/c1')
          .set(groupSession('caro', { scheduledAt: inMinutes(-2) })),
      );
    });

    it('refuses outsiders, a cycle not active, someone else’s name, the past, and server-owned fields', async () => {
      const sessions = dbAs('ana').collection('exchangeCycles/live/sessions');
      await expectDenied(dbAs('olga').collection('exchangeCycles/live/sessions').add(groupSession('olga')));
      await expectDenied(dbAs('ana').collection('exchangeCycles/open/sessions').add(groupSession('ana')));
      await expectDenied(
        dbAs('sam').collection('exchangeCycles/suspended/sessions').add(groupSession('sam')),
      );
      await expectDenied(sessions.add(groupSession('ben')));
      // Logged after the fact: a session "that took place" an hour ago.
      await expectDenied(sessions.add(groupSession('ana', { scheduledAt: inMinutes(-60) })));
      await expectDenied(sessions.add(groupSession('ana', { createdAt: clientTime() })));
      await expectDenied(sessions.add(groupSession('ana', { status: 'held' })));
      await expectDenied(sessions.add(groupSession('ana', { status: 'completed' })));
      await expectDenied(sessions.add(groupSession('ana', { confirmedBy: ['ana', 'ben', 'caro'] })));
      await expectDenied(sessions.add(groupSession('ana', { held: { evidence: 'observed' } })));
      await expectDenied(sessions.add(groupSession('ana', { observedMinutes: 60 })));
      await expectDenied(sessions.add(groupSession('ana', { durationMin: 0 })));
    });

    it('lets a participant move or cancel a planned session, never into the past or to held', async () => {
      const s1 = (uid: string) => dbAs(uid).doc('exchangeCycles/live/sessions/s1');
      await expectAllowed(s1('ben').update({ scheduledAt: inMinutes(90), updatedAt: serverTime() }));
      await expectAllowed(s1('caro').update({ status: 'cancelled', updatedAt: serverTime() }));
      await expectDenied(s1('ana').update({ scheduledAt: inMinutes(-90) }));
      await expectDenied(s1('ana').update({ status: 'held' }));
      await expectDenied(s1('ana').update({ confirmedBy: ['ana', 'ben', 'caro'] }));
      await expectDenied(s1('ana').update({ observedMinutes: 30 }));
      await expectDenied(s1('olga').update({ notes: 'mine now' }));
      await expectDenied(s1('ana').delete());
    });

    it('freezes a held session and lets nobody write presence', async () => {
      const held = dbAs('ana').doc('exchangeCycles/live/sessions/held1');
      await expectDenied(held.update({ notes: 'changed' }));
      await expectDenied(held.update({ status: 'cancelled' }));
      await expectDenied(
        dbAs('ben').doc('exchangeCycles/live/sessions/s1/presence/ben').set({ uid: 'ben', intervals: [] }),
      );
      await expectDenied(
        dbAs('ana').doc('exchangeCycles/live/sessions/s1/presence/ana').set({ uid: 'ana', intervals: [] }),
      );
    });
  });
});
