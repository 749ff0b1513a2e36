// courses/{courseId} and its lectures, quizzes, quizKeys and reviews.
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
  text,
  timestamp,
  useRulesTestEnv,
} from './helpers';

function course(instructorId: string, status: string, overrides: DocData = {}): DocData {
  return {
    instructorId,
    title: 'Guitar from zero',
    description: 'Chords, rhythm and your first songs.',
    category: 'music',
    tags: ['guitar'],
    level: 'beginner',
    price: 1999,
    currency: 'EUR',
    thumbnailUrl: null,
    status,
    sections: [{ id: 's1', title: 'Basics' }],
    totalLectures: 2,
    rating: { average: 4.5, count: 10 },
    enrollmentCount: 10,
    certificate: { enabled: true, passingScore: 80 },
    createdAt: clientTime(),
    updatedAt: clientTime(),
    ...overrides,
  };
}

function enrollment(courseId: string, uid: string, status: string): DocData {
  return {
    uid,
    courseId,
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

const lecture = (preview: boolean): DocData => ({
  title: 'Holding the pick',
  order: 1,
  sectionId: 's1',
  videoUrl: 'https://example.com/v.mp4',
  durationSec: 300,
  preview,
  body: 'Notes',
  resources: [],
});

/** An ID token whose email the Auth service verified (reviews need one). */
const VERIFIED = { email_verified: true };

describeRules('courses, lectures, quizzes, quizKeys, reviews', () => {
  useRulesTestEnv();

  beforeEach(async () => {
    await seed({
      ...profiles('inez', 'edna', 'lena', 'lara', 'rita', 'stan', 'root'),
      'users/sam': profile('sam', { status: 'suspended' }),
      'users/sue': profile('sue', { status: 'suspended' }),
      'courses/pub': course('inez', 'published'),
      'courses/draft': course('inez', 'draft'),
      'courses/pending': course('inez', 'pending'),
      'courses/rejected': course('inez', 'rejected'),
      'courses/sams': course('sam', 'draft'),
      'enrollments/pub_lena': enrollment('pub', 'lena', 'active'),
      'enrollments/pub_lara': enrollment('pub', 'lara', 'active'),
      'enrollments/pub_rita': enrollment('pub', 'rita', 'refunded'),
      'enrollments/pub_sue': enrollment('pub', 'sue', 'active'),
      'courses/pub/lectures/l1': lecture(false),
      'courses/pub/lectures/p1': lecture(true),
      'courses/draft/lectures/p1': lecture(true),
      'courses/pub/quizzes/q1': {
        title: 'Chords',
        questions: [{ id: 'a', prompt: 'Which?', type: 'single', options: ['C', 'G'] }],
        passingScore: 80,
      },
      'courses/pub/quizKeys/q1': { answers: { a: 0 } },
      'courses/pub/reviews/lara': { rating: 4, comment: 'Good', createdAt: clientTime() },
      'courses/draft/reviews/lara': { rating: 4, comment: 'Early', createdAt: clientTime() },
    });
  });

  describe('courses/{courseId} reads', () => {
    it('lets anyone read a published course', async () => {
      await expectAllowed(anonDb().doc('courses/pub').get());
    });

    it('denies strangers and other educators reading an unpublished course', async () => {
      await expectDenied(anonDb().doc('courses/draft').get());
      await expectDenied(dbAs('stan').doc('courses/pending').get());
      await expectDenied(dbAs('edna', EDUCATOR).doc('courses/draft').get());
    });

    it('lets the instructor and admins read an unpublished course', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/draft').get());
      await expectAllowed(dbAs('root', ADMIN).doc('courses/rejected').get());
    });

    it('lets anyone list published courses, but not a list that could include unpublished ones', async () => {
      await expectAllowed(anonDb().collection('courses').where('status', '==', 'published').get());
      await expectDenied(anonDb().collection('courses').get());
    });

    it('lets an instructor list their own courses in any status', async () => {
      await expectAllowed(
        dbAs('inez', EDUCATOR).collection('courses').where('instructorId', '==', 'inez').get(),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR).collection('courses').where('instructorId', '==', 'inez').get(),
      );
    });

    it('lets an admin list every course (moderation queue)', async () => {
      await expectAllowed(dbAs('root', ADMIN).collection('courses').where('status', '==', 'pending').get());
    });
  });

  describe('courses/{courseId} creation', () => {
    const draft = (overrides: DocData = {}): DocData => ({
      instructorId: 'edna',
      title: 'Python basics',
      description: 'Variables to functions',
      category: 'programming',
      tags: ['python'],
      level: 'beginner',
      price: 0,
      currency: 'USD',
      thumbnailUrl: null,
      status: 'draft',
      sections: [],
      totalLectures: 0,
      rating: { average: 0, count: 0 },
      enrollmentCount: 0,
      certificate: { enabled: false, passingScore: 0 },
      createdAt: serverTime(),
      updatedAt: serverTime(),
      ...overrides,
    });

    it('lets an educator create a draft as its instructor with zero rating and enrolments', async () => {
      await expectAllowed(dbAs('edna', EDUCATOR).collection('courses').add(draft()));
    });

    it('allows the draft without rating and enrollmentCount (the server adds them)', async () => {
      const { rating: _r, enrollmentCount: _e, ...rest } = draft();
      await expectAllowed(dbAs('edna', EDUCATOR).collection('courses').add(rest));
    });

    it('denies a user without the educator claim creating a course', async () => {
      await expectDenied(dbAs('edna').collection('courses').add(draft()));
      await expectDenied(
        dbAs('stan')
          .collection('courses')
          .add(draft({ instructorId: 'stan' })),
      );
    });

    it('denies an educator creating a course for another instructor', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ instructorId: 'inez' })),
      );
    });

    it('denies creating a course already published, pending or rejected', async () => {
      for (const status of ['published', 'pending', 'rejected', 'archived']) {
        await expectDenied(dbAs('edna', EDUCATOR).collection('courses').add(draft({ status })));
      }
    });

    it('denies creating a course with a made-up rating or enrolment count', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ rating: { average: 5, count: 1000 } })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ enrollmentCount: 500 })),
      );
    });

    it('denies creating a course with a completion count (only the server keeps it)', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ completionCount: 3 })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ completionCount: 0 })),
      );
    });

    it('denies a client-chosen createdAt and server-only fields', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ createdAt: clientTime() })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ featured: true })),
      );
    });

    it('denies invalid content: missing title, negative or fractional price, bad currency', async () => {
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ title: '' })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ price: -100 })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ price: 19.99 })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ currency: 'EURO' })),
      );
      await expectDenied(
        dbAs('edna', EDUCATOR)
          .collection('courses')
          .add(draft({ tags: text(5) })),
      );
    });

    it('denies a suspended educator creating a course', async () => {
      await expectDenied(
        dbAs('sam', EDUCATOR)
          .collection('courses')
          .add(draft({ instructorId: 'sam' })),
      );
    });
  });

  describe('courses/{courseId} updates by the instructor', () => {
    it('lets the instructor edit content fields', async () => {
      await expectAllowed(
        dbAs('inez', EDUCATOR).doc('courses/draft').update({
          title: 'Guitar from zero, 2nd edition',
          price: 2999,
          sections: [],
          totalLectures: 3,
          updatedAt: serverTime(),
        }),
      );
    });

    it('fixes a live course’s certificate rule (no easier completion without review), not a draft’s', async () => {
      const inez = dbAs('inez', EDUCATOR);
      await expectDenied(inez.doc('courses/pub').update({ certificate: { enabled: true, passingScore: 0 } }));
      await expectDenied(
        inez.doc('courses/pub').update({ certificate: { enabled: false, passingScore: 80 } }),
      );
      await expectAllowed(inez.doc('courses/pub').update({ title: 'Guitar from zero (revised)' }));
      await expectAllowed(
        inez.doc('courses/draft').update({ certificate: { enabled: true, passingScore: 0 } }),
      );
    });

    it('denies another educator editing the course', async () => {
      await expectDenied(dbAs('edna', EDUCATOR).doc('courses/draft').update({ title: 'Mine now' }));
    });

    it('lets the instructor submit a draft for review (draft → pending)', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/draft').update({ status: 'pending' }));
    });

    it('denies the instructor publishing their own course (draft or pending → published)', async () => {
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/draft').update({ status: 'published' }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pending').update({ status: 'published' }));
    });

    it('denies the instructor rejecting a course or setting an unknown status', async () => {
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pending').update({ status: 'rejected' }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/draft').update({ status: 'featured' }));
    });

    it('lets the instructor rework a rejected course (rejected → draft or pending)', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/rejected').update({ status: 'draft' }));
      await seed({ 'courses/rejected': course('inez', 'rejected') });
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/rejected').update({ status: 'pending' }));
    });

    it('lets the instructor archive a published course, but not unpublish it to draft', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/pub').update({ status: 'archived' }));
      await seed({ 'courses/pub': course('inez', 'published') });
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pub').update({ status: 'draft' }));
    });

    it('denies the instructor changing rating, enrollmentCount or instructorId', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/pub');
      await expectDenied(ref.update({ rating: { average: 5, count: 999 } }));
      await expectDenied(ref.update({ 'rating.average': 5 }));
      await expectDenied(ref.update({ enrollmentCount: 10000 }));
      await expectDenied(ref.update({ instructorId: 'edna' }));
      await expectDenied(ref.update({ createdAt: serverTime() }));
    });

    it('denies the instructor setting completionCount (the completion transaction keeps it)', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/pub');
      await expectDenied(ref.update({ completionCount: 10 }));
      await expectDenied(ref.update({ completionCount: 10, updatedAt: serverTime() }));
      await expectAllowed(ref.update({ title: 'Guitar from zero, revised', updatedAt: serverTime() }));
    });

    it('denies an updatedAt that is not the request time', async () => {
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('courses/draft')
          .update({ title: 'x', updatedAt: timestamp(new Date('2030-01-01T00:00:00Z')) }),
      );
    });

    it('denies the instructor deleting a course', async () => {
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/draft').delete());
    });

    it('denies a suspended instructor editing their course', async () => {
      await expectDenied(dbAs('sam', EDUCATOR).doc('courses/sams').update({ title: 'Still mine' }));
    });
  });

  describe('courses/{courseId} updates by admins', () => {
    it('lets an admin publish or reject a pending course', async () => {
      await expectAllowed(dbAs('root', ADMIN).doc('courses/pending').update({ status: 'published' }));
      await expectAllowed(
        dbAs('root', ADMIN)
          .doc('courses/draft')
          .update({ status: 'rejected', rejectionReason: 'Audio quality' }),
      );
    });

    it('denies an admin changing rating, enrollmentCount or instructorId', async () => {
      await expectDenied(
        dbAs('root', ADMIN)
          .doc('courses/pub')
          .update({ rating: { average: 1, count: 1 } }),
      );
      await expectDenied(dbAs('root', ADMIN).doc('courses/pub').update({ enrollmentCount: 0 }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/pub').update({ completionCount: 0 }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/pub').update({ instructorId: 'edna' }));
    });

    it('denies anyone, admins included, setting featured directly (only setCourseFeatured, audit-logged)', async () => {
      await expectDenied(dbAs('root', ADMIN).doc('courses/pub').update({ featured: true }));
      await expectDenied(dbAs('root', ADMIN).doc('courses/pub').update({ featuredAt: serverTime() }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pub').update({ featured: true }));
      await expectDenied(dbAs('stan').doc('courses/pub').update({ featured: true }));
      // The admin path itself still works for the fields it owns.
      await expectAllowed(dbAs('root', ADMIN).doc('courses/pub').update({ status: 'archived' }));
    });

    it('denies a non-admin using the admin path to publish', async () => {
      await expectDenied(dbAs('stan').doc('courses/pending').update({ status: 'published' }));
    });
  });

  describe('courses/{courseId}/lectures', () => {
    it('lets the instructor and admins read any lecture', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/pub/lectures/l1').get());
      await expectAllowed(dbAs('root', ADMIN).doc('courses/pub/lectures/l1').get());
    });

    it('lets an actively enrolled learner read and list lectures', async () => {
      await expectAllowed(dbAs('lena').doc('courses/pub/lectures/l1').get());
      await expectAllowed(dbAs('lena').collection('courses/pub/lectures').get());
    });

    it('denies a refunded learner and a stranger reading a non-preview lecture', async () => {
      await expectDenied(dbAs('rita').doc('courses/pub/lectures/l1').get());
      await expectDenied(dbAs('stan').doc('courses/pub/lectures/l1').get());
      await expectDenied(dbAs('stan').collection('courses/pub/lectures').get());
    });

    it('lets anyone read a preview lecture of a published course', async () => {
      await expectAllowed(anonDb().doc('courses/pub/lectures/p1').get());
      await expectAllowed(anonDb().collection('courses/pub/lectures').where('preview', '==', true).get());
    });

    it('denies preview lectures of an unpublished course to strangers', async () => {
      await expectDenied(anonDb().doc('courses/draft/lectures/p1').get());
    });

    it('lets the instructor create, update and delete lectures of a draft course', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/draft/lectures/new');
      await expectAllowed(ref.set({ ...lecture(false), createdAt: serverTime() }));
      await expectAllowed(ref.update({ title: 'Strumming', preview: true }));
      await expectAllowed(ref.delete());
    });

    it('denies enrolled learners and other educators writing lectures', async () => {
      await expectDenied(dbAs('lena').doc('courses/pub/lectures/new').set(lecture(false)));
      await expectDenied(dbAs('lena').doc('courses/pub/lectures/l1').update({ preview: true }));
      await expectDenied(dbAs('edna', EDUCATOR).doc('courses/pub/lectures/l1').delete());
    });

    it('denies lectures without a title or with unknown fields', async () => {
      const ref = dbAs('inez', EDUCATOR).doc('courses/draft/lectures/new');
      await expectDenied(ref.set({ ...lecture(false), title: '' }));
      await expectDenied(ref.set({ ...lecture(false), answers: [1, 2] }));
      await expectDenied(ref.set({ ...lecture(false), preview: 'yes' }));
    });
  });

  describe('courses/{courseId}/quizzes and quizKeys', () => {
    it('lets the instructor and enrolled learners read quizzes', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/pub/quizzes/q1').get());
      await expectAllowed(dbAs('lena').doc('courses/pub/quizzes/q1').get());
    });

    it('denies strangers and refunded learners reading quizzes', async () => {
      await expectDenied(dbAs('stan').doc('courses/pub/quizzes/q1').get());
      await expectDenied(dbAs('rita').doc('courses/pub/quizzes/q1').get());
      await expectDenied(anonDb().doc('courses/pub/quizzes/q1').get());
    });

    it('lets the instructor write quizzes of a draft course and denies learners', async () => {
      await expectAllowed(
        dbAs('inez', EDUCATOR)
          .doc('courses/draft/quizzes/q2')
          .set({ title: 'Rhythm', questions: [], passingScore: 70 }),
      );
      await expectDenied(
        dbAs('lena').doc('courses/pub/quizzes/q2').set({ title: 'Rhythm', questions: [], passingScore: 0 }),
      );
    });

    it('denies a quiz passing score outside 0–100', async () => {
      await expectDenied(
        dbAs('inez', EDUCATOR)
          .doc('courses/draft/quizzes/q2')
          .set({ title: 'Rhythm', questions: [], passingScore: 101 }),
      );
    });

    it('lets only the instructor and admins read the answer keys', async () => {
      await expectAllowed(dbAs('inez', EDUCATOR).doc('courses/pub/quizKeys/q1').get());
      await expectAllowed(dbAs('root', ADMIN).doc('courses/pub/quizKeys/q1').get());
      await expectDenied(dbAs('lena').doc('courses/pub/quizKeys/q1').get());
      await expectDenied(dbAs('lena').collection('courses/pub/quizKeys').get());
      await expectDenied(anonDb().doc('courses/pub/quizKeys/q1').get());
    });

    it('lets the instructor write answer keys of a draft course and denies learners', async () => {
      await expectAllowed(
        dbAs('inez', EDUCATOR)
          .doc('courses/draft/quizKeys/q1')
          .set({ answers: { a: 1 } }),
      );
      await expectDenied(
        dbAs('lena')
          .doc('courses/pub/quizKeys/q1')
          .set({ answers: { a: 1 } }),
      );
    });
  });

  describe('courses/{courseId}/reviews/{uid}', () => {
    const review = (overrides: DocData = {}) => ({
      rating: 5,
      comment: 'Great course',
      createdAt: serverTime(),
      ...overrides,
    });

    it('lets anyone read reviews of a published course', async () => {
      await expectAllowed(anonDb().collection('courses/pub/reviews').get());
    });

    it('denies strangers reading reviews of an unpublished course, but lets its instructor', async () => {
      await expectDenied(anonDb().collection('courses/draft/reviews').get());
      await expectAllowed(dbAs('inez', EDUCATOR).collection('courses/draft/reviews').get());
    });

    it('lets an actively enrolled learner with a verified email write one review as themselves', async () => {
      await expectAllowed(
        dbAs('lena', VERIFIED)
          .doc('courses/pub/reviews/lena')
          .set(review({ uid: 'lena' })),
      );
    });

    it('denies a review by an enrolled learner whose email is not verified', async () => {
      await expectDenied(
        dbAs('lena')
          .doc('courses/pub/reviews/lena')
          .set(review({ uid: 'lena' })),
      );
      await expectDenied(
        dbAs('lena', { email_verified: false })
          .doc('courses/pub/reviews/lena')
          .set(review({ uid: 'lena' })),
      );
    });

    it('denies a review whose uid field names someone else', async () => {
      await expectDenied(
        dbAs('lena')
          .doc('courses/pub/reviews/lena')
          .set(review({ uid: 'lara' })),
      );
    });

    it('denies reviews by learners who are not (or no longer) enrolled', async () => {
      await expectDenied(dbAs('stan').doc('courses/pub/reviews/stan').set(review()));
      await expectDenied(dbAs('rita').doc('courses/pub/reviews/rita').set(review()));
    });

    it('denies writing a review under someone else’s uid', async () => {
      await expectDenied(dbAs('lena').doc('courses/pub/reviews/stan').set(review()));
    });

    it('denies ratings outside 1–5 or not whole numbers', async () => {
      const ref = dbAs('lena').doc('courses/pub/reviews/lena');
      await expectDenied(ref.set(review({ rating: 0 })));
      await expectDenied(ref.set(review({ rating: 6 })));
      await expectDenied(ref.set(review({ rating: 4.5 })));
    });

    it('allows a 2000-character comment and denies a longer one', async () => {
      await expectDenied(
        dbAs('lena')
          .doc('courses/pub/reviews/lena')
          .set(review({ comment: text(2001) })),
      );
      await expectAllowed(
        dbAs('lena', VERIFIED)
          .doc('courses/pub/reviews/lena')
          .set(review({ comment: text(2000) })),
      );
    });

    it('denies a client-chosen createdAt', async () => {
      await expectDenied(
        dbAs('lena')
          .doc('courses/pub/reviews/lena')
          .set(review({ createdAt: clientTime() })),
      );
    });

    it('lets the author edit rating and comment', async () => {
      await expectAllowed(
        dbAs('lara').doc('courses/pub/reviews/lara').update({ rating: 2, comment: 'Changed my mind' }),
      );
    });

    it('denies the author changing createdAt and others editing the review', async () => {
      await expectDenied(dbAs('lara').doc('courses/pub/reviews/lara').update({ createdAt: serverTime() }));
      await expectDenied(dbAs('lena').doc('courses/pub/reviews/lara').update({ rating: 1 }));
      await expectDenied(dbAs('inez', EDUCATOR).doc('courses/pub/reviews/lara').update({ rating: 5 }));
    });

    it('denies deleting reviews', async () => {
      await expectDenied(dbAs('lara').doc('courses/pub/reviews/lara').delete());
    });

    it('denies a suspended learner reviewing, even when enrolled', async () => {
      await expectDenied(dbAs('sue').doc('courses/pub/reviews/sue').set(review()));
    });
  });
});
