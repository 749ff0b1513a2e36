// Following educators (issue 16 §3): followEducator keeps an exact follower count under repeats and
// concurrency; a fan-out reaches 2,000 followers in bounded batches, resumes after a cut-off and
// notifies each follower once; the triggers start fan-outs for a new session and a first publication.
import * as coursesContracts from '@skillverse/domain/contracts/courses';
import { followEducator as followContract } from '@skillverse/domain/contracts/follows';
import { fanoutId } from '@skillverse/domain/follows';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteCourse, type SignedInUser, seedCourse, signedInUser } from '../../test/course-fixtures';
import {
  callFunction,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  isolatedDb,
  testDb,
  uniqueId,
  waitFor,
  waitForDoc,
} from '../../test/emulator';
import { processFanoutBatch, startFanout } from './fanout';
import { counterOf } from '../../test/counters';
import { sweepStalledFanouts } from './sweep-fanouts';

const APP_URL = 'https://skillverse.test';
const users: string[] = [];
const courses: string[] = [];
const sessions: string[] = [];

async function educator(name: string): Promise<SignedInUser> {
  const user = await signedInUser({ displayName: name, claims: { educator: true } });
  users.push(user.uid);
  // The profile mirrors the claim (the Auth trigger may have read the account before the claim).
  await testDb()
    .doc(`users/${user.uid}`)
    .update({ roles: ['learner', 'educator'] });
  return user;
}

async function learner(name: string): Promise<SignedInUser> {
  const user = await signedInUser({ displayName: name });
  users.push(user.uid);
  return user;
}

const follow = (token: string, educatorId: string, on = true) =>
  callFunction(followContract, { educatorId, follow: on }, token);

const countOf = async (uid: string) => (await counterOf(`users/${uid}`, 'followerCount')) ?? 0;

describe.skipIf(!emulatorsRunning)(followContract.name, () => {
  let ada: SignedInUser;
  let leo: SignedInUser;
  let mia: SignedInUser;

  beforeAll(async () => {
    [ada, leo, mia] = await Promise.all([educator('Ada Educator'), learner('Leo'), learner('Mia')]);
  });

  afterAll(async () => {
    for (const uid of users) await deleteUserData(testDb(), uid);
  });

  it('follows once and unfollows once, however often it is called', async () => {
    const first = await follow(leo.token, ada.uid);
    expect(first.result).toEqual({ educatorId: ada.uid, following: true, followerCount: 1 });
    const again = await follow(leo.token, ada.uid);
    expect(again.result).toEqual({ educatorId: ada.uid, following: true, followerCount: 1 });
    expect(await countOf(ada.uid)).toBe(1);
    const doc = await testDb().doc(`users/${ada.uid}/followers/${leo.uid}`).get();
    expect(doc.data()).toMatchObject({ uid: leo.uid, educatorId: ada.uid });

    expect((await follow(leo.token, ada.uid, false)).result).toMatchObject({
      following: false,
      followerCount: 0,
    });
    expect((await follow(leo.token, ada.uid, false)).result).toMatchObject({
      following: false,
      followerCount: 0,
    });
    expect(await countOf(ada.uid)).toBe(0);
    expect((await testDb().doc(`users/${ada.uid}/followers/${leo.uid}`).get()).exists).toBe(false);
  });

  it('counts concurrent follows and repeats exactly', async () => {
    const others = await Promise.all([learner('F1'), learner('F2'), learner('F3')]);
    const calls = [...others, ...others].map((u) => follow(u.token, ada.uid));
    const answers = await Promise.all(calls);
    for (const a of answers) expect(a.error, JSON.stringify(a.error)).toBeUndefined();
    expect(await countOf(ada.uid)).toBe(3);
    const list = await testDb().collection(`users/${ada.uid}/followers`).get();
    expect(list.size).toBe(3);
    await Promise.all(others.map((u) => follow(u.token, ada.uid, false)));
    expect(await countOf(ada.uid)).toBe(0);
  });

  it('refuses following yourself, a learner or nobody, and writes nothing', async () => {
    expect((await follow(ada.token, ada.uid)).error?.status).toBe('INVALID_ARGUMENT');
    expect((await follow(leo.token, mia.uid)).error?.status).toBe('FAILED_PRECONDITION');
    expect((await follow(leo.token, uniqueId('nobody'))).error?.status).toBe('NOT_FOUND');
    expect((await callFunction(followContract, { educatorId: ada.uid }, leo.token)).error?.status).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await callFunction(followContract, { educatorId: ada.uid, follow: true })).error?.status).toBe(
      'UNAUTHENTICATED',
    );
    expect(await countOf(ada.uid)).toBe(0);
    expect(await countOf(mia.uid)).toBe(0);
    expect((await testDb().collection(`users/${mia.uid}/followers`).get()).size).toBe(0);
  });
});

