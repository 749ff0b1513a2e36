// Journey (issue 15 item 3): a timed, shuffled quiz with 2 attempts. The learner starts the quiz
// (the server issues the attempt, its order and its deadline), fails the first attempt without
// learning which answers were wrong, starts the second, hears the countdown near the end, is
// submitted automatically at the deadline, sees per-question feedback on the last attempt, and
// then meets "No attempts left". The browser's clock is fast-forwarded (Playwright clock); the
// server keeps real time, so the automatic submission lands well within the real deadline.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** Seeded (scripts/seed/data/courses.ts): free; its quiz allows 2 attempts of 2 minutes, shuffled. */
const COURSE = { id: 'c-ui-design-essentials', title: 'UI Design Essentials for Developers' };

describe('a timed, shuffled quiz with two attempts', () => {
  // A learner of their own: the demo learner is enrolled in this course by the seed (so the page
  // offers "Continue learning", not "Enrol for free") and a rerun would find its attempts used up.
  it('limits attempts, counts down, submits at the deadline and shows feedback only on the last attempt', async () => {
    const learner = await freshVerifiedLearner('Quinn Quiz', 'quiz-pass-123');
    const { context, page, errors } = await newPage(browser);
    await page.clock.install();
    await signIn(page, learner.email, learner.password, `/courses/${COURSE.id}`);

    // Enrol for free, then open the lecture the quiz follows.
    await page.getByRole('button', { name: 'Enrol for free' }).click({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Start learning' }).waitFor({ timeout: 20_000 });
    const { db } = adminSdk();
    const quiz = await db.doc(`courses/${COURSE.id}/quizzes/final`).get();
    expect(quiz.data()).toMatchObject({ attemptLimit: 2, timeLimitMinutes: 2, shuffle: true });
    await page.goto(webUrl(`/learn/${COURSE.id}/${quiz.get('lectureId')}`));

    // Before starting: the rules and the attempts left.
    await expect
      .poll(() => page.getByText('2 attempts left of 2.', { exact: false }).count(), { timeout: 20_000 })
      .toBe(1);
    await expect.poll(() => page.getByText(/2 attempts · 2 min per attempt/).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quiz-01-start');

    // Attempt 1: the server's order, a running countdown; all wrong → 0 %, no per-question marks.
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await expect.poll(() => page.getByText('Attempt 1 of 2').count(), { timeout: 20_000 }).toBe(1);
    const timer = page.getByRole('timer');
    await expect.poll(async () => (await timer.textContent()) ?? '').toMatch(/[12]:\d\d/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quiz-02-attempt-1');
    await page.getByRole('radio', { name: '2:1' }).check();
    await page.getByRole('radio', { name: 'False' }).check();
    await page.getByRole('checkbox', { name: 'Using five different typefaces' }).check();
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await expect.poll(() => page.getByText('You scored 0%').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => page.getByText(/shown once you pass or on your last attempt/).count()).toBe(1);
    await expect.poll(() => page.getByText(/1 attempt left\./).count()).toBe(1);
    expect(await page.getByText('Incorrect', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Correct', { exact: true }).count()).toBe(0);
    await screenshot(page, 'quiz-03-failed-no-feedback');

    // Attempt 2: one right answer, then the clock runs out.
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByText(/1 attempt left of 2\./).count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Start next attempt' }).click();
    await expect.poll(() => page.getByText('Attempt 2 of 2').count(), { timeout: 20_000 }).toBe(1);
    await page.getByRole('radio', { name: '4.5:1' }).check();
    await page.clock.fastForward(95_000);
    await expect
      .poll(async () => (await page.getByText(/seconds? left on this quiz\./).count()) > 0, {
        timeout: 10_000,
      })
      .toBe(true);
    await expect.poll(async () => (await timer.textContent()) ?? '').toMatch(/0:[0-3]\d/);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header at the top of the full-page shot
    await screenshot(page, 'quiz-04-countdown');
    await page.clock.fastForward(30_000);
    await expect.poll(() => page.getByText('You scored 33%').count(), { timeout: 20_000 }).toBe(1);
    // The last attempt shows which answers were right.
    await expect.poll(() => page.getByText('Correct', { exact: true }).count()).toBe(1);
    await expect.poll(() => page.getByText('Incorrect', { exact: true }).count()).toBe(2);
    await expect.poll(() => page.getByText('You have no attempts left.').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header at the top of the full-page shot
    await screenshot(page, 'quiz-05-last-attempt-feedback');

    // Back on the page: no attempts left, no way to start another.
    await page.reload();
    await expect.poll(() => page.getByText('No attempts left').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('button', { name: /Start (quiz|next attempt)|Resume quiz/ }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'quiz-06-no-attempts-left');

    // Behind the page: exactly two attempts, each with its own shuffled order, both graded.
    const attempts = await db
      .collection('quizAttempts')
      .where('uid', '==', learner.uid)
      .where('courseId', '==', COURSE.id)
      .get();
    const issued = attempts.docs.filter((d) => d.get('number') !== undefined);
    expect(issued.map((d) => [d.get('number'), d.get('status')]).sort()).toEqual([
      [1, 'submitted'],
      [2, 'submitted'],
    ]);
    const isStoredOrder = (d: (typeof issued)[number]) => {
      const questionOrder = d.get('questionOrder') as string[];
      const optionOrder = d.get('optionOrder') as Record<string, number[]>;
      return (
        questionOrder.join() === 'q1,q2,q3' &&
        Object.values(optionOrder).every((order) => order.every((stored, shown) => stored === shown))
      );
    };
    expect(issued.some((d) => !isStoredOrder(d))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});
