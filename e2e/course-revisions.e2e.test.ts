// Journey (issue 15, item 2 "what learners earn from was reviewed"): the educator adds a lecture to
// an already published course — the editor says it went for review and marks it "Pending review";
// an enrolled learner's player does not list it; an admin finds it under "Changes to live courses"
// in the moderation queue and approves it; the learner's player then lists it. Axe-scanned and
// photographed at each step.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCourse } from '../functions/test/course-fixtures';
import { DEMO_ADMIN, DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const LEARNER_PASSWORD = 'revision-pass-123';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect.split('?')[0], { timeout: 30_000 });
}

describe('a lecture added to a published course is reviewed before learners see it', () => {
  it('educator adds → learner does not see it → admin approves in the queue → learner sees it', async () => {
    const { auth, db } = adminSdk();
    const stamp = Date.now().toString(36);
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      lectures: 1,
      title: `Reviewed Guitar ${stamp}`,
      instructorName: 'Demo Educator',
    });
    const lectureTitle = `Barre chords ${stamp}`;

    // A learner enrolled in the published course.
    const email = `revision-learner-${stamp}@example.com`;
    const learnerUser = await auth.createUser({
      email,
      password: LEARNER_PASSWORD,
      displayName: 'Lou Learner',
    });
    const profile = db.doc(`users/${learnerUser.uid}`);
    await waitUntil(async () => (await profile.get()).exists, 'learner profile');
    await profile.update({ onboarded: true });
    await db.doc(`enrollments/${courseId}_${learnerUser.uid}`).set({
      uid: learnerUser.uid,
      courseId,
      instructorId: DEMO_EDUCATOR.uid,
      status: 'active',
      source: 'free',
      completedLectureIds: [],
      progress: 0,
      lastLectureId: null,
      lastPositionSec: 0,
      completedAt: null,
      certificateId: null,
      createdAt: new Date(),
    });

    // 1. The educator adds a lecture to the live course: it goes for review.
    const educator = await newPage(browser);
    const edit = `/educator/courses/${courseId}/edit?tab=curriculum`;
    await signIn(educator.page, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, edit);
    if (!educator.page.url().includes('tab=curriculum')) await educator.page.goto(webUrl(edit));
    const ep = educator.page;
    await expect
      .poll(() => ep.getByText('This course is live: some changes are reviewed first').count(), {
        timeout: 20_000,
      })
      .toBe(1);
    await ep.getByRole('button', { name: /Add lecture\s+to Section/ }).click();
    const dialog = ep.getByRole('dialog', { name: 'Add a lecture' });
    await dialog.getByLabel('Lecture title').fill(lectureTitle);
    await dialog.getByLabel('Length (seconds)').fill('90');
    await dialog.getByLabel('Lecture text').fill('Press all six strings with your first finger.');
    await dialog.getByRole('button', { name: 'Add lecture' }).click();
    await expect
      .poll(() => ep.getByRole('dialog', { name: 'Add a lecture' }).count(), { timeout: 15_000 })
      .toBe(0);
    const pendingRow = ep.getByRole('list', { name: /New lectures awaiting review/ }).getByRole('listitem');
    await expect
      .poll(() => pendingRow.filter({ hasText: lectureTitle }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(await pendingRow.filter({ hasText: 'New · pending review' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(ep);
    await screenshot(ep, 'revisions-01-educator-pending-review');
    // Nothing reached the live lectures.
    expect((await db.collection(`courses/${courseId}/lectures`).get()).size).toBe(1);

    // 2. The learner's player lists only the approved lecture.
    const learner = await newPage(browser);
    const player = `/learn/${courseId}/l1`;
    await signIn(learner.page, email, LEARNER_PASSWORD, player);
    const lp = learner.page;
    await expect.poll(() => lp.getByText('Lecture 1').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await lp.getByText(lectureTitle).count()).toBe(0);
    await screenshot(lp, 'revisions-02-learner-does-not-see-it');

    // 3. The admin approves it in the moderation queue.
    const admin = await newPage(browser);
    await signIn(admin.page, DEMO_ADMIN.email, DEMO_ADMIN.password, '/admin/courses');
    const ap = admin.page;
    const queue = ap.getByRole('region', { name: 'Changes to live courses' });
    const entry = queue.getByRole('button', { name: new RegExp(`New lecture “${lectureTitle}”`) });
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1);
    await entry.click();
    await expect
      .poll(() => queue.getByRole('heading', { name: `New lecture “${lectureTitle}”` }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectNoSeriousA11yViolations(ap);
    await screenshot(ap, 'revisions-03-admin-queue');
    await queue.getByRole('button', { name: 'Approve change' }).click();
    // The first call starts the function's worker, which is slow on a busy machine.
    await expect.poll(() => ap.getByText('Change approved').count(), { timeout: 90_000 }).toBeGreaterThan(0);
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(0);
    await screenshot(ap, 'revisions-04-admin-approved');

    // 4. The learner's player now lists it (live), and the educator's badge is gone.
    await expect.poll(() => lp.getByText(lectureTitle).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(lp);
    await screenshot(lp, 'revisions-05-learner-sees-it');
    await expect.poll(() => ep.getByText('New · pending review').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => ep.getByText(lectureTitle).count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await screenshot(ep, 'revisions-06-educator-approved');
  }, 240_000);
});