// ------------------------------------------------------------------ 2,000 followers, in process
// On the isolated database (no deployed trigger watches it), so the test drives the batches.
describe.skipIf(!emulatorsRunning)('fan-out to 2,000 followers', () => {
  const FOLLOWERS = 2000;
  const prefix = uniqueId('fan');
  const educatorId = `${prefix}-edu`;
  const followerIds = Array.from({ length: FOLLOWERS }, (_, i) => `${prefix}-f${String(i).padStart(4, '0')}`);
  // Most followers have no email address on file (notify skips the email; fewer writes for the
  // emulator); every 10th has one, and of those every 30th turned email off for this type. Every
  // 25th turned in-app off.
  const hasEmail = (i: number) => i % 10 === 3;
  const emailOff = (i: number) => i % 30 === 3;
  const inAppOff = (i: number) => i % 25 === 7;
  const wantsEmail = (i: number) => hasEmail(i) && !emailOff(i);

  async function seedFollowers(db: Firestore) {
    await db
      .doc(`users/${educatorId}`)
      .set({ displayName: 'Ada', roles: ['learner', 'educator'], followerCount: FOLLOWERS });
    for (let start = 0; start < FOLLOWERS; start += 200) {
      const batch = db.batch();
      for (let i = start; i < Math.min(FOLLOWERS, start + 200); i++) {
        const uid = followerIds[i] as string;
        batch.set(db.doc(`users/${educatorId}/followers/${uid}`), { uid, educatorId, createdAt: new Date() });
        if (hasEmail(i) || inAppOff(i)) {
          batch.set(db.doc(`users/${uid}/private/account`), {
            email: hasEmail(i) ? `${uid}@example.test` : null,
            notificationPreferences: { followed_educator: { inApp: !inAppOff(i), email: !emailOff(i) } },
          });
        }
      }
      await batch.commit();
    }
  }

  // No clean-up: everything here is under this run's unique prefix on the isolated database, which
  // no other test reads and which goes away with the emulator (deleting 4,000 documents would take
  // longer than the test).

  it('notifies every follower once, in batches of 400, across a cut-off and a duplicate run', async () => {
    const db = isolatedDb();
    await seedFollowers(db);
    const mailer = new FakeMailer();
    const deps = { db, now: new Date(), mailer, appUrl: APP_URL, concurrency: 40 };
    const event = {
      kind: 'course_published' as const,
      refId: `${prefix}-course`,
      educatorId,
      educatorName: 'Ada',
      title: 'Window functions',
    };
    expect(await startFanout(db, event, deps.now)).toBe(true);
    expect(await startFanout(db, event, deps.now)).toBe(false); // announced once
    const id = fanoutId('course_published', event.refId);
    const job = db.doc(`fanouts/${id}`);

    // Batch 1 runs normally: the cursor moves to the 400th follower.
    expect(await processFanoutBatch(deps, id)).toEqual({ status: 'running', visited: 400, advanced: true });
    expect((await job.get()).get('cursor')).toBe(followerIds[399]);

    // Batch 2 is cut off after notifying but before its cursor is saved: the job reads as before it.
    const beforeCut = (await job.get()).data() ?? {};
    await processFanoutBatch(deps, id);
    await job.set(beforeCut);
    const sentBeforeResume = mailer.sent.length;

    // Resumed: batch 2 again, then on to the end (batches 3–5).
    for (let run = 0; run < 4; run++) expect((await processFanoutBatch(deps, id)).advanced).toBe(true);
    // The last, empty batch finds the end; two runs of it at once (a duplicate event delivery):
    // only one moves the job.
    const twice = await Promise.all([processFanoutBatch(deps, id), processFanoutBatch(deps, id)]);
    expect(twice.map((r) => r.advanced).sort()).toEqual([false, true]);
    const done = (await job.get()).data() ?? {};
    expect(done).toMatchObject({ status: 'done', cursor: followerIds[FOLLOWERS - 1] });
    // 2,000 / 400 = 5 full batches and an empty one that finds the end.
    expect(done.batches).toBe(6);
    expect(done.visited).toBe(FOLLOWERS);

    // Exactly one in-app item for each follower who wants them, none for the others.
    const items = db.collectionGroup('items').where('link', '==', `/courses/${event.refId}`);
    const expectedInApp = followerIds.filter((_, i) => !inAppOff(i)).length;
    expect((await items.count().get()).data().count).toBe(expectedInApp);
    const sample = await db.doc(`notifications/${followerIds[0]}/items/published_${event.refId}`).get();
    expect(sample.data()).toMatchObject({
      type: 'followed_educator',
      title: 'New course from an educator you follow: Window functions',
      link: `/courses/${event.refId}`,
      read: false,
    });
    expect(
      (await db.doc(`notifications/${followerIds[7]}/items/published_${event.refId}`).get()).exists,
    ).toBe(false);

    // Exactly one email for each follower who wants them: the resumed batch sent no second one.
    const expectedEmails = followerIds.filter((_, i) => wantsEmail(i)).length;
    expect(mailer.sent.length).toBe(expectedEmails);
    expect(new Set(mailer.sent.map((m) => m.to)).size).toBe(expectedEmails);
    expect(expectedEmails).toBeGreaterThan(100);
    expect(sentBeforeResume).toBe(followerIds.slice(0, 800).filter((_, i) => wantsEmail(i)).length);
    const logs = db.collection('mailLog').where('notificationId', '==', `published_${event.refId}`);
    expect((await logs.count().get()).data().count).toBe(expectedEmails);
    expect(mailer.sent[0]?.text).toContain(`${APP_URL}/courses/${event.refId}`);

    // Run again once done: nothing happens.
    expect(await processFanoutBatch(deps, id)).toEqual({ status: 'done', visited: 0, advanced: false });
    expect(mailer.sent.length).toBe(expectedEmails);
  }, 600_000);
});

