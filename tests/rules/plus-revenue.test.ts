// The Plus revenue share (issue 18 item 5): an instructor reads their own plusStatements (one
// query on the dashboard) and nobody else's; the tally (plusWatch), the month's close (plusMonths)
// and carried refunds (plusCarries) are server-only; no client writes any of them.
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

const statement = (instructorId: string) => ({
  month: '2026-10',
  instructorId,
  seconds: 3000,
  minutes: 50,
  share: 0.5,
  amount: 2200,
  carryIn: 0,
  payable: 2200,
  carryOut: 0,
  currency: 'USD',
  transferState: 'paid',
});

describeRules('plus revenue share', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'olga', 'lena', 'root'),
      'plusStatements/2026-10_inez': statement('inez'),
      'plusStatements/2026-10_olga': statement('olga'),
      'plusWatch/2026-10_c1_lena': {
        month: '2026-10',
        courseId: 'c1',
        instructorId: 'inez',
        uid: 'lena',
        seconds: 60,
      },
      'plusMonths/2026-10': { month: '2026-10', state: 'closed', distributable: 4400 },
      'plusCarries/in_1_500': { invoiceId: 'in_1', fromMonth: '2026-10', amount: 500, appliedToMonth: null },
    });
  });

  it('lets an instructor read their own statements, by id and with the dashboard query', async () => {
    const inez = dbAs('inez', EDUCATOR);
    await expectAllowed(inez.doc('plusStatements/2026-10_inez').get());
    await expectAllowed(
      inez
        .collection('plusStatements')
        .where('instructorId', '==', 'inez')
        .orderBy('month', 'desc')
        .limit(12)
        .get(),
    );
  });

  it('hides other instructors’ statements, and refuses queries that could return them', async () => {
    const inez = dbAs('inez', EDUCATOR);
    await expectDenied(inez.doc('plusStatements/2026-10_olga').get());
    await expectDenied(inez.collection('plusStatements').where('month', '==', '2026-10').get());
    await expectDenied(inez.collection('plusStatements').where('instructorId', '==', 'olga').get());
    await expectDenied(dbAs('lena').doc('plusStatements/2026-10_inez').get());
    await expectDenied(anonDb().doc('plusStatements/2026-10_inez').get());
  });

  it('lets admins read the statements and the month', async () => {
    await expectAllowed(dbAs('root', ADMIN).doc('plusStatements/2026-10_olga').get());
    await expectAllowed(dbAs('root', ADMIN).doc('plusMonths/2026-10').get());
  });

  it('lets no client write a statement, not even the instructor it names', async () => {
    const inez = dbAs('inez', EDUCATOR);
    await expectDenied(inez.doc('plusStatements/2026-10_inez').update({ payable: 999_999 }));
    await expectDenied(inez.doc('plusStatements/2026-11_inez').set(statement('inez')));
    await expectDenied(inez.doc('plusStatements/2026-10_inez').delete());
  });

  it('keeps the tally, the month and the carries server-only', async () => {
    const lena = dbAs('lena');
    const inez = dbAs('inez', EDUCATOR);
    await expectDenied(lena.doc('plusWatch/2026-10_c1_lena').get());
    await expectDenied(lena.doc('plusWatch/2026-10_c1_lena').update({ seconds: 999_999 }));
    await expectDenied(
      lena
        .doc('plusWatch/2026-11_c1_lena')
        .set({ month: '2026-11', courseId: 'c1', instructorId: 'inez', uid: 'lena', seconds: 60 }),
    );
    await expectDenied(inez.doc('plusWatch/2026-10_c1_lena').get());
    await expectDenied(inez.doc('plusMonths/2026-10').get());
    await expectDenied(inez.doc('plusMonths/2026-11').set({ state: 'closed' }));
    await expectDenied(inez.doc('plusCarries/in_1_500').update({ appliedToMonth: '2026-11' }));
    await expectDenied(lena.doc('plusCarries/in_1_500').delete());
  });
});
