// Journeys: a seeded member copies their invite link from the dashboard, a newcomer signs up
// through it, completes onboarding, verifies their email and does a first observed activity, and
// the referrer sees +25 points, the referral count and a
// notification live; the demo learner sees recommended courses with their reasons; the demo
// educator sees their courses with completion rates and the earnings chart on /educator.
import { POINTS } from '@skillverse/domain/gamification';
import { MAX_REFERRALS_PER_WEEK } from '@skillverse/domain/referrals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_EDUCATOR, DEMO_LEARNER, SEED_USER_PASSWORD } from '../scripts/seed/demo-accounts';
import { adminSdk, verificationLink } from './support/admin-sdk';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

/** A seeded person no other journey signs in as. */
const REFERRER = {
  uid: 'u-fatima-benali',
  email: 'fatima.benali@skillverse.dev',
  password: SEED_USER_PASSWORD,
};

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

async function open(viewport?: { width: number; height: number }) {
  const opened = await newPage(browser, viewport);
  contexts.push(opened.context);
  return opened;
}

async function signIn(page: Page, email: string, password: string, path: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(path)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === path, { timeout: 30_000 });
}

/** The number in the dashboard's "Points" tile. */
async function points(page: Page): Promise<number> {
  const text = await page
    .locator('dt', { hasText: /^Points$/ })
    .locator('xpath=following-sibling::dd')
    .first()
    .textContent();
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe('referrals: invite link → sign-up → onboarding → referrer rewarded', () => {
  it('rewards the referrer with 25 points, a notification and the count, live', async () => {
    const { context, page, errors } = await open();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(webUrl()).origin,
    });
    await signIn(page, REFERRER.email, REFERRER.password, '/dashboard');

    const linkField = page.getByLabel('Your invite link');
    await expect
      .poll(() => linkField.inputValue(), { timeout: 15_000 })
      .toContain(`/sign-up?ref=${REFERRER.uid}`);
    await expect.poll(() => page.getByTestId('referral-count').textContent()).toMatch(/Nobody has joined/);
    // The card states the rules the server applies: evidence first, a weekly cap.
    await expect
      .poll(() =>
        page
          .getByText(
            `Earn ${POINTS.referral} points for each friend who joins through your link, verifies their email`,
            { exact: false },
          )
          .count(),
      )
      .toBe(1);
    await expect
      .poll(() =>
        page.getByText(`Up to ${MAX_REFERRALS_PER_WEEK} friends a week count.`, { exact: false }).count(),
      )
      .toBe(1);
    const before = await points(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copied!' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await linkField.inputValue());
    await page.getByRole('heading', { name: 'Invite friends' }).scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'referral-01-referrer-dashboard');

    // A newcomer opens the link in their own browser, signs up and completes onboarding.
    const invitee = await open();
    await invitee.page.goto(copied);
    await expect.poll(() => invitee.page.title()).toMatch(/sign up|create/i);
    await expect
      .poll(() =>
        invitee.page.getByText('Fatima Zahra Benali invited you to SkillVerse.', { exact: false }).count(),
      )
      .toBe(1);
    await expectNoSeriousA11yViolations(invitee.page);
    await screenshot(invitee.page, 'referral-02-invitee-sign-up');
    await invitee.page.getByLabel('Display name').fill('Rita Referred');
    const inviteeEmail = `referred-${Date.now()}@example.com`;
    await invitee.page.getByLabel('Email').fill(inviteeEmail);
    await invitee.page.getByLabel('Password', { exact: true }).fill('correct-horse-1');
    await invitee.page.getByLabel('Confirm password').fill('correct-horse-1');
    await invitee.page.getByRole('button', { name: 'Create account' }).click();
    await invitee.page.waitForURL(/\/onboarding/, { timeout: 30_000 });
    await expect
      .poll(() => invitee.page.getByLabel('Display name').inputValue(), { timeout: 15_000 })
      .toBe('Rita Referred');
    // Nothing is awarded before onboarding is complete.
    expect(await page.getByTestId('referral-count').textContent()).toMatch(/Nobody has joined/);
    for (let step = 0; step < 3; step++) await invitee.page.getByRole('button', { name: 'Next' }).click();
    await invitee.page.getByRole('button', { name: 'Finish' }).click();
    await invitee.page.waitForURL(/\/dashboard/, { timeout: 20_000 });
    expect(invitee.errors).toEqual([]);

    // Onboarded is not enough: nothing until the invitee verified their email and did a first
    // real activity the platform observed.
    await new Promise((r) => setTimeout(r, 3000));
    expect(await page.getByTestId('referral-count').textContent()).toMatch(/Nobody has joined/);
    const link = await verificationLink(inviteeEmail);
    const mail = await invitee.context.newPage();
    await mail.goto(link);
    await mail.close();
    await invitee.page
      .getByTestId('email-verification-banner')
      .getByRole('button', { name: 'I’ve verified — refresh' })
      .click();
    await expect.poll(() => invitee.page.getByTestId('email-verification-banner').count()).toBe(0);
    // The first observed activity: a lecture completion as completeLecture records it (server side).
    const { auth, db } = adminSdk();
    const inviteeUid = (await auth.getUserByEmail(inviteeEmail)).uid;
    await db.doc(`users/${inviteeUid}/pointEvents/lecture_e2e-course_e2e-lecture`).create({
      points: 10,
      reason: 'lecture_completed',
      refPath: 'courses/e2e-course',
      createdAt: new Date(),
    });

    // The referrer's dashboard updates without a reload.
    await expect
      .poll(() => page.getByTestId('referral-count').textContent(), { timeout: 30_000 })
      .toMatch(/1\s+person has joined/);
    await expect.poll(() => points(page), { timeout: 30_000 }).toBe(before + 25);
    await expect
      .poll(() => page.getByText(/Your invite earned you 25 points/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'referral-03-referrer-rewarded');
    expect(errors).toEqual([]);
  });
});

