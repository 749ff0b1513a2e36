// Journeys: (a) a new member applies to teach at /become-educator; the admin approves in
// /admin/applications through decideEducatorApplication; the applicant, still signed in and
// without reloading, gets the Educator link and reaches /educator (the auth provider refreshes the
// token when the mirrored roles change). (b) The admin finds a member in /admin/users and
// suspends them; that member's next write is refused and says the account is suspended.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../scripts/seed/demo-accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';
import { adminSdk, waitUntil } from './support/admin-sdk';

const PASSWORD = 'apply-to-teach-1';
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A new, onboarded member (the sign-up trigger creates the profile). */
async function member(name: string) {
  const { auth, db } = adminSdk();
  const stamp = Date.now().toString(36);
  const email = `${name.split(' ')[0]?.toLowerCase()}-${stamp}@example.com`;
  const user = await auth.createUser({ email, password: PASSWORD, displayName: name, emailVerified: true });
  const ref = db.doc(`users/${user.uid}`);
  await waitUntil(async () => (await ref.get()).exists, `profile of ${name}`);
  await ref.update({ onboarded: true, headline: 'Member of SkillVerse', timezone: 'UTC' });
  return { uid: user.uid, email, name };
}

async function signIn(page: Page, email: string, password: string, redirect: string) {
  await page.goto(webUrl(`/sign-in?redirect=${encodeURIComponent(redirect)}`));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === redirect, { timeout: 30_000 });
}

describe('applying to teach', () => {
  it('a member applies, the admin approves, and the member reaches /educator without signing out', async () => {
    const applicant = await member(`Tessa Teachwell ${Date.now().toString(36)}`);

    // Signed out: the pitch and a way to sign in that comes back here.
    const visitor = await newPage(browser);
    await visitor.page.goto(webUrl('/become-educator'));
    await expect
      .poll(() => visitor.page.getByRole('heading', { level: 1, name: 'Become an educator' }).count())
      .toBe(1);
    const signInLink = visitor.page.getByRole('link', { name: 'Sign in to apply' });
    expect(await signInLink.getAttribute('href')).toBe('/sign-in?redirect=%2Fbecome-educator');
    await expectNoSeriousA11yViolations(visitor.page);
    await screenshot(visitor.page, 'apply-01-signed-out');
    await visitor.context.close();

    const learner = await newPage(browser);
    const page = learner.page;
    await signIn(page, applicant.email, PASSWORD, '/become-educator');
    await expect.poll(() => page.getByRole('heading', { name: 'Apply to teach' }).count()).toBe(1);
    // No Educator link yet.
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Educator' }).count(),
    ).toBe(0);

    // Validation first: nothing is written.
    await page.getByLabel('Why do you want to teach?').fill('Too short');
    await page.getByLabel(/Sample material/).fill('not a link');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect.poll(() => page.getByText(/Add at least one skill you would teach/).count()).toBe(1);
    await expect.poll(() => page.getByText(/at least 20 characters/).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(/Enter a full link starting with https/).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'apply-02-validation');
    const { db } = adminSdk();
    expect((await db.doc(`educatorApplications/${applicant.uid}`).get()).exists).toBe(false);

    const expertise = page.getByLabel('What would you teach?');
    await expertise.fill('Watercolour');
    await expertise.press('Enter');
    await expertise.fill('Colour theory');
    await expertise.press('Enter');
    await page
      .getByLabel('Why do you want to teach?')
      .fill('I have run weekend watercolour workshops for adults for six years and want to teach online.');
    await page.getByLabel(/Sample material/).fill('https://example.com/watercolour-sample');
    await page.getByRole('button', { name: 'Send application' }).click();
    await expect.poll(() => page.getByText('An admin is reviewing your application').count()).toBe(1);
    await expect.poll(() => page.getByText('Under review').count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'apply-03-pending');

    // The admin, in another browser context, approves it from the live queue.
    const admin = await newPage(browser);
    await signIn(admin.page, DEMO_ADMIN.email, DEMO_ADMIN.password, '/admin/applications');
    const card = admin.page.getByRole('article', { name: applicant.name });
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => card.getByText('Watercolour', { exact: true }).count()).toBe(1);
    // The seeded applications wait in the queue too.
    await expect.poll(() => admin.page.getByRole('article', { name: 'Marcus Johnson' }).count()).toBe(1);
    await expectNoSeriousA11yViolations(admin.page);
    await screenshot(admin.page, 'apply-04-admin-queue');

    // Rejecting needs a reason: the dialog says so and sends nothing.
    await admin.page
      .getByRole('article', { name: 'Marcus Johnson' })
      .getByRole('button', { name: 'Reject…' })
      .click();
    const dialog = admin.page.getByRole('dialog', { name: 'Reject this application' });
    await dialog.getByRole('button', { name: 'Reject application' }).click();
    await expect
      .poll(() => dialog.getByText(/Explain the decision in at least 10 characters/).count())
      .toBe(1);
    await expectNoSeriousA11yViolations(admin.page);
    await screenshot(admin.page, 'apply-05-reject-dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await card.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => card.count(), { timeout: 20_000 }).toBe(0);
    await expect
      .poll(() =>
        admin.page.getByRole('region', { name: 'Recently decided' }).getByText(applicant.name).count(),
      )
      .toBeGreaterThan(0);
    await screenshot(admin.page, 'apply-06-admin-approved');

    // The applicant's page follows live: approved, and the Educator link appears without a reload.
    await expect.poll(() => page.getByText('You’re approved to teach').count(), { timeout: 20_000 }).toBe(1);
    await expect
      .poll(
        () => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Educator' }).count(),
        { timeout: 20_000 },
      )
      .toBe(1);
    await screenshot(page, 'apply-07-approved');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Educator' }).click();
    await page.waitForURL(/\/educator$/);
    await expect.poll(() => page.getByText(/only for educators|not an educator/i).count()).toBe(0);
    await expect.poll(() => page.getByRole('link', { name: 'New course' }).count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'apply-08-educator-area');

    expect(learner.errors).toEqual([]);
    expect(admin.errors).toEqual([]);
    await learner.context.close();
    await admin.context.close();
  });
});

