// Journey: a newcomer signs up, onboards, lands on the dashboard, verifies their email from the
// banner (the Auth emulator serves the link) and signs out; a guarded route
// sends a signed-out visitor to sign-in and back; the demo accounts sign in; the notification
// bell counts unread items live and the centre marks them read.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_EDUCATOR, DEMO_LEARNER, SEED_USER_PASSWORD } from '../scripts/seed/demo-accounts';
import { verificationLink } from './support/admin-sdk';
import { launchBrowser, newPage, screenshot, expectNoSeriousA11yViolations, webUrl } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

describe('sign-up → onboarding → dashboard → sign-out', () => {
  it('creates an account, sets up the profile in four steps and reaches the dashboard', async () => {
    const { context, page, errors } = await newPage(browser);
    const email = `newcomer-${Date.now()}@example.com`;

    await page.goto(webUrl('/sign-up'));
    await expect.poll(() => page.title()).toMatch(/sign up|create/i);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'signup-01-form');

    // Validation: mismatched passwords are refused with a clear message and nothing is created.
    await page.getByLabel('Display name').fill('Nia Newcomer');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill('correct-horse-1');
    await page.getByLabel('Confirm password').fill('different-horse-2');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.getByText(/passwords do not match/i).count()).toBeGreaterThan(0);
    await screenshot(page, 'signup-02-validation');

    await page.getByLabel('Confirm password').fill('correct-horse-1');
    await page.getByRole('button', { name: 'Create account' }).click();

    // The auth trigger creates the profile; the guard sends a new account to onboarding.
    await page.waitForURL(/\/onboarding/, { timeout: 30_000 });
    await expect
      .poll(() => page.getByLabel('Display name').inputValue(), { timeout: 15_000 })
      .toBe('Nia Newcomer');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'onboarding-01-profile');
    await page.getByLabel('Headline').fill('Backend developer learning to draw');
    await page.getByRole('button', { name: 'Next' }).click();

    await screenshot(page, 'onboarding-02-skills');
    await page.getByRole('button', { name: 'Next' }).click();
    await screenshot(page, 'onboarding-03-availability');
    await page.getByRole('button', { name: 'Next' }).click();
    await screenshot(page, 'onboarding-04-goal');
    await page.getByRole('button', { name: 'Finish' }).click();

    await page.waitForURL(/\/dashboard/, { timeout: 20_000 });
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toMatch(/Nia/);
    await expect.poll(() => page.getByText(/Novice/).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'dashboard-01-new-user');

    // Sign-up sent a verification email; until it is opened a banner says what waits on it.
    const banner = page.getByTestId('email-verification-banner');
    await expect.poll(() => banner.getByText('Verify your email address').count()).toBe(1);
    await banner.getByRole('button', { name: 'I’ve verified — refresh' }).click();
    await expect.poll(() => banner.locator('p[aria-live]').textContent()).toMatch(/Not verified yet/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'verify-01-banner-not-yet');
    await banner.getByRole('button', { name: 'Resend email' }).click();
    await expect.poll(() => banner.locator('p[aria-live]').textContent()).toMatch(/new link|wait a minute/);
    // The person opens the link from the email (the Auth emulator serves it), comes back and refreshes.
    const link = await verificationLink(email);
    const mail = await context.newPage();
    await mail.goto(link);
    await screenshot(mail, 'verify-02-link-opened');
    await mail.close();
    await banner.getByRole('button', { name: 'I’ve verified — refresh' }).click();
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(0);
    await screenshot(page, 'verify-03-banner-gone');

    // The welcome notification written by the account trigger shows in the bell.
    await expect
      .poll(
        () =>
          page
            .getByRole('link', { name: /^Notifications/ })
            .first()
            .getAttribute('aria-label'),
        { timeout: 15_000 },
      )
      .toMatch(/1 unread/);

    await page
      .getByRole('button', { name: /account menu|open user menu|Nia/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect.poll(() => page.getByRole('link', { name: /sign in/i }).count()).toBeGreaterThan(0);
    await screenshot(page, 'signout-01');

    // Signed out, the dashboard is guarded again.
    await page.goto(webUrl('/dashboard'));
    await page.waitForURL(/\/sign-in\?redirect=%2Fdashboard/);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('route guards', () => {
  it('sends a signed-out visitor to sign-in and back to where they were going', async () => {
    const { context, page, errors } = await newPage(browser);
    await page.goto(webUrl('/settings?tab=notifications'));
    await page.waitForURL(/\/sign-in\?redirect=/);
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/settings?tab=notifications');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'guard-01-sign-in');

    await signIn(page, DEMO_LEARNER.email, 'not-the-password');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/incorrect|wrong|invalid/i);
    await screenshot(page, 'guard-02-wrong-password');

    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
    await page.waitForURL(/\/settings\?tab=notifications$/);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).first().textContent())
      .toMatch(/settings/i);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'guard-03-back-at-settings');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses an open redirect to another origin', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(webUrl('/sign-in?redirect=https%3A%2F%2Fevil.example%2F'));
    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
    await page.waitForURL((url) => url.origin === new URL(webUrl()).origin && url.pathname === '/dashboard');
    await context.close();
  });
});

