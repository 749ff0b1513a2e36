// setCourseFeatured (issue 16 item 13): admins feature a published course on the home page, or take
// it off; each change is audit-logged once, a repeat changes nothing, anyone else is refused.
import { setCourseFeatured } from '@skillverse/domain/contracts/courses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import { callFunction, deleteUserData, emulatorsRunning, testDb } from '../../test/emulator';

const users: string[] = [];
const courses: string[] = [];
let admin: SignedInUser;
let instructor: SignedInUser;

async function newCourse(status: string, title = 'Featured Course') {
  const course = await seedCourse(testDb(), { instructorId: instructor.uid, status, title, lectures: 1 });
  courses.push(course.courseId);
  return course.courseId;
}

const course = async (courseId: string) => (await testDb().doc(`courses/${courseId}`).get()).data() ?? {};
const auditFor = async (courseId: string) =>
  (await testDb().collection('auditLog').where('target', '==', `courses/${courseId}`).get()).docs.map((d) =>
    d.data(),
  );

describe.skipIf(!emulatorsRunning)(setCourseFeatured.name, () => {
  beforeAll(async () => {
    admin = await signedInUser({ displayName: 'Ada Admin', claims: { admin: true } });
    instructor = await signedInUser({ displayName: 'Ivo Ionescu', claims: { educator: true } });
    users.push(admin.uid, instructor.uid);
  });

  afterAll(async () => {
    for (const id of courses) await deleteCourse(testDb(), id);
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  it('requires a signed-in admin; the instructor cannot feature their own course', async () => {
    const courseId = await newCourse('published');
    expect((await callFunction(setCourseFeatured, { courseId, featured: true })).error?.status).toBe(
      'UNAUTHENTICATED',
    );
    const res = await callFunction(setCourseFeatured, { courseId, featured: true }, instructor.token);
    expect(res.error?.status).toBe('PERMISSION_DENIED');
    expect((await course(courseId)).featured).not.toBe(true);
    expect(await auditFor(courseId)).toEqual([]);
  });

  it.each([
    [{ featured: true }, 'courseId'],
    [{ courseId: 'a/b', featured: true }, 'courseId'],
    [{ courseId: 'c1', featured: 'yes' }, 'featured'],
    [{ courseId: 'c1', featured: true, extra: 1 }, 'extra'],
  ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
    const res = await callFunction(setCourseFeatured, data, admin.token);
    expect(res.error?.status).toBe('INVALID_ARGUMENT');
    expect(res.error?.message).toContain(field);
  });

  it('features a published course once (a repeat writes nothing) and takes it off again, audit-logged', async () => {
    const courseId = await newCourse('published', 'Knots for Sailors');
    const first = await callFunction(setCourseFeatured, { courseId, featured: true }, admin.token);
    expect(first.result).toEqual({ courseId, featured: true, changed: true });
    const again = await callFunction(setCourseFeatured, { courseId, featured: true }, admin.token);
    expect(again.result).toEqual({ courseId, featured: true, changed: false });
    const c = await course(courseId);
    expect(c.featured).toBe(true);
    expect(c.featuredBy).toBe(admin.uid);
    expect(c.featuredAt).toBeTruthy();
    expect(await auditFor(courseId)).toEqual([
      expect.objectContaining({
        actorId: admin.uid,
        actorName: 'Ada Admin',
        action: 'course.feature',
        targetName: 'Knots for Sailors',
        details: { title: 'Knots for Sailors', featured: true, status: 'published' },
      }),
    ]);

    const off = await callFunction(setCourseFeatured, { courseId, featured: false }, admin.token);
    expect(off.result).toEqual({ courseId, featured: false, changed: true });
    expect((await course(courseId)).featured).toBe(false);
    expect((await auditFor(courseId)).map((e) => e.action).sort()).toEqual([
      'course.feature',
      'course.unfeature',
    ]);
  });

  it('refuses to feature a course that is not published, and a missing one, writing nothing', async () => {
    const draft = await newCourse('pending');
    const res = await callFunction(setCourseFeatured, { courseId: draft, featured: true }, admin.token);
    expect(res.error?.status).toBe('FAILED_PRECONDITION');
    expect(res.error?.message).toMatch(/published/);
    expect((await course(draft)).featured).not.toBe(true);
    expect(await auditFor(draft)).toEqual([]);
    const missing = await callFunction(
      setCourseFeatured,
      { courseId: 'no-such-course', featured: true },
      admin.token,
    );
    expect(missing.error?.status).toBe('NOT_FOUND');
  });
});
