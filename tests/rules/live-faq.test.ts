// Q&A that teaches: the host's answer on liveSessions/{id}/questions/{qid}, and the lecture FAQ
// entries courses/{courseId}/lectures/{lectureId}/faq/{faqId} that publishSessionFaq writes.
import { beforeEach, describe, it } from 'vitest';
import {
  ADMIN,
  anonDb,
  clientTime,
  type DocData,
  dbAs,
  describeRules,
  expectAllowed,
  expectDenied,
  profiles,
  seed,
  serverTime,
  text,
  useRulesTestEnv,
} from './helpers';

const S = 'liveSessions/s1';
const Q = `${S}/questions/q1`;
const FAQ = 'courses/hanas/lectures/l1/faq/s1_q1';
const PREVIEW_FAQ = 'courses/hanas/lectures/preview/faq/s1_q2';

function faqEntry(overrides: DocData = {}): DocData {
  return {
    sessionId: 's1',
    questionId: 'q1',
    sessionTitle: 'Chord changes live',
    sessionDate: clientTime(),
    hostId: 'hana',
    hostName: 'Hana',
    question: 'Barre chords?',
    answer: 'Press with the side of your finger.',
    publishedAt: clientTime(),
    updatedAt: clientTime(),
    ...overrides,
  };
}

describeRules('live-session answers and lecture FAQ entries', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      // hana hosts s1 (ended) and teaches "hanas"; rita asked q1 and is registered; erin is
      // enrolled in hanas; rex's enrolment was refunded; una is a stranger.
      ...profiles('hana', 'rita', 'erin', 'rex', 'una', 'root'),
      'courses/hanas': { instructorId: 'hana', title: 'Guitar', status: 'published' },
      'courses/hanas/lectures/l1': { title: 'Barre chords', order: 1, preview: false },
      'courses/hanas/lectures/preview': { title: 'Welcome', order: 0, preview: true },
      'courses/drafty': { instructorId: 'hana', title: 'Draft', status: 'draft' },
      'courses/drafty/lectures/preview': { title: 'Welcome', order: 0, preview: true },
      'courses/drafty/lectures/preview/faq/s1_q3': faqEntry({ questionId: 'q3' }),
      'enrollments/hanas_erin': { uid: 'erin', courseId: 'hanas', status: 'active' },
      'enrollments/hanas_rex': { uid: 'rex', courseId: 'hanas', status: 'refunded' },
      [S]: {
        hostId: 'hana',
        title: 'Chord changes live',
        courseId: 'hanas',
        status: 'ended',
        scheduledAt: clientTime(),
        durationMin: 60,
        capacity: 10,
        registeredCount: 1,
        recordingEnabled: false,
      },
      [`${S}/registrations/rita`]: { uid: 'rita', registeredAt: clientTime() },
      [Q]: { authorId: 'rita', text: 'Barre chords?', upvoterIds: [], answered: false },
      [FAQ]: faqEntry(),
      [PREVIEW_FAQ]: faqEntry({ questionId: 'q2' }),
    });
  });

  describe('answers on questions', () => {
    it('lets the host mark a question answered with a written answer, after the session', async () => {
      await expectAllowed(
        dbAs('hana')
          .doc(Q)
          .update({ answered: true, answer: 'Use the side of your finger.', answeredAt: serverTime() }),
      );
    });

    it('lets the host edit the answer and reopen the question', async () => {
      await expectAllowed(dbAs('hana').doc(Q).update({ answer: '' }));
      await expectAllowed(dbAs('hana').doc(Q).update({ answered: false, answeredAt: null }));
    });

    it('denies an attendee, the author included, answering or marking answered', async () => {
      await expectDenied(dbAs('rita').doc(Q).update({ answered: true, answer: 'I found out myself' }));
      await expectDenied(dbAs('rita').doc(Q).update({ answer: 'I found out myself' }));
      await expectDenied(dbAs('una').doc(Q).update({ answered: true }));
    });

    it('denies an answer over 2000 characters, a non-string answer, or a made-up answer time', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(Q)
          .update({ answered: true, answer: text(2001) }),
      );
      await expectDenied(dbAs('hana').doc(Q).update({ answered: true, answer: 42 }));
      await expectDenied(dbAs('hana').doc(Q).update({ answered: true, answeredAt: clientTime() }));
      await expectAllowed(
        dbAs('hana')
          .doc(Q)
          .update({ answered: true, answer: text(2000) }),
      );
    });

    it('denies the host setting the server-written faq pointer, or other fields with the answer', async () => {
      await expectDenied(
        dbAs('hana')
          .doc(Q)
          .update({ faq: { courseId: 'hanas', lectureId: 'l1', faqId: 's1_q1', publishedAt: serverTime() } }),
      );
      await expectDenied(dbAs('hana').doc(Q).update({ answered: true, text: 'Better question' }));
    });

    it('denies an attendee asking with an answer or faq preset', async () => {
      const ask = (extra: DocData) =>
        dbAs('rita')
          .collection(`${S}/questions`)
          .add({ authorId: 'rita', text: 'Capo?', upvoterIds: [], answered: false, ...extra });
      await expectDenied(ask({ answer: 'Yes' }));
      await expectDenied(ask({ faq: { courseId: 'hanas', lectureId: 'l1', faqId: 'x' } }));
    });
  });

  describe('lecture FAQ entries', () => {
    it('lets the instructor, an enrolled learner and an admin read them', async () => {
      await expectAllowed(dbAs('hana').doc(FAQ).get());
      await expectAllowed(dbAs('erin').doc(FAQ).get());
      await expectAllowed(dbAs('root', ADMIN).doc(FAQ).get());
      await expectAllowed(dbAs('erin').collection('courses/hanas/lectures/l1/faq').get());
    });

    it('denies reading a non-preview lecture FAQ to strangers, refunded learners and signed-out visitors', async () => {
      await expectDenied(dbAs('una').doc(FAQ).get());
      await expectDenied(dbAs('rex').doc(FAQ).get());
      await expectDenied(anonDb().doc(FAQ).get());
      await expectDenied(dbAs('rita').collection('courses/hanas/lectures/l1/faq').get());
    });

    it('lets anyone read the FAQ of a preview lecture of a published course, not of a draft', async () => {
      await expectAllowed(anonDb().doc(PREVIEW_FAQ).get());
      await expectAllowed(anonDb().collection('courses/hanas/lectures/preview/faq').get());
      await expectDenied(anonDb().doc('courses/drafty/lectures/preview/faq/s1_q3').get());
    });

    it('denies every client write, the host and instructor included (publishSessionFaq writes them)', async () => {
      await expectDenied(
        dbAs('hana')
          .doc('courses/hanas/lectures/l1/faq/s1_q9')
          .set(faqEntry({ questionId: 'q9' })),
      );
      await expectDenied(dbAs('hana').doc(FAQ).update({ answer: 'Edited directly' }));
      await expectDenied(dbAs('hana').doc(FAQ).delete());
      await expectDenied(dbAs('rita').doc('courses/hanas/lectures/l1/faq/s1_q1').set(faqEntry()));
      await expectDenied(dbAs('erin').doc(FAQ).update({ answer: 'Wrong!' }));
      await expectDenied(dbAs('root', ADMIN).doc(FAQ).delete());
    });
  });
});
