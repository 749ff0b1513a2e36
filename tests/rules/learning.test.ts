// enrollments, quizAttempts, payments, certificates: server-written learning records.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  type DocData,
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

function enrollment(uid: string, status: string, overrides: DocData = {}): DocData {
  return {
    uid,
    courseId: 'pub',
    instructorId: 'inez',
    status,
    source: 'stripe',
    completedLectureIds: ['l1'],
    progress: 50,
    lastLectureId: 'l1',
    lastPositionSec: 120,
    completedAt: null,
    certificateId: null,
    createdAt: clientTime(),
    ...overrides,
  };
}

describeRules('enrollments, quizAttempts, payments, certificates', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'edna', 'lena', 'rita', 'stan', 'root'),
      'users/sue': profile('sue', { status: 'suspended' }),
      'courses/pub': {
        instructorId: 'inez',
        title: 'Guitar',
        status: 'published',
        rating: { average: 0, count: 0 },
        enrollmentCount: 2,
        createdAt: clientTime(),
      },
      'enrollments/pub_lena': enrollment('lena', 'active'),
      'enrollments/pub_rita': enrollment('rita', 'refunded'),
      'enrollments/pub_sue': enrollment('sue', 'active'),
      'quizAttempts/a1': {
        uid: 'lena',
        courseId: 'pub',
        quizId: 'q1',
        score: 60,
        passed: false,
        answers: { a: 1 },
        createdAt: clientTime(),
      },
      'payments/p1': {
        uid: 'lena',
        courseId: 'pub',
        amount: 1999,
        currency: 'EUR',
        status: 'paid',
        stripeCheckoutSessionId: 'cs_test_1',
        createdAt: clientTime(),
      },
      'certificates/Zx8kQ2wYv9LmN4pR': {
        uid: 'lena',
        userName: 'Lena',
        courseId: 'pub',
        courseTitle: 'Guitar',
        instructorName: 'Inez',
        issuedAt: clientTime(),
      },
      'certificates/Ab3dE5fG7hJ9kL1m': {
        uid: 'stan',
        userName: 'Stan',
        courseId: 'pub',
        courseTitle: 'Guitar',
        instructorName: 'Inez',
        issuedAt: clientTime(),
      },
    });
  });

  describe('enrollments/{courseId}_{uid}', () => {
    it('lets the learner, the instructor and admins read an enrolment', async () => {
      await expectAllowed(dbAs('lena').doc('enrollments/pub_lena').get());
      await expectAllowed(dbAs('inez', EDUCATOR).doc('enrollments/pub_lena').get());
      await expectAllowed(dbAs('root', ADMIN).doc('enrollments/pub_lena').get());
    });

    it('denies other users and visitors reading an enrolment', async () => {
      await expectDenied(dbAs('stan').doc('enrollments/pub_lena').get());
      await expectDenied(dbAs('edna', EDUCATOR).doc('enrollments/pub_lena').get());
      await expectDenied(anonDb().doc('enrollments/pub_lena').get());
    });

    it('lets a learner list their own enrolments and an instructor those of their courses', async () => {
      await expectAllowed(dbAs('lena').collection('enrollments').where('uid', '==', 'lena').get());
      await expectAllowed(
        dbAs('inez', EDUCATOR).collection('enrollments').where('instructorId', '==', 'inez').get(),
      );
    });

    it('denies listing enrolments that are not yours', async () => {
      await expectDenied(dbAs('stan').collection('enrollments').get());
      await expectDenied(dbAs('stan').collection('enrollments').where('uid', '==', 'lena').get());
    });

    it('denies a learner enrolling themselves (enrolment is server-side)', async () => {
      await expectDenied(
        dbAs('stan')
          .doc('enrollments/pub_stan')
          .set(enrollment('stan', 'active', { source: 'free', createdAt: serverTime() })),
      );
    });

    it('lets the learner save their resume position', async () => {
      await expectAllowed(
        dbAs('lena')
          .doc('enrollments/pub_lena')
          .update({ lastLectureId: 'l2', lastPositionSec: 42.5, updatedAt: serverTime() }),
      );
    });

    it('denies the learner changing progress, completed lectures, status, completion or certificate', async () => {
      const ref = dbAs('lena').doc('enrollments/pub_lena');
      await expectDenied(ref.update({ progress: 100 }));
      await expectDenied(ref.update({ completedLectureIds: ['l1', 'l2', 'l3'] }));
      await expectDenied(ref.update({ status: 'active', source: 'admin' }));
      await expectDenied(ref.update({ completedAt: serverTime() }));
      await expectDenied(ref.update({ certificateId: 'Zx8kQ2wYv9LmN4pR' }));
      // Observed watching (issue 15) is server-written only: the learner cannot credit themselves.
      await expectDenied(ref.update({ 'watch.l2': { seconds: 3600, measuredSec: null } }));
      await expectDenied(ref.update({ watchedSeconds: 3600 }));
      await expectDenied(ref.update({ watchReportAt: serverTime() }));
    });

    it('denies a refunded learner un-refunding or resuming', async () => {
      await expectDenied(dbAs('rita').doc('enrollments/pub_rita').update({ status: 'active' }));
      await expectDenied(dbAs('rita').doc('enrollments/pub_rita').update({ lastPositionSec: 10 }));
    });

    it('denies a negative position and someone else saving the position', async () => {
      await expectDenied(dbAs('lena').doc('enrollments/pub_lena').update({ lastPositionSec: -1 }));
      await expectDenied(dbAs('stan').doc('enrollments/pub_lena').update({ lastPositionSec: 10 }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('enrollments/pub_lena').update({ lastPositionSec: 10 }));
    });

    it('denies deleting an enrolment', async () => {
      await expectDenied(dbAs('lena').doc('enrollments/pub_lena').delete());
    });

    it('denies a suspended learner saving a position', async () => {
      await expectDenied(dbAs('sue').doc('enrollments/pub_sue').update({ lastPositionSec: 10 }));
    });
  });

  describe('quizAttempts/{attemptId}', () => {
    it('lets the learner and the course instructor read an attempt', async () => {
      await expectAllowed(dbAs('lena').doc('quizAttempts/a1').get());
      await expectAllowed(dbAs('inez', EDUCATOR).doc('quizAttempts/a1').get());
    });

    it('denies other users reading an attempt', async () => {
      await expectDenied(dbAs('stan').doc('quizAttempts/a1').get());
      await expectDenied(dbAs('edna', EDUCATOR).doc('quizAttempts/a1').get());
    });

    it('lets the learner list their own attempts', async () => {
      await expectAllowed(dbAs('lena').collection('quizAttempts').where('uid', '==', 'lena').get());
      await expectDenied(dbAs('stan').collection('quizAttempts').where('uid', '==', 'lena').get());
    });

    it('lets the instructor list the attempts of their course', async () => {
      await expectAllowed(
        dbAs('inez', EDUCATOR).collection('quizAttempts').where('courseId', '==', 'pub').get(),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR).collection('quizAttempts').where('courseId', '==', 'pub').get(),
      );
    });

    it('denies a learner recording or improving their own attempt (submitQuiz grades)', async () => {
      await expectDenied(
        dbAs('lena').collection('quizAttempts').add({
          uid: 'lena',
          courseId: 'pub',
          quizId: 'q1',
          score: 100,
          passed: true,
          answers: {},
          createdAt: serverTime(),
        }),
      );
      await expectDenied(dbAs('lena').doc('quizAttempts/a1').update({ score: 100, passed: true }));
      await expectDenied(dbAs('lena').doc('quizAttempts/a1').delete());
    });
  });

  describe('payments/{paymentId}', () => {
    it('lets the payer and admins read a payment', async () => {
      await expectAllowed(dbAs('lena').doc('payments/p1').get());
      await expectAllowed(dbAs('lena').collection('payments').where('uid', '==', 'lena').get());
      await expectAllowed(dbAs('root', ADMIN).collection('payments').get());
    });

    it('denies others, the instructor included, reading a payment', async () => {
      await expectDenied(dbAs('stan').doc('payments/p1').get());
      await expectDenied(dbAs('inez', EDUCATOR).doc('payments/p1').get());
      await expectDenied(dbAs('stan').collection('payments').get());
    });

    it('denies clients recording or changing payments', async () => {
      await expectDenied(
        dbAs('stan').collection('payments').add({
          uid: 'stan',
          courseId: 'pub',
          amount: 0,
          currency: 'EUR',
          status: 'paid',
          createdAt: serverTime(),
        }),
      );
      await expectDenied(dbAs('lena').doc('payments/p1').update({ status: 'refunded' }));
      await expectDenied(dbAs('root', ADMIN).doc('payments/p1').update({ status: 'refunded' }));
    });
  });

  describe('certificates/{certificateId}', () => {
    it('lets anyone, signed out too, fetch a certificate by its id (public verification)', async () => {
      await expectAllowed(anonDb().doc('certificates/Zx8kQ2wYv9LmN4pR').get());
      await expectAllowed(dbAs('stan').doc('certificates/Zx8kQ2wYv9LmN4pR').get());
    });

    it('lets a user list their own certificates', async () => {
      await expectAllowed(dbAs('lena').collection('certificates').where('uid', '==', 'lena').get());
    });

    it('denies listing all certificates or someone else’s', async () => {
      await expectDenied(anonDb().collection('certificates').get());
      await expectDenied(dbAs('lena').collection('certificates').get());
      await expectDenied(dbAs('lena').collection('certificates').where('uid', '==', 'stan').get());
    });

    it('lets an admin list certificates', async () => {
      await expectAllowed(dbAs('root', ADMIN).collection('certificates').get());
    });

    it('denies issuing or editing a certificate from a client', async () => {
      await expectDenied(
        dbAs('stan').doc('certificates/forged').set({
          uid: 'stan',
          userName: 'Stan',
          courseId: 'pub',
          courseTitle: 'Guitar',
          instructorName: 'Inez',
          issuedAt: serverTime(),
        }),
      );
      await expectDenied(dbAs('lena').doc('certificates/Zx8kQ2wYv9LmN4pR').update({ userName: 'Someone' }));
      await expectDenied(dbAs('lena').doc('certificates/Zx8kQ2wYv9LmN4pR').delete());
    });
  });
});
