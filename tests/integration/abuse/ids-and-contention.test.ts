// Ids and contention (issue 14, items 1–2). Two attacks with the web SDK:
// - an educator creates a lecture whose id no ledger id could hold ("hx intro", "__x__"), so the
//   lecture (and the course) could never be completed: the rules refuse the id, an auto-id works;
// - a learner fires one completion many times at once, hoping a race mints the points twice, or
//   that the server breaks (INTERNAL): exactly one award, no INTERNAL; the honest next lecture
//   still earns its 10 points.
import { completeLecture, enrollInFreeCourse } from '@skillverse/domain/contracts/courses';
import { pointEventId, POINTS } from '@skillverse/domain/gamification';
import { getAuth } from 'firebase/auth';
import { collection, doc, addDoc, serverTimestamp, setDoc } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../functions/test/course-fixtures';
import { testAuth } from '../../../functions/test/emulator';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  newAttacker,
  rewardsOf,
  skipReason,
  testDb,
} from './support';

const lecture = () => ({
  title: 'Intro',
  order: 9,
  sectionId: 's1',
  videoUrl: null,
  durationSec: 60,
  preview: false,
  body: '',
  resources: [],
  createdAt: serverTimestamp(),
});

const denied = (write: Promise<unknown>) =>
  write.then(
    () => 'allowed',
    (e: { code?: string }) => e.code ?? 'error',
  );

describe.skipIf(!emulatorsRunning)(
  `abuse: ids and contention${emulatorsRunning ? '' : ` (${skipReason})`}`,
  () => {
    const courses: string[] = [];
    afterAll(async () => {
      await Promise.all(courses.map((id) => deleteCourse(testDb(), id)));
      await closeAttackers();
    });

    let educator: Attacker;
    beforeAll(async () => {
      educator = await newAttacker('id-educator');
      await testAuth().setCustomUserClaims(educator.uid, { educator: true });
      await getAuth(educator.app).currentUser?.getIdToken(true);
    }, 60_000);

    it('an educator cannot create a lecture whose id no ledger id holds; an auto-id works', async () => {
      // A draft: on a live course every new lecture goes through a reviewed revision (issue 15).
      const course = await seedCourse(testDb(), { instructorId: educator.uid, lectures: 1, status: 'draft' });
      courses.push(course.courseId);
      const before = await rewardsOf(educator.uid);
      const lectures = collection(educator.db, `courses/${course.courseId}/lectures`);

      for (const id of ['hx intro', '__x__', 'ünï', 'a.b']) {
        // "__x__": Firestore refuses reserved ids itself (invalid-argument); the rules refuse the rest.
        const refusal = id === '__x__' ? /^(permission-denied|invalid-argument)$/ : /^permission-denied$/;
        expect(await denied(setDoc(doc(lectures, id), lecture())), id).toMatch(refusal);
        if (id !== '__x__') {
          expect((await testDb().doc(`courses/${course.courseId}/lectures/${id}`).get()).exists).toBe(false);
        }
      }
      expect(
        await denied(
          setDoc(doc(educator.db, `courses/${course.courseId}/quizzes/final exam`), {
            title: 'Final',
            questions: [],
            passingScore: 50,
          }),
        ),
      ).toBe('permission-denied');
      // The honest path: the app's auto-ids (and readable ids like "final") are created.
      const made = await addDoc(lectures, lecture());
      expect(made.id).toMatch(/^[A-Za-z0-9]{20}$/);
      expectNothingMinted(before, await rewardsOf(educator.uid), 'creating lectures with odd ids');
    }, 60_000);

    it('firing one completion at once many times mints it once and never answers INTERNAL', async () => {
      const course = await seedCourse(testDb(), { instructorId: educator.uid, lectures: 2 });
      courses.push(course.courseId);
      const { courseId } = course;
      const learner = await newAttacker('racer');
      expect((await learner.call(enrollInFreeCourse, { courseId })).ok).toBe(true);
      // Watching observed for both lectures (as recordLectureProgress would have credited it).
      await testDb()
        .doc(`enrollments/${courseId}_${learner.uid}`)
        .set(
          {
            watch: {
              l1: { seconds: 3600, measuredSec: null },
              l2: { seconds: 3600, measuredSec: null },
            },
          },
          { merge: true },
        );
      const before = await rewardsOf(learner.uid);

      // Five at once over the real callable (the Functions emulator starts a worker per concurrent
      // request; the 20-way race runs against the handler in contention.int.test.ts).
      const burst = await Promise.all(
        Array.from({ length: 5 }, () => learner.call(completeLecture, { courseId, lectureId: 'l1' })),
      );
      const codes = burst.map((r) => (r.ok ? 'ok' : r.code));
      expect(codes.filter((c) => c !== 'ok' && c !== 'aborted')).toEqual([]);
      expect(burst.filter((r) => r.ok && r.data.newlyCompleted)).toHaveLength(1);

      // The honest next lecture still earns.
      const next = await learner.call(completeLecture, { courseId, lectureId: 'l2' });
      expect(next.ok && next.data.newlyCompleted).toBe(true);

      const lectureAwards = (await testDb().collection(`users/${learner.uid}/pointEvents`).get()).docs
        .filter((d) => d.get('reason') === 'lecture_completed')
        .map((d) => d.id)
        .sort();
      expect(lectureAwards).toEqual(
        [pointEventId.lecture(courseId, 'l1'), pointEventId.lecture(courseId, 'l2')].sort(),
      );
      const l1 = await testDb()
        .doc(`users/${learner.uid}/pointEvents/${pointEventId.lecture(courseId, 'l1')}`)
        .get();
      expect(l1.get('points')).toBe(POINTS.lecture_completed);
      expect((await rewardsOf(learner.uid)).stats.lecturesCompleted).toBe(
        (before.stats.lecturesCompleted ?? 0) + 2,
      );
    }, 120_000);
  },
);
