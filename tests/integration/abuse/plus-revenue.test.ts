// Plus revenue share (issue 18 item 5): an instructor's share of Plus revenue follows the
// OBSERVED learning minutes in their Plus courses. An accomplice with a Plus enrolment tries to
// inflate them without watching: bursts and replays of progress reports, a claimed duration,
// writing the tally or a statement directly, and watching after the subscription lapsed. Only the
// server's clock between reports counts, and only while the subscription is paid for; the honest
// learner's watching is tallied exactly.
import { recordLectureProgress } from '@skillverse/domain/contracts/courses';
import { plusMonthOf } from '@skillverse/domain/plus';
import { doc, setDoc, updateDoc } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, enrol, seedCourse } from '../../../functions/test/course-fixtures';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  newAttacker,
  rewardsOf,
  skipReason,
  testDb,
} from './support';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function plusCourse(instructorId: string) {
  const course = await seedCourse(testDb(), { instructorId, price: 4900, lectures: 2 });
  await Promise.all(
    course.lectureIds.map((id) =>
      testDb()
        .doc(`courses/${course.courseId}/lectures/${id}`)
        .update({ videoUrl: 'https://cdn.example.test/clip.mp4', durationSec: 600 }),
    ),
  );
  return course;
}

/** A Plus learner as the subscription slice leaves them: a 'plus' enrolment and a subscription. */
async function plusLearner(
  label: string,
  courseId: string,
  instructorId: string,
  status: string,
  endsInMs: number,
) {
  const learner = await newAttacker(label);
  await enrol(testDb(), courseId, learner.uid, instructorId, 'plus', { watched: false });
  await testDb()
    .doc(`users/${learner.uid}/private/subscription`)
    .set({
      status,
      plan: 'monthly',
      currentPeriodEnd: new Date(Date.now() + endsInMs),
      cancelAtPeriodEnd: false,
      // Every subscription document the webhook writes carries it (domain/plus.ts).
      stripeUpdatedAt: new Date(),
    });
  return learner;
}

const tally = async (courseId: string, uid: string) =>
  Number(
    (
      await testDb()
        .doc(`plusWatch/${plusMonthOf(new Date())}_${courseId}_${uid}`)
        .get()
    ).get('seconds') ?? 0,
  );

