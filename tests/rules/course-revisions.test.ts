// Issue 15 item 2, "what learners earn from was reviewed": on a live (published or archived) course
// the instructor edits lectures and quizzes only in place (title, order, section, resource links);
// adding, removing or changing what is watched, read or graded is a pending revision that only
// moderateRevision (an admin, on the server) approves. Learners never read a revision.
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

const course = (status: string): DocData => ({
  instructorId: 'inez',
  title: 'Guitar from zero',
  status,
  rating: { average: 0, count: 0 },
  enrollmentCount: 1,
  createdAt: clientTime(),
});

const lecture: DocData = {
  title: 'Holding the pick',
  order: 1,
  sectionId: 's1',
  videoUrl: 'https://example.com/v.mp4',
  durationSec: 300,
  preview: false,
  body: 'Notes',
  resources: [],
};

const quiz: DocData = {
  title: 'Chords',
  questions: [{ id: 'a', prompt: 'Which?', type: 'single', options: ['C', 'G'] }],
  passingScore: 80,
};

function revision(overrides: DocData = {}): DocData {
  return {
    kind: 'lecture',
    op: 'add',
    itemId: 'new',
    title: 'Barre chords',
    changes: { ...lecture, title: 'Barre chords', order: 2 },
    instructorId: 'inez',
    status: 'pending',
    createdAt: serverTime(),
    ...overrides,
  };
}

