// recordLectureProgress on the emulators with a controlled server clock: credit is the real time
// since the previous report (≤ 60 s), repeats and concurrent reports never count the same seconds
// twice, bad input writes nothing; completeLecture refuses until the observed time is enough.
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, enrol, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { callFunction, deleteUserData, emulatorsRunning, testDb } from '../../test/emulator';
import { completeLecture } from './complete-lecture';
import { recordLectureProgress } from './record-lecture-progress';

let instructor: SignedInUser;
let learner: SignedInUser;
const courses: string[] = [];
const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (s: number) => () => new Date(T0 + s * 1000);

async function videoCourse(durationSec = 300) {
  const course = await seedCourse(testDb(), { instructorId: instructor.uid, lectures: 2 });
  courses.push(course.courseId);
  for (const id of course.lectureIds) {
    await testDb()
      .doc(`courses/${course.courseId}/lectures/${id}`)
      .update({ videoUrl: 'https://cdn.example.test/v.mp4', durationSec });
  }
  await enrol(testDb(), course.courseId, learner.uid, instructor.uid, 'free', { watched: false });
  return course;
}

const enrollmentOf = (courseId: string) => testDb().doc(`enrollments/${courseId}_${learner.uid}`).get();

describe.skipIf(!emulatorsRunning)(coursesContracts.recordLectureProgress.name, () => {
  beforeAll(async () => {
    instructor = await signedInUser({ displayName: 'Ina Instructor', claims: { educator: true } });
    learner = await signedInUser({ displayName: 'Lea Learner' });
  });
  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    await deleteUserData(testDb(), instructor.uid);
    await deleteUserData(testDb(), learner.uid);
  });

  it('credits the server time since the previous report, at most 60 s, nothing after a start or pause', async () => {
    const { courseId } = await videoCourse();
    const db = testDb();
    const report = (s: number, event: 'start' | 'tick' | 'pause', lectureId = 'l1') =>
      recordLectureProgress({ db, now: at(s) }, learner.uid, { courseId, lectureId, event });
    expect((await report(0, 'start')).creditedSeconds).toBe(0);
    expect((await report(15, 'tick')).creditedSeconds).toBe(15);
    expect((await report(3615, 'tick')).creditedSeconds).toBe(60); // an hour away counts 60 s
    expect((await report(3630, 'pause')).creditedSeconds).toBe(15);
    expect((await report(9000, 'tick')).creditedSeconds).toBe(0); // after a pause the clock restarted
    // The same instant again (a retried request) credits nothing.
    expect((await report(9000, 'tick')).creditedSeconds).toBe(0);
    // Another lecture shares the enrolment's clock: 10 s are 10 s, whichever lecture claims them.
    expect((await report(9010, 'tick', 'l2')).creditedSeconds).toBe(10);
    expect((await report(9010, 'tick', 'l1')).creditedSeconds).toBe(0);
    const e = await enrollmentOf(courseId);
    expect(e.get('watch.l1.seconds')).toBe(90);
    expect(e.get('watch.l2.seconds')).toBe(10);
    expect(e.get('watchedSeconds')).toBe(100);
  });

  it('concurrent reports at the same time count once', async () => {
    const { courseId } = await videoCourse();
    const db = testDb();
    await recordLectureProgress({ db, now: at(0) }, learner.uid, {
      courseId,
      lectureId: 'l1',
      event: 'start',
    });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        recordLectureProgress({ db, now: at(20) }, learner.uid, { courseId, lectureId: 'l1', event: 'tick' }),
      ),
    );
    expect(results.reduce((s, r) => s + r.creditedSeconds, 0)).toBe(20);
    expect((await enrollmentOf(courseId)).get('watch.l1.seconds')).toBe(20);
  });

  it('completeLecture refuses before 80 % of the video was observed, then completes', async () => {
    const { courseId } = await videoCourse(300);
    const db = testDb();
    const deps = { db, now: new Date() };
    await expect(completeLecture(deps, learner.uid, { courseId, lectureId: 'l1' })).rejects.toMatchObject({
      code: 'failed-precondition',
      message: 'Watch at least 4 of 5 minutes first.',
    });
    let s = 0;
    await recordLectureProgress({ db, now: at(s) }, learner.uid, {
      courseId,
      lectureId: 'l1',
      event: 'start',
    });
    let last = null;
    while (s < 240) {
      s += 30;
      last = await recordLectureProgress({ db, now: at(s) }, learner.uid, {
        courseId,
        lectureId: 'l1',
        event: 'tick',
      });
    }
    expect(last).toMatchObject({ observedSeconds: 240, requiredSeconds: 240, canComplete: true });
    const done = await completeLecture(deps, learner.uid, { courseId, lectureId: 'l1' });
    expect(done.newlyCompleted).toBe(true);
  });

  it('refuses bad input and non-learners, writing nothing', async () => {
    const { courseId } = await videoCourse();
    const bad = await callFunction(
      coursesContracts.recordLectureProgress,
      { courseId, lectureId: 'l1', event: 'skip' },
      learner.token,
    );
    expect(bad.error?.status).toBe('INVALID_ARGUMENT');
    const outsider = await signedInUser({ displayName: 'Otto Outsider' });
    const denied = await callFunction(
      coursesContracts.recordLectureProgress,
      { courseId, lectureId: 'l1', event: 'tick' },
      outsider.token,
    );
    expect(denied.error?.status).toBe('PERMISSION_DENIED');
    const missing = await callFunction(
      coursesContracts.recordLectureProgress,
      { courseId, lectureId: 'nope', event: 'tick' },
      learner.token,
    );
    expect(missing.error?.status).toBe('NOT_FOUND');
    expect((await enrollmentOf(courseId)).get('watchReportAt')).toBeUndefined();
    await deleteUserData(testDb(), outsider.uid);
  });
});