describe.skipIf(!emulatorsRunning)(
  `abuse: Plus minutes without watching${emulatorsRunning ? '' : ` (${skipReason})`}`,
  () => {
    let educator: Attacker;
    const courses: string[] = [];

    beforeAll(async () => {
      educator = await newAttacker('plus-educator');
    }, 120_000);
    afterAll(async () => {
      await Promise.all(courses.map((id) => deleteCourse(testDb(), id)));
      await closeAttackers();
    });

    it('bursts, replays and claimed durations tally no more than the real time between reports', async () => {
      const course = await plusCourse(educator.uid);
      courses.push(course.courseId);
      const accomplice = await plusLearner(
        'plus-accomplice',
        course.courseId,
        educator.uid,
        'active',
        30 * 86_400_000,
      );
      const before = await rewardsOf(educator.uid);
      const startedAt = Date.now();
      await accomplice.call(recordLectureProgress, {
        courseId: course.courseId,
        lectureId: 'l1',
        event: 'start',
      });
      // Twelve reports at once on both lectures, each claiming a 4-hour video.
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          accomplice.call(recordLectureProgress, {
            courseId: course.courseId,
            lectureId: i % 2 ? 'l2' : 'l1',
            event: 'tick',
            measuredDurationSec: 14_400,
          }),
        ),
      );
      // The same report replayed.
      for (let i = 0; i < 5; i++) {
        await accomplice.call(recordLectureProgress, {
          courseId: course.courseId,
          lectureId: 'l1',
          event: 'tick',
        });
      }
      const elapsed = Math.ceil((Date.now() - startedAt) / 1000);
      const credited = burst.reduce((s, r) => s + (r.ok ? r.data.creditedSeconds : 0), 0);
      const enrollment = await testDb().doc(`enrollments/${course.courseId}_${accomplice.uid}`).get();
      const watched = Number(enrollment.get('watchedSeconds') ?? 0);
      expect(credited).toBeLessThanOrEqual(elapsed);
      expect(watched).toBeLessThanOrEqual(elapsed);
      // The tally is exactly the observed seconds, never more.
      expect(await tally(course.courseId, accomplice.uid)).toBe(watched);

      // Writing the tally, a statement, the subscription or the enrolment's clock directly: refused.
      const month = plusMonthOf(new Date());
      await expect(
        updateDoc(doc(accomplice.db, 'plusWatch', `${month}_${course.courseId}_${accomplice.uid}`), {
          seconds: 1e6,
        }),
      ).rejects.toThrow();
      await expect(
        setDoc(doc(accomplice.db, 'plusWatch', `${month}_${course.courseId}_x`), {
          month,
          courseId: course.courseId,
          instructorId: educator.uid,
          uid: accomplice.uid,
          seconds: 1e6,
        }),
      ).rejects.toThrow();
      await expect(
        setDoc(doc(educator.db, 'plusStatements', `${month}_${educator.uid}`), {
          month,
          instructorId: educator.uid,
          payable: 1e6,
        }),
      ).rejects.toThrow();
      await expect(
        setDoc(doc(accomplice.db, 'users', accomplice.uid, 'private', 'subscription'), { status: 'active' }),
      ).rejects.toThrow();
      await expect(
        updateDoc(doc(accomplice.db, 'enrollments', `${course.courseId}_${accomplice.uid}`), {
          watchReportAt: new Date(0),
        }),
      ).rejects.toThrow();
      expect(await tally(course.courseId, accomplice.uid)).toBe(watched);
      expectNothingMinted(before, await rewardsOf(educator.uid), 'inflating Plus minutes');
      // 12 concurrent reports, replays and five refused writes: slow on a loaded emulator.
    }, 240_000);

    it('watching after the subscription lapsed, or on a bought enrolment, is no Plus time', async () => {
      const course = await plusCourse(educator.uid);
      courses.push(course.courseId);
      const lapsed = await plusLearner('plus-lapsed', course.courseId, educator.uid, 'canceled', -86_400_000);
      const unpaid = await plusLearner(
        'plus-unpaid',
        course.courseId,
        educator.uid,
        'unpaid',
        30 * 86_400_000,
      );
      // A lapsed Plus enrolment records no progress at all (lib/data/plus-membership.ts), so it
      // cannot add Plus time: start and tick are both refused, and the tally stays empty.
      for (const learner of [lapsed, unpaid]) {
        for (const event of ['start', 'tick'] as const) {
          expectRefused(
            await learner.call(recordLectureProgress, { courseId: course.courseId, lectureId: 'l1', event }),
            'permission-denied',
          );
          if (event === 'start') await sleep(2_500);
        }
        expect(await tally(course.courseId, learner.uid)).toBe(0);
        expect(
          Number(
            (await testDb().doc(`enrollments/${course.courseId}_${learner.uid}`).get()).get(
              'watchedSeconds',
            ) ?? 0,
          ),
        ).toBe(0);
      }
    }, 90_000);

    it('the honest Plus learner: every observed second is tallied for the instructor, once', async () => {
      const course = await plusCourse(educator.uid);
      courses.push(course.courseId);
      const learner = await plusLearner(
        'plus-honest',
        course.courseId,
        educator.uid,
        'active',
        30 * 86_400_000,
      );
      await learner.call(recordLectureProgress, {
        courseId: course.courseId,
        lectureId: 'l1',
        event: 'start',
      });
      let credited = 0;
      for (let i = 0; i < 3; i++) {
        await sleep(1_500);
        const res = await learner.call(recordLectureProgress, {
          courseId: course.courseId,
          lectureId: 'l1',
          event: i === 2 ? 'pause' : 'tick',
        });
        credited += res.ok ? res.data.creditedSeconds : 0;
      }
      expect(credited).toBeGreaterThanOrEqual(3);
      const t = await testDb()
        .doc(`plusWatch/${plusMonthOf(new Date())}_${course.courseId}_${learner.uid}`)
        .get();
      expect(t.data()).toMatchObject({
        instructorId: educator.uid,
        courseId: course.courseId,
        seconds: credited,
      });
    }, 90_000);
  },
);
