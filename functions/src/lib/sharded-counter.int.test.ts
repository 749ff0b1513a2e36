// Sharded counters against the emulator (issue 17 item 3): a burst of enrolments in one course
// counts exactly, retries count nothing twice, and the fold (the coalesced trigger, the backstop,
// concurrent folds) moves the shards into the course document exactly once.
import { afterAll, describe, expect, it } from 'vitest';
import { deleteCourse, seedCourse } from '../../test/course-fixtures';
import { countersOf } from '../../test/counters';
import { deleteUserData, emulatorsRunning, testDb, uniqueId, waitFor } from '../../test/emulator';
import { enrollInFreeCourse } from '../courses/enroll-in-free-course';
import { counterShardsCol } from './data/counter-shards';
import { foldAllCounterShards, foldShards, incrementSharded, readShardedCounters } from './sharded-counter';

const courses: string[] = [];
const uids: string[] = [];

async function newCourse() {
  const course = await seedCourse(testDb(), { instructorId: uniqueId('shard-instructor') });
  courses.push(course.courseId);
  return course.courseId;
}

const enrolMany = (courseId: string, learners: string[]) =>
  Promise.all(
    learners.map((uid) => enrollInFreeCourse({ db: testDb(), now: new Date() }, uid, { courseId })),
  );

describe.skipIf(!emulatorsRunning)('sharded counters', () => {
  afterAll(async () => {
    const db = testDb();
    for (const id of courses) await deleteCourse(db, id);
    for (const uid of uids) await deleteUserData(db, uid);
  });

  it('50 learners enrolling at once in one course count exactly 50, spread over shards, then folded into the course', async () => {
    const courseId = await newCourse();
    const learners = Array.from({ length: 50 }, () => uniqueId('burst-learner'));
    uids.push(...learners);
    const results = await enrolMany(courseId, learners);
    expect(results.filter((r) => !r.alreadyEnrolled)).toHaveLength(50);
    // Exact at once: the course plus its pending shards, one snapshot.
    expect((await countersOf(`courses/${courseId}`))?.enrollmentCount).toBe(50);

    // The fold trigger moves the shards into the course document. Deployed, within seconds; on the
    // emulator, which delivers triggers one at a time, the fold waits behind every other trigger the
    // 50 enrolments started (about 250) and whatever earlier files left queued: it took over 60 s in
    // a CI run and 57 s after bench:counters' burst on a quiet machine.
    const course = testDb().doc(`courses/${courseId}`);
    await waitFor(
      async () =>
        (await course.get()).get('enrollmentCount') === 50 && (await counterShardsCol(course).get()).empty,
      { what: 'the enrolment shards folded into the course', timeoutMs: 180_000 },
    );
    expect((await course.get()).get('countersFoldedAt')).toBeTruthy();

    // Retries and repeats (the same 50 again, twice each, at once) count nothing.
    const again = await enrolMany(courseId, [...learners, ...learners]);
    expect(again.every((r) => r.alreadyEnrolled)).toBe(true);
    expect((await countersOf(`courses/${courseId}`))?.enrollmentCount).toBe(50);
    expect(await foldShards(testDb(), course, new Date())).toBe('nothing');
    expect((await course.get()).get('enrollmentCount')).toBe(50);
  }, 360_000);

  it('folds are exact under concurrent increments and concurrent folds, and create no ghost documents', async () => {
    const db = testDb();
    const courseId = await newCourse();
    const course = db.doc(`courses/${courseId}`);
    // 40 increments of +1 and 10 of −1 (refunds) racing 4 folds and the backstop.
    const bumps = Array.from({ length: 50 }, (_, i) =>
      db.runTransaction(async (tx) => {
        incrementSharded(tx, course, `learner-${i}`, { enrollmentCount: i < 40 ? 1 : -1 }, new Date());
      }),
    );
    const folds = [1, 2, 3, 4].map(() => foldShards(db, course, new Date()));
    await Promise.all([...bumps, ...folds, foldAllCounterShards(db, new Date())]);
    expect((await readShardedCounters(db, course))?.enrollmentCount).toBe(30);
    await foldShards(db, course, new Date());
    await waitFor(async () => (await counterShardsCol(course).get()).empty, { what: 'shards gone' });
    expect((await course.get()).get('enrollmentCount')).toBe(30);

    // A course deleted with shards pending: the fold drops them and does not recreate the course.
    const gone = db.doc(`courses/${uniqueId('deleted-course')}`);
    await db.runTransaction(async (tx) =>
      incrementSharded(tx, gone, 'x', { enrollmentCount: 1 }, new Date()),
    );
    await foldShards(db, gone, new Date());
    expect((await gone.get()).exists).toBe(false);
    expect((await counterShardsCol(gone).get()).empty).toBe(true);

    // earnings/{uid} is created by its first fold, with the defaults the sale gave.
    const instructorId = uniqueId('shard-earner');
    uids.push(instructorId);
    const earnings = db.doc(`earnings/${instructorId}`);
    await db.runTransaction(async (tx) => {
      incrementSharded(tx, earnings, 'pay_1', { totals: { USD: 900 }, paymentsCount: 1 }, new Date(), {
        instructorId,
      });
      incrementSharded(
        tx,
        earnings,
        'pay_2',
        { totals: { USD: 1100, EUR: 500 }, paymentsCount: 1 },
        new Date(),
        {
          instructorId,
        },
      );
    });
    expect(await readShardedCounters(db, earnings)).toMatchObject({
      totals: { USD: 2000, EUR: 500 },
      paymentsCount: 2,
    });
    await foldShards(db, earnings, new Date());
    expect((await earnings.get()).data()).toMatchObject({
      instructorId,
      totals: { USD: 2000, EUR: 500 },
      paymentsCount: 2,
    });
    await db.recursiveDelete(earnings);
  }, 240_000);
});
