// Journeys: the admin features a published course from /admin/courses (setCourseFeatured, audit-
// logged) and a signed-out visitor sees it in the home page's "Featured courses" row; taking it off
// the row removes it again. And (issue 18) the admin takes a paid course out of Plus
// (setCoursePlusExcluded, audit-logged): its page no longer says "Included with Plus" until the
// admin puts it back. Desktop and phone, axe on the admin page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../scripts/seed/demo-accounts';
import { adminSdk, waitUntil } from './support/admin-sdk';
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

/** The titles in the home page's featured row, as a signed-out visitor sees them. */
async function featuredRow(): Promise<string[]> {
  const { page, context } = await newPage(browser, { width: 390, height: 844 });
  await page.goto(webUrl('/'));
  const row = page.getByRole('region', { name: 'Featured courses' });
  // The row is below the fold on a phone and loads as the visitor scrolls to it.
  await row.scrollIntoViewIfNeeded();
  await row.locator('ul > li').getByRole('link').first().waitFor();
  const titles = (await row.locator('ul > li').getByRole('link').allTextContents()).map((t) => t.trim());
  await screenshot(page, `admin-feature-course-02-home-${titles.length}`);
  await context.close();
  return titles;
}

describe('admin features a course', () => {
  it('features a published course, which appears in the home page’s featured row, and takes it off again', async () => {
    const { page, errors, context } = await newPage(browser);
    await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
    await page.goto(webUrl('/admin/courses'));
    await page.getByRole('heading', { level: 2, name: 'Featured on the home page' }).waitFor();
    const list = page.getByTestId('featurable-courses');
    await list.locator('li').first().waitFor();

    // The first published course that is not featured yet.
    const row = list.locator('li', { has: page.getByRole('button', { name: /^Feature “/ }) }).first();
    const title = (await row.getByRole('link').textContent())?.trim() ?? '';
    expect(title).not.toBe('');
    expect(await featuredRow()).not.toContain(title);

    await row.getByRole('button', { name: `Feature “${title}”` }).click();
    await page.getByText(`“${title}” now appears in the home page’s featured row.`).waitFor();
    const featuredRowItem = list.locator('li', { hasText: title });
    await featuredRowItem.getByRole('button', { name: `Remove from featured: “${title}”` }).waitFor();
    expect(await featuredRowItem.getByText('Featured', { exact: true }).count()).toBe(1);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'admin-feature-course-01-admin-desktop');

    // Audit-logged on the server.
    const { db } = adminSdk();
    const audit = await waitUntil(async () => {
      const q = await db.collection('auditLog').where('action', '==', 'course.feature').get();
      return q.docs.find((d) => d.get('targetName') === title);
    }, 'the audit entry');
    expect(audit.get('actorName')).toBeTruthy();

    await expect.poll(featuredRow, { timeout: 20_000 }).toContain(title);

    // Take it off again: the row no longer shows it.
    await featuredRowItem.getByRole('button', { name: `Remove from featured: “${title}”` }).click();
    await featuredRowItem.getByRole('button', { name: `Feature “${title}”` }).waitFor();
    await expect.poll(featuredRow, { timeout: 20_000 }).not.toContain(title);

    // On a phone the list and its controls fit.
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'admin-feature-course-03-admin-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a paid course out of Plus, so its page no longer offers it with Plus, and puts it back', async () => {
    const PAID = { id: 'c-react-fundamentals', title: 'React Fundamentals' };
    const { db } = adminSdk();
    const { page, errors, context } = await newPage(browser);
    try {
      await signIn(page, DEMO_ADMIN.email, DEMO_ADMIN.password);
      await page.goto(webUrl('/admin/courses'));
      const row = page.getByTestId('featurable-courses').locator('li', { hasText: PAID.title });
      await row.getByRole('button', { name: `Exclude from Plus: “${PAID.title}”` }).click();
      await page.getByText(`“${PAID.title}” is no longer included with Plus`, { exact: false }).waitFor();
      await row.getByText('Excluded from Plus', { exact: true }).waitFor();
      await row.getByRole('button', { name: `Include in Plus: “${PAID.title}”` }).waitFor();
      await screenshot(page, 'admin-feature-course-04-plus-excluded');
      const audit = await waitUntil(async () => {
        const q = await db.collection('auditLog').where('target', '==', `courses/${PAID.id}`).get();
        return q.docs.find((d) => d.get('action') === 'course.plus-exclude');
      }, 'the audit entry');
      expect(audit.get('targetName')).toBe(PAID.title);

      // A visitor's view of the course: no "Included with Plus" now; back once the admin re-includes it.
      const visitor = await newPage(browser, { width: 390, height: 844 });
      const plusBadge = () => visitor.page.getByText('Included with Plus', { exact: true }).count();
      await visitor.page.goto(webUrl(`/courses/${PAID.id}`));
      await visitor.page.getByRole('heading', { level: 1, name: PAID.title }).waitFor();
      await expect.poll(plusBadge, { timeout: 20_000 }).toBe(0);

      await row.getByRole('button', { name: `Include in Plus: “${PAID.title}”` }).click();
      await row.getByRole('button', { name: `Exclude from Plus: “${PAID.title}”` }).waitFor();
      await visitor.page.reload();
      await expect.poll(plusBadge, { timeout: 20_000 }).toBe(1);
      await screenshot(visitor.page, 'admin-feature-course-05-plus-back-phone');
      await visitor.context.close();
      expect(errors).toEqual([]);
    } finally {
      // Whatever happened above, the seeded course stays in Plus for the other journeys.
      await db.doc(`courses/${PAID.id}`).update({ plusExcluded: false });
      await context.close();
    }
  });
});