// ------------------------------------------------------------------ the sweeper
// On the isolated database too: no trigger resumes the job there, as when a trigger chain stopped.
describe.skipIf(!emulatorsRunning)('the fan-out sweeper', () => {
  it('finishes a job cut off mid-way, notifying each follower once; a second sweep does nothing', async () => {
    const db = isolatedDb();
    const prefix = uniqueId('sweep');
    const educatorId = `${prefix}-edu`;
    const ids = Array.from({ length: 50 }, (_, i) => `${prefix}-f${String(i).padStart(2, '0')}`);
    const batch = db.batch();
    batch.set(db.doc(`users/${educatorId}`), { displayName: 'Ada', roles: ['learner', 'educator'] });
    for (const uid of ids) {
      batch.set(db.doc(`users/${educatorId}/followers/${uid}`), { uid, educatorId, createdAt: new Date() });
      batch.set(db.doc(`users/${uid}/private/account`), { email: `${uid}@example.test` });
    }
    await batch.commit();
    const mailer = new FakeMailer();
    const deps = { db, now: new Date(), mailer, appUrl: APP_URL, batchSize: 20 };
    const event = {
      kind: 'course_published' as const,
      refId: `${prefix}-course`,
      educatorId,
      educatorName: 'Ada',
      title: 'Swept course',
    };
    await startFanout(db, event, deps.now);
    const id = fanoutId('course_published', event.refId);
    const job = db.doc(`fanouts/${id}`);
    // Batch 1 runs; batch 2 notifies and is cut off before its cursor is saved; then nothing runs
    // the job again (its trigger's retries gave up) for 20 minutes: the lease has expired.
    expect((await processFanoutBatch(deps, id)).advanced).toBe(true);
    const beforeCut = (await job.get()).data() ?? {};
    await processFanoutBatch(deps, id);
    await job.set({ ...beforeCut, updatedAt: new Date(Date.now() - 20 * 60_000) });
    expect(mailer.sent).toHaveLength(40);
    // A job that moved a minute ago is alive: not the sweeper's.
    const alive = { ...event, refId: `${prefix}-alive` };
    await startFanout(db, alive, new Date(Date.now() - 60_000));

    // Two sweeps at once (overlapping schedules): one claims the job and finishes it.
    const sweeps = await Promise.all([sweepStalledFanouts(deps), sweepStalledFanouts(deps)]);
    const resumed = sweeps.flatMap((r) => r.resumed);
    expect(resumed.filter((x) => x === id)).toHaveLength(1);
    expect(resumed).not.toContain(fanoutId('course_published', alive.refId));
    expect(sweeps.flatMap((r) => r.finished)).toContain(id);
    expect((await job.get()).data()).toMatchObject({ status: 'done', visited: 50, sweeps: 1, driver: null });

    // Each follower: one in-app item and one email, the repeated batch included.
    const items = db.collectionGroup('items').where('link', '==', `/courses/${event.refId}`);
    expect((await items.count().get()).data().count).toBe(50);
    expect(mailer.sent).toHaveLength(50);
    expect(new Set(mailer.sent.map((m) => m.to)).size).toBe(50);

    // Swept again later: nothing to resume, nobody notified again.
    const again = await sweepStalledFanouts(deps);
    expect(again.resumed).not.toContain(id);
    expect(mailer.sent).toHaveLength(50);
    expect((await job.get()).get('sweeps')).toBe(1);
  }, 120_000);
});

