// nudgeLog/{uid}/sends/{key} (the per-user log of nudges sent by sendNudges) and jobState/{job}
// (where the bounded job resumes): server only — the app shows neither, so nobody but admins reads
// them, and nobody writes them from a client.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profile,
  profiles,
  seed,
  useRulesTestEnv,
} from './helpers';

const entry = () => ({
  kind: 'inactive-1d',
  status: 'sent',
  notificationId: 'nudge_inactive-1d_2026-11-24',
  link: '/learn/c1/l1',
  createdAt: clientTime(),
});

describeRules('nudge log and job state', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('alice', 'bob', 'root'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'nudgeLog/alice/sends/inactive-1d:2026-11-24': entry(),
      'nudgeLog/sam/sends/inactive-1d:2026-11-24': entry(),
      'jobState/sendNudges': { cursors: { inactivity: null }, lastRunAt: clientTime() },
    });
  });

  describe('nudgeLog/{uid}/sends', () => {
    it('hides a log from its owner (the app does not show it), from others and from signed-out people', async () => {
      await expectDenied(dbAs('alice').doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').get());
      await expectDenied(dbAs('alice').collection('nudgeLog/alice/sends').get());
      await expectDenied(dbAs('sam').doc('nudgeLog/sam/sends/inactive-1d:2026-11-24').get());
      await expectDenied(dbAs('bob').doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').get());
      await expectDenied(anonDb().doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').get());
    });

    it('lets admins read any log', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').get());
      await expectAllowed(dbAs('root', ADMIN).collection('nudgeLog/alice/sends').get());
    });

    it('lets nobody write a log entry: not the owner, not an admin', async () => {
      await expectDenied(dbAs('alice').doc('nudgeLog/alice/sends/inactive-3d:2026-11-24').set(entry()));
      await expectDenied(
        dbAs('alice').doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').update({ status: 'sending' }),
      );
      await expectDenied(dbAs('alice').doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').delete());
      await expectDenied(dbAs('bob').doc('nudgeLog/alice/sends/inactive-7d:2026-11-24').set(entry()));
      await expectDenied(dbAs('root', ADMIN).doc('nudgeLog/alice/sends/inactive-1d:2026-11-24').delete());
    });
  });

  describe('jobState', () => {
    it('is read by admins only and written by nobody', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('jobState/sendNudges').get());
      await expectDenied(dbAs('alice').doc('jobState/sendNudges').get());
      await expectDenied(anonDb().doc('jobState/sendNudges').get());
      await expectDenied(dbAs('alice').doc('jobState/sendNudges').set({ cursors: {} }));
      await expectDenied(dbAs('root', ADMIN).doc('jobState/sendNudges').set({ cursors: {} }));
    });
  });
});
