// Deleted accounts (issue 16 item 6): deleteMyAccount marks users/{uid}.deletedAt first, and the
// person's ID token stays valid for up to an hour afterwards. With it they can write nothing (no
// restoring the profile, no posting as "Deleted user"); and no client deletes anyone's history.
import { beforeEach, describe, it } from 'vitest';
import {
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  useRulesTestEnv,
} from './helpers';

const deleted = (uid: string) => profile(uid, { displayName: 'Deleted user', deletedAt: clientTime() });

describeRules('deleted accounts and other people’s history', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('pia', 'olly'),
      'users/dora': deleted('dora'),
      'exchanges/x1': {
        requesterId: 'dora',
        providerId: 'pia',
        participants: ['dora', 'pia'],
        offeredSkill: { name: 'Python', level: 'advanced' },
        requestedSkill: { name: 'Guitar', level: 'beginner' },
        message: 'Swap?',
        status: 'active',
        terms: null,
        termsAcceptedBy: [],
        completedBy: [],
        createdAt: clientTime(),
        updatedAt: clientTime(),
      },
      'exchanges/x1/messages/m1': { senderId: 'dora', text: 'Hi', attachments: [], createdAt: clientTime() },
      'users/pia/private/account': { email: 'pia@example.com', notificationPreferences: {} },
      'courses/c1': { instructorId: 'pia', title: 'Guitar', status: 'published', price: 0 },
      'courses/c1/reviews/dora': { rating: 4, comment: 'Good', createdAt: clientTime() },
    });
  });

  describe('a deleted account’s lingering token', () => {
    it('cannot restore its profile', async () => {
      await expectDenied(
        dbAs('dora').doc('users/dora').update({ displayName: 'Dora again', updatedAt: serverTime() }),
      );
    });

    it('cannot post in an exchange it was in', async () => {
      await expectDenied(
        dbAs('dora')
          .collection('exchanges/x1/messages')
          .add({ senderId: 'dora', text: 'Still here', attachments: [], createdAt: serverTime() }),
      );
    });

    it('while a live account in the same place still can (the pair to the denial above)', async () => {
      await expectAllowed(
        dbAs('pia')
          .collection('exchanges/x1/messages')
          .add({ senderId: 'pia', text: 'Hello?', attachments: [], createdAt: serverTime() }),
      );
      await expectAllowed(dbAs('pia').doc('users/pia').update({ bio: 'Hi', updatedAt: serverTime() }));
    });
  });

  describe('nobody deletes someone else’s history from a client', () => {
    it('denies deleting a profile, a private account, an exchange, a message or a review', async () => {
      await expectDenied(dbAs('olly').doc('users/dora').delete());
      await expectDenied(dbAs('pia').doc('users/dora').delete());
      await expectDenied(dbAs('olly').doc('users/pia/private/account').delete());
      await expectDenied(dbAs('pia').doc('exchanges/x1').delete());
      await expectDenied(dbAs('pia').doc('exchanges/x1/messages/m1').delete());
      await expectDenied(dbAs('pia').doc('courses/c1/reviews/dora').delete());
    });

    it('denies even the owner deleting their own profile or account from a client (deleteMyAccount does it)', async () => {
      await expectDenied(dbAs('pia').doc('users/pia').delete());
      await expectDenied(dbAs('pia').doc('users/pia/private/account').delete());
    });

    it('lets the other participant still read the exchange and the deleted user’s messages', async () => {
      await expectAllowed(dbAs('pia').doc('exchanges/x1').get());
      await expectAllowed(dbAs('pia').collection('exchanges/x1/messages').get());
    });
  });
});