// ------------------------------------------------------------------ the session invite
describe.skipIf(!emulatorsRunning)('a follower’s email about a scheduled session', () => {
  it('carries the RFC 5546 invite (METHOD:PUBLISH) and the start in their time zone', async () => {
    const db = isolatedDb();
    const prefix = uniqueId('ics');
    const educatorId = `${prefix}-edu`;
    const fan = `${prefix}-fan`;
    await db.doc(`users/${educatorId}`).set({ displayName: 'Ada', roles: ['learner', 'educator'] });
    await db.doc(`users/${fan}`).set({ displayName: 'Fan', timezone: 'Asia/Tokyo' });
    await db.doc(`users/${fan}/private/account`).set({ email: `${fan}@example.test` });
    await db.doc(`users/${educatorId}/followers/${fan}`).set({ uid: fan, educatorId, createdAt: new Date() });
    const startsAt = new Date('2030-01-15T10:00:00Z');
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//SkillVerse//Live sessions//EN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      `UID:live-session-${prefix}@skillverse`,
      'DTSTART:20300115T100000Z',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const event = {
      kind: 'session_scheduled' as const,
      refId: `${prefix}-ls`,
      educatorId,
      educatorName: 'Ada',
      title: 'Office hours',
      when: 'Tue, Jan 15, 2030, 10:00 UTC',
      calendar: { startsAt, durationMin: 45, ics },
    };
    const mailer = new FakeMailer();
    const deps = { db, now: new Date(), mailer, appUrl: APP_URL };
    await startFanout(db, event, deps.now);
    await processFanoutBatch(deps, fanoutId('session_scheduled', event.refId));
    expect(mailer.sent).toHaveLength(1);
    const mail = mailer.sent[0];
    const attachment = mail?.attachments?.[0];
    expect(attachment).toMatchObject({
      filename: 'invite.ics',
      type: expect.stringContaining('method=PUBLISH'),
    });
    expect(Buffer.from(attachment?.content ?? '', 'base64').toString('utf8')).toBe(ics);
    // 10:00 UTC is 19:00 in Tokyo.
    expect(mail?.text).toMatch(/19:00|7:00\s?PM/);
    expect(mail?.text).toContain('45 minutes');
    expect((await db.doc(`mailLog/${fan}_scheduled_${event.refId}`).get()).get('attachments')).toEqual([
      'invite.ics',
    ]);
  });
});

