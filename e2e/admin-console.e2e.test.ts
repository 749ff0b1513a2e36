// Journey: the admin opens /admin and reads the platform figures (stats/platform, live) and the
// charts of the daily rollup (stats/history), recounts on demand, and follows a quick link; a
// learner who opens /admin gets the forbidden page. Desktop and mobile, axe on each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_LEARNER } from '../scripts/seed/demo-accounts';
import { expectNoSeriousA11yViolations, launchBrowser, newPage, screenshot, webUrl } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(webUrl('/sign-in'));
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(/\/dashboard/, { timeout: 20_000 });
}

/** The number shown for a headline figure, e.g. figure(page, 'Users') → 20. */
async function figure(page: Page, label: string): Promise<number> {
  const value = page.locator('dt', { hasText: label }).first().locator('xpath=following-sibling::dd[1]');
  return Number((await value.textContent())?.replace(/[^\d]/g, '') || Number.NaN);
}

describe('admin console', () => {
  it('shows the admin live figures, charts and quick links, and recounts on demand', async () => {
    const { page, errors } = await newPage(browser);
    await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(webUrl('/admin'));
    await page.getByRole('heading', { level: 1, name: 'Admin console' }).waitFor();

    await expect.poll(() => figure(page, 'Users')).toBeGreaterThanOrEqual(20);
    expect(await figure(page, 'Published courses')).toBeGreaterThanOrEqual(12);
    expect(await figure(page, 'Active learners, 7 days')).toBeGreaterThan(0);
    expect(await figure(page, 'Enrolments')).toBeGreaterThan(0);
    expect(
      await page
        .locator('dt', { hasText: 'Revenue' })
        .locator('xpath=following-sibling::dd[1]')
        .textContent(),
    ).toMatch(/^\$[\d,]+\.\d\d/);

    // Four charts, each an image with a name and a summary, and its figures in a hidden table.
    for (const name of [
      'Sign-ups per day',
      'Enrolments per day',
      'Revenue per day (USD)',
      'Active learners (30 days)',
    ]) {
      const chart = page.getByRole('img', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}\\.`) });
      await chart.waitFor();
      expect(await chart.getAttribute('aria-label')).toMatch(/ to .*highest/);
    }
    expect(
      await page
        .getByRole('table', { name: /Sign-ups per day, by day/, includeHidden: true })
        .locator('tbody tr')
        .count(),
    ).toBe(60);

    const links = page.getByRole('navigation', { name: 'Admin areas' });
    await expect
      .poll(() => links.getByRole('link', { name: /Course moderation\s+\d+ waiting for review/ }).count())
      .toBe(1);
    await expect
      .poll(() => links.getByRole('link', { name: /Educator applications\s+\d+ pending/ }).count())
      .toBe(1);

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-console-01-desktop');

    // Recount: the rollup runs on the server and the page follows its listeners.
    await page.getByRole('button', { name: 'Recount now' }).click();
    await expect
      .poll(() => page.getByText('Figures refreshed').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await figure(page, 'Users')).toBeGreaterThanOrEqual(20);

    await links.getByRole('link', { name: /Course moderation/ }).click();
    await page.waitForURL(/\/admin\/courses$/);
    expect(errors).toEqual([]);
  });

  it('lays the console out for a phone', async () => {
    const { page } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(webUrl('/admin'));
    await page.getByRole('img', { name: /^Sign-ups per day\./ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-console-02-mobile');
  });

  it('shows a learner the forbidden page, and no figures', async () => {
    const { page } = await newPage(browser);
    await signIn(page, DEMO_LEARNER.email, DEMO_LEARNER.password);
    await page.goto(webUrl('/admin'));
    await page.getByRole('heading', { level: 1, name: 'This area is for admins' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Admin console' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-console-03-forbidden');
  });
});
