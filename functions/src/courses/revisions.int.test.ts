// moderateRevision (issue 15 item 2): an admin applies or rejects an educator's revision of a live
// course's lecture or quiz; progress and completion count only approved items.
import { completeLecture, moderateRevision } from '@skillverse/domain/contracts/courses';
import { revisionId } from '@skillverse/domain/course-revisions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteCourse,
  enrol,
  QUIZ_KEY,
  QUIZ_QUESTIONS,
  type SignedInUser,
  seedCourse,
  signedInUser,
} from '../../test/course-fixtures';
import { callFunction, deleteUserData, emulatorsRunning, testDb, waitFor } from '../../test/emulator';

const users: string[] = [];
const courses: string[] = [];
let admin: SignedInUser;
let instructor: SignedInUser;
let learner: SignedInUser;

async function liveCourse(options: { quiz?: boolean } = {}) {
  const course = await seedCourse(testDb(), {
    instructorId: instructor.uid,
    lectures: 2,
    quiz: options.quiz ? { passingScore: 0 } : null,
  });
  courses.push(course.courseId);
  return course;
}

async function submit(courseId: string, data: Record<string, unknown>) {
  const id = revisionId(data.kind as 'lecture' | 'quiz', String(data.itemId));
  await testDb()
    .doc(`courses/${courseId}/revisions/${id}`)
    .set({ instructorId: instructor.uid, status: 'pending', createdAt: new Date(), ...data });
  return id;
}

const newLecture = {
  kind: 'lecture',
  op: 'add',
  itemId: 'extra',
  title: 'Extra lecture',
  changes: {
    title: 'Extra lecture',
    order: 3,
    sectionId: 's1',
    videoUrl: null,
    durationSec: 120,
    preview: false,
    body: 'More.',
    resources: [],
  },
};

const notices = async (uid: string) =>
  (await testDb().collection(`notifications/${uid}/items`).get()).docs.map((d) => d.data());

