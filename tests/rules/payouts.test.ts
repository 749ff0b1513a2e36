// educatorPayouts/{uid} (Stripe Connect onboarding flags), its payouts ledger, stripeAccounts:
// read by the educator (and admins), written by no client.
import { beforeEach, it } from 'vitest';
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
  useRulesTestEnv,
} from './helpers';

const account = {
  uid: 'inez',
  accountId: 'acct_1',
  mode: 'stripe',
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  requirementsDue: ['external_account'],
};

describeRules('payouts', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'olga', 'lena', 'root'),
      'educatorPayouts/inez': account,
      'educatorPayouts/inez/payouts/po_1': { amount: 3920, currency: 'USD', status: 'paid' },
      'stripeAccounts/acct_1': { uid: 'inez', accountId: 'acct_1' },
      'earnings/inez': { instructorId: 'inez', totals: { USD: 3920 }, paidOut: {} },
    });
  });

  it('lets the educator read their account state and payouts', async () => {
    await expectAllowed(dbAs('inez', EDUCATOR).doc('educatorPayouts/inez').get());
    await expectAllowed(dbAs('inez', EDUCATOR).collection('educatorPayouts/inez/payouts').get());
    await expectAllowed(dbAs('inez', EDUCATOR).doc('educatorPayouts/inez/payouts/po_1').get());
  });

  it('lets admins read them', async () => {
    await expectAllowed(dbAs('root', ADMIN).doc('educatorPayouts/inez').get());
    await expectAllowed(dbAs('root', ADMIN).doc('educatorPayouts/inez/payouts/po_1').get());
  });

  it('hides them from other educators, learners and visitors', async () => {
    await expectDenied(dbAs('olga', EDUCATOR).doc('educatorPayouts/inez').get());
    await expectDenied(dbAs('olga', EDUCATOR).collection('educatorPayouts/inez/payouts').get());
    await expectDenied(dbAs('lena').doc('educatorPayouts/inez').get());
    await expectDenied(anonDb().doc('educatorPayouts/inez/payouts/po_1').get());
  });

  it('lets no educator turn on their own payouts or create an account doc', async () => {
    await expectDenied(dbAs('inez', EDUCATOR).doc('educatorPayouts/inez').update({ payoutsEnabled: true }));
    await expectDenied(
      dbAs('inez', EDUCATOR)
        .doc('educatorPayouts/inez')
        .update({ chargesEnabled: true, payoutsEnabled: true, requirementsDue: [] }),
    );
    await expectDenied(
      dbAs('olga', EDUCATOR)
        .doc('educatorPayouts/olga')
        .set({ ...account, uid: 'olga', accountId: 'acct_mine', payoutsEnabled: true, chargesEnabled: true }),
    );
    await expectDenied(dbAs('inez', EDUCATOR).doc('educatorPayouts/inez').delete());
    await expectDenied(dbAs('root', ADMIN).doc('educatorPayouts/inez').update({ payoutsEnabled: true }));
  });

  it('lets no client write payouts or their own balance', async () => {
    await expectDenied(
      dbAs('inez', EDUCATOR).doc('educatorPayouts/inez/payouts/po_1').update({ amount: 999999 }),
    );
    await expectDenied(
      dbAs('inez', EDUCATOR)
        .doc('educatorPayouts/inez/payouts/po_2')
        .set({ amount: 1, currency: 'USD', status: 'paid' }),
    );
    await expectDenied(
      dbAs('inez', EDUCATOR)
        .doc('earnings/inez')
        .update({ paidOut: { USD: 3920 } }),
    );
    await expectDenied(
      dbAs('inez', EDUCATOR)
        .doc('earnings/inez')
        .update({ totals: { USD: 999999 } }),
    );
  });

  it('keeps the account → educator lookup server-only', async () => {
    await expectDenied(dbAs('inez', EDUCATOR).doc('stripeAccounts/acct_1').get());
    await expectDenied(dbAs('root', ADMIN).doc('stripeAccounts/acct_1').set({ uid: 'root' }));
    await expectAllowed(dbAs('root', ADMIN).doc('stripeAccounts/acct_1').get());
  });
});
