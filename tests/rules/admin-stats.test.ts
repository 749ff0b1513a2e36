// stats/**: the platform counters, their daily history and the triggers' markers. Admins read
// them (the console); nobody writes them from a client, admins included.
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
  useRulesTestEnv,
} from './helpers';

const PATHS = [
  'stats/platform',
  'stats/history',
  'stats/reconciliation',
  'stats/platform/daily/2026-11-24',
  'stats/platform/appliedEvents/evt_1',
  'stats/platform/shards/s3',
];

describeRules('stats (admin console)', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'root'),
      'users/tom': profile('tom', { status: 'suspended', roles: ['learner', 'admin'] }),
      'stats/platform': { users: { total: 3 }, courses: { pending: 1 } },
      'stats/history': { days: [{ day: '2026-11-24', newUsers: 1 }] },
      'stats/reconciliation': { countedUpTo: new Date(), by: 'rollup' },
      'stats/platform/daily/2026-11-24': { day: '2026-11-24', newUsers: 1 },
      'stats/platform/appliedEvents/evt_1': { outcome: 'applied' },
      'stats/platform/shards/s3': { users: { total: 1 } },
    });
  });

  describe('reading', () => {
    it('lets an admin read the counters, the history and each day', async () => {
      for (const path of PATHS) await expectAllowed(dbAs('root', ADMIN).doc(path).get());
      await expectAllowed(dbAs('root', ADMIN).collection('stats/platform/daily').get());
      await expectAllowed(dbAs('root', ADMIN).collection('stats/platform/shards').get());
    });

    it('denies learners, educators and visitors reading any of it', async () => {
      for (const path of PATHS) {
        await expectDenied(dbAs('alice').doc(path).get());
        await expectDenied(dbAs('alice', EDUCATOR).doc(path).get());
        await expectDenied(anonDb().doc(path).get());
      }
      await expectDenied(dbAs('alice').collection('stats/platform/daily').get());
      await expectDenied(dbAs('alice').collection('stats/platform/shards').get());
    });

    it('denies a suspended admin reading, though their token still carries the claim', async () => {
      await expectDenied(dbAs('tom', ADMIN).doc('stats/platform').get());
    });
  });

  describe('writing', () => {
    it('denies an admin creating, changing or deleting any stats document', async () => {
      for (const path of PATHS) {
        await expectDenied(dbAs('root', ADMIN).doc(path).set({ forged: true }));
        await expectDenied(dbAs('root', ADMIN).doc(path).delete());
      }
      await expectDenied(dbAs('root', ADMIN).doc('stats/platform').update({ 'users.total': 1_000_000 }));
      await expectDenied(dbAs('root', ADMIN).doc('stats/platform/daily/2026-11-25').set({ newUsers: 9 }));
    });

    it('denies a learner writing counters or forging an applied-event marker', async () => {
      await expectDenied(
        dbAs('alice')
          .doc('stats/platform')
          .set({ users: { total: 0 } }),
      );
      await expectDenied(dbAs('alice').doc('stats/platform/appliedEvents/evt_2').set({ outcome: 'applied' }));
      // A shard is a counter too: no one adds to it from a client, a new shard id included.
      await expectDenied(
        dbAs('alice')
          .doc('stats/platform/shards/s3')
          .set({ users: { total: 1_000 } }, { merge: true }),
      );
      await expectDenied(
        dbAs('root', ADMIN)
          .doc('stats/platform/shards/s99')
          .set({ revenue: { USD: 1 } }),
      );
      await expectDenied(anonDb().doc('stats/history').set({ days: [] }));
    });
  });
});
