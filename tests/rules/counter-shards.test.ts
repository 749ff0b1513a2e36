// {courses,users,earnings}/{id}/counterShards/{shard} (issue 17 item 3): a sharded counter's pending
// increments. Only functions write them (in the transaction of the event they count) and fold
// them; clients read the folded parent. No client may write a shard (that would inflate a course's
// enrolments, an educator's followers or an instructor's earnings at the next fold) or read one.
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

const SHARDS = [
  ['courses/c1/counterShards/s3', { enrollmentCount: 2 }],
  ['users/ada/counterShards/s3', { followerCount: 1 }],
  ['earnings/ada/counterShards/s3', { totals: { USD: 4900 }, paymentsCount: 1 }],
] as const;

describeRules('counter shards', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'root'),
      'users/ada': profile('ada', { roles: ['learner', 'educator'], followerCount: 1 }),
      'courses/c1': { instructorId: 'ada', title: 'C', status: 'published', enrollmentCount: 3, price: 0 },
      'earnings/ada': { instructorId: 'ada', totals: { USD: 100 }, paymentsCount: 1 },
      ...Object.fromEntries(SHARDS.map(([path, data]) => [path, { ...data, updatedAt: new Date() }])),
    });
  });

  describe('clients', () => {
    it('read the folded parents (course, profile, own earnings) but never a shard', async () => {
      await expectAllowed(dbAs('alice').doc('courses/c1').get());
      await expectAllowed(dbAs('ada', EDUCATOR).doc('earnings/ada').get());
      for (const [path] of SHARDS) {
        await expectDenied(dbAs('alice').doc(path).get());
        await expectDenied(dbAs('ada', EDUCATOR).doc(path).get());
        await expectDenied(anonDb().doc(path).get());
      }
      await expectDenied(dbAs('ada', EDUCATOR).collection('earnings/ada/counterShards').get());
      await expectDenied(dbAs('ada', EDUCATOR).collection('courses/c1/counterShards').get());
    });

    it('write no shard: not the owner, not a stranger, not an admin, not a new shard id', async () => {
      for (const [path, data] of SHARDS) {
        const forged = { ...data, updatedAt: serverTime() };
        await expectDenied(dbAs('alice').doc(path).set(forged));
        await expectDenied(dbAs('ada', EDUCATOR).doc(path).set(forged));
        await expectDenied(dbAs('ada', EDUCATOR).doc(path).delete());
        await expectDenied(dbAs('root', ADMIN).doc(path).set(forged));
        await expectDenied(dbAs('alice').doc(path.replace('/s3', '/s99')).set(forged));
      }
    });
  });

  it('admins read shards (the admin console may sum them), like every other document', async () => {
    for (const [path] of SHARDS) await expectAllowed(dbAs('root', ADMIN).doc(path).get());
  });
});
