// Quiz attempt settings on courses/{c}/quizzes/{q} and the server-issued attempts in
// quizAttempts/{attemptId} (issue 15 item 3): only the instructor sets the settings, within range;
// no client can make, extend, re-grade or delete an attempt.
import { beforeEach, describe, it } from 'vitest';
import {
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
  timestamp,
  useRulesTestEnv,
} from './helpers';

const QUIZ: DocData = {
  title: 'Chords',
  questions: [{ id: 'a', prompt: 'Which?', type: 'single', options: ['C', 'G'] }],
  passingScore: 80,
};

function enrollment(uid: string, status: string): DocData {
  return {
    uid,
    courseId: 'pub',
    instructorId: 'inez',
    status,
    source: 'free',
    completedLectureIds: [],
    progress: 0,
    lastLectureId: null,
    lastPositionSec: 0,
    completedAt: null,
    certificateId: null,
    createdAt: clientTime(),
  };
}

const openAttempt: DocData = {
  uid: 'lena',
  courseId: 'pub',
  quizId: 'q1',
  instructorId: 'inez',
  number: 1,
  attemptLimit: 2,
  status: 'open',
  startedAt: timestamp(new Date('2026-01-01T10:00:00Z')),
  deadline: timestamp(new Date('2026-01-01T10:05:00Z')),
  questionOrder: ['a'],
  optionOrder: { a: [1, 0] },
  createdAt: clientTime(),
};

describeRules('quiz attempt settings and quizAttempts', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'edna', 'lena', 'stan'),
      'users/sue': profile('sue', { status: 'suspended' }),
      'courses/pub': {
        instructorId: 'inez',
        title: 'Guitar',
        // A draft: the instructor sets attempt settings directly. On a live course they change only
        // through an approved revision (course-revisions.test.ts).
        status: 'draft',
        rating: { average: 0, count: 0 },
        enrollmentCount: 1,
        createdAt: clientTime(),
      },
      'enrollments/pub_lena': enrollment('lena', 'active'),
      'courses/pub/quizzes/q1': QUIZ,
      'quizAttempts/pub_q1_lena_1': openAttempt,
    });
  });

  describe('courses/{c}/quizzes/{q} attempt settings', () => {
    const settings = { attemptLimit: 2, timeLimitMinutes: 5, shuffle: true, showCorrectness: 'never' };

    it('lets the instructor set the attempt limit, time limit, shuffle and feedback rule', async () => {
      const inez = dbAs('inez', EDUCATOR);
      await expectAllowed(inez.doc('courses/pub/quizzes/q2').set({ ...QUIZ, ...settings }));
      await expectAllowed(
        inez.doc('courses/pub/quizzes/q1').set({ ...QUIZ, timeLimitMinutes: null }, { merge: true }),
      );
      await expectAllowed(
        inez
          .doc('courses/pub/quizzes/q1')
          .set({ attemptLimit: 10, showCorrectness: 'afterPassOrLast' }, { merge: true }),
      );
    });

    it('denies learners and other educators setting them', async () => {
      await expectDenied(
        dbAs('lena').doc('courses/pub/quizzes/q1').set({ attemptLimit: 10 }, { merge: true }),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR).doc('courses/pub/quizzes/q1').set({ attemptLimit: 10 }, { merge: true }),
      );
      await expectDenied(anonDb().doc('courses/pub/quizzes/q1').set({ shuffle: false }, { merge: true }));
    });

    it.each([
      [{ attemptLimit: 0 }],
      [{ attemptLimit: 11 }],
      [{ attemptLimit: 2.5 }],
      [{ attemptLimit: '3' }],
      [{ timeLimitMinutes: 0 }],
      [{ timeLimitMinutes: 181 }],
      [{ timeLimitMinutes: 1.5 }],
      [{ shuffle: 'yes' }],
      [{ showCorrectness: 'always' }],
      [{ attemptsUsed: 0 }],
    ])('denies the instructor an out-of-range setting %j', async (bad) => {
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('courses/pub/quizzes/q1')
          .set({ ...QUIZ, ...bad }),
      );
    });
  });

  describe('quizAttempts/{attemptId} are server-only', () => {
    it('lets the learner and the instructor read an issued attempt; nobody else', async () => {
      await expectAllowed(dbAs('lena').doc('quizAttempts/pub_q1_lena_1').get());
      await expectAllowed(dbAs('inez', EDUCATOR).doc('quizAttempts/pub_q1_lena_1').get());
      await expectAllowed(
        dbAs('lena').collection('quizAttempts').where('uid', '==', 'lena').where('quizId', '==', 'q1').get(),
      );
      await expectDenied(dbAs('stan').doc('quizAttempts/pub_q1_lena_1').get());
      await expectDenied(anonDb().doc('quizAttempts/pub_q1_lena_1').get());
    });

    it('denies the learner issuing an attempt of their own (a later number, no deadline)', async () => {
      await expectDenied(
        dbAs('lena')
          .doc('quizAttempts/pub_q1_lena_2')
          .set({ ...openAttempt, number: 2, deadline: null }),
      );
    });

    it('denies the learner extending the deadline, reshuffling, grading or deleting an attempt', async () => {
      const doc = dbAs('lena').doc('quizAttempts/pub_q1_lena_1');
      await expectDenied(doc.update({ deadline: timestamp(new Date('2030-01-01T00:00:00Z')) }));
      await expectDenied(doc.update({ optionOrder: { a: [0, 1] } }));
      await expectDenied(doc.update({ status: 'submitted', score: 100, passed: true }));
      await expectDenied(doc.update({ number: 0 }));
      await expectDenied(doc.delete());
    });

    it('denies the instructor and suspended users writing attempts too', async () => {
      await expectDenied(dbAs('inez', EDUCATOR).doc('quizAttempts/pub_q1_lena_1').update({ score: 100 }));
      await expectDenied(
        dbAs('sue')
          .doc('quizAttempts/pub_q1_sue_1')
          .set({ ...openAttempt, uid: 'sue' }),
      );
    });
  });
});