describeRules('reviewed content of live courses (lectures, quizzes, revisions)', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'edna', 'lena', 'root'),
      'users/sue': profile('sue', { status: 'suspended' }),
      'courses/pub': course('published'),
      'courses/arch': course('archived'),
      'courses/draft': course('draft'),
      'courses/sues': { ...course('published'), instructorId: 'sue' },
      'enrollments/pub_lena': { uid: 'lena', courseId: 'pub', instructorId: 'inez', status: 'active' },
      'courses/pub/lectures/l1': lecture,
      'courses/arch/lectures/l1': lecture,
      'courses/pub/quizzes/q1': quiz,
      'courses/pub/quizKeys/q1': { answers: { a: [0] } },
      'courses/pub/revisions/lecture-waiting': revision({ itemId: 'waiting', createdAt: clientTime() }),
    });
  });

  describe('direct writes on a live course', () => {
    it('denies the instructor adding a lecture or quiz directly (it must be a pending revision)', async () => {
      const inez = dbAs('inez', EDUCATOR);
      await expectDenied(inez.doc('courses/pub/lectures/new').set({ ...lecture, createdAt: serverTime() }));
      await expectDenied(inez.doc('courses/arch/lectures/new').set({ ...lecture, createdAt: serverTime() }));
      await expectDenied(inez.doc('courses/pub/quizzes/q2').set(quiz));
      // The same writes on a draft stay free: the whole course is reviewed when it is published.
      await expectAllowed(
        inez.doc('courses/draft/lectures/new').set({ ...lecture, createdAt: serverTime() }),
      );
      await expectAllowed(inez.doc('courses/draft/quizzes/q2').set(quiz));
    });

    it('lets the instructor fix a title, order, section or links in place', async () => {
      const inez = dbAs('inez', EDUCATOR);
      await expectAllowed(inez.doc('courses/pub/lectures/l1').update({ title: 'Holding the plectrum' }));
      await expectAllowed(
        inez.doc('courses/pub/lectures/l1').update({
          order: 3,
          sectionId: 's2',
          resources: [{ title: 'Tab', url: 'https://x.test' }],
          updatedAt: serverTime(),
        }),
      );
      await expectAllowed(inez.doc('courses/pub/quizzes/q1').update({ title: 'Chord check' }));
    });

    it('denies substantive edits in place: video, duration, body, preview, questions, grading, answers', async () => {
      const inez = dbAs('inez', EDUCATOR);
      const l1 = inez.doc('courses/pub/lectures/l1');
      await expectDenied(l1.update({ videoUrl: 'https://example.com/other.mp4' }));
      await expectDenied(l1.update({ durationSec: 5 }));
      await expectDenied(l1.update({ body: 'Something else entirely' }));
      await expectDenied(l1.update({ preview: true }));
      await expectDenied(l1.update({ title: 'Typo', durationSec: 1 }));
      await expectDenied(inez.doc('courses/arch/lectures/l1').update({ durationSec: 5 }));
      const q1 = inez.doc('courses/pub/quizzes/q1');
      await expectDenied(q1.update({ passingScore: 0 }));
      await expectDenied(q1.update({ questions: [] }));
      await expectDenied(q1.update({ attemptLimit: 10 }));
      await expectDenied(inez.doc('courses/pub/quizKeys/q1').set({ answers: { a: [1] } }));
    });

    it('denies the instructor removing a live lecture, quiz or answer key directly', async () => {
      const inez = dbAs('inez', EDUCATOR);
      await expectDenied(inez.doc('courses/pub/lectures/l1').delete());
      await expectDenied(inez.doc('courses/pub/quizzes/q1').delete());
      await expectDenied(inez.doc('courses/pub/quizKeys/q1').delete());
    });
  });

  describe('courses/{c}/revisions', () => {
    it('lets the instructor submit a pending revision, edit it and withdraw it', async () => {
      const inez = dbAs('inez', EDUCATOR);
      const ref = inez.doc('courses/pub/revisions/lecture-new');
      await expectAllowed(ref.set(revision()));
      await expectAllowed(ref.set(revision({ title: 'Barre chords, part 1' })));
      await expectAllowed(ref.set(revision({ status: 'withdrawn' })));
      await expectAllowed(
        inez
          .doc('courses/pub/revisions/lecture-l1')
          .set(revision({ op: 'change', itemId: 'l1', changes: { durationSec: 600 } })),
      );
      await expectAllowed(
        inez.doc('courses/pub/revisions/quiz-q1').set(
          revision({
            kind: 'quiz',
            op: 'change',
            itemId: 'q1',
            title: 'Chords',
            changes: { passingScore: 60 },
            answerKey: { a: [1] },
          }),
        ),
      );
      await expectAllowed(
        inez.doc('courses/pub/revisions/quiz-q2').set(
          revision({
            kind: 'quiz',
            op: 'add',
            itemId: 'q2',
            title: 'Rhythm',
            changes: { ...quiz, title: 'Rhythm', sectionId: null, lectureId: 'l1', attemptLimit: 3 },
            answerKey: { a: [0] },
          }),
        ),
      );
    });

    it('denies the educator approving their own revision or writing decision fields', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/pub/revisions/lecture-new');
      await expectDenied(ref.set(revision({ status: 'approved' })));
      await expectDenied(ref.set(revision({ status: 'rejected' })));
      await expectDenied(ref.set(revision({ decidedBy: 'inez' })));
      await expectDenied(
        dbAs('inez', EDUCATOR).doc('courses/pub/revisions/lecture-waiting').update({ status: 'approved' }),
      );
    });

    it('denies a revision that names another item, another instructor, bad content or a client time', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/pub/revisions/lecture-new');
      await expectDenied(ref.set(revision({ itemId: 'other' })));
      await expectDenied(ref.set(revision({ kind: 'quiz' })));
      await expectDenied(ref.set(revision({ instructorId: 'edna' })));
      await expectDenied(ref.set(revision({ changes: { ...lecture, points: 1000 } })));
      await expectDenied(ref.set(revision({ changes: { ...lecture, durationSec: -1 } })));
      await expectDenied(ref.set(revision({ answerKey: { a: [0] } })));
      await expectDenied(ref.set(revision({ createdAt: clientTime() })));
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('courses/pub/revisions/lecture-a%2Fb')
          .set(revision({ itemId: 'a/b' })),
      );
    });

    it('denies revisions on a draft course (edited directly) and to anyone but an active instructor', async () => {
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/draft/revisions/lecture-new').set(revision()));
      await expectDenied(dbAs('edna', EDUCATOR).doc('courses/pub/revisions/lecture-new').set(revision()));
      await expectDenied(dbAs('lena').doc('courses/pub/revisions/lecture-new').set(revision()));
      await expectDenied(
        dbAs('sue', EDUCATOR)
          .doc('courses/sues/revisions/lecture-new')
          .set(revision({ instructorId: 'sue' })),
      );
      await expectDenied(
        dbAs('root', ADMIN).doc('courses/pub/revisions/lecture-waiting').update({ status: 'approved' }),
      );
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pub/revisions/lecture-waiting').delete());
    });

    it('lets only the instructor and admins read revisions: learners never see unreviewed content', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/pub/revisions/lecture-waiting').get());
      await expectAllowed(dbAs('inez', EDUCATOR).collection('courses/pub/revisions').get());
      await expectAllowed(dbAs('root', ADMIN).collection('courses/pub/revisions').get());
      await expectDenied(dbAs('lena').doc('courses/pub/revisions/lecture-waiting').get());
      await expectDenied(dbAs('lena').collection('courses/pub/revisions').get());
      await expectDenied(dbAs('edna', EDUCATOR).collection('courses/pub/revisions').get());
      await expectDenied(anonDb().collection('courses/pub/revisions').get());
    });
  });
});
