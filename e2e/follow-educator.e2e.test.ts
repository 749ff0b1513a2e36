// Journey (issue 16 §3): a learner follows an educator on the public profile (the count goes up),
// the educator schedules a live session, and the learner finds the notification in the app. The
// count and the button come from documents only the server writes; the notice comes from the
// fan-out job. Phone (390 px) and desktop screenshots of the profile, axe on each page.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSdk, freshVerifiedLearner, waitUntil } from './support/admin-sdk';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  newPage,
  screenshot,
  signIn,
  webUrl,
} from './support/browser';

let browser: Browser;
const contexts: BrowserContext[] = [];
const PASSWORD = 'follow-pass-123';

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
});

/** A new educator (claim and mirrored role), onboarded, with a headline to show. */
async function freshEducator(displayName: string) {
  const account = await freshVerifiedLearner(displayName, PASSWORD);
  const { auth, db } = adminSdk();
  await auth.setCustomUserClaims(account.uid, { educator: true });
  await db.doc(`users/${account.uid}`).update({
    roles: ['learner', 'educator'],
    headline: 'Teaches data analysis with SQL',
  });
  return account;
}

async function signedInPage(email: string, path: string, viewport?: { width: number; height: number }) {
  const { context, page, errors } = await newPage(browser, viewport);
  contexts.push(context);
  await signIn(page, email, PASSWORD, path);
  return { page, errors };
}

const followerCount = (page: Page) => page.getByTestId('follower-count').textContent();

describe('follow an educator', () => {
  it('follows on the public profile and hears about the educator’s new session', async () => {
    const [educator, learner] = await Promise.all([
      freshEducator(`Fiona Follow ${Date.now().toString(36)}`),
      freshVerifiedLearner('Leo Follower', PASSWORD),
    ]);
    const profilePath = `/u/${educator.uid}`;

    // ------------------------------------------------------------ the learner follows
    const { page, errors } = await signedInPage(learner.email, profilePath, { width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: /Fiona Follow/ }).waitFor();
    await expect.poll(() => followerCount(page), { timeout: 20_000 }).toBe('0 followers');
    const follow = page.getByRole('button', { name: /^Follow Fiona Follow/ });
    await follow.waitFor();
    await screenshot(page, 'follow-01-profile-before-phone');
    await follow.click();
    await page.getByRole('button', { name: /^Following Fiona Follow/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => followerCount(page), { timeout: 20_000 }).toBe('1 follower');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'follow-02-following-phone');
    const { db } = adminSdk();
    expect((await db.doc(`users/${educator.uid}/followers/${learner.uid}`).get()).exists).toBe(true);

    // The same on a desktop, from another window (live documents, no reload needed).
    const desktop = await signedInPage(learner.email, profilePath);
    await desktop.page.getByRole('button', { name: /^Following Fiona Follow/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => followerCount(desktop.page), { timeout: 20_000 }).toBe('1 follower');
    await screenshot(desktop.page, 'follow-03-following-desktop');

    // ------------------------------------------------------------ the educator schedules a session
    const title = `SQL window functions clinic ${Date.now().toString(36)}`;
    const host = await signedInPage(educator.email, '/educator/sessions');
    await host.page.getByRole('button', { name: 'Schedule a session' }).click({ timeout: 30_000 });
    await host.page.getByLabel('Title').fill(title);
    await host.page.getByLabel('Description').fill('Bring a query that surprised you.');
    await host.page.getByLabel('Capacity (seats)').fill('20');
    await host.page.getByRole('button', { name: 'Schedule session' }).click();
    await expect
      .poll(() => host.page.getByRole('link', { name: title }).count(), { timeout: 20_000 })
      .toBe(1);

    // ------------------------------------------------------------ the learner is told
    await waitUntil(
      async () => {
        const items = await db
          .collection(`notifications/${learner.uid}/items`)
          .where('type', '==', 'followed_educator')
          .get();
        return items.size > 0;
      },
      'the follower’s notification',
      90_000,
    );
    await desktop.page.goto(webUrl('/notifications'));
    const notice = desktop.page.getByText(`New live session from an educator you follow: ${title}`);
    await notice.first().waitFor({ timeout: 30_000 });
    await expectNoSeriousA11yViolations(desktop.page);
    await screenshot(desktop.page, 'follow-04-notification-desktop');
    await page.goto(webUrl('/notifications'));
    await page
      .getByText(`New live session from an educator you follow: ${title}`)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'follow-05-notification-phone');

    // ------------------------------------------------------------ and may unfollow again
    await desktop.page.goto(webUrl(profilePath));
    await desktop.page.getByRole('button', { name: /^Following Fiona Follow/ }).click({ timeout: 30_000 });
    await desktop.page.getByRole('button', { name: /^Follow Fiona Follow/ }).waitFor({ timeout: 30_000 });
    await expect.poll(() => followerCount(desktop.page), { timeout: 20_000 }).toBe('0 followers');
    expect(errors).toEqual([]);
    expect(desktop.errors).toEqual([]);
  }, 240_000);
});
