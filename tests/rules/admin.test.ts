// Admin user management: the audit log, finding accounts by email (a collection-group query on
// the private account docs) and the server-written name search key on users/{uid}.
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
  seed,
  serverTime,
  useRulesTestEnv,
} from './helpers';

describeRules('admin: audit log, account lookup by email, name search key', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      'users/alice': profile('alice', { nameLower: 'user alice' }),
      'users/bob': profile('bob', { nameLower: 'user bob' }),
      'users/root': profile('root', { roles: ['learner', 'admin'], nameLower: 'user root' }),
      'users/alice/private/account': { email: 'alice@example.com', notificationPreferences: {} },
      'users/bob/private/account': { email: 'bob@example.com', notificationPreferences: {} },
      'auditLog/a1': {
        actorId: 'root',
        action: 'user.setStatus',
        targetUid: 'bob',
        details: { from: 'active', to: 'suspended', reason: 'Spam' },
        createdAt: clientTime(),
      },
    });
  });

  describe('auditLog/{entryId}', () => {
    it('lets admins read entries and list the latest', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('auditLog/a1').get());
      await expectAllowed(
        dbAs('root', ADMIN).collection('auditLog').orderBy('createdAt', 'desc').limit(20).get(),
      );
    });

    it('denies everyone else reading it, the affected user and educators included', async () => {
      await expectDenied(dbAs('bob').doc('auditLog/a1').get());
      await expectDenied(dbAs('bob').collection('auditLog').where('targetUid', '==', 'bob').get());
      await expectDenied(dbAs('alice', EDUCATOR).collection('auditLog').get());
      await expectDenied(anonDb().collection('auditLog').get());
    });

    it('denies every client write, an admin’s included: entries cannot be forged, edited or erased', async () => {
      const entry = {
        actorId: 'root',
        action: 'user.setRole',
        targetUid: 'alice',
        details: {},
        createdAt: serverTime(),
      };
      await expectDenied(dbAs('root', ADMIN).collection('auditLog').add(entry));
      await expectDenied(dbAs('root', ADMIN).doc('auditLog/a1').update({ details: {} }));
      await expectDenied(dbAs('root', ADMIN).doc('auditLog/a1').delete());
      await expectDenied(
        dbAs('alice')
          .collection('auditLog')
          .add({ ...entry, actorId: 'alice' }),
      );
    });
  });

  describe('finding an account by email (collection group "private")', () => {
    it('lets an admin query private account docs by exact email', async () => {
      await expectAllowed(
        dbAs('root', ADMIN).collectionGroup('private').where('email', '==', 'bob@example.com').get(),
      );
    });

    it('denies other users the query, even for their own email', async () => {
      await expectDenied(
        dbAs('alice').collectionGroup('private').where('email', '==', 'bob@example.com').get(),
      );
      await expectDenied(
        dbAs('alice').collectionGroup('private').where('email', '==', 'alice@example.com').get(),
      );
      await expectDenied(
        dbAs('alice', EDUCATOR).collectionGroup('private').where('email', '==', 'bob@example.com').get(),
      );
      await expectDenied(anonDb().collectionGroup('private').where('email', '==', 'bob@example.com').get());
    });
  });

  describe('users/{uid}.nameLower (admin name search)', () => {
    it('lets admins search profiles by name prefix', async () => {
      await expectAllowed(
        dbAs('root', ADMIN)
          .collection('users')
          .where('nameLower', '>=', 'user a')
          .where('nameLower', '<', 'user a\uf8ff')
          .orderBy('nameLower')
          .limit(20)
          .get(),
      );
    });

    it('is server-only: the owner cannot set or change it, alone or with a name change', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ nameLower: 'someone else' }));
      await expectDenied(
        dbAs('alice')
          .doc('users/alice')
          .update({ displayName: 'Alice Cooper', nameLower: 'alice cooper', updatedAt: serverTime() }),
      );
      await expectDenied(dbAs('root', ADMIN).doc('users/alice').update({ nameLower: 'x' }));
    });

    it('still lets the owner change their display name (the server updates the key)', async () => {
      await expectAllowed(
        dbAs('alice').doc('users/alice').update({ displayName: 'Alice Cooper', updatedAt: serverTime() }),
      );
    });
  });
});
