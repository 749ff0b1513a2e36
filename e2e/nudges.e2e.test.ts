// Journey: a learner who stopped in the middle of a course a day and a half ago. The hourly nudge
// job (its handler, run here through the Admin SDK with the real clock) puts "Continue <course>" in
// her notification centre; its link resumes the lecture she was on. In settings she finds the
// "Reminders and follow-ups" preference and turns its email off.
// The job sweeps the whole (seeded) database, so afterAll removes everything it wrote for anyone.
import { FieldValue } from 'firebase-admin/firestore';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inLocalSendWindow } from '../domain/src/nudges';
import { runNudges } from '../functions/src/nudges/send-nudges';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const COURSE_ID = 'c-python-for-beginners';
const PASSWORD = 'nudge-pass-123';
const EMAIL = `nudge-${Date.now()}@skillverse.test`;

let browser: Browser;
let uid = '';
let lectureId = '';
let lectureTitle = '';
let courseTitle = '';

/** A time zone where it is now between 09:00 and 20:00, so the inactivity nudge may go out. */
function daytimeZone(now: Date): string {
  const zones = [
    'UTC',
    'Asia/Tokyo',
    'America/Los_Angeles',
    'Asia/Kolkata',
    'America/New_York',
    'Pacific/Auckland',
  ];
  const zone = zones.find((z) => inLocalSendWindow(now, z));
  if (!zone) throw new Error('no daytime zone found');
  return zone;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const { auth, db } = adminSdk();
  const now = new Date();
  const course = await db.doc(`courses/${COURSE_ID}`).get();
  courseTitle = String(course.get('title'));
  const lectures = await db.collection(`courses/${COURSE_ID}/lectures`).orderBy('order').limit(2).get();
  const [first, second] = lectures.docs;
  if (!first || !second) throw new Error(`${COURSE_ID} needs two lectures in the seed`);
  lectureId = second.id;
  lectureTitle = String(second.get('title'));

  const user = await auth.createUser({
    email: EMAIL,
    password: PASSWORD,
    displayName: 'Nora Nudge',
    emailVerified: true,
  });
  uid = user.uid;
  // The sign-up trigger creates the profile; then she is an onboarded learner who last learned 30 h ago.
  await waitUntil(async () => (await db.doc(`users/${uid}/private/account`).get()).exists, 'the new account');
  const lastActiveAt = new Date(now.getTime() - 30 * 3600_000);
  await db.doc(`users/${uid}`).update({
    onboarded: true,
    firstGoal: 'learn',
    timezone: daytimeZone(now),
    'gamification.lastActiveAt': lastActiveAt,
    'gamification.lastActiveDay': lastActiveAt.toISOString().slice(0, 10),
    'gamification.currentStreak': 1,
  });
  await db.doc(`enrollments/${COURSE_ID}_${uid}`).set({
    uid,
    courseId: COURSE_ID,
    instructorId: String(course.get('instructorId')),
    courseTitle,
    courseThumbnailUrl: course.get('thumbnailUrl') ?? null,
    status: 'active',
    source: 'free',
    completedLectureIds: [first.id],
    progress: Math.round(100 / Math.max(1, Number(course.get('totalLectures')) || 6)),
    lastLectureId: lectureId,
    lastPositionSec: 95,
    completedAt: null,
    certificateId: null,
    createdAt: new Date(now.getTime() - 5 * 86_400_000),
    updatedAt: lastActiveAt,
  });
  await runNudges(db, now, { appUrl: webUrl('/') });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  // Leave the seeded world as it was for the journeys that follow: the job nudged seeded people too.
  const { auth, db } = adminSdk();
  const items = await db.collectionGroup('items').where('type', '==', 'nudge').get();
  const mail = await db.collection('mailLog').where('type', '==', 'nudge').get();
  const marked = await db.collection('liveSessions').where('followUpsSentAt', '!=', null).get();
  const writer = db.bulkWriter();
  for (const doc of [...items.docs, ...mail.docs]) writer.delete(doc.ref);
  for (const doc of marked.docs) writer.update(doc.ref, { followUpsSentAt: FieldValue.delete() });
  writer.delete(db.doc('jobState/sendNudges'));
  await writer.close();
  await db.recursiveDelete(db.collection('nudgeLog'));
  if (uid) {
    await db.doc(`enrollments/${COURSE_ID}_${uid}`).delete();
    await auth.deleteUser(uid).catch(() => undefined);
  }
}, 120_000);

async function signIn(page: Page, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('nudges', () => {
  it('shows the inactivity nudge in the notification centre, and its link resumes the course', async () => {
    const { context, page, errors } = await newPage(browser);
    await signIn(page, '/notifications');

    const nudge = page.getByRole('link', { name: new RegExp(`Continue ${courseTitle}`) });
    await expect.poll(() => nudge.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/Pick up where you left off\./).count()).toBe(1);
    await expect.poll(() => page.getByText('Reminders and follow-ups', { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'nudges-01-notification-centre');

    await nudge.click();
    await page.waitForURL((url) => url.pathname === `/learn/${COURSE_ID}/${lectureId}`, { timeout: 20_000 });
    await expect
      .poll(() => page.getByRole('heading', { name: lectureTitle }).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'nudges-02-resumed-lecture');
    // Opening it marked it read.
    const { db } = adminSdk();
    await waitUntil(async () => {
      const items = await db.collection(`notifications/${uid}/items`).where('type', '==', 'nudge').get();
      return items.size === 1 && items.docs[0]?.get('read') === true;
    }, 'the nudge to be read');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists "Reminders and follow-ups" in settings; turning email off is saved', async () => {
    const { context, page, errors } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, '/settings');
    const inApp = page.getByRole('checkbox', { name: 'Reminders and follow-ups: in-app' });
    const email = page.getByRole('checkbox', { name: 'Reminders and follow-ups: by email' });
    await expect.poll(() => email.count(), { timeout: 20_000 }).toBe(1);
    expect(await inApp.isChecked()).toBe(true);
    expect(await email.isChecked()).toBe(true);
    await expect.poll(() => page.getByText(/A nudge after 1, 3 and 7 days without learning/).count()).toBe(1);

    await email.focus();
    await page.keyboard.press('Space');
    expect(await email.isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Save notification preferences' }).click();
    const { db } = adminSdk();
    await waitUntil(async () => {
      const prefs = (await db.doc(`users/${uid}/private/account`).get()).get('notificationPreferences.nudge');
      return prefs?.email === false && prefs?.inApp === true;
    }, 'the saved nudge preference');
    await expect.poll(() => page.getByText('Notification preferences saved').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    // The toast is fixed to the viewport; dismissed, it does not float over the full-page capture.
    await page.getByRole('button', { name: 'Dismiss notification' }).click();
    await expect.poll(() => page.getByText('Notification preferences saved').count()).toBe(0);
    // Full-page capture from the top, so the sticky header is drawn where it belongs.
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'nudges-03-settings-mobile');
    expect(errors).toEqual([]);
    await context.close();
  });
});
