// Plus membership (issue 18; docs/plus.md): who reads Plus courses' lectures and quizzes through a
// subscription (subscriber, cancelling, past due in grace, lapsed, non-subscriber, excluded course),
// Plus enrolments that lapse, the subscription document and plusInvoices (server only), and the
// course flags (includedInPlus: the instructor's; plusExcluded: admins only).
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  EDUCATOR,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  timestamp,
  useRulesTestEnv,
} from './helpers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => timestamp(new Date(Date.now() + ms));

function subscription(overrides: DocData = {}): DocData {
  return {
    subscriptionId: 'sub_1',
    customerId: 'cus_1',
    plan: 'monthly',
    status: 'active',
    currentPeriodEnd: at(20 * DAY),
    cancelAtPeriodEnd: false,
    stripeUpdatedAt: clientTime(),
    updatedAt: clientTime(),
    pastDueSince: null,
    ...overrides,
  };
}

function course(overrides: DocData = {}): DocData {
  return {
    instructorId: 'inez',
    title: 'Guitar',
    status: 'published',
    price: 4900,
    currency: 'USD',
    rating: { average: 0, count: 0 },
    enrollmentCount: 0,
    createdAt: clientTime(),
    ...overrides,
  };
}

const lecture = { title: 'Chords', order: 1, preview: false, videoUrl: null };
const quiz = { title: 'Quiz', questions: [] };

