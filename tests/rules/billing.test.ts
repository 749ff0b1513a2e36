// earnings/{instructorId} and its entries: server-written instructor earnings.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  serverTime,
  useRulesTestEnv,
} from './helpers';

const entry = {
  paymentId: 'p1',
  courseId: 'c1',
  payerUid: 'lena',
  amount: 4900,
  currency: 'USD',
  refundedAmount: 0,
  status: 'credited',
};

describeRules('earnings', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'olga', 'lena', 'root'),
      'earnings/inez': { instructorId: 'inez', totals: { USD: 4900 }, paymentsCount: 1, refundsCount: 0 },
      'earnings/inez/entries/p1': entry,
    });
  });

  describe('earnings/{instructorId}', () => {
    it('lets the instructor read their own totals', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('earnings/inez').get());
    });

    it('hides them from other instructors, learners and visitors', async () => {
      await expectDenied(dbAs('olga', EDUCATOR).doc('earnings/inez').get());
      await expectDenied(dbAs('lena').doc('earnings/inez').get());
      await expectDenied(anonDb().doc('earnings/inez').get());
    });

    it("lets admins read anyone's totals", async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('earnings/inez').get());
    });

    it('lets no client write totals, not even the instructor or an admin', async () => {
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('earnings/inez')
          .update({ totals: { USD: 999999 } }),
      );
      await expectDenied(
        dbAs('olga', EDUCATOR)
          .doc('earnings/olga')
          .set({ instructorId: 'olga', totals: { USD: 1 } }),
      );
      await expectDenied(dbAs('root', ADMIN).doc('earnings/inez').update({ paymentsCount: 5 }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('earnings/inez').delete());
    });
  });

  describe('earnings/{instructorId}/entries/{paymentId}', () => {
    it('lets the instructor list and read their own credits', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).collection('earnings/inez/entries').get());
      await expectAllowed(dbAs('inez', EDUCATOR).doc('earnings/inez/entries/p1').get());
    });

    it('hides credits from the payer and other instructors', async () => {
      await expectDenied(dbAs('lena').doc('earnings/inez/entries/p1').get());
      await expectDenied(dbAs('olga', EDUCATOR).collection('earnings/inez/entries').get());
    });

    it('lets admins read credits', async () => {
      await expectAllowed(dbAs('root', ADMIN).collection('earnings/inez/entries').get());
    });

    it('lets no client create, change or delete a credit', async () => {
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('earnings/inez/entries/p2')
          .set({ ...entry, paymentId: 'p2', createdAt: serverTime() }),
      );
      await expectDenied(
        dbAs('inez', EDUCATOR).doc('earnings/inez/entries/p1').update({ status: 'credited', amount: 1 }),
      );
      await expectDenied(dbAs('inez', EDUCATOR).doc('earnings/inez/entries/p1').delete());
    });
  });
});
