import { HTTP_FUNCTIONS } from '@skillverse/domain/contracts/http';
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import { PDFDocument, PDFName } from '@cantoo/pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  deleteUserData,
  emulatorsRunning,
  recordTransactionReads,
  testDb,
  uniqueId,
  waitFor,
  httpFunctionUrl,
} from '../../test/emulator';
import { enrollInFreeCourse } from './enroll-in-free-course';
import { deleteCourse, enrol, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { counterOf } from '../../test/counters';

const users: string[] = [];
const courses: string[] = [];
let instructor: SignedInUser;
let learner: SignedInUser;

async function newLearner(displayName = 'Lea Learner') {
  const user = await signedInUser({ displayName });
  users.push(user.uid);
  return user;
}

async function newCourse(options: Omit<Parameters<typeof seedCourse>[1], 'instructorId'> = {}) {
  const course = await seedCourse(testDb(), { instructorId: instructor.uid, ...options });
  courses.push(course.courseId);
  return course;
}

const enrollment = (courseId: string, uid: string) => testDb().doc(`enrollments/${courseId}_${uid}`).get();
const profile = (uid: string) => testDb().doc(`users/${uid}`).get();
const certificatesOf = (courseId: string, uid: string) =>
  testDb().collection('certificates').where('courseId', '==', courseId).where('uid', '==', uid).get();

describe.skipIf(!emulatorsRunning)('course callables', () => {
  beforeAll(async () => {
    instructor = await signedInUser({ displayName: 'Ina Instructor', claims: { educator: true } });
    learner = await signedInUser({ displayName: 'Lea Learner' });
    users.push(instructor.uid, learner.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  describe(coursesContracts.enrollInFreeCourse.name, () => {
    it('requires sign-in', async () => {
      const { courseId } = await newCourse();
      const res = await callFunction(coursesContracts.enrollInFreeCourse, { courseId });
      expect(res.error?.status).toBe('UNAUTHENTICATED');
      expect(await counterOf(`courses/${courseId}`, 'enrollmentCount')).toBe(0);
    });

    it.each([
      [{}, 'courseId'],
      [{ courseId: 42 }, 'courseId'],
      [{ courseId: 'a/b' }, 'courseId'],
      [{ courseId: 'x', extra: true }, 'extra'],
    ])('answers bad input %j with invalid-argument naming %s, writing nothing', async (data, field) => {
      const res = await callFunction(coursesContracts.enrollInFreeCourse, data, learner.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
      const mine = await testDb().collection('enrollments').where('uid', '==', learner.uid).get();
      expect(mine.size).toBe(0);
    });

    it('enrols once: creates the enrolment, counts it once and notifies; a repeat returns the same enrolment', async () => {
      const { courseId } = await newCourse({ title: 'Free Testing 101' });
      const first = await callFunction(coursesContracts.enrollInFreeCourse, { courseId }, learner.token);
      expect(first.error).toBeUndefined();
      expect(first.result).toEqual({ enrollmentId: `${courseId}_${learner.uid}`, alreadyEnrolled: false });

      const e = await enrollment(courseId, learner.uid);
      expect(e.data()).toMatchObject({
        uid: learner.uid,
        courseId,
        instructorId: instructor.uid,
        status: 'active',
        source: 'free',
        completedLectureIds: [],
        progress: 0,
        lastLectureId: null,
        lastPositionSec: 0,
        completedAt: null,
        certificateId: null,
      });
      expect(e.get('createdAt')).toBeTruthy();
      expect(await counterOf(`courses/${courseId}`, 'enrollmentCount')).toBe(1);

      const again = await Promise.all(
        [1, 2, 3].map(() => callFunction(coursesContracts.enrollInFreeCourse, { courseId }, learner.token)),
      );
      expect(again.map((r) => r.result?.alreadyEnrolled)).toEqual([true, true, true]);
      expect(await counterOf(`courses/${courseId}`, 'enrollmentCount')).toBe(1);

      const notes = await testDb()
        .collection(`notifications/${learner.uid}/items`)
        .where('type', '==', 'enrollment')
        .get();
      expect(notes.docs.map((d) => d.get('title'))).toEqual(["You're enrolled in Free Testing 101"]);
    });

    it('counts concurrent first enrolments of one learner once', async () => {
      const { courseId } = await newCourse();
      const other = await newLearner();
      const results = await Promise.all(
        [1, 2, 3, 4].map(() => callFunction(coursesContracts.enrollInFreeCourse, { courseId }, other.token)),
      );
      expect(results.filter((r) => r.result?.alreadyEnrolled === false)).toHaveLength(1);
      expect(await counterOf(`courses/${courseId}`, 'enrollmentCount')).toBe(1);
    });

    it('locks only the learner’s own enrolment, never the course every enrolment shares; 12 learners at once count 12', async () => {
      const { courseId } = await newCourse();
      const uids = Array.from({ length: 12 }, () => uniqueId('free-learner'));
      const recorded = recordTransactionReads(testDb());
      const results = await Promise.all(
        uids.map((uid) => enrollInFreeCourse({ db: recorded.db, now: new Date() }, uid, { courseId })),
      );
      expect(results.filter((r) => !r.alreadyEnrolled)).toHaveLength(12);
      expect([...new Set(recorded.reads)].sort()).toEqual(
        uids.map((uid) => `enrollments/${courseId}_${uid}`).sort(),
      );
      expect(await counterOf(`courses/${courseId}`, 'enrollmentCount')).toBe(12);
      for (const uid of uids) await deleteUserData(testDb(), uid);
    });

    it("refuses paid courses, unpublished courses and the instructor's own course", async () => {
      const paid = await newCourse({ price: 1999 });
      const draft = await newCourse({ status: 'pending' });
      const own = await newCourse();
      expect(
        (await callFunction(coursesContracts.enrollInFreeCourse, { courseId: paid.courseId }, learner.token))
          .error?.status,
      ).toBe('FAILED_PRECONDITION');
      expect(
        (await callFunction(coursesContracts.enrollInFreeCourse, { courseId: draft.courseId }, learner.token))
          .error?.status,
      ).toBe('NOT_FOUND');
      expect(
        (
          await callFunction(
            coursesContracts.enrollInFreeCourse,
            { courseId: own.courseId },
            instructor.token,
          )
        ).error?.status,
      ).toBe('FAILED_PRECONDITION');
      expect((await enrollment(paid.courseId, learner.uid)).exists).toBe(false);
      expect((await enrollment(own.courseId, instructor.uid)).exists).toBe(false);
    });
  });

  describe(coursesContracts.completeLecture.name, () => {
    it('requires sign-in and enrolment', async () => {
      const { courseId } = await newCourse();
      expect(
        (await callFunction(coursesContracts.completeLecture, { courseId, lectureId: 'l1' })).error?.status,
      ).toBe('UNAUTHENTICATED');
      const res = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'l1' },
        learner.token,
      );
      expect(res.error?.status).toBe('PERMISSION_DENIED');
      expect(res.error?.message).toMatch(/not enrolled/);
    });

    it.each([
      [{ courseId: 'c' }, 'lectureId'],
      [{ lectureId: 'l1' }, 'courseId'],
      [{ courseId: 'c', lectureId: '' }, 'lectureId'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await callFunction(coursesContracts.completeLecture, data, learner.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('answers not-found for a lecture the course does not have, changing nothing', async () => {
      const { courseId } = await newCourse();
      await enrol(testDb(), courseId, learner.uid, instructor.uid);
      const res = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'nope' },
        learner.token,
      );
      expect(res.error?.status).toBe('NOT_FOUND');
      expect((await enrollment(courseId, learner.uid)).get('completedLectureIds')).toEqual([]);
    });

    it('tracks progress, awards 10 points once per lecture and counts each lecture once, even when repeated', async () => {
      const user = await newLearner();
      const { courseId } = await newCourse();
      await enrol(testDb(), courseId, user.uid, instructor.uid);
      const first = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'l1' },
        user.token,
      );
      expect(first.result).toMatchObject({
        progress: 33,
        newlyCompleted: true,
        courseCompleted: false,
        certificateId: null,
      });
      const repeat = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'l1' },
        user.token,
      );
      expect(repeat.result).toMatchObject({
        progress: 33,
        newlyCompleted: false,
        completedLectureIds: ['l1'],
      });

      const e = await enrollment(courseId, user.uid);
      expect(e.get('lastLectureId')).toBe('l1');
      expect(e.get('progress')).toBe(33);
      expect((await profile(user.uid)).get('stats.lecturesCompleted')).toBe(1);
      const award = await testDb().doc(`users/${user.uid}/pointEvents/lecture_${courseId}_l1`).get();
      expect(award.get('points')).toBe(10);
      expect(award.get('reason')).toBe('lecture_completed');
    });

    it('completes the course once under concurrent calls: one certificate, course points, stats, badge and notification', async () => {
      const user = await newLearner('Cora Completer');
      const { courseId, lectureIds } = await newCourse({ title: 'Concurrency Basics' });
      await enrol(testDb(), courseId, user.uid, instructor.uid);
      const calls = [...lectureIds, ...lectureIds].map((lectureId) =>
        callFunction(coursesContracts.completeLecture, { courseId, lectureId }, user.token),
      );
      const results = await Promise.all(calls);
      expect(results.every((r) => r.error === undefined)).toBe(true);
      expect(results.filter((r) => r.result?.courseCompleted)).toHaveLength(1);
      expect(results.filter((r) => r.result?.newlyCompleted)).toHaveLength(3);

      const e = await enrollment(courseId, user.uid);
      expect(e.get('progress')).toBe(100);
      expect(e.get('completedAt')).toBeTruthy();
      const certs = await certificatesOf(courseId, user.uid);
      expect(certs.size).toBe(1);
      const cert = certs.docs[0]!;
      expect(e.get('certificateId')).toBe(cert.id);
      expect(cert.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(cert.data()).toMatchObject({
        uid: user.uid,
        userName: 'Cora Completer',
        courseId,
        courseTitle: 'Concurrency Basics',
        instructorName: 'Ina Instructor',
      });

      const p = await profile(user.uid);
      expect(p.get('stats.lecturesCompleted')).toBe(3);
      expect(p.get('stats.coursesCompleted')).toBe(1);
      expect(
        (await testDb().doc(`users/${user.uid}/pointEvents/course_${courseId}`).get()).get('points'),
      ).toBe(100);
      await waitFor(
        async () =>
          ((await profile(user.uid)).get('gamification.badges') as string[]).includes('first-course'),
        {
          what: 'first-course badge',
        },
      );
      const notes = await testDb()
        .collection(`notifications/${user.uid}/items`)
        .where('type', '==', 'certificate_issued')
        .get();
      expect(notes.size).toBe(1);
      expect(notes.docs[0]!.get('link')).toBe(`/certificates/${cert.id}/verify`);

      // Another pass changes nothing.
      const after = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'l2' },
        user.token,
      );
      expect(after.result).toMatchObject({ courseCompleted: false, complete: true, certificateId: cert.id });
      expect((await certificatesOf(courseId, user.uid)).size).toBe(1);
      expect((await profile(user.uid)).get('stats.coursesCompleted')).toBe(1);
      // The course's completion counter (for the instructor's completion rate) moved once.
      expect(await counterOf(`courses/${courseId}`, 'completionCount')).toBe(1);
    });

    it('refuses a learner whose enrolment was refunded', async () => {
      const user = await newLearner();
      const { courseId } = await newCourse();
      await enrol(testDb(), courseId, user.uid, instructor.uid);
      await testDb().doc(`enrollments/${courseId}_${user.uid}`).update({ status: 'refunded' });
      const res = await callFunction(
        coursesContracts.completeLecture,
        { courseId, lectureId: 'l1' },
        user.token,
      );
      expect(res.error?.status).toBe('PERMISSION_DENIED');
    });
  });

  // submitQuiz and startQuizAttempt: quiz-attempts.int.test.ts.

  describe(HTTP_FUNCTIONS.certificatePdf, () => {
    const url = (query: string) => `${httpFunctionUrl(HTTP_FUNCTIONS.certificatePdf)}${query}`;

    it('renders an exchange credential as its own PDF, a Cyrillic name in an embedded font', async () => {
      const id = uniqueId('xcred').replace(/-/g, '_');
      await testDb()
        .doc(`certificates/${id}`)
        .set({
          kind: 'exchange',
          uid: learner.uid,
          userName: 'Дмитрий Шостакович',
          courseId: '',
          courseTitle: 'Esperanto',
          instructorName: 'Ben',
          skill: 'Esperanto',
          partnerName: 'Ben',
          exchangeId: 'x1',
          evidence: {
            heldSessions: 1,
            heldMinutes: 60,
            ratingReceived: 5,
            ratingGiven: 5,
            completedAt: null,
          },
          issuedAt: new Date('2026-11-20T10:00:00Z'),
        });
      try {
        const res = await fetch(url(`?id=${id}`));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-disposition')).toContain(`skillverse-credential-${id}.pdf`);
        const doc = await PDFDocument.load(Buffer.from(await res.arrayBuffer()));
        expect(doc.getTitle()).toBe('Skill exchange credential — Esperanto');
        expect(doc.getSubject()).toBe('Skill exchange credential for Дмитрий Шостакович');
        const fonts: string[] = [];
        for (const [, obj] of doc.context.enumerateIndirectObjects()) {
          const name = (obj as { get?: (n: PDFName) => unknown }).get?.(PDFName.of('FontName'));
          if (name) fonts.push(String(name));
        }
        expect(fonts.some((f) => f.startsWith('/NotoSans-Bold'))).toBe(true);
      } finally {
        await testDb().doc(`certificates/${id}`).delete();
      }
    });

    it('renders the certificate as a PDF', async () => {
      const id = uniqueId('cert').replace(/-/g, '_');
      await testDb()
        .doc(`certificates/${id}`)
        .set({
          uid: learner.uid,
          userName: 'Zoë Ångström',
          courseId: 'c1',
          courseTitle: 'Testing PDFs — the basics',
          instructorName: 'Ina Instructor',
          issuedAt: new Date('2026-11-20T10:00:00Z'),
        });
      try {
        const res = await fetch(url(`?id=${id}`));
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
      } finally {
        await testDb().doc(`certificates/${id}`).delete();
      }
    });

    it('answers 404 for an unknown id and 400 without one', async () => {
      expect((await fetch(url(`?id=${uniqueId('missing')}`))).status).toBe(404);
      expect((await fetch(url(''))).status).toBe(400);
    });
  });
});
