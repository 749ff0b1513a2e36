// notifications/{uid}/items, leaderboards, badges, and the server-only collections.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  serverTime,
  useRulesTestEnv,
} from './helpers';

describeRules('notifications, leaderboards, badges, server-only collections', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'root'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'users/tom': profile('tom', { status: 'suspended', roles: ['learner', 'admin'] }),
      'notifications/alice/items/n1': {
        type: 'enrollment',
        title: 'You are enrolled',
        body: 'Guitar from zero',
        link: '/learn/pub/l1',
        read: false,
        createdAt: clientTime(),
      },
      'notifications/sam/items/n1': {
        type: 'account',
        title: 'Account suspended',
        body: '',
        link: null,
        read: false,
        createdAt: clientTime(),
      },
      'leaderboards/allTime': { period: 'allTime' },
      'leaderboards/allTime/entries/alice': {
        uid: 'alice',
        points: 120,
        displayName: 'Alice',
        photoURL: null,
      },
      'leaderboards/2026-W48/entries/alice': {
        uid: 'alice',
        points: 20,
        displayName: 'Alice',
        photoURL: null,
      },
      'badges/first-course': {
        id: 'first-course',
        name: 'First Course Completed',
        description: '',
        icon: 'trophy',
        criteria: '',
        order: 1,
      },
      'stripeEvents/evt_1': { type: 'checkout.session.completed', processedAt: clientTime() },
      'stripeRefundMarkers/pi_1': { paymentIntentId: 'pi_1', chargeId: 'ch_1', amountRefunded: 4900 },
      'stats/platform': { users: 3, revenue: 1999 },
      'mailLog/m1': { to: 'alice@example.com', subject: 'Receipt' },
      'auditLog/a1': { action: 'user.setStatus', actor: 'root', target: 'sam' },
      'somethingElse/x': { a: 1 },
    });
  });

  describe('notifications/{uid}/items', () => {
    it('lets the owner read and list their notifications', async () => {
      await expectAllowed(dbAs('alice').doc('notifications/alice/items/n1').get());
      await expectAllowed(
        dbAs('alice').collection('notifications/alice/items').where('read', '==', false).get(),
      );
    });

    it('denies other users reading someone’s notifications', async () => {
      await expectDenied(dbAs('bob').doc('notifications/alice/items/n1').get());
      await expectDenied(dbAs('bob').collection('notifications/alice/items').get());
      await expectDenied(anonDb().collection('notifications/alice/items').get());
    });

    it('lets the owner mark a notification read or unread', async () => {
      await expectAllowed(dbAs('alice').doc('notifications/alice/items/n1').update({ read: true }));
      await expectAllowed(dbAs('alice').doc('notifications/alice/items/n1').update({ read: false }));
    });

    it('denies the owner changing anything but read, or read to a non-boolean', async () => {
      const ref = dbAs('alice').doc('notifications/alice/items/n1');
      await expectDenied(ref.update({ title: 'You won a prize' }));
      await expectDenied(ref.update({ read: true, link: 'https://evil.example' }));
      await expectDenied(ref.update({ read: 'yes' }));
    });

    it('denies another user marking someone’s notification read', async () => {
      await expectDenied(dbAs('bob').doc('notifications/alice/items/n1').update({ read: true }));
    });

    it('denies creating notifications, for oneself or for others, and deleting them', async () => {
      const item = {
        type: 'badge_earned',
        title: 'Badge',
        body: '',
        link: null,
        read: false,
        createdAt: serverTime(),
      };
      await expectDenied(dbAs('alice').collection('notifications/alice/items').add(item));
      await expectDenied(dbAs('alice').collection('notifications/bob/items').add(item));
      await expectDenied(dbAs('alice').doc('notifications/alice/items/n1').delete());
    });

    it('denies a suspended owner marking notifications read, but lets them read', async () => {
      await expectAllowed(dbAs('sam').doc('notifications/sam/items/n1').get());
      await expectDenied(dbAs('sam').doc('notifications/sam/items/n1').update({ read: true }));
    });
  });

  describe('leaderboards and badges', () => {
    it('lets any signed-in user read leaderboards', async () => {
      await expectAllowed(
        dbAs('bob').collection('leaderboards/allTime/entries').orderBy('points', 'desc').get(),
      );
      await expectAllowed(dbAs('bob').doc('leaderboards/2026-W48/entries/alice').get());
      await expectAllowed(dbAs('bob').doc('leaderboards/allTime').get());
    });

    it('denies signed-out visitors reading leaderboards', async () => {
      await expectDenied(anonDb().collection('leaderboards/allTime/entries').get());
    });

    it('denies users writing their own leaderboard entry', async () => {
      await expectDenied(dbAs('alice').doc('leaderboards/allTime/entries/alice').update({ points: 999999 }));
      await expectDenied(
        dbAs('bob')
          .doc('leaderboards/allTime/entries/bob')
          .set({ uid: 'bob', points: 999999, displayName: 'Bob' }),
      );
      await expectDenied(dbAs('alice').doc('leaderboards/allTime').set({ period: 'allTime' }));
    });

    it('lets anyone, signed out too, read badge definitions', async () => {
      await expectAllowed(anonDb().collection('badges').get());
    });

    it('denies users and admins writing badge definitions from a client', async () => {
      await expectDenied(dbAs('alice').doc('badges/first-course').update({ name: 'Mine' }));
      await expectDenied(dbAs('alice', EDUCATOR).doc('badges/new').set({ name: 'New' }));
      await expectDenied(dbAs('root', ADMIN).doc('badges/new').set({ name: 'New' }));
    });
  });

  describe('server-only collections: stripeEvents, stripeRefundMarkers, stats, mailLog, auditLog', () => {
    const paths = [
      'stripeEvents/evt_1',
      'stripeRefundMarkers/pi_1',
      'stats/platform',
      'mailLog/m1',
      'auditLog/a1',
    ];

    it('denies users and visitors reading them', async () => {
      for (const path of paths) {
        await expectDenied(dbAs('alice', EDUCATOR).doc(path).get());
        await expectDenied(anonDb().doc(path).get());
      }
    });

    it('lets admins read them', async () => {
      for (const path of paths) await expectAllowed(dbAs('root', ADMIN).doc(path).get());
      await expectAllowed(dbAs('root', ADMIN).collection('auditLog').get());
    });

    it('denies every client write, an admin’s included', async () => {
      for (const path of paths) {
        await expectDenied(dbAs('alice').doc(path).set({ forged: true }));
        await expectDenied(dbAs('root', ADMIN).doc(path).set({ forged: true }));
        await expectDenied(dbAs('root', ADMIN).doc(path).delete());
      }
    });
  });

  describe('everything else', () => {
    it('denies users reading or writing a path outside the contract', async () => {
      await expectDenied(dbAs('alice').doc('somethingElse/x').get());
      await expectDenied(dbAs('alice').doc('somethingElse/y').set({ a: 1 }));
    });

    it('lets admins read any path, and write none outside the contract', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('somethingElse/x').get());
      await expectDenied(dbAs('root', ADMIN).doc('somethingElse/y').set({ a: 1 }));
    });

    it('denies a suspended admin writing and reading', async () => {
      await seed({ 'courses/queued': { instructorId: 'bob', title: 'Queued', status: 'pending' } });
      await expectDenied(dbAs('tom', ADMIN).doc('stats/platform').get());
      await expectDenied(dbAs('tom', ADMIN).doc('courses/queued').update({ status: 'published' }));
      await expectAllowed(dbAs('root', ADMIN).doc('courses/queued').update({ status: 'published' }));
    });

    it('denies an admin claim set to something other than true', async () => {
      await expectDenied(dbAs('bob', { admin: 'true' }).doc('stats/platform').get());
    });
  });
});