describe.skipIf(!emulatorsRunning)(moderateRevision.name, () => {
  beforeAll(async () => {
    [admin, instructor, learner] = await Promise.all([
      signedInUser({ displayName: 'Ada Admin', claims: { admin: true } }),
      signedInUser({ displayName: 'Ivo Instructor', claims: { educator: true } }),
      signedInUser({ displayName: 'Lea Learner' }),
    ]);
    users.push(admin.uid, instructor.uid, learner.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  it('requires an active admin and answers bad input with invalid-argument', async () => {
    const { courseId } = await liveCourse();
    const rid = await submit(courseId, newLecture);
    const input = { courseId, revisionId: rid, action: 'approve' };
    expect((await callFunction(moderateRevision, input)).error?.status).toBe('UNAUTHENTICATED');
    expect((await callFunction(moderateRevision, input, instructor.token)).error?.status).toBe(
      'PERMISSION_DENIED',
    );
    for (const [data, field] of [
      [{ courseId, action: 'approve' }, 'revisionId'],
      [{ courseId, revisionId: rid, action: 'publish' }, 'action'],
      [{ courseId, revisionId: rid, action: 'reject' }, 'reason'],
      [{ courseId, revisionId: 'a/b', action: 'approve' }, 'revisionId'],
    ] as const) {
      const res = await callFunction(moderateRevision, data, admin.token);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    }
    expect(
      (await callFunction(moderateRevision, { ...input, revisionId: 'lecture-none' }, admin.token)).error
        ?.status,
    ).toBe('NOT_FOUND');
    expect((await testDb().doc(`courses/${courseId}/lectures/extra`).get()).exists).toBe(false);
  });

  it('approves a new lecture: created, in the outline, counted in the totals, audited, educator told; a repeat is a no-op', async () => {
    const { courseId } = await liveCourse();
    const rid = await submit(courseId, newLecture);
    const res = await callFunction(
      moderateRevision,
      { courseId, revisionId: rid, action: 'approve' },
      admin.token,
    );
    expect(res.error).toBeUndefined();
    expect(res.result).toEqual({ courseId, revisionId: rid, status: 'approved', alreadyDecided: false });

    const lecture = await testDb().doc(`courses/${courseId}/lectures/extra`).get();
    expect(lecture.data()).toMatchObject({ title: 'Extra lecture', durationSec: 120, body: 'More.' });
    const course = testDb().doc(`courses/${courseId}`);
    const sections = (await course.get()).get('sections') as { lectureIds: string[] }[];
    expect(sections[0]?.lectureIds).toEqual(['l1', 'l2', 'extra']);
    await waitFor(async () => (await course.get()).get('totalLectures') === 3, { what: 'totalLectures 3' });
    const revision = await testDb().doc(`courses/${courseId}/revisions/${rid}`).get();
    expect(revision.data()).toMatchObject({ status: 'approved', decidedBy: admin.uid, reason: null });
    const audit = await testDb()
      .collection('auditLog')
      .where('target', '==', `courses/${courseId}/revisions/${rid}`)
      .get();
    expect(audit.docs.map((d) => d.get('action'))).toEqual(['course.revision.approve']);
    expect((await notices(instructor.uid)).map((n) => n.title)).toContain(
      'Approved: New lecture “Extra lecture”',
    );

    const again = await callFunction(
      moderateRevision,
      { courseId, revisionId: rid, action: 'approve' },
      admin.token,
    );
    expect(again.result).toEqual({ courseId, revisionId: rid, status: 'approved', alreadyDecided: true });
    const rejectLater = await callFunction(
      moderateRevision,
      { courseId, revisionId: rid, action: 'reject', reason: 'Changed my mind about this.' },
      admin.token,
    );
    expect(rejectLater.error?.status).toBe('FAILED_PRECONDITION');
    expect(
      (
        await testDb()
          .collection('auditLog')
          .where('target', '==', `courses/${courseId}/revisions/${rid}`)
          .get()
      ).size,
    ).toBe(1);
  });

  it('rejects with a reason: nothing applied, the educator is told why', async () => {
    const { courseId } = await liveCourse();
    const rid = await submit(courseId, {
      kind: 'lecture',
      op: 'change',
      itemId: 'l1',
      title: 'Lecture 1',
      changes: { durationSec: 1 },
    });
    const res = await callFunction(
      moderateRevision,
      { courseId, revisionId: rid, action: 'reject', reason: 'The new video is one second long.' },
      admin.token,
    );
    expect(res.result).toEqual({ courseId, revisionId: rid, status: 'rejected', alreadyDecided: false });
    expect((await testDb().doc(`courses/${courseId}/lectures/l1`).get()).get('durationSec')).toBe(60);
    expect((await testDb().doc(`courses/${courseId}/revisions/${rid}`).get()).data()).toMatchObject({
      status: 'rejected',
      reason: 'The new video is one second long.',
    });
    const notice = (await notices(instructor.uid)).find(
      (n) => n.title === 'Changes needed: Changes to lecture “Lecture 1”',
    );
    expect(notice?.body).toContain('The new video is one second long.');
    const approveLater = await callFunction(
      moderateRevision,
      { courseId, revisionId: rid, action: 'approve' },
      admin.token,
    );
    expect(approveLater.error?.status).toBe('FAILED_PRECONDITION');
  });

  it('applies a quiz change with its answer key, a lecture change, and a lecture removal with the outline', async () => {
    const { courseId, quizId } = await liveCourse({ quiz: true });
    const questions = QUIZ_QUESTIONS.slice(0, 2);
    const quizRid = await submit(courseId, {
      kind: 'quiz',
      op: 'change',
      itemId: quizId,
      title: 'Final quiz',
      changes: { questions, passingScore: 50 },
      answerKey: { q1: [0], q2: QUIZ_KEY.q2 },
    });
    const changeRid = await submit(courseId, {
      kind: 'lecture',
      op: 'change',
      itemId: 'l1',
      title: 'Lecture 1',
      changes: { durationSec: 240, body: 'Rewritten.' },
    });
    const removeRid = await submit(courseId, {
      kind: 'lecture',
      op: 'remove',
      itemId: 'l2',
      title: 'Lecture 2',
      changes: {},
    });
    for (const rid of [quizRid, changeRid, removeRid]) {
      const res = await callFunction(
        moderateRevision,
        { courseId, revisionId: rid, action: 'approve' },
        admin.token,
      );
      expect(res.error).toBeUndefined();
    }
    const quiz = await testDb().doc(`courses/${courseId}/quizzes/${quizId}`).get();
    expect(quiz.get('questions')).toEqual(questions);
    expect(quiz.get('passingScore')).toBe(50);
    expect((await testDb().doc(`courses/${courseId}/quizKeys/${quizId}`).get()).get('answers')).toEqual({
      q1: [0],
      q2: QUIZ_KEY.q2,
    });
    expect((await testDb().doc(`courses/${courseId}/lectures/l1`).get()).data()).toMatchObject({
      title: 'Lecture 1',
      durationSec: 240,
      body: 'Rewritten.',
    });
    expect((await testDb().doc(`courses/${courseId}/lectures/l2`).get()).exists).toBe(false);
    const sections = (await testDb().doc(`courses/${courseId}`).get()).get('sections') as {
      lectureIds: string[];
    }[];
    expect(sections[0]?.lectureIds).toEqual(['l1']);
  });

  it('progress and completion count only approved lectures: a pending one neither blocks nor counts', async () => {
    const { courseId, instructorId } = await liveCourse();
    await submit(courseId, newLecture);
    await enrol(testDb(), courseId, learner.uid, instructorId);
    const first = await callFunction(completeLecture, { courseId, lectureId: 'l1' }, learner.token);
    expect(first.result?.progress).toBe(50);
    const pending = await callFunction(completeLecture, { courseId, lectureId: 'extra' }, learner.token);
    expect(pending.error?.status).toBe('NOT_FOUND');
    const second = await callFunction(completeLecture, { courseId, lectureId: 'l2' }, learner.token);
    expect(second.result).toMatchObject({ progress: 100, courseCompleted: true });
  });
});
