// users/{uid}.referredBy (who invited the user) and users/{uid}/private/recommendations.
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
  seed,
  serverTime,
  text,
  useRulesTestEnv,
} from './helpers';

describeRules('referrals and recommendations', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      'users/alice': profile('alice', { onboarded: true }),
      'users/newbie': profile('newbie'),
      'users/invited': profile('invited', { referredBy: 'alice' }),
      'users/veteran': profile('veteran', { onboarded: true }),
      'users/sam': profile('sam', { status: 'suspended' }),
      'users/root': profile('root', { roles: ['learner', 'admin'] }),
      'users/alice/private/recommendations': {
        items: [{ courseId: 'c1', title: 'Design basics', reasons: ['Matches your interest in Design'] }],
        method: 'overlap',
        computedAt: clientTime(),
      },
    });
  });

  describe('users/{uid}.referredBy', () => {
    it('lets a new user record who invited them, once, before onboarding', async () => {
      await expectAllowed(dbAs('newbie').doc('users/newbie').update({ referredBy: 'alice' }));
    });

    it('lets the referrer be recorded together with other profile fields', async () => {
      await expectAllowed(
        dbAs('newbie')
          .doc('users/newbie')
          .update({ referredBy: 'alice', bio: 'Hi', updatedAt: serverTime() }),
      );
    });

    it('denies naming themselves as their referrer', async () => {
      await expectDenied(dbAs('newbie').doc('users/newbie').update({ referredBy: 'newbie' }));
    });

    it('denies naming a referrer who does not exist', async () => {
      await expectDenied(dbAs('newbie').doc('users/newbie').update({ referredBy: 'nobody' }));
    });

    it('denies a referrer that is not a 1–128 character string', async () => {
      await expectDenied(dbAs('newbie').doc('users/newbie').update({ referredBy: 42 }));
      await expectDenied(dbAs('newbie').doc('users/newbie').update({ referredBy: '' }));
      await expectDenied(
        dbAs('newbie')
          .doc('users/newbie')
          .update({ referredBy: text(129) }),
      );
    });

    it('denies changing or clearing the referrer once it is set', async () => {
      await expectDenied(dbAs('invited').doc('users/invited').update({ referredBy: 'veteran' }));
      await expectDenied(dbAs('invited').doc('users/invited').update({ referredBy: null }));
    });

    it('still lets an invited user edit the rest of their profile and finish onboarding', async () => {
      await expectAllowed(
        dbAs('invited').doc('users/invited').update({ onboarded: true, updatedAt: serverTime() }),
      );
    });

    it('denies an already onboarded user claiming a referrer after the fact', async () => {
      await expectDenied(dbAs('veteran').doc('users/veteran').update({ referredBy: 'alice' }));
    });

    it('denies setting someone else’s referrer', async () => {
      await expectDenied(dbAs('alice').doc('users/newbie').update({ referredBy: 'alice' }));
      await expectDenied(anonDb().doc('users/newbie').update({ referredBy: 'alice' }));
    });

    it('denies a suspended user recording a referrer', async () => {
      await expectDenied(dbAs('sam').doc('users/sam').update({ referredBy: 'alice' }));
    });

    it('denies the owner bumping their referral count', async () => {
      await expectDenied(dbAs('alice').doc('users/alice').update({ 'stats.referrals': 99 }));
    });
  });

  describe('users/{uid}/private/recommendations', () => {
    it('lets the owner read their recommendations', async () => {
      await expectAllowed(dbAs('alice').doc('users/alice/private/recommendations').get());
    });

    it('denies other users and signed-out visitors reading them', async () => {
      await expectDenied(dbAs('newbie').doc('users/alice/private/recommendations').get());
      await expectDenied(anonDb().doc('users/alice/private/recommendations').get());
    });

    it('lets an admin read them', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('users/alice/private/recommendations').get());
    });

    it('denies the owner writing or deleting their recommendations', async () => {
      const ref = dbAs('alice').doc('users/alice/private/recommendations');
      await expectDenied(ref.set({ items: [], method: 'overlap', computedAt: serverTime() }));
      await expectDenied(ref.update({ items: [] }));
      await expectDenied(ref.delete());
      await expectDenied(dbAs('newbie').doc('users/newbie/private/recommendations').set({ items: [] }));
    });

    it('denies everyone but admins the stored embeddings behind them (server only)', async () => {
      await seed({
        'courseEmbeddings/c1': { model: 'm', hash: 'h', vector: [1, 0] },
        'users/alice/private/embedding': { model: 'm', hash: 'h', vector: [1, 0] },
      });
      await expectDenied(dbAs('alice').doc('users/alice/private/embedding').get());
      await expectDenied(dbAs('alice').doc('courseEmbeddings/c1').get());
      await expectDenied(anonDb().doc('courseEmbeddings/c1').get());
      await expectDenied(
        dbAs('alice')
          .doc('courseEmbeddings/c1')
          .set({ vector: [0, 1] }),
      );
      await expectAllowed(dbAs('root', ADMIN).doc('courseEmbeddings/c1').get());
    });
  });
});
