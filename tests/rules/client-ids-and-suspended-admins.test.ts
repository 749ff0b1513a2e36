// Issue 15, item 12: ids a client gives that rules put into exists()/get() paths are one path
// segment (isId); a suspended or banned admin reads nothing through the admin rule, however
// fresh their token.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
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

function request(overrides: Record<string, unknown> = {}) {
  return {
    requesterId: 'rae',
    providerId: 'pia',
    participants: ['rae', 'pia'],
    offeredSkill: { name: 'Python', level: 'advanced' },
    requestedSkill: { name: 'Guitar', level: 'beginner' },
    message: 'Swap?',
    status: 'pending',
    createdAt: serverTime(),
    ...overrides,
  };
}

describeRules('client ids in paths, suspended admins', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('rae', 'pia', 'newbie', 'inez'),
      'users/root': profile('root', { roles: ['learner', 'admin'] }),
      'users/susan': profile('susan', { roles: ['learner', 'admin'], status: 'suspended' }),
      'users/bea': profile('bea', { roles: ['learner', 'admin'], status: 'banned' }),
      'users/pia/private/account': { email: 'pia@example.com', notificationPreferences: {} },
      'auditLog/a1': { actorId: 'root', action: 'user.setStatus', createdAt: clientTime() },
      'courses/inezc': { instructorId: 'inez', title: 'Course', status: 'published' },
    });
  });

  describe('isId: client ids used in exists()/get() paths', () => {
    it('denies even a well-formed exchange request written directly: requests go through requestExchange', async () => {
      // The callable validates providerId with the contracts' userId() (no "/", no reserved ids);
      // exchange.int.test.ts and abuse/referrals-streaks-spam.test.ts cover it.
      await expectDenied(dbAs('rae').collection('exchanges').add(request()));
    });

    it('denies a providerId that is a path to another document ("pia/private/account")', async () => {
      await expectDenied(
        dbAs('rae')
          .collection('exchanges')
          .add(request({ providerId: 'pia/private/account', participants: ['rae', 'pia/private/account'] })),
      );
    });

    it('denies providerId ".." and "__name__"-style ids', async () => {
      for (const id of ['..', '__pia__']) {
        await expectDenied(
          dbAs('rae')
            .collection('exchanges')
            .add(request({ providerId: id, participants: ['rae', id] })),
        );
      }
    });

    it('allows referredBy a plain uid, denies a path', async () => {
      await expectDenied(dbAs('newbie').doc('users/newbie').update({ referredBy: 'pia/private/account' }));
      await expectAllowed(dbAs('newbie').doc('users/newbie').update({ referredBy: 'pia' }));
    });
  });

  describe('admin reads need an active account', () => {
    it('lets an active admin read any document', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('auditLog/a1').get());
      await expectAllowed(dbAs('root', ADMIN).doc('users/pia/private/account').get());
    });

    it('denies a suspended or banned admin whose token still carries the claim', async () => {
      await expectDenied(dbAs('susan', ADMIN).doc('auditLog/a1').get());
      await expectDenied(dbAs('bea', ADMIN).doc('users/pia/private/account').get());
    });
  });
});
