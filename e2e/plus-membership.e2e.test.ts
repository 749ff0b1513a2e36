// Journey (issue 18): a verified learner subscribes to Plus through the local checkout (signed
// customer.subscription.created + invoice.paid through the real stripeWebhook), opens a paid Plus
// course without buying it, cancels in the local portal, keeps access to the period end, and loses
// it after (the period end moved in the emulator data through the Admin SDK). Screenshots at 390 px
// and desktop; axe on the Plus page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR } from '../scripts/seed/demo-accounts';
import { seedCourse } from '../functions/test/course-fixtures';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

const PASSWORD = 'plus-pass-123';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('Plus membership', () => {
  it('subscribe, learn a paid Plus course without buying it, cancel, keep access to the period end, lose it after', async () => {
    const { db } = adminSdk();
    const { courseId } = await seedCourse(db, {
      instructorId: DEMO_EDUCATOR.uid,
      price: 4900,
      lectures: 2,
      title: 'Plus Guitar',
      instructorName: 'Demo Educator',
    });
    const learner = await freshVerifiedLearner('Paula Plus', PASSWORD);
    const subDoc = db.doc(`users/${learner.uid}/private/subscription`);
    const { page, errors } = await newPage(browser);

    // 0. A visitor finds Plus in the header; signed in, it sits in the account area.
    await page.goto(webUrl('/'));
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plus' }).click();
    await page.waitForURL(/\/plus$/, { timeout: 30_000 });
    await page.getByRole('link', { name: 'Sign in to subscribe' }).first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'plus-00-visitor');

    // 1. The pricing page, and the local checkout.
    await signIn(page, learner.email, PASSWORD, '/plus');
    await page.getByRole('button', { name: 'Subscribe monthly' }).waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'plus-01-pricing');
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plus' }).count(),
    ).toBe(0);
    const phone = await newPage(browser, { width: 390, height: 844 });
    await signIn(phone.page, learner.email, PASSWORD, '/plus');
    await phone.page.getByRole('button', { name: 'Subscribe yearly' }).waitFor({ timeout: 30_000 });
    await screenshot(phone.page, 'plus-01-pricing-phone');
    await phone.context.close();

    await page.getByRole('button', { name: 'Subscribe monthly' }).click();
    await page.waitForURL(/\/plus\/checkout\/local\?plan=monthly/, { timeout: 30_000 });
    await screenshot(page, 'plus-02-local-checkout');
    await page.getByRole('button', { name: 'Subscribe (test)' }).click();
    await page.waitForURL(/\/plus\?checkout=success/, { timeout: 60_000 });
    await page.getByText('You have Plus (Monthly)').waitFor({ timeout: 60_000 });
    await screenshot(page, 'plus-03-member');

    // 2. A paid Plus course, opened without buying it.
    await page.goto(webUrl(`/courses/${courseId}`));
    await page.getByText('Included with Plus').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Start learning with Plus' }).click();
    await page.waitForURL(new RegExp(`/learn/${courseId}/`), { timeout: 30_000 });
    await waitUntil(
      async () => (await db.doc(`enrollments/${courseId}_${learner.uid}`).get()).get('source') === 'plus',
      'the Plus enrolment',
    );
    expect((await db.collection('payments').where('uid', '==', learner.uid).get()).size).toBe(0);
    await page.goto(webUrl(`/learn/${courseId}/l2`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Lecture 2' }).count(), { timeout: 30_000 })
      .toBe(1);
    await screenshot(page, 'plus-04-learning');

    // 3. Cancel in the local portal: access stays to the period end.
    await page.goto(webUrl('/plus'));
    await page.getByRole('button', { name: 'Manage membership' }).click({ timeout: 30_000 });
    await page.waitForURL(/\/plus\/portal\/local/, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel membership' }).click({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Resume membership' }).waitFor({ timeout: 60_000 });
    await page.getByText(/Plus ends on/).waitFor();
    await screenshot(page, 'plus-05-portal-cancelled');
    expect((await subDoc.get()).get('cancelAtPeriodEnd')).toBe(true);
    await page.goto(webUrl(`/learn/${courseId}/l2`));
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: 'Lecture 2' }).count(), { timeout: 30_000 })
      .toBe(1);

    // 4. The period ends (the clock moved in the data): the Plus course closes; progress stays.
    await subDoc.update({ currentPeriodEnd: new Date(Date.now() - 60_000) });
    await page.goto(webUrl(`/learn/${courseId}/l2`));
    await expect
      .poll(
        () =>
          page.getByRole('heading', { name: 'Your Plus membership no longer includes this course' }).count(),
        {
          timeout: 30_000,
        },
      )
      .toBe(1);
    await screenshot(page, 'plus-06-lapsed-player');
    await page.goto(webUrl(`/courses/${courseId}`));
    await page
      .getByText(/Your Plus membership no longer includes this course: your progress is saved/)
      .waitFor({
        timeout: 30_000,
      });
    // The one call to action is to buy (or renew): no "Start learning" into a course it cannot open,
    // and no lecture-loading error for a course the rules now close to this learner.
    await page.getByRole('button', { name: /^Buy for / }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: /^(Start|Continue) learning$/ }).count()).toBe(0);
    expect(await page.getByText('We couldn’t load the lecture details').count()).toBe(0);
    await screenshot(page, 'plus-07-lapsed-course');
    expect((await db.doc(`enrollments/${courseId}_${learner.uid}`).get()).get('status')).toBe('active');
    expect(errors).toEqual([]);
  }, 300_000);
});