// ------------------------------------------------------------------ the triggers
describe.skipIf(!emulatorsRunning)('fan-out triggers', () => {
  let host: SignedInUser;
  let admin: SignedInUser;
  let fan: SignedInUser;
  let quiet: SignedInUser;

  beforeAll(async () => {
    [host, admin, fan, quiet] = await Promise.all([
      educator('Hana Host'),
      signedInUser({ displayName: 'Admin', claims: { admin: true } }),
      learner('Fan'),
      learner('Quiet'),
    ]);
    users.push(admin.uid);
    await testDb()
      .doc(`users/${quiet.uid}/private/account`)
      .update({ 'notificationPreferences.followed_educator': { inApp: false, email: false } });
    for (const u of [fan, quiet]) expect((await follow(u.token, host.uid)).error).toBeUndefined();
  });

  afterAll(async () => {
    for (const id of sessions) await testDb().recursiveDelete(testDb().doc(`liveSessions/${id}`));
    for (const id of courses) {
      await deleteCourse(testDb(), id);
      await testDb()
        .doc(`fanouts/${fanoutId('course_published', id)}`)
        .delete();
    }
    for (const id of sessions)
      await testDb()
        .doc(`fanouts/${fanoutId('session_scheduled', id)}`)
        .delete();
  });

  it('tells followers about a new live session, per their preferences', async () => {
    const sessionId = uniqueId('ls');
    sessions.push(sessionId);
    await testDb()
      .doc(`liveSessions/${sessionId}`)
      .set({
        hostId: host.uid,
        title: 'Office hours',
        description: '',
        courseId: null,
        scheduledAt: new Date(Date.now() + 24 * 3600_000),
        durationMin: 45,
        capacity: 50,
        status: 'scheduled',
        registeredCount: 0,
        recordingEnabled: false,
        createdAt: new Date(),
      });
    const job = await waitForDoc(
      testDb().doc(`fanouts/${fanoutId('session_scheduled', sessionId)}`),
      (s) => s.get('status') === 'done',
    );
    expect(job.get('visited')).toBe(2);
    const item = await testDb().doc(`notifications/${fan.uid}/items/scheduled_${sessionId}`).get();
    expect(item.data()).toMatchObject({ type: 'followed_educator', link: `/live-sessions/${sessionId}` });
    expect(item.get('body')).toContain('“Hana Host”, whom you follow, scheduled a live session');
    const mail = await testDb().doc(`mailLog/${fan.uid}_scheduled_${sessionId}`).get();
    expect(mail.get('status')).toBe('sent');
    // The calendar invite, as registrants get it (RFC 5546, METHOD:PUBLISH for a follower).
    expect(mail.get('attachments')).toEqual(['invite.ics']);
    expect((await testDb().doc(`notifications/${quiet.uid}/items/scheduled_${sessionId}`).get()).exists).toBe(
      false,
    );
    expect((await testDb().doc(`mailLog/${quiet.uid}_scheduled_${sessionId}`).get()).exists).toBe(false);
  });

  it('tells followers when a course is first published', async () => {
    const { courseId } = await seedCourse(testDb(), {
      instructorId: host.uid,
      status: 'pending',
      title: 'Followed course',
      lectures: 1,
    });
    courses.push(courseId);
    const res = await callFunction(
      coursesContracts.moderateCourse,
      { courseId, action: 'publish' },
      admin.token,
    );
    expect(res.error).toBeUndefined();
    await waitFor(
      async () => (await testDb().doc(`notifications/${fan.uid}/items/published_${courseId}`).get()).exists,
      { what: 'the follower’s notification' },
    );
    const job = await waitForDoc(
      testDb().doc(`fanouts/${fanoutId('course_published', courseId)}`),
      (s) => s.get('status') === 'done',
    );
    expect(job.get('created')).toBe(1);
  });
});
