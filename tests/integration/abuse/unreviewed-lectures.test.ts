// Unreviewed lectures (issue 15, item 2): an educator used to keep adding lectures and quizzes to an
// already published course (the rules let the instructor write them directly), and an accomplice
// harvested 10 points a lecture. Now a live course's lectures and quizzes change only through a
// revision an admin approves (moderateRevision): the added lecture is invisible to learners, cannot
// be watched or completed, and earns nothing until then. After approval the honest path earns.
import { moderateRevision } from '@skillverse/domain/contracts/courses';
import {
  completeLecture,
  enrollInFreeCourse,
  recordLectureProgress,
} from '@skillverse/domain/contracts/courses';
import { revisionId } from '@skillverse/domain/course-revisions';
import { POINTS } from '@skillverse/domain/gamification';
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  updateDoc,
} from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../../functions/test/course-fixtures';
import {
  type Attacker,
  closeAttackers,
  emulatorsRunning,
  expectNothingMinted,
  expectRefused,
  grantRoles,
  newAttacker,
  rewardsOf,
  skipReason,
  testDb,
} from './support';

/** Rules refusals from the web SDK surface as FirestoreError code 'permission-denied'. */
async function denied(write: Promise<unknown>): Promise<string> {
  try {
    await write;
    return 'allowed';
  } catch (error) {
    return String((error as { code?: string }).code);
  }
}

const bonusLecture = (n: number) => ({
  title: `Bonus ${n}`,
  order: 10 + n,
  sectionId: 's1',
  videoUrl: null,
  durationSec: 1,
  preview: false,
  body: 'Short.',
  resources: [],
});

/** Rewards once the triggers that follow earlier awards (points totals, badges) have run. */
async function settledRewards(uid: string) {
  let last = await rewardsOf(uid);
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 1500));
    const now = await rewardsOf(uid);
    const ledger = await testDb().collection(`users/${uid}/pointEvents`).get();
    const sum = ledger.docs.reduce((total, d) => total + Number(d.get('points') ?? 0), 0);
    if (JSON.stringify(now) === JSON.stringify(last) && now.points === sum) return now;
    last = now;
  }
  return last;
}

async function ledgerIds(uid: string): Promise<string[]> {
  return (await testDb().collection(`users/${uid}/pointEvents`).get()).docs.map((d) => d.id);
}

/** What the platform's own player reports would leave after real watching (observed time). */
async function creditObservedWatching(courseId: string, uid: string, lectureId: string) {
  await testDb()
    .doc(`enrollments/${courseId}_${uid}`)
    .update({ [`watch.${lectureId}`]: { seconds: 3600, measuredSec: null } });
}

