// users/{uid}/followers/{followerId}, users/{uid}.followerCount and fanouts/{id} (issue 16 §3):
// following goes through the followEducator callable only, so no client forges a follower, the
// public count, or a fan-out job.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
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

describeRules('followers and fan-outs', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'root'),
      'users/ada': profile('ada', { roles: ['learner', 'educator'], followerCount: 1 }),
      'users/ada/followers/alice': { uid: 'alice', educatorId: 'ada', createdAt: new Date() },
      'fanouts/course_c1': { kind: 'course_published', educatorId: 'ada', status: 'running', cursor: null },
    });
  });

  describe('users/{uid}/followers/{followerId}', () => {
    it('lets the follower read their own follow and the educator read the list', async () => {
      await expectAllowed(dbAs('alice').doc('users/ada/followers/alice').get());
      await expectAllowed(dbAs('ada', EDUCATOR).doc('users/ada/followers/alice').get());
      await expectAllowed(dbAs('ada', EDUCATOR).collection('users/ada/followers').get());
      // "Am I following?" for someone I don't follow: a read of a missing own document.
      await expectAllowed(dbAs('bob').doc('users/ada/followers/bob').get());
    });

    it('keeps who follows whom from everyone else', async () => {
      await expectDenied(dbAs('bob').doc('users/ada/followers/alice').get());
      await expectDenied(dbAs('bob').collection('users/ada/followers').get());
      await expectDenied(anonDb().doc('users/ada/followers/alice').get());
    });

    it('lets no client follow, unfollow or edit a follow (the callable does)', async () => {
      const follow = { uid: 'bob', educatorId: 'ada', createdAt: serverTime() };
      await expectDenied(dbAs('bob').doc('users/ada/followers/bob').set(follow));
      await expectDenied(dbAs('ada', EDUCATOR).doc('users/ada/followers/bob').set(follow));
      await expectDenied(
        dbAs('bob')
          .doc('users/ada/followers/sock-1')
          .set({ ...follow, uid: 'sock-1' }),
      );
      await expectDenied(dbAs('alice').doc('users/ada/followers/alice').delete());
      await expectDenied(dbAs('alice').doc('users/ada/followers/alice').update({ createdAt: serverTime() }));
      await expectDenied(dbAs('root', ADMIN).doc('users/ada/followers/bob').set(follow));
    });
  });

  describe('users/{uid}.followerCount', () => {
    it('is public', async () => {
      await expectAllowed(anonDb().doc('users/ada').get());
    });

    it('cannot be forged by the educator, a follower or an admin client', async () => {
      await expectDenied(dbAs('ada', EDUCATOR).doc('users/ada').update({ followerCount: 10_000 }));
      await expectDenied(
        dbAs('ada', EDUCATOR).doc('users/ada').update({ displayName: 'Ada', followerCount: 10_000 }),
      );
      await expectDenied(dbAs('alice').doc('users/ada').update({ followerCount: 2 }));
      await expectDenied(dbAs('root', ADMIN).doc('users/ada').update({ followerCount: 2 }));
      // A profile edit that leaves the count alone is still fine.
      await expectAllowed(dbAs('ada', EDUCATOR).doc('users/ada').update({ displayName: 'Ada L.' }));
    });
  });

  describe('fanouts/{fanoutId}', () => {
    it('is server only (admins read)', async () => {
      await expectDenied(dbAs('ada', EDUCATOR).doc('fanouts/course_c1').get());
      await expectDenied(dbAs('ada', EDUCATOR).doc('fanouts/course_c1').update({ status: 'done' }));
      await expectDenied(
        dbAs('ada', EDUCATOR).doc('fanouts/session_s9').set({ kind: 'session_scheduled', educatorId: 'ada' }),
      );
      await expectAllowed(dbAs('root', ADMIN).doc('fanouts/course_c1').get());
    });
  });
});
