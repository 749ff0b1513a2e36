// Q&A that teaches on the emulators: publishSessionFaq / unpublishSessionFaq over HTTP like the web
// app calls them, and the follow-up when a session ends (handler run twice, then the deployed
// trigger on a real status change).
import * as liveContracts from '@skillverse/domain/contracts/live';
import { faqEntryId, unansweredNotificationId } from '@skillverse/domain/session-qa';
import type { Firestore } from 'firebase-admin/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callFunction,
  createAuthUser,
  deleteUserData,
  emulatorsRunning,
  FakeMailer,
  idTokenFor,
  type TestAccount,
  testDb,
  uniqueId,
  waitFor,
  waitForDoc,
} from '../../test/emulator';
import { followUpSessionQuestions, hostPublishNotificationId } from './session-faq';

const cleanupUsers: string[] = [];
const cleanupSessions: string[] = [];
const cleanupCourses: string[] = [];

let host: TestAccount;
let hostToken: string;
let alice: TestAccount;
let aliceToken: string;
let otherEducator: TestAccount;

const db = (): Firestore => testDb();

/** A published course by `instructorId` with lectures l1 and l2. */
async function createCourse(instructorId: string): Promise<string> {
  const id = uniqueId('course');
  cleanupCourses.push(id);
  await db()
    .doc(`courses/${id}`)
    .set({
      instructorId,
      title: 'React from zero',
      status: 'published',
      category: 'Programming',
      tags: ['react'],
      sections: [],
      createdAt: new Date(),
    });
  await Promise.all(
    ['l1', 'l2'].map((l, i) =>
      db()
        .doc(`courses/${id}/lectures/${l}`)
        .set({ title: `Lecture ${i + 1}`, order: i, sectionId: 's1', preview: false, body: '' }),
    ),
  );
  return id;
}

/** An ended session (no status transition, so the follow-up trigger stays quiet) with q-answered and q-open. */
async function createSession(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = uniqueId('ls');
  cleanupSessions.push(id);
  await db()
    .doc(`liveSessions/${id}`)
    .set({
      hostId: host.uid,
      hostName: 'Hana Host',
      title: 'Hooks in practice',
      description: '',
      courseId: null,
      scheduledAt: new Date('2026-11-20T18:00:00Z'),
      durationMin: 60,
      capacity: 50,
      status: 'ended',
      registeredCount: 1,
      recordingEnabled: false,
      createdAt: new Date(),
      ...overrides,
    });
  await db().doc(`liveSessions/${id}/questions/q-answered`).set({
    authorId: alice.uid,
    text: 'Why pass an updater function to setState?',
    upvoterIds: [],
    answered: true,
    answer: 'Because the updater always sees the latest state.',
    answeredAt: new Date(),
    createdAt: new Date(),
  });
  await db()
    .doc(`liveSessions/${id}/questions/q-open`)
    .set({
      authorId: alice.uid,
      text: 'How do I animate a list?',
      upvoterIds: [otherEducator.uid],
      answered: false,
      createdAt: new Date(),
    });
  return id;
}

const publish = (data: unknown, token = hostToken) =>
  callFunction(liveContracts.publishSessionFaq, data, token);
const faqDocs = async (courseId: string, lectureId: string) =>
  (await db().collection(`courses/${courseId}/lectures/${lectureId}/faq`).get()).docs;

