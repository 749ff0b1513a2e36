// setCoursePlusExcluded (issue 18 item 1): admins take a course out of Plus or put it back; each
// change is audit-logged once, a repeat changes nothing, the educator's includedInPlus is left as
// it is, anyone else is refused, and the client cannot set the flag directly (tests/rules/plus.test.ts).
import { setCoursePlusExcluded } from '@skillverse/domain/contracts/courses';
import { isInPlus } from '@skillverse/domain/plus';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { callFunction, deleteUserData, emulatorsRunning, testDb } from '../../test/emulator';

const users: string[] = [];
const courses: string[] = [];
let admin: SignedInUser;
let instructor: SignedInUser;

async function newCourse(title = 'Plus Course') {
  const course = await seedCourse(testDb(), {
    instructorId: instructor.uid,
    title,
    price: 4900,
    lectures: 1,
  });
  courses.push(course.courseId);
  return course.courseId;
}

const course = async (courseId: string) => (await testDb().doc(`courses/${courseId}`).get()).data() ?? {};
const auditFor = async (courseId: string) =>
  (await testDb().collection('auditLog').where('target', '==', `courses/${courseId}`).get()).docs.map((d) =>
    d.data(),
  );
const inPlus = async (courseId: string) => {
  const c = await course(courseId);
  return isInPlus({
    status: c.status,
    price: c.price,
    includedInPlus: c.includedInPlus,
    plusExcluded: c.plusExcluded,
  });
};

describe.skipIf(!emulatorsRunning)(setCoursePlusExcluded.name, () => {
  beforeAll(async () => {
    admin = await signedInUser({ displayName: 'Ada Admin', claims: { admin: true } });
    instructor = await signedInUser({ displayName: 'Ivo Ionescu', claims: { educator: true } });
    users.push(admin.uid, instructor.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  it('requires a signed-in admin; the instructor cannot exclude or re-include their own course', async () => {
    const courseId = await newCourse();
    expect((await callFunction(setCoursePlusExcluded, { courseId, excluded: true })).error?.status).toBe(
      'UNAUTHENTICATED',
    );
    const res = await callFunction(setCoursePlusExcluded, { courseId, excluded: true }, instructor.token);
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect((await course(courseId)).plusExcluded).not.toBe(true);
    expect(await auditFor(courseId)).toEqual([]);
  });

  it.each([
    [{ excluded: true }, 'courseId'],
    [{ courseId: 'a/b', excluded: true }, 'courseId'],
    [{ courseId: 'c1', excluded: 'yes' }, 'excluded'],
    [{ courseId: 'c1', excluded: true, extra: 1 }, 'extra'],
  ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
    const res = await callFunction(setCoursePlusExcluded, data, admin.token);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain(field);
  });

  it('answers a course that does not exist with not-found', async () => {
    const res = await callFunction(
      setCoursePlusExcluded,
      { courseId: 'no-such-course', excluded: true },
      admin.token,
    );
    expect(res.error?.status).toBe('NOT_FOUND');
  });

  it('takes a course out of Plus once (a repeat writes nothing) and puts it back, audit-logged', async () => {
    const courseId = await newCourse('Harmonica Basics');
    expect(await inPlus(courseId)).toBe(true);

    const first = await callFunction(setCoursePlusExcluded, { courseId, excluded: true }, admin.token);
    expect(first.result).toEqual({ courseId, excluded: true, changed: true });
    const again = await callFunction(setCoursePlusExcluded, { courseId, excluded: true }, admin.token);
    expect(again.result).toEqual({ courseId, excluded: true, changed: false });
    expect((await course(courseId)).plusExcluded).toBe(true);
    expect((await course(courseId)).includedInPlus).not.toBe(false);
    expect(await inPlus(courseId)).toBe(false);
    let audit = await auditFor(courseId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.uid,
      actorName: 'Ada Admin',
      action: 'course.plus-exclude',
      targetName: 'Harmonica Basics',
    });

    const back = await callFunction(setCoursePlusExcluded, { courseId, excluded: false }, admin.token);
    expect(back.result).toEqual({ courseId, excluded: false, changed: true });
    expect(await inPlus(courseId)).toBe(true);
    audit = await auditFor(courseId);
    expect(audit.map((a) => a.action).sort()).toEqual(['course.plus-exclude', 'course.plus-include']);
  });
});