describe.skipIf(!emulatorsRunning)(
  `abuse: lectures added to a published course without review${emulatorsRunning ? '' : ` (${skipReason})`}`,
  () => {
    let educator: Attacker;
    let accomplice: Attacker;
    let admin: Attacker;
    let courseId: string;

    beforeAll(async () => {
      [educator, accomplice, admin] = await Promise.all([
        newAttacker('educator'),
        newAttacker('accomplice'),
        newAttacker('admin'),
      ]);
      await Promise.all([grantRoles(educator, { educator: true }), grantRoles(admin, { admin: true })]);
      // A published free course of two lectures the accomplice already finished honestly.
      const course = await seedCourse(testDb(), { instructorId: educator.uid, lectures: 2 });
      courseId = course.courseId;
      expect((await accomplice.call(enrollInFreeCourse, { courseId })).ok).toBe(true);
      for (const lectureId of course.lectureIds) {
        await creditObservedWatching(courseId, accomplice.uid, lectureId);
        const done = await accomplice.call(completeLecture, { courseId, lectureId });
        expect(done.ok, done.ok ? '' : done.message).toBe(true);
      }
    }, 120_000);
    afterAll(async () => {
      if (courseId) await deleteCourse(testDb(), courseId);
      await closeAttackers();
    });

    it('writing lectures and quizzes straight into the published course is denied', async () => {
      const lectures = collection(educator.db, `courses/${courseId}/lectures`);
      for (let n = 1; n <= 3; n++) {
        expect(
          await denied(
            setDoc(doc(lectures, `bonus${n}`), { ...bonusLecture(n), createdAt: serverTimestamp() }),
          ),
        ).toBe('permission-denied');
      }
      expect(
        await denied(
          setDoc(doc(educator.db, `courses/${courseId}/quizzes/freebie`), {
            title: 'Freebie',
            questions: [],
            passingScore: 0,
          }),
        ),
      ).toBe('permission-denied');
      // Nor can an approved lecture be made cheaper to "watch", or the course shrunk to one lecture.
      expect(await denied(updateDoc(doc(lectures, 'l1'), { durationSec: 1, body: '' }))).toBe(
        'permission-denied',
      );
      expect(await denied(deleteDoc(doc(lectures, 'l2')))).toBe('permission-denied');
      expect((await testDb().collection(`courses/${courseId}/lectures`).get()).size).toBe(2);
    });

    it('a pending lecture: invisible to the accomplice, not watchable, not completable, nothing minted', async () => {
      const before = await settledRewards(accomplice.uid);
      const rid = revisionId('lecture', 'bonus1');
      await setDoc(doc(educator.db, `courses/${courseId}/revisions/${rid}`), {
        kind: 'lecture',
        op: 'add',
        itemId: 'bonus1',
        title: 'Bonus 1',
        changes: bonusLecture(1),
        instructorId: educator.uid,
        status: 'pending',
        createdAt: serverTimestamp(),
      });

      // The educator cannot approve it: not through the rules, not through the callable.
      expect(
        await denied(
          updateDoc(doc(educator.db, `courses/${courseId}/revisions/${rid}`), { status: 'approved' }),
        ),
      ).toBe('permission-denied');
      expectRefused(
        await educator.call(moderateRevision, { courseId, revisionId: rid, action: 'approve' }),
        'permission-denied',
      );

      // The accomplice sees neither the revision nor a lecture.
      expect(await denied(getDoc(doc(accomplice.db, `courses/${courseId}/revisions/${rid}`)))).toBe(
        'permission-denied',
      );
      const visible = await getDocs(collection(accomplice.db, `courses/${courseId}/lectures`));
      expect(visible.docs.map((d) => d.id).sort()).toEqual(['l1', 'l2']);

      // Watching and completing it are refused, even with observed time credited under its id.
      expectRefused(
        await accomplice.call(recordLectureProgress, { courseId, lectureId: 'bonus1', event: 'start' }),
        'not-found',
      );
      await creditObservedWatching(courseId, accomplice.uid, 'bonus1');
      const res = await accomplice.call(completeLecture, { courseId, lectureId: 'bonus1' });
      expectRefused(res, 'not-found');
      expectNothingMinted(before, await rewardsOf(accomplice.uid), 'completing an unreviewed lecture');
      const enrollment = await testDb().doc(`enrollments/${courseId}_${accomplice.uid}`).get();
      expect(enrollment.get('completedLectureIds')).toEqual(['l1', 'l2']);
    }, 120_000);

    it('after an admin approves it, the honest path earns exactly one lecture’s points, once', async () => {
      const rid = revisionId('lecture', 'bonus1');
      const approved = await admin.call(moderateRevision, { courseId, revisionId: rid, action: 'approve' });
      expect(approved.ok && approved.data).toEqual({
        courseId,
        revisionId: rid,
        status: 'approved',
        alreadyDecided: false,
      });
      // A repeat (a retried click) changes nothing.
      const again = await admin.call(moderateRevision, { courseId, revisionId: rid, action: 'approve' });
      expect(again.ok && again.data.alreadyDecided).toBe(true);

      const visible = await getDocs(collection(accomplice.db, `courses/${courseId}/lectures`));
      expect(visible.docs.map((d) => d.id).sort()).toEqual(['bonus1', 'l1', 'l2']);

      const before = await settledRewards(accomplice.uid);
      const ledgerBefore = await ledgerIds(accomplice.uid);
      const res = await accomplice.call(completeLecture, { courseId, lectureId: 'bonus1' });
      expect(res.ok, res.ok ? '' : res.message).toBe(true);
      const added = (await testDb().collection(`users/${accomplice.uid}/pointEvents`).get()).docs.filter(
        (d) => !ledgerBefore.includes(d.id),
      );
      expect(added.map((d) => [d.get('reason'), d.get('points')])).toEqual([
        ['lecture_completed', POINTS.lecture_completed],
      ]);
      const after = await settledRewards(accomplice.uid);
      expect(after.points - before.points).toBe(POINTS.lecture_completed);
      expect(after.certificates).toBe(before.certificates);
      // Completing it again earns nothing more.
      const repeat = await accomplice.call(completeLecture, { courseId, lectureId: 'bonus1' });
      expect(repeat.ok && repeat.data.newlyCompleted).toBe(false);
      expectNothingMinted(
        after,
        await settledRewards(accomplice.uid),
        'completing the approved lecture twice',
      );
    }, 120_000);
  },
);
