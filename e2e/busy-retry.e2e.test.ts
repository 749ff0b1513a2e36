// Journey (issue 14): a busy moment never reads as an error. The page's callable answers `aborted`
// ("Busy right now…", what the server says when a transaction still loses on contention after its
// own retries): the app tries again by itself and shows "Still saving…" meanwhile, and the lecture
// completes, awarded once. When every try is busy, the learner reads that nothing was changed and
// can try again. The busy answers are played by intercepting the request in the browser; the
// contention itself is tested in functions/src/courses/contention.int.test.ts.
import { pointEventId } from '@skillverse/domain/gamification';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrol, seedCourse } from '../functions/test/course-fixtures';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

const PASSWORD = 'busy-pass-123';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The callable's answer when it lost on contention every time (functions/src/lib/firestore.ts). */
function answerBusy(route: Route) {
  return route.fulfill({
    status: 409,
    headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
    body: JSON.stringify({
      error: {
        status: 'ABORTED',
        message: 'Busy right now — please try again in a moment. Nothing was changed.',
      },
    }),
  });
}

async function signIn(page: Page, email: string, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('a busy moment while saving', () => {
  it('retries by itself with "Still saving…", and says plainly when it could not', async () => {
    const { auth, db } = adminSdk();
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      lectures: 2,
      title: 'Busy Day Course',
      instructorName: 'Demo Educator',
    });
    const email = `busy-learner-${Date.now()}@example.com`;
    const learner = await auth.createUser({
      email,
      password: PASSWORD,
      displayName: 'Bea Busy',
      emailVerified: true,
    });
    const profile = db.doc(`users/${learner.uid}`);
    await waitUntil(async () => (await profile.get()).exists, 'learner profile');
    await profile.update({ onboarded: true });
    // Enrolled, with the watching observed (the fixture credits l1…l20).
    await enrol(db, courseId, learner.uid, DEMO_EDUCATOR.uid);

    const { context, page, errors } = await newPage(browser);
    await signIn(page, email, `/learn/${courseId}/l1`);
    await expect.poll(() => page.getByText('Lecture 1 of 2').count(), { timeout: 20_000 }).toBe(1);

    // 1. The first answer is busy; the retry goes through (held back 2.5 s so the state is seen).
    let posts = 0;
    await page.route(/\/completeLecture$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      posts += 1;
      if (posts === 1) return answerBusy(route);
      await new Promise((r) => setTimeout(r, 2500));
      return route.continue();
    });
    await page.getByRole('button', { name: 'Mark complete' }).click();
    const stillSaving = page.getByText('Still saving… the server is busy, trying again.');
    await stillSaving.waitFor({ timeout: 10_000 });
    // In the toasts' polite live region, so a screen reader hears it too.
    await expect
      .poll(() => stillSaving.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live')))
      .toBe('polite');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'busy-01-still-saving');
    await expect
      .poll(() => page.getByText('Completed', { exact: true }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.getByText('Lecture completed').count()).toBe(1);
    await expect.poll(() => stillSaving.count()).toBe(0);
    expect(posts).toBe(2);
    await screenshot(page, 'busy-02-saved-after-retry');
    await page.unrouteAll();

    // 2. Busy every time (the first try and both retries): a plain message, nothing changed.
    await page.getByRole('link', { name: /^Next/ }).click();
    await expect.poll(() => page.getByText('Lecture 2 of 2').count(), { timeout: 15_000 }).toBe(1);
    let busyPosts = 0;
    await page.route(/\/completeLecture$/, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      busyPosts += 1;
      return answerBusy(route);
    });
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await page.getByText('We couldn’t mark it complete').waitFor({ timeout: 20_000 });
    await expect
      .poll(() =>
        page.getByText('Busy right now — nothing was changed. Please try again in a moment.').count(),
      )
      .toBe(1);
    expect(busyPosts).toBe(3);
    await expect.poll(() => stillSaving.count()).toBe(0);
    await screenshot(page, 'busy-03-still-busy');
    const enrollment = db.doc(`enrollments/${courseId}_${learner.uid}`);
    expect((await enrollment.get()).get('completedLectureIds')).toEqual(['l1']);

    // 3. Trying again when it is quiet completes the course.
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Mark complete' }).click();
    await expect
      .poll(() => page.getByText('Completed', { exact: true }).count(), { timeout: 20_000 })
      .toBe(1);

    // Exactly one award per lecture, whatever was retried.
    const ledger = await db.collection(`users/${learner.uid}/pointEvents`).get();
    const lectureAwards = ledger.docs.filter((d) => d.get('reason') === 'lecture_completed').map((d) => d.id);
    expect(lectureAwards.sort()).toEqual(
      [pointEventId.lecture(courseId, 'l1'), pointEventId.lecture(courseId, 'l2')].sort(),
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