describe('notification centre', () => {
  it('shows the unread count live and marks everything read', async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    await page.goto(webUrl('/sign-in?redirect=%2Fnotifications'));
    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
    await page.waitForURL(/\/notifications/);
    await expect.poll(() => page.getByRole('listitem').count()).toBeGreaterThan(0);
    const bell = page.getByRole('link', { name: /^Notifications/ }).first();
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/(more than )?[1-9]\d* unread/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'notifications-01-mobile');

    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).not.toMatch(/unread/);
    await screenshot(page, 'notifications-02-all-read');
    await context.close();
  });
});

describe('demo accounts and roles', () => {
  async function signInAs(email: string, password: string, path: string) {
    const { context, page } = await newPage(browser);
    await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(path)}`));
    await signIn(page, email, password);
    await page.waitForURL((url) => url.pathname === path, { timeout: 20_000 });
    return { context, page };
  }

  it('keeps learners out of the admin and educator areas with a friendly 403', async () => {
    const { context, page } = await signInAs(DEMO_LEARNER.email, DEMO_LEARNER.password, '/admin');
    await expect.poll(() => page.getByText('403 · No access').count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'This area is for admins' }).count()).toBe(1);
    await screenshot(page, 'roles-01-learner-403-admin');
    await page.goto(webUrl('/educator'));
    await expect
      .poll(() => page.getByRole('heading', { name: 'This area is for educators' }).count())
      .toBe(1);
    await context.close();
  });

  it('lets the demo educator into the educator area and the demo admin into the admin console', async () => {
    const educator = await signInAs(DEMO_EDUCATOR.email, DEMO_EDUCATOR.password, '/educator');
    await expect
      .poll(() => educator.page.getByRole('heading', { level: 1 }).first().textContent())
      .toBeTruthy();
    expect(await educator.page.getByText('403 · No access').count()).toBe(0);
    await screenshot(educator.page, 'roles-02-educator-area');
    await educator.context.close();

    const admin = await signInAs(DEMO_ADMIN.email, DEMO_ADMIN.password, '/admin');
    await expect.poll(() => admin.page.getByRole('heading', { level: 1 }).first().textContent()).toBeTruthy();
    expect(await admin.page.getByText('403 · No access').count()).toBe(0);
    await screenshot(admin.page, 'roles-03-admin-area');
    await admin.context.close();
  });
});

describe('account status', () => {
  it('tells a suspended user why they cannot change anything and disables saving', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(webUrl('/sign-in?redirect=%2Fprofile'));
    await signIn(page, 'jake.turner@skillverse.dev', SEED_USER_PASSWORD);
    await page.waitForURL(/\/profile$/);
    await expect.poll(() => page.getByText('Your account is suspended').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByLabel('Headline').isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await screenshot(page, 'status-01-suspended-profile');
    await context.close();
  });
});