describe('recommended for you', () => {
  it('shows the demo learner recommended courses with the reason for each', async () => {
    const { page, errors } = await open();
    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password, '/dashboard');
    const list = page.getByTestId('recommendations');
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 15_000 }).toBeGreaterThan(2);
    await expect
      .poll(() =>
        list
          .getByText(/which you want to learn|Matches your interest in|Learners like you completed this/)
          .count(),
      )
      .toBeGreaterThan(0);
    // Never a course the learner already takes.
    const titles = await list.getByRole('heading', { level: 3 }).allTextContents();
    expect(titles).not.toContain('React Fundamentals');
    await page.getByRole('heading', { name: 'Recommended for you' }).scrollIntoViewIfNeeded();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'recommendations-01-dashboard');
    expect(errors).toEqual([]);
  });
});

describe('educator dashboard', () => {
  it('shows the demo educator courses with students, completion rates, ratings and earnings by month', async () => {
    const { page, errors } = await open();
    await signIn(page, DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, '/educator');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toMatch(/Educator dashboard/);
    const courses = page.getByTestId('educator-courses');
    await expect.poll(() => courses.locator(':scope > li').count(), { timeout: 15_000 }).toBeGreaterThan(4);
    await expect.poll(() => courses.getByText(/^\d+%$/).count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.getByRole('progressbar', { name: /Completion rate of/ }).count())
      .toBeGreaterThan(0);
    const totals = page.getByTestId('earnings-totals').first();
    await expect.poll(() => totals.textContent(), { timeout: 15_000 }).toMatch(/Total earned\$[\d,]+\.\d\d/);
    await expect.poll(() => totals.textContent()).toMatch(/Paid out\$0\.00/);
    const chart = page.getByTestId('earnings-chart');
    await expect.poll(() => chart.locator('svg rect').count()).toBe(6);
    await expect.poll(() => chart.locator('figcaption').textContent()).toMatch(/earned in the last 6 months/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'educator-01-dashboard');

    // The table behind the chart lists every month.
    await chart.getByText('Show as table').click();
    await expect.poll(() => chart.getByRole('row').count()).toBe(7);
    await expectNoSeriousA11yViolations(page);

    // Phones: the same page, stacked.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'educator-02-mobile');
    expect(errors).toEqual([]);
  });
});