describe('suspending an account', () => {
  it('the admin suspends a member in /admin/users; their next write fails with a clear message', async () => {
    const target = await member(`Sid Suspendable ${Date.now().toString(36)}`);

    // The member has their profile open.
    const memberPage = await newPage(browser);
    const page = memberPage.page;
    await signIn(page, target.email, PASSWORD, '/profile');
    await expect
      .poll(() => page.getByLabel('Headline').inputValue(), { timeout: 15_000 })
      .toBe('Member of SkillVerse');

    // The admin finds them by name (case-insensitive prefix) and by exact email.
    const admin = await newPage(browser);
    const ap = admin.page;
    await signIn(ap, DEMO_ADMIN.email, DEMO_ADMIN.password, '/admin/users');
    await expect
      .poll(() => ap.getByRole('region', { name: 'Audit log' }).getByRole('listitem').count())
      .toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(ap);
    await screenshot(ap, 'users-01-list');
    // 20 a page, with a cursor: page 2 and back.
    const userList = () => ap.getByRole('list', { name: /^Users, page/ });
    const adaLink = () => userList().getByRole('link', { name: DEMO_ADMIN.displayName, exact: true }).count();
    await expect.poll(adaLink).toBe(1);
    await ap
      .getByRole('navigation', { name: 'Pages of users' })
      .getByRole('button', { name: 'Next' })
      .click();
    await expect.poll(() => ap.getByText('Page 2', { exact: true }).count()).toBe(1);
    await expect.poll(adaLink).toBe(0);
    await ap
      .getByRole('navigation', { name: 'Pages of users' })
      .getByRole('button', { name: 'Previous' })
      .click();
    await expect.poll(adaLink).toBe(1);
    // Filter by role: only admins.
    await ap.getByLabel('Role').selectOption('admin');
    await ap.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => userList().getByRole('link', { name: 'Amara Okafor' }).count()).toBe(0);
    await expect.poll(adaLink).toBe(1);
    await ap.getByLabel('Role').selectOption('all');
    await ap.getByLabel('Name or email').fill('SID SUSP');
    await ap.getByRole('button', { name: 'Search' }).click();
    const row = ap.getByRole('listitem', { name: target.name });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    await ap.getByLabel('Name or email').fill(target.email);
    await ap.getByRole('button', { name: 'Search' }).click();
    await expect
      .poll(() =>
        ap.getByRole('list', { name: 'Users found' }).getByRole('link', { name: target.name }).count(),
      )
      .toBe(1);
    await screenshot(ap, 'users-02-found-by-email');

    // Meanwhile the member starts editing, with the network briefly gone (so their page has not
    // heard of the suspension when they press Save).
    await page.getByLabel('Headline').fill('About to be suspended');
    await memberPage.context.setOffline(true);

    await row.getByRole('button', { name: `Suspend ${target.name}` }).click();
    const dialog = ap.getByRole('dialog', { name: 'Suspend this account' });
    await dialog.getByRole('button', { name: 'Suspend account' }).click();
    await expect.poll(() => dialog.getByText(/at least 5 characters/).count()).toBe(1);
    await dialog.getByLabel('Reason for the user').fill('Spamming exchange requests');
    await expectNoSeriousA11yViolations(ap);
    await screenshot(ap, 'users-03-suspend-dialog');
    await dialog.getByRole('button', { name: 'Suspend account' }).click();
    await expect.poll(() => ap.getByRole('dialog', { name: 'Suspend this account' }).count()).toBe(0);
    await expect.poll(() => row.getByText('Suspended', { exact: true }).count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() =>
        ap
          .getByRole('region', { name: 'Audit log' })
          .getByText(/suspended the account \(Spamming exchange requests\)/)
          .count(),
      )
      .toBeGreaterThan(0);
    // The entry names the admin and the member with the names stored on it (no profile read per row).
    await expect
      .poll(() =>
        ap
          .getByRole('region', { name: 'Audit log' })
          .getByRole('listitem')
          .filter({ hasText: /suspended the account \(Spamming exchange requests\)/ })
          .first()
          .textContent(),
      )
      .toContain(
        `${DEMO_ADMIN.displayName} suspended the account (Spamming exchange requests) for ${target.name}`,
      );
    await screenshot(ap, 'users-04-suspended');
    const { db } = adminSdk();
    expect((await db.doc(`users/${target.uid}`).get()).get('status')).toBe('suspended');

    // The member presses Save; back online, the write reaches the server and is refused.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await memberPage.context.setOffline(false);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'Your changes weren’t saved' }).textContent(), {
        timeout: 30_000,
      })
      .toMatch(/Your account is suspended/);
    await expect.poll(() => page.getByText('Your account is suspended').count()).toBeGreaterThan(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-05-member-write-refused');
    expect((await db.doc(`users/${target.uid}`).get()).get('headline')).toBe('Member of SkillVerse');

    expect(admin.errors).toEqual([]);
    await memberPage.context.close();
    await admin.context.close();
  });
});
