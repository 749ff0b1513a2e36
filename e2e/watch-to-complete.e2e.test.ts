// Journey (issue 15 item 1): completing a lecture needs watching the platform observed. A learner
// opens a short text lecture: instead of "Mark complete" the player says how long to read and how
// much it has observed so far. The player's own clock reports to recordLectureProgress while the
// page is visible, and the server credits the real time between reports (its clock, not the
// browser's — so nothing here is fast-forwarded or written behind the browser's back). Once the
// reading floor is observed, "Mark complete" appears, the learner completes the lecture (and with
// it the one-lecture course) and the points show on the dashboard.
import { POINTS } from '@skillverse/domain/gamification';
import { MIN_READING_SECONDS, readingSeconds } from '@skillverse/domain/watch-time';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCourse } from '../functions/test/course-fixtures';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, freshVerifiedLearner } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A short lecture: under a minute of reading, so its floor is the minimum (20 s). */
const BODY =
  'Name things for what they do, not how they do it. A good name saves a comment; a comment that ' +
  'repeats the name is noise. When a name is hard to choose, the code behind it often does two things.';

/** The points on the dashboard (a live profile read): null until they show. */
async function dashboardPoints(page: Page): Promise<number | null> {
  const value = page
    .locator('dt', { hasText: /^Points$/ })
    .locator('xpath=following-sibling::dd')
    .first();
  if ((await value.count()) === 0) return null;
  return Number(((await value.textContent()) ?? '').replace(/[^\d]/g, ''));
}

describe('watch, then complete', () => {
  it('offers "Mark complete" only after the platform observed enough reading, then awards the points', async () => {
    expect(readingSeconds(BODY)).toBe(MIN_READING_SECONDS);
    const { db } = adminSdk();
    const { courseId, lectureIds } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      lectures: 1,
      title: 'Naming Things in Five Minutes',
      instructorName: 'Eddie Educator',
    });
    const lectureId = lectureIds[0] as string;
    await db
      .doc(`courses/${courseId}/lectures/${lectureId}`)
      .update({ title: 'Names that explain', body: BODY });
    const learner = await freshVerifiedLearner('Wanda Watcher', 'watch-pass-123');

    const { context, page, errors } = await newPage(browser);
    await signIn(page, learner.email, learner.password, '/dashboard');
    await expect.poll(() => dashboardPoints(page), { timeout: 20_000 }).not.toBeNull();
    const before = (await dashboardPoints(page)) ?? 0;
    await page.goto(webUrl(`/courses/${courseId}`));
    await page.getByRole('button', { name: 'Enrol for free' }).click({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Start learning' }).click({ timeout: 20_000 });
    await page.waitForURL(new RegExp(`/learn/${courseId}/${lectureId}$`), { timeout: 20_000 });
    const opened = Date.now();

    // Not yet: no "Mark complete", a spoken explanation and what has been observed so far.
    const progress = page.getByTestId('watch-progress');
    await expect
      .poll(() => progress.getByRole('status').textContent(), { timeout: 20_000 })
      .toBe(`Read for at least ${MIN_READING_SECONDS} seconds first.`);
    await expect.poll(() => progress.textContent()).toMatch(/Observed so far: \d+ s of 20 s/);
    expect(await page.getByRole('button', { name: 'Mark complete' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'watch-01-not-yet');

    // The player's reports add up on the server (its clock, every 10 s): the count moves.
    const complete = page.getByRole('button', { name: 'Mark complete' });
    await expect
      .poll(
        async () =>
          (await complete.count()) > 0 ||
          /Observed so far: [1-9]\d* s/.test((await progress.textContent()) ?? ''),
        { timeout: 30_000 },
      )
      .toBe(true);
    await screenshot(page, 'watch-02-observing');

    // Enough observed — which took real time — the control appears; completing awards the
    // lecture and the course.
    await complete.waitFor({ timeout: 45_000 });
    expect(Date.now() - opened).toBeGreaterThanOrEqual((MIN_READING_SECONDS - 2) * 1000);
    const enrollment = await db.doc(`enrollments/${courseId}_${learner.uid}`).get();
    expect(enrollment.get(`watch.${lectureId}.seconds`)).toBeGreaterThanOrEqual(MIN_READING_SECONDS);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'watch-03-may-complete');
    await complete.click();
    await expect
      .poll(() => page.getByText('Completed', { exact: true }).count(), { timeout: 20_000 })
      .toBe(1);
    await screenshot(page, 'watch-04-completed');

    await page.goto(webUrl('/dashboard'));
    await expect
      .poll(() => dashboardPoints(page), { timeout: 30_000 })
      .toBe(before + POINTS.lecture_completed + POINTS.course_completed);
    await screenshot(page, 'watch-05-points');
    expect(errors).toEqual([]);
    await context.close();
  }, 150_000); // at least 20 s of real reading, on a shared machine
});