describe.skipIf(!emulatorsRunning)('Q&A that teaches', () => {
  beforeAll(async () => {
    delete process.env.SENDGRID_API_KEY;
    [host, alice, otherEducator] = await Promise.all([
      createAuthUser({ displayName: 'Hana Host', claims: { educator: true } }),
      createAuthUser({ displayName: 'Alice Asker' }),
      createAuthUser({ displayName: 'Olga Other', claims: { educator: true } }),
    ]);
    cleanupUsers.push(host.uid, alice.uid, otherEducator.uid);
    await Promise.all([host, alice, otherEducator].map((u) => waitForDoc(db().doc(`users/${u.uid}`))));
    [hostToken, aliceToken] = await Promise.all([idTokenFor(host), idTokenFor(alice)]);
  });

  afterAll(async () => {
    if (!emulatorsRunning) return;
    for (const id of cleanupSessions) await db().recursiveDelete(db().doc(`liveSessions/${id}`));
    for (const id of cleanupCourses) await db().recursiveDelete(db().doc(`courses/${id}`));
    for (const uid of cleanupUsers) await deleteUserData(db(), uid);
  });

  describe(liveContracts.publishSessionFaq.name, () => {
    it.each([
      [{ questionId: 'q', lectureId: 'l1' }, 'sessionId'],
      [{ sessionId: 's', lectureId: 'l1' }, 'questionId'],
      [{ sessionId: 's', questionId: 'q' }, 'lectureId'],
      [{ sessionId: 's', questionId: 'q', lectureId: 'a/b' }, 'lectureId'],
      [{ sessionId: 's', questionId: 'q', lectureId: 'l1', answer: 'mine' }, 'answer'],
    ])('answers bad input %j with invalid-argument naming %s', async (data, field) => {
      const res = await publish(data);
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toContain(field);
    });

    it('requires sign-in', async () => {
      const res = await callFunction(liveContracts.publishSessionFaq, {
        sessionId: 's',
        questionId: 'q',
        lectureId: 'l',
      });
      expect(res.error?.status).toBe('UNAUTHENTICATED');
    });

    it('publishes an answered question once, even when published twice', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      const input = { sessionId, questionId: 'q-answered', lectureId: 'l1' };

      const first = await publish(input);
      expect(first.error).toBeUndefined();
      const faqId = faqEntryId(sessionId, 'q-answered');
      expect(first.result).toEqual({ faqId, courseId, lectureId: 'l1', result: 'created' });
      const second = await publish(input);
      expect(second.result).toMatchObject({ faqId, result: 'updated' });

      const docs = await faqDocs(courseId, 'l1');
      expect(docs.map((d) => d.id)).toEqual([faqId]);
      expect(docs[0]?.data()).toMatchObject({
        sessionId,
        questionId: 'q-answered',
        sessionTitle: 'Hooks in practice',
        hostId: host.uid,
        hostName: 'Hana Host',
        question: 'Why pass an updater function to setState?',
        answer: 'Because the updater always sees the latest state.',
      });
      const question = await db().doc(`liveSessions/${sessionId}/questions/q-answered`).get();
      expect(question.get('faq')).toMatchObject({ courseId, lectureId: 'l1', faqId });
    });

    it('moves the entry when republished to another lecture, and unpublishes it', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      await publish({ sessionId, questionId: 'q-answered', lectureId: 'l1' });
      const moved = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l2' });
      expect(moved.result).toMatchObject({ lectureId: 'l2', result: 'updated' });
      expect(await faqDocs(courseId, 'l1')).toHaveLength(0);
      expect(await faqDocs(courseId, 'l2')).toHaveLength(1);

      const off = await callFunction(
        liveContracts.unpublishSessionFaq,
        { sessionId, questionId: 'q-answered' },
        hostToken,
      );
      expect(off.result).toEqual({ removed: true });
      expect(await faqDocs(courseId, 'l2')).toHaveLength(0);
      const question = await db().doc(`liveSessions/${sessionId}/questions/q-answered`).get();
      expect(question.get('faq')).toBeNull();
      expect(question.get('answer')).toBe('Because the updater always sees the latest state.');
      const again = await callFunction(
        liveContracts.unpublishSessionFaq,
        { sessionId, questionId: 'q-answered' },
        hostToken,
      );
      expect(again.result).toEqual({ removed: false });
    });

    it('refuses anyone but the host (an attendee trying to publish), and writes nothing', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      const res = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l1' }, aliceToken);
      expect(res.error?.status).toBe('PERMISSION_DENIED');
      expect(res.error?.message).toMatch(/host/);
      const un = await callFunction(
        liveContracts.unpublishSessionFaq,
        { sessionId, questionId: 'q-answered' },
        aliceToken,
      );
      expect(un.error?.status).toBe('PERMISSION_DENIED');
      expect(await faqDocs(courseId, 'l1')).toHaveLength(0);
    });

    it('refuses a host who is not the instructor of the linked course', async () => {
      const courseId = await createCourse(otherEducator.uid);
      const sessionId = await createSession({ courseId });
      const res = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l1' });
      expect(res.error?.status).toBe('PERMISSION_DENIED');
      expect(res.error?.message).toMatch(/instructor/);
      expect(await faqDocs(courseId, 'l1')).toHaveLength(0);
    });

    it('refuses before the session has ended, and writes nothing', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId, status: 'live' });
      const res = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l1' });
      expect(res.error?.status).toBe('FAILED_PRECONDITION');
      expect(res.error?.message).toMatch(/after the session has ended; this session is live/);
      expect(await faqDocs(courseId, 'l1')).toHaveLength(0);
    });

    it('refuses an unanswered question, and one marked answered without a written answer', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      const open = await publish({ sessionId, questionId: 'q-open', lectureId: 'l1' });
      expect(open.error?.status).toBe('FAILED_PRECONDITION');
      expect(open.error?.message).toMatch(/write its answer/);
      await db().doc(`liveSessions/${sessionId}/questions/q-open`).update({ answered: true, answer: '   ' });
      const blank = await publish({ sessionId, questionId: 'q-open', lectureId: 'l1' });
      expect(blank.error?.status).toBe('FAILED_PRECONDITION');
      expect(await faqDocs(courseId, 'l1')).toHaveLength(0);
      const missing = await publish({ sessionId, questionId: 'q-nope', lectureId: 'l1' });
      expect(missing.error?.status).toBe('NOT_FOUND');
    });

    it('refuses a lecture that is not in the linked course, and writes nothing', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      const res = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l-elsewhere' });
      expect(res.error?.status).toBe('INVALID_ARGUMENT');
      expect(res.error?.message).toMatch(/lectureId: "l-elsewhere" is not a lecture/);
      expect(
        (
          await db()
            .doc(`courses/${courseId}/lectures/l-elsewhere/faq/${faqEntryId(sessionId, 'q-answered')}`)
            .get()
        ).exists,
      ).toBe(false);
      const question = await db().doc(`liveSessions/${sessionId}/questions/q-answered`).get();
      expect(question.get('faq')).toBeUndefined();
    });

    it('explains that a session without a course has nowhere to publish', async () => {
      const sessionId = await createSession({ courseId: null });
      const res = await publish({ sessionId, questionId: 'q-answered', lectureId: 'l1' });
      expect(res.error?.status).toBe('FAILED_PRECONDITION');
      expect(res.error?.message).toMatch(/no linked course/);
    });
  });

  describe('when a session ends', () => {
    it('tells each asker of an unanswered question once, and the host once, even when run twice', async () => {
      const courseId = await createCourse(host.uid);
      const sessionId = await createSession({ courseId });
      const mailer = new FakeMailer();
      const deps = { db: db(), now: new Date(), mailer, appUrl: 'https://skillverse.test' };
      const first = await followUpSessionQuestions(deps, sessionId);
      const second = await followUpSessionQuestions(deps, sessionId);
      expect(first).toEqual({ askers: 1, hostNotified: true });
      expect(second).toEqual(first);

      const mine = await db().collection(`notifications/${alice.uid}/items`).get();
      const followUps = mine.docs.filter((d) => d.id === unansweredNotificationId(sessionId));
      expect(followUps).toHaveLength(1);
      expect(followUps[0]?.get('link')).toBe(`/live-sessions/${sessionId}#follow-up`);
      // The upvoter is not the author: no notification for them.
      expect(
        (
          await db()
            .doc(`notifications/${otherEducator.uid}/items/${unansweredNotificationId(sessionId)}`)
            .get()
        ).exists,
      ).toBe(false);
      const hostItem = await db()
        .doc(`notifications/${host.uid}/items/${hostPublishNotificationId(sessionId)}`)
        .get();
      expect(hostItem.get('link')).toBe(`/live-sessions/${sessionId}#after-session`);
    });

    it('does nothing for a session that has not ended', async () => {
      const sessionId = await createSession({ status: 'live' });
      const result = await followUpSessionQuestions(
        { db: db(), now: new Date(), mailer: new FakeMailer() },
        sessionId,
      );
      expect(result).toEqual({ askers: 0, hostNotified: false });
      expect(
        (
          await db()
            .doc(`notifications/${alice.uid}/items/${unansweredNotificationId(sessionId)}`)
            .get()
        ).exists,
      ).toBe(false);
    });

    it('runs from the trigger when a live session moves to ended', async () => {
      const sessionId = await createSession({ status: 'live' });
      await db().doc(`liveSessions/${sessionId}`).update({ status: 'ended', endedAt: new Date() });
      const item = await waitFor(
        async () => {
          const snap = await db()
            .doc(`notifications/${alice.uid}/items/${unansweredNotificationId(sessionId)}`)
            .get();
          return snap.exists ? snap : undefined;
        },
        { what: 'the unanswered-question notification' },
      );
      expect(item.get('type')).toBe('session_reminder');
      // No course linked: nothing to publish, so the host is not reminded.
      expect(
        (
          await db()
            .doc(`notifications/${host.uid}/items/${hostPublishNotificationId(sessionId)}`)
            .get()
        ).exists,
      ).toBe(false);
    });
  });
});
