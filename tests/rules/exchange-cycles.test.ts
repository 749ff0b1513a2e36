// exchangeCycles/{id} (3-way swap proposals, written only by functions) and
// exchangeCycles/{id}/messages (the group room of an active cycle).
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
});