describeRules('Plus membership', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'sam', 'cara', 'pete', 'pat', 'lapsy', 'nora', 'root'),
      'courses/plus': course(),
      'courses/plus/lectures/l1': lecture,
      'courses/plus/quizzes/q1': quiz,
      'courses/excluded': course({ plusExcluded: true }),
      'courses/excluded/lectures/l1': lecture,
      'courses/optout': course({ includedInPlus: false }),
      'courses/optout/lectures/l1': lecture,
      'courses/free': course({ price: 0 }),
      'courses/free/lectures/l1': lecture,
      'users/sam/private/subscription': subscription(),
      'users/cara/private/subscription': subscription({
        cancelAtPeriodEnd: true,
        currentPeriodEnd: at(2 * DAY),
      }),
      'users/pete/private/subscription': subscription({ status: 'past_due', pastDueSince: at(-3 * DAY) }),
      'users/pat/private/subscription': subscription({ status: 'past_due', pastDueSince: at(-8 * DAY) }),
      'users/lapsy/private/subscription': subscription({
        cancelAtPeriodEnd: true,
        currentPeriodEnd: at(-HOUR),
      }),
      // Plus enrolments of a subscriber and of a lapsed one; lapsy also bought `optout` outright.
      'enrollments/plus_sam': {
        uid: 'sam',
        courseId: 'plus',
        instructorId: 'inez',
        status: 'active',
        source: 'plus',
      },
      'enrollments/plus_lapsy': {
        uid: 'lapsy',
        courseId: 'plus',
        instructorId: 'inez',
        status: 'active',
        source: 'plus',
      },
      'enrollments/optout_lapsy': {
        uid: 'lapsy',
        courseId: 'optout',
        instructorId: 'inez',
        status: 'active',
        source: 'stripe',
      },
      'plusInvoices/in_1': { invoiceId: 'in_1', uid: 'sam', amountPaid: 1999 },
    });
  });

  describe('lectures and quizzes of Plus courses', () => {
    it('an active subscriber reads them, with or without an enrolment', async () => {
      await expectAllowed(dbAs('sam').doc('courses/plus/lectures/l1').get());
      await expectAllowed(dbAs('sam').doc('courses/plus/quizzes/q1').get());
    });

    it('a subscriber who cancelled keeps them until the period end', async () => {
      await expectAllowed(dbAs('cara').doc('courses/plus/lectures/l1').get());
      await expectAllowed(dbAs('cara').doc('courses/plus/quizzes/q1').get());
    });

    it('past due: read within the grace period, not after it', async () => {
      await expectAllowed(dbAs('pete').doc('courses/plus/lectures/l1').get());
      await expectDenied(dbAs('pat').doc('courses/plus/lectures/l1').get());
      await expectDenied(dbAs('pat').doc('courses/plus/quizzes/q1').get());
    });

    it('a lapsed subscriber loses them, even with a Plus enrolment; a non-subscriber never had them', async () => {
      await expectDenied(dbAs('lapsy').doc('courses/plus/lectures/l1').get());
      await expectDenied(dbAs('lapsy').doc('courses/plus/quizzes/q1').get());
      await expectDenied(dbAs('nora').doc('courses/plus/lectures/l1').get());
      await expectDenied(dbAs('nora').doc('courses/plus/quizzes/q1').get());
    });

    it('a lapsed subscriber keeps a course bought outright', async () => {
      await expectAllowed(dbAs('lapsy').doc('courses/optout/lectures/l1').get());
    });

    it('courses an admin excluded, the educator left out, or free ones are not opened by Plus', async () => {
      await expectDenied(dbAs('sam').doc('courses/excluded/lectures/l1').get());
      await expectDenied(dbAs('sam').doc('courses/optout/lectures/l1').get());
      await expectDenied(dbAs('sam').doc('courses/free/lectures/l1').get());
    });
  });

  describe('the subscription document, customers and invoices', () => {
    it('the owner reads their subscription; nobody else, and nobody writes it from a client', async () => {
      await expectAllowed(dbAs('sam').doc('users/sam/private/subscription').get());
      await expectDenied(dbAs('nora').doc('users/sam/private/subscription').get());
      await expectDenied(dbAs('nora').doc('users/nora/private/subscription').set(subscription()));
      await expectDenied(
        dbAs('lapsy')
          .doc('users/lapsy/private/subscription')
          .update({ currentPeriodEnd: at(30 * DAY) }),
      );
      await expectDenied(dbAs('sam').doc('users/sam/private/subscription').delete());
    });

    it('a client cannot create a Plus enrolment', async () => {
      await expectDenied(
        dbAs('nora')
          .doc('enrollments/plus_nora')
          .set({ uid: 'nora', courseId: 'plus', instructorId: 'inez', status: 'active', source: 'plus' }),
      );
    });

    it('plusInvoices: the subscriber reads their own; nobody writes; stripeCustomers is server only', async () => {
      await expectAllowed(dbAs('sam').doc('plusInvoices/in_1').get());
      await expectDenied(dbAs('nora').doc('plusInvoices/in_1').get());
      await expectDenied(dbAs('sam').doc('plusInvoices/in_2').set({ uid: 'sam', amountPaid: 1 }));
      await expectDenied(dbAs('sam').doc('stripeCustomers/cus_1').get());
      await expectDenied(dbAs('sam').doc('stripeCustomers/cus_2').set({ uid: 'sam' }));
    });
  });

  describe('course flags', () => {
    it('the instructor switches includedInPlus; not plusExcluded', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/plus').update({ includedInPlus: false }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/plus').update({ includedInPlus: 'no' }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/excluded').update({ plusExcluded: false }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/plus').update({ plusEnrollmentCount: 100 }));
    });

    it('plusExcluded only through setCoursePlusExcluded (audit-logged), even for an admin; never plusEnrollmentCount', async () => {
      await expectDenied(dbAs('root', ADMIN).doc('courses/plus').update({ plusExcluded: true }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/excluded').update({ plusExcluded: false }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/plus').update({ plusExcluded: 'yes' }));
      // Other admin edits still pass.
      await expectAllowed(dbAs('root', ADMIN).doc('courses/plus').update({ title: 'Renamed by an admin' }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/plus').update({ plusEnrollmentCount: 5 }));
      await expectDenied(dbAs('sam').doc('courses/plus').update({ plusExcluded: true }));
    });
  });
});
