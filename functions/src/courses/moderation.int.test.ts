import * as coursesContracts from '@skillverse/domain/contracts/courses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callFunction, deleteUserData, emulatorsRunning, settle, testDb, waitFor } from '../../test/emulator';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';

const users: string[] = [];
const courses: string[] = [];
let admin: SignedInUser;
let instructor: SignedInUser;
let learner: SignedInUser;

async function pendingCourse(title = 'Pending Course') {
  const course = await seedCourse(testDb(), {
    instructorId: instructor.uid,
    status: 'pending',
    title,
    lectures: 4,
  });
  courses.push(course.courseId);
  return course;
}

const course = (courseId: string) => testDb().doc(`courses/${courseId}`).get();
const auditFor = async (courseId: string) =>
  (await testDb().collection('auditLog').where('target', '==', `courses/${courseId}`).get()).docs.map((d) =>
    d.data(),
  );

describe.skipIf(!emulatorsRunning)('moderateCourse and course triggers', () => {
  beforeAll(async () => {
    admin = await signedInUser({ displayName: 'Ada Admin', claims: { admin: true } });
    instructor = await signedInUser({ displayName: 'Ivo Ionescu', claims: { educator: true } });
    learner = await signedInUser({ displayName: 'Lea Learner' });
    users.push(admin.uid, instructor.uid, learner.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  describe(coursesContracts.moderateCourse.name, () => {
    it('requires an admin', async () => {
      const { courseId } = await pendingCourse();
      expect(
        (await callFunction(coursesContracts.moderateCourse, { courseId, action: 'publish' })).error?.status,
      ).toBe('UNAUTHENTICATED');
      const res = await callFunction(
        coursesContracts.moderateCourse,
        { courseId, action: 'publish' },
        instructor.token,
      );
      expect(res.error?.status).toBe('PERMISSION_DENIED');
      expect((await course(courseId)).get('status')).toBe('pending');
    });

    it.each([
      [{ action: 'publish' }, 'courseId'],
      [{ courseId: 'c', action: 'approve' }, 'action'],
      [{ courseId: 'c', action: 'reject' }, 'reason'],
      [{ courseId: 'c', action: 'reject', reason: 'too short' }, 'reason'],
      [{ courseId: 'c', action: 'reject', reason: 'x'.repeat(1001) }, 'reason'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await callFunction(coursesContracts.moderateCourse, data, admin.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('publishes a pending course: denormalised listing fields, stats, badge, audit log and notice', async () => {
      const { courseId } = await pendingCourse('Rust for Gardeners');
      const res = await callFunction(
        coursesContracts.moderateCourse,
        { courseId, action: 'publish' },
        admin.token,
      );
      expect(res.error).toBeUndefined();
      expect(res.result).toEqual({ courseId, status: 'published' });

      const c = await course(courseId);
      expect(c.get('status')).toBe('published');
      expect(c.get('publishedAt')).toBeTruthy();
      expect(c.get('instructorName')).toBe('Ivo Ionescu');
      expect(c.get('totalLectures')).toBe(4);
      expect(c.get('totalDurationSec')).toBe(240);
      expect(c.get('searchTokens')).toEqual(
        expect.arrayContaining(['rust', 'gardeners', 'ivo', 'ionescu', 'testing']),
      );
      expect((await testDb().doc(`users/${instructor.uid}`).get()).get('stats.coursesPublished')).toBe(1);
      await waitFor(
        async () =>
          (
            (await testDb().doc(`users/${instructor.uid}`).get()).get('gamification.badges') as string[]
          ).includes('course-creator'),
        { what: 'course-creator badge' },
      );
      expect(await auditFor(courseId)).toEqual([
        expect.objectContaining({
          actorId: admin.uid,
          actorName: 'Ada Admin',
          action: 'course.publish',
          targetName: 'Rust for Gardeners',
          details: expect.objectContaining({ from: 'pending', to: 'published' }),
        }),
      ]);
      const notes = await testDb()
        .collection(`notifications/${instructor.uid}/items`)
        .where('type', '==', 'course_approved')
        .get();
      expect(notes.docs.map((d) => d.get('title'))).toContain('Your course is live: Rust for Gardeners');

      const again = await callFunction(
        coursesContracts.moderateCourse,
        { courseId, action: 'publish' },
        admin.token,
      );
      expect(again.error?.status).toBe('FAILED_PRECONDITION');
    });

    it('rejects with a reason the instructor sees', async () => {
      const { courseId } = await pendingCourse('Half Baked');
      const reason = 'Please add captions to every lecture.';
      const res = await callFunction(
        coursesContracts.moderateCourse,
        { courseId, action: 'reject', reason },
        admin.token,
      );
      expect(res.result).toEqual({ courseId, status: 'rejected' });
      const c = await course(courseId);
      expect(c.get('status')).toBe('rejected');
      expect(c.get('rejectionReason')).toBe(reason);
      expect(await auditFor(courseId)).toEqual([
        expect.objectContaining({ action: 'course.reject', details: expect.objectContaining({ reason }) }),
      ]);
      const notes = await testDb()
        .collection(`notifications/${instructor.uid}/items`)
        .where('type', '==', 'course_rejected')
        .get();
      expect(notes.docs.map((d) => d.get('body')).join()).toContain(reason);
    });
  });

  describe('triggers', () => {
    it('keeps lecture totals in step with the lectures subcollection', async () => {
      const c = await seedCourse(testDb(), { instructorId: instructor.uid, lectures: 2 });
      courses.push(c.courseId);
      const ref = testDb().doc(`courses/${c.courseId}`);
      await ref
        .collection('lectures')
        .doc('extra')
        .set({ title: 'Extra', order: 9, durationSec: 90, preview: false });
      await waitFor(async () => (await ref.get()).get('totalLectures') === 3, { what: 'totalLectures 3' });
      expect((await ref.get()).get('totalDurationSec')).toBe(210);
      await ref.collection('lectures').doc('l1').delete();
      await waitFor(async () => (await ref.get()).get('totalLectures') === 2, { what: 'totalLectures 2' });
      // A client-side edit of the counter is put right.
      await ref.update({ totalLectures: 99 });
      await waitFor(async () => (await ref.get()).get('totalLectures') === 2, {
        what: 'totalLectures restored',
      });
    });

    it('re-derives search tokens and the instructor name after an instructor edits the course', async () => {
      const c = await seedCourse(testDb(), { instructorId: instructor.uid, instructorName: 'stale name' });
      courses.push(c.courseId);
      const ref = testDb().doc(`courses/${c.courseId}`);
      await ref.update({ title: 'Sourdough Science', tags: ['baking'] });
      const tokens = await waitFor(
        async () => {
          const t = (await ref.get()).get('searchTokens') as string[];
          return t.includes('sourdough') ? t : undefined;
        },
        { what: 'search tokens' },
      );
      expect(tokens).toEqual(
        expect.arrayContaining(['sourdough', 'science', 'baking', 'ivo', 'programming']),
      );
      expect((await ref.get()).get('instructorName')).toBe('Ivo Ionescu');
    });

    it('maintains the exact rating under repeated writes and awards review points once per learner', async () => {
      const c = await seedCourse(testDb(), { instructorId: instructor.uid });
      courses.push(c.courseId);
      const ref = testDb().doc(`courses/${c.courseId}`);
      const reviews = ref.collection('reviews');
      const now = new Date();
      await Promise.all([
        reviews.doc(learner.uid).set({ uid: learner.uid, rating: 5, comment: 'Great', createdAt: now }),
        reviews.doc('r2').set({ uid: 'r2', rating: 4, comment: 'Good', createdAt: now }),
        reviews.doc('r3').set({ uid: 'r3', rating: 2, comment: 'Meh', createdAt: now }),
      ]);
      // The same learner edits their review several times.
      for (const rating of [3, 4, 1])
        await reviews.doc(learner.uid).update({ rating, updatedAt: new Date() });
      await waitFor(
        async () => {
          const r = (await ref.get()).get('rating') as { average: number; count: number };
          return r.count === 3 && r.average === 2.33;
        },
        { what: 'rating {2.33, 3}' },
      );
      await reviews.doc('r3').delete();
      await waitFor(
        async () => {
          const r = (await ref.get()).get('rating') as { average: number; count: number };
          return r.count === 2 && r.average === 2.5;
        },
        { what: 'rating {2.5, 2}' },
      );
      await settle(1000);
      const award = await testDb().doc(`users/${learner.uid}/pointEvents/review_${c.courseId}`).get();
      expect(award.get('points')).toBe(15);
      expect((await testDb().doc(`users/${learner.uid}`).get()).get('stats.reviewsWritten')).toBe(1);
    });
  });
});
